#!/usr/bin/env python3
"""A write watchpoint on a variable nothing writes (words[6] of
programs/watchside.c, in .bss below the heap) must never stop a forward run:
straight through to the exit stop, then the exit. Speaks the remote protocol
itself (bench/reverse/reverse_bench.py's client), so that no stop is hidden
by gdb re-checking the value and resuming silently.
Usage: rsp_watch_untouched.py BACKSTEP PROG [BACKSTEP OPTIONS...]"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../bench/reverse"))
from reverse_bench import RSP, symbol  # noqa: E402


def main():
    backstep, prog = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as d:
        p = subprocess.Popen([backstep] + sys.argv[3:] + ["-g", "127.0.0.1:0", prog, os.path.join(d, "flag")],
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            return session(p, prog)
        finally:
            p.kill()
            p.wait()


def session(p, prog):
    line = p.stderr.readline()
    host, port = line.split()[-1].rsplit(":", 1)
    c = RSP(host, int(port))
    addr = symbol(prog, "words") + 24
    assert c.cmd("Z2,%x,4" % addr) == "OK"
    r = c.cmd("c")
    print("first stop: %s" % r)
    if not r.startswith("T05") or "watch" in r:
        print("FAIL: expected the exit stop (T05 without watch:), got %r" % r)
        return 1
    r = c.cmd("c")
    print("then: %s" % r)
    if r != "W00":
        print("FAIL: expected the exit (W00), got %r" % r)
        return 1
    c.s.close()
    p.wait(timeout=30)
    print("ok: no stop for a watchpoint nothing hits")
    return 0


if __name__ == "__main__":
    sys.exit(main())

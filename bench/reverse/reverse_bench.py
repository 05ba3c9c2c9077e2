#!/usr/bin/env python3
"""Reverse-execution figures for bench/run.sh, measured through the remote
protocol itself (a minimal RSP client, no gdb in between):

  - recording speed under -g: a `monitor seek` forward to the end of the
    history, live (instructions recorded per second);
  - reverse-stepi latency at the end of that history: N `bs` packets in a
    row, each timed from sending to the stop reply (median, p99);
  - reverse-stepi at points anywhere in the history: `monitor seek P` to a
    random P, then one `bs` (the seek time is reported separately);
  - reverse-continue to a write watchpoint hit at the very start of history
    (the only write of `marker` in history.c), from the end;
  - seek latency: `monitor seek N` to N random points of the history
    (p50, p99), each timed from sending to the reply;
  - history queries from the end: `monitor last` on `marker` (its only
    write is at the very start: the whole history is searched), on
    `progress` (written every 256 iterations: its last write is recent) and,
    in the second process below, on `midpoint` (written once, in the middle
    of the history: its iteration is computed from the count and value of
    progress's last write), and `monitor writes progress` over the whole
    history (about 1.2·10^5 lines for 10^9 instructions), timed through the
    protocol, output included;
  - peak memory of the backstep process (VmHWM);
  - recording speed again, in a second process, with a write watchpoint on
    `untouched` (never accessed): what a watchpoint costs a forward run.

Usage: reverse_bench.py BACKSTEP PROG HISTORY_INSNS [--bs N] [--points N]
PROG is bench/reverse/history.c built for ARM, run with enough iterations
to outlast HISTORY_INSNS instructions."""
import argparse
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time


class RSP:
    def __init__(self, host, port):
        self.s = socket.create_connection((host, port))
        self.s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buf = b""
        self.ack = True
        r = self.cmd("QStartNoAckMode")
        assert r == "OK", r
        self.ack = False

    def _read_packet(self):
        while True:
            i = self.buf.find(b"$")
            j = self.buf.find(b"#", i + 1) if i >= 0 else -1
            if i >= 0 and j >= 0 and len(self.buf) >= j + 3:
                body = self.buf[i + 1:j]
                self.buf = self.buf[j + 3:]
                if self.ack:
                    self.s.sendall(b"+")
                return body.decode("latin-1")
            d = self.s.recv(65536)
            if not d:
                raise EOFError("connection closed")
            self.buf += d

    def send(self, payload):
        data = payload.encode("latin-1")
        self.s.sendall(b"$" + data + b"#%02x" % (sum(data) & 0xFF))

    def cmd(self, payload):
        self.send(payload)
        return self._read_packet()

    def monitor(self, text):
        self.send("qRcmd," + text.encode().hex())
        out = ""
        while True:
            r = self._read_packet()
            if r.startswith("O") and r != "OK":
                out += bytes.fromhex(r[1:]).decode()
                continue
            return r, out


def when(c):
    r, out = c.monitor("when")
    return int(out.split()[-1])


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))]


def start(backstep, prog, iters, *more):
    p = subprocess.Popen([backstep, "-g", "127.0.0.1:0", prog, str(iters)] + [str(x) for x in more],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    line = p.stderr.readline()
    m = re.search(r"waiting for gdb on ([\d.]+):(\d+)", line)
    if not m:
        sys.exit("reverse_bench: backstep did not start: " + line)
    return p, RSP(m.group(1), int(m.group(2)))


def symbol(prog, name):
    for line in subprocess.check_output(["arm-linux-gnueabi-nm", prog], text=True).splitlines():
        f = line.split()
        if len(f) == 3 and f[2] == name:
            return int(f[0], 16)
    sys.exit("reverse_bench: no symbol %s in %s" % (name, prog))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("backstep")
    ap.add_argument("prog")
    ap.add_argument("history", type=int)
    ap.add_argument("--iterations", type=int, default=0)
    ap.add_argument("--bs", type=int, default=200)
    ap.add_argument("--points", type=int, default=20)
    ap.add_argument("--seeks", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    iters = a.iterations or a.history // 4
    p, c = start(a.backstep, a.prog, iters)
    marker = symbol(a.prog, "marker")

    t0 = time.perf_counter()
    r, out = c.monitor("seek %d" % a.history)
    t_rec = time.perf_counter() - t0
    if when(c) != a.history:
        sys.exit("reverse_bench: could not reach %d: %s" % (a.history, out))

    lat = []
    for _ in range(a.bs):
        t0 = time.perf_counter()
        r = c.cmd("bs")
        lat.append(time.perf_counter() - t0)
        if not r.startswith("T"):
            sys.exit("reverse_bench: bs answered %r" % r)

    rnd = random.Random(a.seed)
    seeks, anywhere = [], []
    for _ in range(a.points):
        n = rnd.randint(a.history // 100, a.history - 1)
        t0 = time.perf_counter()
        c.monitor("seek %d" % n)
        seeks.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        c.cmd("bs")
        anywhere.append(time.perf_counter() - t0)

    seek_only = []
    for _ in range(a.seeks):
        n = rnd.randint(0, a.history)
        t0 = time.perf_counter()
        r, out = c.monitor("seek %d" % n)
        seek_only.append(time.perf_counter() - t0)
        if not out.startswith("At instruction %d" % n):
            sys.exit("reverse_bench: seek %d answered %r" % (n, out))

    progress = symbol(a.prog, "progress")
    queries = []
    per_iter = None
    for name, addr in (("marker", marker), ("progress", progress)):
        c.monitor("seek %d" % a.history)
        t0 = time.perf_counter()
        r, out = c.monitor("last 0x%x" % addr)
        t = time.perf_counter() - t0
        m = re.search(r"At instruction (\d+)", out)
        queries.append("`monitor last %s` from the end: %.3f s (%s)"
                       % (name, t, "found at %s" % m.group(1) if m else "FAILED: " + out.strip()))
        if m and name == "progress":
            # progress = i is stored at count m: instructions per iteration.
            i = int.from_bytes(bytes.fromhex(c.cmd("m%x,4" % addr)), "little")
            per_iter = int(m.group(1)) / max(i, 1)
    c.monitor("seek %d" % a.history)
    t0 = time.perf_counter()
    r, out = c.monitor("writes 0x%x" % progress)
    t = time.perf_counter() - t0
    nlines = out.count("\n") - 1
    summary = out.strip().splitlines()[-1] if out.strip() else "nothing"
    queries.append("`monitor writes progress` over the whole history: %.3f s for %d lines (%s)"
                   % (t, nlines, summary.split(";")[-1].strip()))

    c.monitor("seek %d" % a.history)
    assert c.cmd("Z2,%x,4" % marker) == "OK"
    t0 = time.perf_counter()
    r = c.cmd("bc")
    t_bc = time.perf_counter() - t0
    landed = when(c)
    hist = c.monitor("history")[1]
    with open("/proc/%d/status" % p.pid) as f:
        hwm = int(re.search(r"VmHWM:\s+(\d+)", f.read()).group(1)) / 1024.0
    c.send("k")
    p.wait(timeout=30)

    mid = int(a.history / 2 / per_iter) if per_iter else iters
    p, c = start(a.backstep, a.prog, iters, mid)
    assert c.cmd("Z2,%x,4" % symbol(a.prog, "untouched")) == "OK"
    t0 = time.perf_counter()
    c.monitor("seek %d" % a.history)
    t_watch = time.perf_counter() - t0
    watch_ok = when(c) == a.history
    assert c.cmd("z2,%x,4" % symbol(a.prog, "untouched")) == "OK"
    t0 = time.perf_counter()
    _, out = c.monitor("last 0x%x" % symbol(a.prog, "midpoint"))
    t = time.perf_counter() - t0
    m = re.search(r"At instruction (\d+)", out)
    queries.insert(1, "`monitor last midpoint` from the end: %.3f s (%s)"
                   % (t, "found at %s" % m.group(1) if m else "FAILED: " + out.strip()))
    c.send("k")
    p.wait(timeout=30)

    ms = lambda x: "%.3f" % (x * 1000)
    print("history %.0e instructions: recorded in %.2f s (%.1f M instructions/s under -g)"
          % (a.history, t_rec, a.history / t_rec / 1e6))
    print("  reverse-stepi at the end of history (%d in a row): median %s ms, p99 %s ms"
          % (a.bs, ms(statistics.median(lat)), ms(pct(lat, 99))))
    print("  seek to %d random points: median %s ms, p99 %s ms; then reverse-stepi there: median %s ms, p99 %s ms"
          % (a.points, ms(statistics.median(seeks)), ms(pct(seeks, 99)), ms(statistics.median(anywhere)),
             ms(pct(anywhere, 99))))
    ok = "watch" in r
    print("  monitor seek to %d random points of the whole history: p50 %s ms, p99 %s ms, max %s ms"
          % (a.seeks, ms(statistics.median(seek_only)), ms(pct(seek_only, 99)), ms(max(seek_only))))
    for q in queries:
        print("  " + q)
    print("  reverse-continue to the write watchpoint %d instructions back: %.2f s (%s, stopped at %d)"
          % (a.history - landed, t_bc, "hit" if ok else "NO HIT: " + r, landed))
    print("  peak memory of backstep: %.0f MiB" % hwm)
    print("  recording with a write watchpoint never hit: %.2f s (%.2fx the time without)%s"
          % (t_watch, t_watch / t_rec, "" if watch_ok else " -- DID NOT REACH THE END"))
    for l in hist.strip().splitlines():
        print("  | " + l)
    queries_ok = not any("FAILED" in q for q in queries)
    return 0 if ok and watch_ok and queries_ok else 1


if __name__ == "__main__":
    sys.exit(main())

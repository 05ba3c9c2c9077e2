# stepi / reverse-stepi round trips on programs/basics.c, at a dozen points
# in the program and in the C library (including write(), whose system call
# is stepped over, backwards, and replayed): all registers and some memory
# words must be equal after stepi N + reverse-stepi N, and after
# reverse-stepi N + stepi N. The guest's output must still appear once.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()
m = markers()
src = markers_path()


def snapshot():
    r = regs()
    f = gdb.selected_frame()
    r["fpscr"] = int(f.read_register("fpscr")) & 0xFFFFFFFF
    sp = r["sp"]
    mem = {a: word(a) for a in range(sp - 16, sp + 32, 4)}
    table = val("&table")
    for a in [table, table + 12, table + 28, val("&factor")]:
        mem[a] = word(a)
    return r, mem


def state_hash():
    return gdb.execute("monitor state-hash", to_string=True).split()[-1]


def same(a, b, what):
    diff = ["%s 0x%x -> 0x%x" % (k, a[0][k], b[0][k]) for k in a[0] if a[0][k] != b[0][k]]
    diff += ["[0x%x] 0x%x -> 0x%x" % (k, a[1][k], b[1][k]) for k in a[1] if a[1][k] != b[1][k]]
    if diff:
        fail("%s: state differs: %s" % (what, ", ".join(diff)))
    print("ok: %s" % what)


def steps(cmd, n):
    for _ in range(n):
        run(cmd)


# Locations: lines of main, the callee, and C library functions: printf,
# its buffer allocation, and the write() system call wrapper.
points = ["main", "%s:%d" % (src, m["sum_loop"]), "%s:%d" % (src, m["scaled"]), "*scale",
          "%s:%d" % (src, m["scale_body"]), "printf", "malloc", "write", "%s:%d" % (src, m["done"]), "write",
          "exit", "_exit"]
n_checked = 0
for i, loc in enumerate(points):
    run("tbreak " + loc)
    out = run("continue")
    check("Temporary breakpoint" in out, "stopped at %s" % loc)
    here = snapshot()
    h = state_hash()
    # _exit's second instruction is the exit_group system call.
    for n in (1,) if loc == "_exit" else (1, 3, 25):
        steps("stepi", n)
        after = snapshot()
        check(after[0]["pc"] != here[0]["pc"] or n > 1, "stepi %d moved (pc 0x%x)" % (n, after[0]["pc"]))
        steps("reverse-stepi", n)
        same(here, snapshot(), "%s: stepi %d + reverse-stepi %d" % (loc, n, n))
        check(state_hash() == h, "%s: state hash equal after stepi %d + reverse-stepi %d" % (loc, n, n))
        steps("reverse-stepi", n)
        back = snapshot()
        steps("stepi", n)
        same(here, snapshot(), "%s: reverse-stepi %d + stepi %d" % (loc, n, n))
        steps("reverse-stepi", n)
        same(back, snapshot(), "%s: and back again %d" % (loc, n))
        steps("stepi", n)
        n_checked += 1
print("round trips checked: %d" % n_checked)
run("delete")
out = continue_to_exit()
check("exited with code 031" in out, "the program exits with status 25 (031)")
with open(os.environ["BS_GUEST_OUT"]) as f:
    text = f.read()
check(text == "result 25 sum 33244\ndone\n", "the output appears once: %r" % text)

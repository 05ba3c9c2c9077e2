# Seeking under `target extended-remote`: `starti N` puts the target at
# instruction count N and gdb shows that state without further commands
# (its register and frame caches are dropped as for a new run). The
# expected state at each N is taken independently beforehand, by stepping
# forward from the start with stepi and reading the registers.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

gdb.execute("set confirm off")
run("target extended-remote " + os.environ["BS_TARGET"])


def regs():
    return [int(gdb.parse_and_eval("$" + r)) & 0xFFFFFFFF for r in REGS]


def when():
    return int(gdb.execute("monitor when", to_string=True).split()[-1])


# Forward, one instruction at a time: the state at counts 0..299.
at = {}
for n in range(300):
    if n % 100 == 0:
        check(when() == n, "count %d before stepi" % n)
    at[n] = regs()
    gdb.execute("stepi", to_string=True)
end = when()
check(end == 300, "300 stepi made 300 instructions (at %d)" % end)

# Backwards and forwards with starti N: gdb must show exactly that state.
for n in [250, 3, 120, 299, 0, 177, 42]:
    out = run("starti %d" % n)
    check(when() == n, "starti %d: at instruction %d (monitor when: %d)" % (n, n, when()))
    got = regs()
    check(got == at[n], "starti %d: gdb shows the registers the program had at %d" % (n, n))
    check(int(gdb.selected_frame().pc()) == at[n][15], "starti %d: the frame's pc is the one at %d" % (n, n))

# A bad argument is refused (gdb then considers the program not running,
# as after any failed `run`); the next starti works again.
try:
    gdb.execute("starti notanumber", to_string=True)
    refused = False
except gdb.error:
    refused = True
check(refused, "starti notanumber is refused")
run("starti 10")
check(when() == 10 and regs() == at[10], "starti 10 after the refusal: the state at 10")
run("kill")

# stepi, reverse-stepi and a breakpoint inside a Thumb-2 IT block
# (tests/asm/t32_it.S, the `itttt ne` at it_start, run with Z clear: the
# first slot, SUBS.W, sets Z, so slots 2-4 fail). ITSTATE (CPSR.IT, A2.5.2)
# is 0x1f, 0x1e, 0x1c, 0x18 for the four slots and 0 after them; every
# stepi and reverse-stepi moves `monitor when` by exactly one (a slot whose
# condition fails retires too), a breakpoint on the third slot stops there
# with its ITSTATE, and going back restores every register and CPSR as it
# was going forward.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()


def sym(name):
    return val("(unsigned)&%s" % name) & ~1


def cpsr():
    gdb.execute("maintenance flush register-cache", to_string=True)
    return val("$cpsr") & 0xFFFFFFFF


def itstate():
    c = cpsr()
    return ((c >> 25) & 3) | (((c >> 10) & 0x3F) << 2)


start, third = sym("it_start"), sym("it_third")
run("break *0x%x" % third)
run("continue")
check(pc() == third, "continue stops at the third IT slot 0x%x (pc 0x%x)" % (third, pc()))
check(itstate() == 0x1C, "ITSTATE at the third slot is 0x1c (got 0x%x)" % itstate())
check(cpsr() & 0x20, "Thumb state at the breakpoint")
run("delete")
n3 = when()

# Back to the IT instruction, one instruction per reverse-stepi.
back = [(start + 6, 0x1E), (start + 2, 0x1F), (start, 0)]   # slot 2 (16-bit), slot 1 (32-bit), IT
seen = {}
for i, (want_pc, want_it) in enumerate(back):
    run("reverse-stepi")
    check(pc() == want_pc and itstate() == want_it and when() == n3 - i - 1,
          "reverse-stepi %d: pc 0x%x (want 0x%x), ITSTATE 0x%x (want 0x%x), count %d (want %d)"
          % (i + 1, pc(), want_pc, itstate(), want_it, when(), n3 - i - 1))
    seen[when()] = (regs(), cpsr())

# Forward through the whole block, one instruction per stepi.
fwd = [(start + 2, 0x1F), (start + 6, 0x1E), (third, 0x1C), (third + 2, 0x18), (third + 4, 0)]
n0 = when()
r1_before = regs()["r1"]
for i, (want_pc, want_it) in enumerate(fwd):
    run("stepi")
    check(pc() == want_pc and itstate() == want_it and when() == n0 + i + 1,
          "stepi %d: pc 0x%x (want 0x%x), ITSTATE 0x%x (want 0x%x), count %d (want %d)"
          % (i + 1, pc(), want_pc, itstate(), want_it, when(), n0 + i + 1))
    if when() in seen:
        check(seen[when()] == (regs(), cpsr()), "the state at count %d is the same going forward and back" % when())
r = regs()
check(r["r0"] == 0 and cpsr() & 0x40000000, "SUBSNE.W ran (r0 = 0, Z set); got r0 0x%x" % r["r0"])
check(r["r1"] == r1_before, "the failing slots left r1 alone (r1 0x%x, was 0x%x)" % (r["r1"], r1_before))
print("t32 IT stepping: ok")

# Breakpoints, finish / reverse-finish, reverse-continue and watchpoints in
# Thumb code, on programs/thumb.c: main (ARM) calls t_leaf (Thumb) with 2
# and 5 (t_leaf stores x * 3 to counter and returns x * 3 + 1), then
# t_mid(23) (Thumb), which calls a_leaf(23) = 123 (ARM) and returns 246;
# then the hand-written sw_* chain (direct BLX calls, no linker veneers).
# `monitor state-hash` tells states apart that differ only in CPSR.T.
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()
m = markers()
T = 0x20


def thumb():
    return bool(val("$cpsr") & T)


def addr(sym):
    return val("(unsigned)&%s" % sym) & ~1


def at(fn, line, how):
    check(func() == fn and frame_line() == m[line], "%s: in %s at MARK:%s, line %d (got %s:%d)"
          % (how, fn, line, m[line], func(), frame_line()))


def state_hash():
    return gdb.execute("monitor state-hash", to_string=True).split()[-1]


# The state hash covers CPSR.T: at the end of history (live), flipping T
# alone changes it, flipping it back restores it.
h0 = state_hash()
t0 = val("$cpsr") & 0xFFFFFFFF
run("set $cpsr = 0x%x" % (t0 ^ T))
check(val("$cpsr") & T != t0 & T, "CPSR.T flipped by the debugger")
h1 = state_hash()
run("set $cpsr = 0x%x" % t0)
check(h1 != h0 and state_hash() == h0, "state-hash %s with T flipped, %s and %s without" % (h1, h0, state_hash()))

# A breakpoint in a Thumb function, reached from ARM code.
run("break t_leaf")
out = run("continue")
check("Breakpoint 1, t_leaf (x=2)" in out, "breakpoint in t_leaf (Thumb), x = 2")
at("t_leaf", "t_leaf_first", "continue")
check(thumb(), "T set in t_leaf")
caller = gdb.selected_frame().older()
check(caller.name() == "main", "called from main")

# finish: Thumb function -> ARM caller. gdb knows where it returns from the
# frame (lr), not from the target.
ret = caller.pc()
out = run("finish")
check("Value returned is $1 = 7" in out, "finish: t_leaf(2) returned 2 * 3 + 1 = 7")
check(pc() == ret and not thumb() and func() == "main", "finish: back in main (ARM) at 0x%x, T clear" % ret)

# reverse-finish: Thumb function -> ARM caller: at the call instruction.
out = run("continue")
check("Breakpoint 1, t_leaf (x=5)" in out, "second call: x = 5")
ret = gdb.selected_frame().older().pc()
run("reverse-finish")
at("main", "main_call2", "reverse-finish out of t_leaf")
check(pc() == ret - 4 and not thumb(), "at main's bl 0x%x (return address 0x%x), ARM state" % (pc(), ret))
# BL, or BLX imm where the linker turned a BL to Thumb code into one (ARMv5T+).
check(re.search(r"\sblx?\s", run("x/i $pc")), "pc is an ARM bl/blx")
check(val("$r0") == 5, "r0 = 5, the argument")

# Forward (replay) into the ARM function called from Thumb code; finish and
# reverse-finish back into the Thumb caller t_mid.
run("delete")
run("break a_leaf")
out = run("continue")
check("Breakpoint 2, a_leaf (x=23)" in out, "breakpoint in a_leaf (ARM), x = 7 + 16 = 23")
check(not thumb(), "T clear in a_leaf")
ret = gdb.selected_frame().older().pc()
check(gdb.selected_frame().older().name() == "t_mid", "called from t_mid")
run("reverse-finish")
at("t_mid", "t_mid_call", "reverse-finish out of a_leaf (ARM) into t_mid (Thumb)")
check(thumb() and pc() == ret - 4, "at t_mid's 32-bit bl pair 0x%x (return address 0x%x), Thumb state" % (pc(), ret))
out = run("x/2i $pc")
check(re.search(r"=> 0x%x <t_mid\+\d+>:\s+blx?\s" % pc(), out) and "0x%x <t_mid" % ret in out,
      "x/2i: a Thumb bl (blx to ARM code on ARMv7), 4 bytes long: %r" % out)
if re.search(r"\sblx\s", out):
    # ARMv7 (armhf): the linker makes the call a BLX imm (the ARM ARM's
    # Thumb -> ARM call): straight to a_leaf in ARM state, lr = ret | 1.
    run("stepi")
    check(pc() == addr("a_leaf") and not thumb() and val("$lr") & 0xFFFFFFFF == ret | 1,
          "stepi over the blx: at a_leaf, ARM state, lr = 0x%x | 1" % ret)
    run("reverse-stepi")
    check(thumb() and pc() == ret - 4, "reverse-stepi: back at the blx, Thumb state")
else:
    # The bl goes to the linker's veneer, Thumb code starting with `bx pc`
    # (to its own address + 4, ARM state), whose ARM `b a_leaf` follows.
    veneer = int(re.search(r"\bbl\s+0x([0-9a-f]+) <__a_leaf_from_thumb>", out).group(1), 16)
    run("stepi")
    check(pc() == veneer and thumb() and val("$lr") & 0xFFFFFFFF == ret | 1,
          "stepi over the bl pair: at the veneer 0x%x, still Thumb, lr = 0x%x | 1" % (veneer, ret))
    check(re.search(r"=> 0x%x <__a_leaf_from_thumb>:\s+bx\s+pc\n" % veneer, run("x/i $pc")), "the veneer's bx pc")
    run("stepi")
    check(pc() == veneer + 4 and not thumb(), "stepi over bx pc: at 0x%x + 4, ARM state" % veneer)
    run("stepi")
    check(pc() == addr("a_leaf") and not thumb(), "stepi over the veneer's b: at a_leaf")
    run("reverse-stepi")
    run("reverse-stepi")
    check(pc() == veneer and thumb(), "reverse-stepi twice: back at the veneer's bx pc, Thumb state")
    run("reverse-stepi")
    check(thumb() and pc() == ret - 4, "reverse-stepi: back at the bl pair, Thumb state")
out = run("continue")
check("Breakpoint 2, a_leaf (x=23)" in out, "at a_leaf again (replay)")
out = run("finish")
check("Value returned is $2 = 123" in out, "finish: a_leaf(23) returned 123")
check(pc() == ret and thumb() and func() == "t_mid", "finish: back in t_mid (Thumb) at 0x%x, T set" % ret)

# The same without linker veneers: sw_thumb (Thumb) is called by BLX from
# sw_arm (ARM), sw_arm_leaf (ARM) by the BLX pair of sw_thumb2 (Thumb).
run("delete")
run("break *0x%x" % addr("sw_thumb"))
run("break *0x%x" % addr("sw_arm_leaf"))
run("continue")
check(pc() == addr("sw_thumb") and thumb(), "at sw_thumb (Thumb)")
run("reverse-finish")
check(pc() == addr("sw_blx_imm") and not thumb(), "reverse-finish from sw_thumb: at sw_arm's BLX (ARM) 0x%x" % pc())
run("continue")
check(pc() == addr("sw_thumb"), "continue: sw_thumb again")
run("finish")
check(pc() == addr("sw_after_imm") and not thumb(), "finish from sw_thumb: back in sw_arm (ARM) at 0x%x" % pc())
run("continue")
check(pc() == addr("sw_arm_leaf") and not thumb(), "at sw_arm_leaf (ARM)")
run("reverse-finish")
check(pc() == addr("sw_bl_pair") and thumb(), "reverse-finish from sw_arm_leaf: at sw_thumb2's BLX pair (Thumb) 0x%x"
      % pc())
run("continue")
run("finish")
check(pc() == addr("sw_pop_pc") and thumb(), "finish from sw_arm_leaf: back in sw_thumb2 (Thumb) at 0x%x" % pc())

# reverse-continue to a breakpoint in Thumb code: from main's printf back
# to the last t_leaf call (x = 5), then the one before (x = 2).
run("delete")
run("tbreak %d" % m["main_print"])
run("continue")
at("main", "main_print", "continue")
check(val("v") == 7 + 16 + 246 + 18, "v = 7 + 16 + 246 + 18 = 287")
run("break t_leaf")
out = run("reverse-continue")
check(re.search(r"Breakpoint \d+, t_leaf \(x=5\)", out) and thumb(), "reverse-continue: t_leaf, x = 5, T set")
at("t_leaf", "t_leaf_first", "reverse-continue")
out = run("reverse-continue")
check(re.search(r"Breakpoint \d+, t_leaf \(x=2\)", out) and thumb(), "reverse-continue: t_leaf, x = 2")
run("delete")

# A watchpoint hit by a Thumb store, forwards and found again in reverse.
out = run("watch -l counter")
check(re.search(r"Hardware watchpoint \d+: -location counter", out), "hardware watchpoint on counter")
out = run("continue")
check("Old value = 0\n" in out and "New value = 6\n" in out, "forward: counter 0 -> 6")
check(func() == "t_leaf" and thumb() and line_of(pc() - 2) == m["t_leaf_store"],
      "stopped in t_leaf (Thumb) right after the 16-bit store of MARK:t_leaf_store")
store1 = pc() - 2
out = run("continue")
check("Old value = 6\n" in out and "New value = 15\n" in out and pc() == store1 + 2, "forward: counter 6 -> 15, same store")
run("tbreak %d" % m["main_print"])
run("continue")
at("main", "main_print", "continue")
out = run("reverse-continue")
check("Old value = 15\n" in out and "New value = 6\n" in out, "reverse: the write of 15 undone (15 -> 6)")
check(pc() == store1 and thumb() and val("x") == 5, "at the Thumb store itself (0x%x), x = 5" % store1)
out = run("x/2i $pc")
check(re.search(r"=> 0x%x <t_leaf\+\d+>:\s+str\s+r\d, \[r\d, #0\]\n\s+0x%x <" % (store1, store1 + 2), out),
      "a 16-bit Thumb str: %r" % out)
out = run("reverse-continue")
check("Old value = 6\n" in out and "New value = 0\n" in out and pc() == store1 and val("x") == 2,
      "reverse: the write of 6 undone, at the same store, x = 2")
run("delete")
out = continue_to_exit()
check("exited normally" in out, "the program ends")
with open(os.environ["BS_GUEST_OUT"]) as f:
    text = f.read()
check(text == "v 287 counter 15\n", "output once: %r" % text)

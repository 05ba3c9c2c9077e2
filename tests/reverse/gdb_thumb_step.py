# stepi and reverse-stepi across ARM <-> Thumb switches on programs/thumb.c's
# hand-written chain sw_entry .. sw_back (see the table at the top of
# thumb.c): BL pair as BLX (Thumb -> ARM), BLX imm and BLX reg (ARM ->
# Thumb), BX lr both ways, POP {pc} (Thumb -> ARM), LDM pc (ARM -> Thumb).
# Every stepi and reverse-stepi moves `monitor when` by exactly one; pc,
# CPSR.T and the registers each instruction writes are checked against the
# ARM ARM's definition of that instruction, and going back restores every
# register as it was going forward. Breakpoint kinds (Z0 packets as gdb
# sends them: 2 for a 16-bit Thumb instruction, 3 for the BL pair, 4 for
# ARM); `x/i` shows Thumb code as Thumb, from the symbols and, with the
# symbols dropped, from CPSR.T alone.
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()
m = markers()
T = 0x20


def addr(sym):
    return val("(unsigned)&%s" % sym) & ~1


def thumb():
    return bool(val("$cpsr") & T)


A = {s: addr(s) for s in ["sw_entry", "sw_call_arm", "sw_back", "sw_arm", "sw_blx_imm", "sw_after_imm",
                          "sw_blx_reg", "sw_after_reg", "sw_thumb", "sw_bx_lr", "sw_thumb2", "sw_bl_pair",
                          "sw_pop_pc", "sw_arm_leaf", "sw_arm_bx"]}

# Breakpoint kinds: gdb decides them from the symbols (mapping symbols $t/$a)
# and the instruction's size; they reach the stub as Z0,addr,kind.
run("break *0x%x" % A["sw_entry"])      # push {r4, lr}: 16-bit Thumb
run("break *0x%x" % A["sw_call_arm"])   # bl (BLX) pair: 32-bit Thumb
run("break *0x%x" % A["sw_arm"])        # ARM
run("set debug remote 1")
out = run("continue")
run("set debug remote 0")
for a, kind, what in [(A["sw_entry"], 2, "16-bit Thumb"), (A["sw_call_arm"], 3, "BL pair"), (A["sw_arm"], 4, "ARM")]:
    check(re.search(r"Sending packet: \$Z0,%x,%d#" % (a, kind), out), "Z0 kind %d for the %s at 0x%x" % (kind, what, a))
check(pc() == A["sw_entry"] and thumb(), "continue stops at the Thumb breakpoint sw_entry (T set)")
run("delete")

# The chain, one instruction at a time: (pc after the step, T after it,
# registers the step must have set).
sp0 = val("$sp") & 0xFFFFFFFF
main_ret = val("$lr") & 0xFFFFFFFF
check(main_ret & 1 == 0, "sw_entry was called from ARM code (lr 0x%x, bit 0 clear)" % main_ret)
chain = [
    (A["sw_call_arm"], 1, {"sp": sp0 - 8}),                                 # push {r4, lr}
    (A["sw_arm"], 0, {"lr": A["sw_back"] | 1}),                             # BL pair -> BLX to ARM
    (A["sw_arm"] + 4, 0, {"sp": sp0 - 16}),                                 # push {r4, lr}
    (A["sw_blx_imm"], 0, {"r0": 7}),                                        # mov r0, #7
    (A["sw_thumb"], 1, {"lr": A["sw_after_imm"]}),                          # blx sw_thumb
    (A["sw_bx_lr"], 1, {"r0": 8}),                                          # adds r0, #1
    (A["sw_after_imm"], 0, {}),                                             # bx lr -> ARM
    (A["sw_blx_reg"], 0, {"r3": A["sw_thumb2"] | 1}),                       # ldr r3, =sw_thumb2
    (A["sw_thumb2"], 1, {"lr": A["sw_after_reg"]}),                         # blx r3 -> Thumb
    (A["sw_bl_pair"], 1, {"sp": sp0 - 20}),                                 # push {lr}
    (A["sw_arm_leaf"], 0, {"lr": A["sw_pop_pc"] | 1}),                      # BL pair -> BLX to ARM
    (A["sw_arm_bx"], 0, {"r0": 18}),                                        # add r0, r0, #10
    (A["sw_pop_pc"], 1, {}),                                                # bx lr -> Thumb
    (A["sw_after_reg"], 0, {"sp": sp0 - 16}),                               # pop {pc} -> ARM
    (A["sw_back"], 1, {"sp": sp0 - 8}),                                     # pop {r4, pc} -> Thumb
    (main_ret, 0, {"sp": sp0, "r0": 18}),                                   # pop {r4, pc} -> ARM
]
n0 = when()
before = [regs()]
for i, (want_pc, want_t, want) in enumerate(chain):
    run("stepi")
    r = regs()
    got = {k: r[k] for k in want}
    check(pc() == want_pc and int(thumb()) == want_t and got == want and when() == n0 + i + 1,
          "stepi %d: pc 0x%x (want 0x%x), T %d (want %d), %s (want %s), count %d (want %d)"
          % (i + 1, pc(), want_pc, thumb(), want_t, {k: hex(v) for k, v in got.items()},
             {k: hex(v) for k, v in want.items()}, when(), n0 + i + 1))
    before.append(r)

# Back through the same switches: every register as it was before each step.
for i in range(len(chain), 0, -1):
    run("reverse-stepi")
    r = regs()
    diff = ["%s 0x%x (want 0x%x)" % (k, r[k], before[i - 1][k]) for k in REGS if r[k] != before[i - 1][k]]
    check(not diff and when() == n0 + i - 1,
          "reverse-stepi to before step %d: registers as going forward%s, count %d" %
          (i, (" -- " + ", ".join(diff)) if diff else "", when()))

# Forward over the chain again (replay) in one go, then back to a Thumb
# instruction right after a switch.
run("tbreak *0x%x" % A["sw_bx_lr"])
run("continue")
check(pc() == A["sw_bx_lr"] and thumb() and when() == n0 + 6, "replayed to sw_bx_lr (Thumb), count n0 + 6")
run("reverse-stepi")
run("reverse-stepi")
check(pc() == A["sw_blx_imm"] and not thumb() and when() == n0 + 4, "two reverse-stepi: back at the BLX in ARM state")

# x/i from the symbols: Thumb instructions are 2 bytes (BL pair 4), ARM 4.
out = run("x/2i 0x%x" % A["sw_thumb"])
check(re.search(r"0x%x <sw_thumb>:\s+adds\s+r0, #1\n" % A["sw_thumb"], out) and
      re.search(r"0x%x <sw_thumb\+2>:\s+bx\s+lr\n" % (A["sw_thumb"] + 2), out), "x/2i sw_thumb: adds r0, #1; bx lr (16-bit)")
out = run("x/2i 0x%x" % A["sw_bl_pair"])
check(re.search(r"0x%x <sw_thumb2\+2>:\s+blx\s+0x%x" % (A["sw_bl_pair"], A["sw_arm_leaf"]), out) and
      re.search(r"0x%x <sw_thumb2\+6>:\s+pop\s+\{pc\}" % (A["sw_bl_pair"] + 4), out),
      "x/2i sw_bl_pair: blx (32-bit pair), then pop {pc}")
run("stepi")
out = run("x/i $pc")
check(re.search(r"=> 0x%x <sw_thumb>:\s+adds\s+r0, #1" % A["sw_thumb"], out), "x/i $pc in Thumb code: %r" % out.strip())

# Without symbols gdb has only CPSR.T to go by (arm_pc_is_thumb falls back
# to the current frame's state): the same bytes as Thumb, then as ARM.
run("symbol-file")
out = run("x/2i $pc")
check(re.search(r"=> 0x%x:\s+adds\s+r0, #1" % A["sw_thumb"], out) and
      re.search(r"0x%x:\s+bx\s+lr" % (A["sw_thumb"] + 2), out), "no symbols, T set: x/2i $pc decodes Thumb: %r" % out)
run("stepi")
run("stepi")
check(pc() == A["sw_after_imm"] and not thumb(), "stepi over bx lr: ARM state")
out = run("x/i $pc")
check(re.search(r"=> 0x%x:\s+ldr\s+r3, \[pc" % A["sw_after_imm"], out), "no symbols, T clear: x/i $pc decodes ARM: %r" % out)
run("kill")

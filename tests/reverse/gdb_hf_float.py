# gdb on an armhf float program (programs/hf_float.c, arm-linux-gnueabihf-gcc
# -O2: Thumb-2, hard-float ABI). Every expected value comes from the
# program's source (recomputed with Python's IEEE doubles), from the AAPCS-VFP
# and the ARM ARM, or from comparing states; never from backstep's output.
#   - the VFP registers of the target description: `info registers d0`,
#     `p $s1` (the high half of d0), `p $fpscr`, `info float`;
#   - a watchpoint on a double, forwards then with reverse-continue;
#   - finish from a function returning a double (d0);
#   - stepi / reverse-stepi over every instruction of hyp(): the VFP ones
#     change the state (state hash, D registers, FPSCR) and going back
#     restores it exactly;
#   - stepping and reverse-stepping through clamp()'s IT blocks, ITSTATE in
#     CPSR at a breakpoint inside one;
#   - ARM code (arm_calls_libc) calling libc's Thumb-2 strtol: BLX imm and
#     the return, both ways;
#   - at the end of history, `set $d5` (a P packet) at sum6's first
#     instruction, then `finish` / `continue` use it (sixth double argument).
import math
import os
import re
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

T = 0x20


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def dval(expr):
    return float(gdb.parse_and_eval(expr))


def state_hash():
    return gdb.execute("monitor state-hash", to_string=True).split()[-1]


def fpstate():
    gdb.execute("maintenance flush register-cache", to_string=True)
    out = gdb.execute("info registers " + " ".join("d%d" % i for i in range(32)) + " fpscr", to_string=True)
    raw = re.findall(r"^d\d+\s.*\(raw (0x[0-9a-f]+)\)", out, re.M)
    check(len(raw) == 32, "info registers shows d0-d31 with their raw bits: %r" % out[:200])
    return [int(r, 16) for r in raw] + [val("$fpscr") & 0xFFFFFFFF]


def addr(sym):
    return val("(unsigned)&%s" % sym) & ~1


def thumb():
    return bool(val("$cpsr") & T)


def itstate():
    """CPSR's IT[7:0]: IT[1:0] in bits 26:25, IT[7:2] in bits 15:10 (ARM ARM B1.3.3)."""
    c = val("$cpsr") & 0xFFFFFFFF
    return ((c >> 25) & 3) | (((c >> 10) & 0x3F) << 2)


# Without the swbreak stop reason gdb reports a stop at a breakpoint it does
# not know (the raw Z0 below) as SIGTRAP; with it, gdb silently resumes.
gdb.execute("set remote swbreak-feature-packet off")
connect()
run("break main")
run("continue")

# --- The watchpoint on acc, forwards: each write the loop makes.
acc = 0.0
seq = []
for i in range(4):
    acc = acc * 0.5 + 1.0 * (i + 1)  # argc = 1
    seq.append(acc)
run("delete")
run("watch acc")
for i, want in enumerate(seq):
    out = run("continue")
    check("atchpoint" in out and "New value = " in out, "forward watchpoint on acc, write %d: %r" % (i, out[-300:]))
    check(dval("acc") == want, "acc = %r after write %d (%r)" % (want, i, dval("acc")))
    check(float(re.search(r"New value = (\S+)", out).group(1)) == want, "gdb reports New value = %r" % want)
# ... and backwards: reverse-continue stops at the last write with acc still
# holding the value before it; stepi then performs it again.
out = run("reverse-continue")
check("atchpoint" in out, "reverse watchpoint on acc: %r" % out[-300:])
check(dval("acc") == seq[2], "before the last write acc = %r (%r)" % (seq[2], dval("acc")))
w = when()
while dval("acc") == seq[2]:
    run("stepi")
    check(when() - w <= 8, "the write follows the stop within a few instructions")
check(dval("acc") == seq[3], "stepping on performs the write again: acc = %r" % seq[3])
run("delete")

# --- hyp(3, 4): arguments in d0/d1; the FP registers through gdb.
run("break *hyp")
out = run("continue")
check(pc() == addr("hyp") and thumb(), "at hyp's first instruction, Thumb state")
out = run("info registers d0")
check(re.search(r"raw 0x0*%x\b" % bits(3.0), out) is not None, "info registers d0: raw bits of 3.0 (%r)" % out.strip())
check(dval("$d0") == 3.0 and dval("$d1") == 4.0, "d0 = 3.0, d1 = 4.0: hyp's arguments (AAPCS-VFP)")
s1_want = struct.unpack("<f", struct.pack("<I", bits(3.0) >> 32))[0]
out = run("p $s1")
check(float(re.search(r"= (\S+)", out).group(1)) == s1_want,
      "p $s1: the high word of d0 as a float, %r (%r)" % (s1_want, out.strip()))
out = run("p/x $fpscr")
fpscr = int(re.search(r"= (0x[0-9a-f]+)", out).group(1), 16)
check(fpscr == val("$fpscr") & 0xFFFFFFFF and fpscr & 0x00C00000 == 0,
      "p $fpscr: 0x%x, round to nearest (RMode 0, as glibc leaves it)" % fpscr)
out = run("info float")
check(re.search(r"^d0\s.*raw 0x0*%x\b" % bits(3.0), out, re.M) and re.search(r"^d1\s.*raw 0x0*%x\b" % bits(4.0), out, re.M)
      and re.search(r"^fpscr\s", out, re.M),
      "info float shows the VFP registers (d0 = 3.0, d1 = 4.0, fpscr): %r" % out[:300])

# stepi / reverse-stepi over each instruction of hyp (to its return).
vfp_changed = 0
for _ in range(40):
    if func() != "hyp":
        break
    insn = run("x/i $pc")
    h0, st0, pc0, w0 = state_hash(), fpstate(), pc(), when()
    run("stepi")
    h1, st1, w1 = state_hash(), fpstate(), when()
    check(w1 == w0 + 1, "stepi moves `monitor when` by one (%s)" % insn.strip())
    if re.search(r"\sv(mul|add|sub|mla|fma|sqrt|div|mov|cmp)", insn) and st1 != st0:
        vfp_changed += 1
        check(h1 != h0, "the state hash sees %s's change of the FP state" % insn.strip())
    run("reverse-stepi")
    check(pc() == pc0 and when() == w0, "reverse-stepi back to 0x%x (%s)" % (pc0, insn.strip()))
    check(fpstate() == st0 and state_hash() == h0,
          "reverse-stepi over %s restores d0-d31, FPSCR and the state hash" % insn.strip())
    run("stepi")
    check(fpstate() == st1 and state_hash() == h1, "stepi again over %s gives the same state" % insn.strip())
check(vfp_changed >= 2, "stepped over %d VFP instructions that changed the FP state" % vfp_changed)

# --- finish from hyp: the double in d0.
run("delete")
run("break *hyp")
out = run("reverse-continue")
check(pc() == addr("hyp"), "reverse-continue back to hyp's entry")
out = run("finish")
got = re.search(r"Value returned is \$\d+ = (\S+)", out)
check(got is not None and float(got.group(1)) == math.sqrt(3.0 * 3.0 + 4.0 * 4.0),
      "finish from hyp(3, 4) shows sqrt(25) = 5: %r" % out[-200:])
run("delete")

# --- clamp's IT blocks (cmp; it lt; movlt; cmp; it ge; movge; bx lr, as
# gcc -O2 emits them; checked from gdb's disassembly): for each of the three
# calls, stepi to the return and reverse-stepi back to the entry; every
# instruction, executed or condition-failed, is one step; going back gives
# every register (CPSR with its ITSTATE) as it was going forwards; r0 at
# the return is clamp's result computed here.
def py_clamp(x, lo, hi):
    if x < lo:
        x = lo
    if x > hi:
        x = hi
    return x


def s32(v):
    return v - (1 << 32) if v & 0x80000000 else v


COND = {"eq": 0, "ne": 1, "cs": 2, "hs": 2, "cc": 3, "lo": 3, "mi": 4, "pl": 5, "vs": 6, "vc": 7,
        "hi": 8, "ls": 9, "ge": 10, "lt": 11, "gt": 12, "le": 13}
dis = run("disassemble clamp")
its = re.findall(r"0x0*([0-9a-f]+) <\+\d+>:\s+it\s+(\w+)\n\s+0x0*([0-9a-f]+) <\+\d+>:\s+(\w+)", dis)
check(len(its) == 2 and all(t[3][-2:] == t[1] for t in its),
      "gcc made two one-instruction IT blocks in clamp: %r" % its)
# ITSTATE at the instruction an `it <cond>` with mask 1000 governs:
# firstcond:mask = cond << 4 | 8 (ARM ARM A8.8.54).
inside = int(its[1][2], 16)
# gdb itself never puts a breakpoint inside an IT block: `break` moves it to
# the IT instruction (arm-tdep.c's arm_adjust_breakpoint_address, a BKPT
# there would be conditional). So the stub's breakpoint inside the block is
# set with a raw Z0 packet (kind 2: a 16-bit Thumb instruction); gdb, not
# knowing it, reports the stop as SIGTRAP.
out = run("break *0x%x" % inside)
check("adjusted from 0x%08x to 0x%08x" % (inside, int(its[1][0], 16)) in out,
      "gdb moves a breakpoint inside an IT block to its IT instruction: %r" % out)
run("delete")
run("break *clamp")
run("break *arm_calls_libc")  # where the last call's `signal 0` stops
it_seen = 0
run("continue")
for call in range(3):
    check(pc() == addr("clamp") and thumb(), "call %d: at clamp's first instruction, Thumb" % call)
    x, lo, hi = s32(val("$r0") & 0xFFFFFFFF), s32(val("$r1") & 0xFFFFFFFF), s32(val("$r2") & 0xFFFFFFFF)
    trail = []
    prev = None
    while True:
        insn = run("x/i $pc")
        nxt = re.search(r"=> 0x[0-9a-f]+ <clamp(?:\+\d+)?>:\s+(\S+)", insn).group(1)
        if prev is not None and prev[0] == "it":
            check(itstate() == (COND[prev[1]] << 4) | 8,
                  "at %s ITSTATE is it %s's: 0x%x" % (nxt, prev[1], itstate()))
        else:
            check(itstate() == 0, "at %s, outside an IT block, ITSTATE is 0" % nxt)
        trail.append((regs(), when(), nxt))
        if nxt == "bx":
            break
        prev = re.search(r"<clamp(?:\+\d+)?>:\s+(\S+)\s*(\S*)", insn).groups()
        run("stepi")
        check(when() == trail[-1][1] + 1, "stepi over %s moves one instruction" % nxt)
        if nxt == "it":
            it_seen += 1
        check(len(trail) < 12, "clamp returns within a few instructions")
    check(s32(val("$r0") & 0xFFFFFFFF) == py_clamp(x, lo, hi),
          "clamp(%d, %d, %d) = %d in r0 at the bx lr" % (x, lo, hi, py_clamp(x, lo, hi)))
    for r, w, name in reversed(trail[:-1]):
        run("reverse-stepi")
        check(when() == w and regs() == r, "reverse-stepi back over %s: registers and CPSR as before" % name)
    # A breakpoint inside the second IT block stops there, ITSTATE set; gdb
    # knows no breakpoint there and reports the stub's SIGTRAP.
    check("OK" in gdb.execute("maint packet Z0,%x,2" % inside, to_string=True), "Z0 inside the IT block")
    out = run("continue")
    check("SIGTRAP" in out and pc() == inside and itstate() == (COND[its[1][1]] << 4) | 8,
          "continue: the breakpoint inside `it %s` at 0x%x, ITSTATE 0x%x" % (its[1][1], inside, itstate()))
    check("OK" in gdb.execute("maint packet z0,%x,2" % inside, to_string=True), "z0 removes it")
    run("signal 0")
check(it_seen == 6, "stepped over 2 IT instructions in each of the 3 calls (%d)" % it_seen)
run("delete")

# --- ARM code calling libc's Thumb-2 strtol: the BL becomes BLX imm (to
# Thumb, lr = the next ARM instruction, A8.8.25); libc returns with the
# interworking BX/POP to ARM state.
check(pc() == addr("arm_calls_libc") and not thumb(), "at arm_calls_libc, ARM state")
run("delete")
for _ in range(8):
    if re.search(r"\sblx\s", run("x/i $pc")):
        break
    run("stepi")
blx = pc()
check(re.search(r"\sblx\s", run("x/i $pc")) and not thumb(), "at the ARM blx to strtol, 0x%x" % blx)
before, w = regs(), when()
run("stepi")
check(thumb() and pc() == addr("__strtol") and val("$lr") & 0xFFFFFFFF == blx + 4 and when() == w + 1,
      "stepi over the blx: at strtol 0x%x, Thumb state, lr = 0x%x" % (addr("__strtol"), blx + 4))
run("reverse-stepi")
check(pc() == blx and not thumb() and regs() == before and when() == w,
      "reverse-stepi: back at the blx, ARM state, every register as before")
run("stepi")
run("finish")
check(pc() == blx + 4 and not thumb() and val("$r0") == 41,
      "finish out of strtol: at 0x%x, ARM state, r0 = strtol(\"41\") = 41" % (blx + 4))
after, w = regs(), when()
run("reverse-stepi")
ret = run("x/i $pc")
check(thumb() and func() != "arm_calls_libc" and re.search(r"\bpc\b|\sbx\s", ret),
      "reverse-stepi: back at libc's return (Thumb): %s" % ret.strip())
run("stepi")
check(regs() == after and when() == w, "stepi: in ARM code again, the same registers")

# --- At the end of history: sum6's sixth double argument arrives in d5
# (AAPCS-VFP); write it with `set $d5` (a P packet), clear FPSCR, and the
# function computes with the new value.
run("break *sum6")
out = run("continue")
check(pc() == addr("sum6"), "at sum6's first instruction")
hist = re.search(r"counts: \d+ to (\d+) \(now (\d+)\)", gdb.execute("monitor history", to_string=True))
check(hist is not None and hist.group(1) == hist.group(2), "at the end of history (%s)" % (hist and hist.groups(),))
check([dval("$d%d" % i) for i in range(6)] == [1.0] * 6, "d0-d5 hold sum6's six arguments, k = 1.0")
run("set $d5 = 0.1")
run("set $fpscr = 0")
check(dval("$d5") == 0.1 and val("$fpscr") == 0, "d5 reads back 0.1, FPSCR 0")
want = 1.0 + 1.0 * 2 + 1.0 * 3 + 1.0 * 4 + 1.0 * 5 + 0.1 * 6
out = run("finish")
got = re.search(r"Value returned is \$\d+ = (\S+)", out)
check(got is not None and float(got.group(1)) == want and dval("$d0") == want,
      "finish: sum6 used d5 = 0.1: %r (%r)" % (want, out[-120:]))
# 0.1 * 6 is not exact (Python's exact rationals say so): FPSCR.IXC (bit 4).
from fractions import Fraction  # noqa: E402
check(Fraction(0.1) * 6 != Fraction(0.1 * 6), "0.1 * 6 rounds")
check(val("$fpscr") & 0x10, "FPSCR.IXC set by the rounded product: 0x%x" % (val("$fpscr") & 0xFFFFFFFF))
run("delete")
continue_to_exit()
with open(os.environ["BS_GUEST_OUT"]) as f:
    text = f.read()
acc = seq[-1]
line = "acc=%.17g h=%.17g c=%d n=%d s=%.17g\n" % (acc, 5.0, py_clamp(-7, -3, 5) + py_clamp(9, -3, 5) + py_clamp(2, -3, 5),
                                               41 + 1, want)
check(text == line, "the program printed %r (%r)" % (line, text))

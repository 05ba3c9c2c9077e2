#!/usr/bin/env python3
"""gen_t32.py -- random Thumb-2 instruction streams (32-bit T32 and 16-bit
T16 encodings, with IT blocks) for the differential tester (random_diff.py
--iset t32), drawn from arm/t32.decode and arm/t16.decode through
decodegen.py's parser (isa_table.py): no encoding is listed here.

The program around the cases is gen_t16.py's (ARM code that seeds r0-r10,
r12, lr, the flags and a 2048-byte scratch buffer, BLXs into the Thumb body
with r11 = scratch + 1024, and dumps the registers, APSR and the buffer).
The body mixes T32 lines (about two thirds) and T16 lines, and with
probability 1/6 an IT block of 1-4 slots: a random IT instruction (firstcond
0-13, each slot then or else) followed by instructions drawn in decode
context in_it (so the 16-bit data-processing forms set no flags there and
the lines UNPREDICTABLE inside IT are redrawn), none of which branches; the
helper lines of the slots' memory accesses come before the IT instruction,
and a slot whose base or offset register an earlier slot writes (or sets
up) is redrawn, so skipped and executed conditional accesses both occur.

How an instruction is made: as in gen_t16.py: pick a line, fill its open
bits at random, keep the word if the decoder picks that line for it and its
facts, evaluated for the word's arguments (and the context), allow it:
  * never a store-exclusive (its outcome after a random exclusive load of
    another size is IMPLEMENTATION DEFINED), never an encoding Capstone cannot decode (random_diff.py lists every
    body instruction with it), `trap`, `end`, lines that always write the
    PC, the IT line itself
    (&it: emitted only as the head of an IT block), instances that write the
    PC or r11, and instances whose `unpred:` or `qdef:` holds;
  * memory access (ld:/st: facts): the base `rn` is set right before the
    access (`mov rN, r11`, `mov sp, r11`); immediate offsets above 1000 bytes
    are redrawn (the buffer reaches 1024 bytes on either side); a register
    offset gets `ldr rM, =k` with k scaled down by the LSL; literal loads
    (rn = PC) read the program's own code forwards (the program ends in 1024
    spare bytes), the same in both runs.
"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen as a32gen  # noqa: E402
import cs_check  # noqa: E402
import gen_t16 as t16gen  # noqa: E402  (the program around the cases)
import isa_table  # noqa: E402

# random_diff.py requires Capstone to decode every body instruction (its
# listings); the unallocated memory hints (LDRSH Rt = PC forms) it cannot.
CS = cs_check.Capstone(thumb=True)

TABS = isa_table.load("t16", "t32")
T16, T32 = TABS["t16"], TABS["t32"]

SCRATCH, BIAS, HEADER_BYTES = t16gen.SCRATCH, t16gen.BIAS, t16gen.HEADER_BYTES
CASE_BYTES, SCRATCH_BIAS = t16gen.CASE_BYTES, t16gen.SCRATCH_BIAS
MARCH = "armv7-a"
THUMB = True
GP, REG_NAMES, CONDS = t16gen.GP, t16gen.REG_NAMES, t16gen.CONDS
case_seed = a32gen.case_seed
second_inputs = t16gen.second_inputs
MEM_SETS = {"ldst_ri", "ldst_rr", "ldm", "ldstd_ri", "ldrex", "strex"}


def _static_ok(line):
    # &strex: a store-exclusive after an exclusive load of another size is
    # IMPLEMENTATION DEFINED; qemu-arm compares values, backstep fails it
    # (tests/asm covers the matched pairs).
    if line.fact_keys & {"trap", "end"} or line.argset in ("it", "strex"):
        return False
    for w in line.fact("w"):
        if "15" in [item.partition("?")[0] for item in w.split(",")]:
            return False
    return True


C16 = [ln for ln in T16.lines if _static_ok(ln)]
C32 = [ln for ln in T32.lines if _static_ok(ln)]


class Gen:
    def __init__(self, rng):
        self.r = rng
        self.v = a32gen.Gen(rng)

    def value(self):
        return self.v.value()

    def mem_setup(self, line, a):
        rn = a.get("rn")
        if rn is None or rn == 11:
            return None
        if line.argset in ("ldst_ri", "ldstd_ri", "ldrex", "strex") and a.get("imm", 0) > 1000:
            return None
        if rn == 15:  # literal: forward only (backwards may leave the mapped code)
            return [] if line.argset in ("ldst_ri", "ldstd_ri") and a.get("u") else None
        pre = ["mov sp, r11" if rn == 13 else "mov r%d, r11" % rn]
        if line.argset == "ldst_rr":
            rm = a["rm"]
            if rm in (rn, 11, 13, 15):
                return None
            k = self.r.randrange(-BIAS, BIAS - 3) >> a.get("shim", 0)
            pre.append("ldr r%d, =%d" % (rm, k))
        return pre

    def draw(self, in_it, avoid=frozenset()):
        """(helper lines, the instruction line, registers it writes, registers
        its helper lines set) for one instruction; the helpers of an access
        inside an IT block run before the IT instruction, so its base and
        offset registers must not be in `avoid` (written or set up by an
        earlier slot)."""
        ctx = {"in_it": int(in_it)}
        while True:
            wide = self.r.random() < 2 / 3
            tab, line = (T32, self.r.choice(C32)) if wide else (T16, self.r.choice(C16))
            free = isa_table.free_bits(line)
            for _ in range(20):
                w = line.fixed | (self.r.getrandbits(tab.width) & free)
                if isa_table.decode(tab, w) is not line:
                    continue
                a = isa_table.args(line, w, ctx)
                f = isa_table.facts(line, a)
                if f.unpredictable or f.qemu_defined or 15 in f.wregs or 11 in f.wregs:
                    continue
                pre = []
                if f.load is not None or f.store is not None:
                    pre = self.mem_setup(line, a)
                    if pre is None:
                        continue
                setup = {int(x.split()[1].rstrip(",").replace("sp", "r13")[1:]) for x in pre}
                if setup & avoid:
                    continue
                data = ((w >> 16).to_bytes(2, "little") + (w & 0xffff).to_bytes(2, "little")) if wide \
                    else w.to_bytes(2, "little")
                if CS.available() and CS.decode_bytes(data, 0) is None:
                    continue
                text = ".inst.w 0x%08x" % w if wide else ".inst.n 0x%04x" % w
                return pre, text, set(f.wregs), setup

    def it_block(self):
        """An IT instruction and its 1-4 slots (A8.8.55): mask = the slots'
        then/else bits (firstcond<0> for then) followed by a terminating 1."""
        n = self.r.randrange(1, 5)
        fc = self.r.randrange(0, 14)
        mask = 0
        for i in range(1, n):
            then = self.r.random() < 0.5
            bit = (fc & 1) if then else (fc & 1) ^ 1
            mask |= bit << (4 - i)
        mask |= 1 << (4 - n)
        pres, slots, avoid = [], [], set()
        for _ in range(n):
            pre, text, wr, setup = self.draw(True, frozenset(avoid))
            pres += pre
            slots.append(text)
            avoid |= wr | setup
        return pres + [".inst.n 0x%04x" % (0xbf00 | fc << 4 | mask)] + slots


def _gen_inputs(rng):
    g = Gen(rng)
    regs = [g.value() for _ in GP]
    flags = (rng.getrandbits(5) << 27) | (rng.getrandbits(4) << 16)
    return g, regs, flags


def gen_case(seed, k, branches=False):
    """(init register values, flags word, list of body lines)"""
    rng = random.Random(case_seed(seed, k) ^ 0x7432 ^ (0xb7 if branches else 0))
    g, regs, flags = _gen_inputs(rng)
    body = []
    pending = None
    nlabel = 0
    for _ in range(rng.randrange(20, 41)):
        if branches and pending is None and rng.random() < 0.125:
            label = "c%d_skip%d" % (k, nlabel)
            nlabel += 1
            body.append("b%s.w %s" % (rng.choice(CONDS + [""]), label))
            pending = [label, rng.randrange(1, 5)]
        if rng.random() < 1 / 6:
            body += g.it_block()
        else:
            pre, text = g.draw(False)[:2]
            body += pre + [text]
        if pending is not None:
            pending[1] -= 1
            if pending[1] == 0:
                body.append("%s:" % pending[0])
                pending = None
    if pending is not None:
        body.append("%s:" % pending[0])
    return regs, flags, body


def program(seed, first, count, branches=False, passes=1):
    return t16gen.program(seed, first, count, branches, passes, case_fn=gen_case, who="gen_t32.py")


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser(description="write a random Thumb-2 test program")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--first", type=int, default=0)
    ap.add_argument("--cases", type=int, default=10)
    ap.add_argument("--branches", action="store_true")
    ap.add_argument("--passes", type=int, default=1, choices=(1, 2))
    ap.add_argument("--list-case", type=int, default=None)
    a = ap.parse_args()
    if a.list_case is not None:
        regs, flags, body = gen_case(a.seed, a.list_case, a.branches)
        print("flags 0x%08x" % flags)
        print(" ".join("%s=%08x" % (n, v) for n, v in zip(GP, regs)))
        print("\n".join(body))
    else:
        sys.stdout.write(program(a.seed, a.first, a.cases, a.branches, a.passes))

#!/usr/bin/env python3
"""gen_a32.py -- random A32 instructions drawn from arm/a32.decode (through
decodegen.py's parser, isa_table.py): the case bodies of gen.py's programs
(random_diff.py's A32 streams); the program around them (inputs, r11 =
scratch+128, the dump) is gen.py's.

An instruction is made as in gen_t16.py: pick a line of a32.decode, fill its
open bits at random (the non-register fields of a line are biased to small
values half of the time, the condition is AL 70% of the time), keep the word
only if the generated decoder picks that line for it and the line's facts,
evaluated for its arguments, allow it.  The policy is keyed on facts and
argument-set members, never on encodings:
  * no `trap`/`end` line, none that always writes the PC (B, BL, BX, BLX);
    with --branches, gen.py's forward `b<cond>` text is added.
  * redrawn: an instance whose `unpred:` fact holds; that writes r11, SP or
    the PC; that writes one register twice (RdHi = RdLo, a load's Rt = Rn
    with writeback: UNPREDICTABLE in the ARM ARM); whose register members
    (rd rn rm rs ra rt rt2 rdlo rdhi from the encoding) name the PC, or SP
    other than as Rn of an instruction without memory access.
  * memory access (ld:/st: facts) by argument set:
      &ldst_ri, &ldst_rr  the base is r11 (no writeback) or a fresh register
                          set by `add/sub rN, r11, #off` right before; a
                          register offset comes from `mov/mvn rM, #k` (rM not
                          the base nor a target); the address, worked out
                          from p/u/imm or the shifted k, stays in the 256-byte
                          scratch buffer; 8-byte accesses are word aligned;
                          one that reads C for its offset (RRX) is redrawn.
      &ldm                no SP or PC in the list, not the base with
                          writeback; the block stays in the buffer.
      &swp                word aligned, Rn not Rt or Rt2.
      &ldrex, &strex      naturally aligned; a store exclusive gets an
                          unconditional load exclusive of its size at the same
                          address right before (drawn from the &ldrex lines of
                          the table; its Rt not the base), sometimes followed
                          by a line that only clears the monitor (&empty with
                          fact x: CLREX) so that the store fails; Rd not Rt,
                          Rt+1 or Rn.
  * the reference disassemblers are oracles: a word Capstone cannot decode or
    objdump calls UNDEFINED/UNPREDICTABLE is redrawn (random_diff.py rejects
    programs with such words).  They catch the UNPREDICTABLE forms the table
    leaves unmarked because backstep runs them as qemu-arm does: a CP15
    barrier MCR naming the PC, the unallocated hints with nonzero SBZ bits.
"""
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402  (the program harness and the value distribution)
import isa_table  # noqa: E402
import cs_check  # noqa: E402

CAPSTONE = cs_check.Capstone()

A32 = isa_table.load("a32")["a32"]
REG_MEMBERS = {"rd", "rn", "rm", "rs", "ra", "rt", "rt2", "rdlo", "rdhi"}
CASE_BYTES = gen.CASE_BYTES
GP = gen.GP
case_seed = gen.case_seed
LO, HI = -128, 128                  # the scratch buffer around r11


def _static_ok(line):
    if line.fact_keys & {"trap", "end"}:
        return False
    for w in line.fact("w"):
        if "15" in [item.partition("?")[0] for item in w.split(",")]:
            return False
    return True


CANDIDATES = [ln for ln in A32.lines if _static_ok(ln)]
LDREX_LINES = [ln for ln in A32.lines if ln.argset == "ldrex"]
# the lines that change the extra state and nothing else: CLREX
CLEAR_LINES = [ln for ln in A32.lines if ln.argset == "empty" and ln.fact_keys == {"x"}]
assert CLEAR_LINES


def _shift(k, shty, shim):
    k &= 0xffffffff
    if shty == 0:
        v = k << shim
    elif shty == 1:
        v = k >> (shim or 32)
    elif shty == 2:
        v = (k - (1 << 32) if k >> 31 else k) >> (shim or 32)
    else:
        v = (k >> shim) | (k << (32 - shim))
    v &= 0xffffffff
    return v - (1 << 32) if v >> 31 else v


def _mov_imm(reg, k):
    return "mov %s, #%d" % (reg, k) if k >= 0 else "mvn %s, #%d" % (reg, -k - 1)


def _base(reg, off):
    return "add %s, r11, #%d" % (reg, off) if off >= 0 else "sub %s, r11, #%d" % (reg, -off)


def _reg(n):
    return "lr" if n == 14 else "r%d" % n


class Gen:
    def __init__(self, rng):
        self.r = rng

    def fill(self, line, cond=None):
        r = self.r
        w = line.fixed | (r.getrandbits(32) & isa_table.free_bits(line))
        for m in A32.members[line.argset]:
            if m in REG_MEMBERS or r.random() < 0.5:
                continue
            for pos in isa_table.field_bits(line, m)[6:]:
                w &= ~(1 << pos)          # a small value
        if line.has_cond:
            c = cond if cond is not None else (14 if r.random() < 0.7 else r.randrange(14))
            cpos = line.e["inline"]["cond"].parts[0][0]
            w = (w & ~(0xf << cpos)) | (c << cpos)
        return w & 0xffffffff

    def regs_ok(self, line, a, f):
        mem = f.load is not None or f.store is not None
        for m in A32.members[line.argset]:
            if m not in REG_MEMBERS or not isa_table.field_bits(line, m):
                continue
            if a[m] == 15 or (a[m] == 13 and (m != "rn" or mem)):
                return False
        return True

    def draw(self, line, cond=None):
        """(word, args, facts) of a valid instance of line, or None."""
        w = self.fill(line, cond)
        if isa_table.decode(A32, w) is not line:
            return None
        a = isa_table.args(line, w)
        f = isa_table.facts(line, a)
        if f.unpredictable or f.qemu_defined or f.wregs & {11, 13, 15} or len(set(f.wlist)) != len(f.wlist):
            return None
        if not self.regs_ok(line, a, f):
            return None
        if CAPSTONE.available() and CAPSTONE.decode(w) is None:
            return None                 # the oracles must know it (random_diff checks)
        return w, a, f

    # --- memory ------------------------------------------------------------
    def address(self, size, align):
        """A target offset from r11 for an access of size bytes."""
        lo, hi = LO, HI - size
        return self.r.randrange(lo // align, hi // align + 1) * align

    def ldst(self, line, a, f):
        size = f.load if f.load is not None else f.store
        rn, rt = a["rn"], a["rt"]
        wb = rn in f.wregs
        targets = {rt, rt + 1} if size == 8 else {rt}
        align = 4 if size == 8 else 1
        pre = []
        if line.argset == "ldst_rr":
            if f.fl_read & isa_table.FLAG_BITS["C"]:
                return None                  # RRX: the offset depends on C
            rm = a["rm"]
            if rm in (11, rn) or rm in targets:
                return None
            k = self.r.randrange(-256, 256) if self.r.random() < 0.5 else self.r.randrange(-8, 8)
            off = _shift(k, a["shty"], a["shim"])
            pre.append(_mov_imm(_reg(rm), k))
        else:
            off = a["imm"]
        off = off if a["u"] else -off
        if rn == 11:
            addr = off if a["p"] else 0
            if not LO <= addr <= HI - size or addr % align:
                return None
            return pre
        if wb and rn in targets:
            return None                      # STR/LDR with writeback, Rn = Rt: UNPREDICTABLE
        for _ in range(8):
            addr = self.address(size, align)
            base = addr - (off if a["p"] else 0)
            if -255 <= base <= 255:
                return [_base(_reg(rn), base)] + pre
        return None

    def ldm(self, line, a, f):
        lst, rn = a["list"], a["rn"]
        if lst & ((1 << 13) | (1 << 15)):
            return None
        if a["w"] and (lst >> rn) & 1:
            return None
        n = bin(lst).count("1")
        if 4 * n > HI - LO:
            return None
        start = self.address(4 * n, 4)           # lowest address of the block
        base = {(0, 1): start, (1, 1): start - 4, (0, 0): start + 4 * n - 4,
                (1, 0): start + 4 * n}[(a["p"], a["u"])]
        if rn == 11:
            if base != 0:
                return None
            return []
        if not -255 <= base <= 255:
            return None
        return [_base(_reg(rn), base)]

    def simple_base(self, a, size, avoid):
        """Base for SWP and the exclusives: naturally aligned."""
        rn = a["rn"]
        if rn in avoid:
            return None
        if rn == 11:
            return []
        return [_base(_reg(rn), self.address(size, size))]

    def exclusive_store(self, line, a, f):
        size = f.store
        rt, rd, rn = a["rt"], a["rd"], a["rn"]
        if rd in (rt, rn) or (size == 8 and rd == rt + 1):
            return None
        pre = self.simple_base(a, size, ())
        if pre is None:
            return None
        for _ in range(50):
            ln = self.r.choice(LDREX_LINES)
            d = self.draw(ln, cond=14)
            if d is None or d[2].load != size:
                continue
            w, la, lf = d
            if la["rn"] != rn or rn in lf.wregs:
                continue                # the same base, and it must survive the load
            out = pre + [".inst 0x%08x" % w]
            if self.r.random() < 0.2:    # a cleared monitor: the store fails
                ln = self.r.choice(CLEAR_LINES)
                out.append(".inst 0x%08x" % self.fill(ln))
            return out
        return None

    def memory(self, line, a, f):
        if line.argset in ("ldst_ri", "ldst_rr"):
            return self.ldst(line, a, f)
        if line.argset == "ldm":
            return self.ldm(line, a, f)
        if line.argset == "swp":
            return self.simple_base(a, 4, (a["rt"], a["rt2"]))
        if line.argset == "ldrex":
            return self.simple_base(a, f.load, ())
        if line.argset == "strex":
            return self.exclusive_store(line, a, f)
        return None

    def instr(self):
        while True:
            line = self.r.choice(CANDIDATES)
            for _ in range(30):
                d = self.draw(line)
                if d is None:
                    continue
                w, a, f = d
                pre = []
                if f.load is not None or f.store is not None:
                    pre = self.memory(line, a, f)
                    if pre is None:
                        continue
                return pre + [".inst 0x%08x" % w]


OBJDUMP = os.environ.get("OBJDUMP", "arm-linux-gnueabi-objdump")
_verdicts = {}


def objdump_flags(words):
    """The words objdump decodes as UNDEFINED/UNPREDICTABLE (it knows a few
    UNPREDICTABLE forms the table does not mark because backstep runs them
    as qemu-arm does, e.g. a CP15 barrier MCR naming the PC); random_diff.py
    rejects a program that contains one.  Empty if objdump is missing."""
    new = sorted({w for w in words if w not in _verdicts})
    if new:
        import subprocess
        import tempfile
        with tempfile.NamedTemporaryFile(suffix=".bin") as t:
            t.write(b"".join(w.to_bytes(4, "little") for w in new))
            t.flush()
            try:
                out = subprocess.run([OBJDUMP, "-D", "-b", "binary", "-marm", t.name],
                                     capture_output=True, text=True).stdout
            except OSError:
                out = None
        for w in new:
            _verdicts[w] = False
        for line in (out or "").splitlines():
            m = re.match(r"\s*([0-9a-f]+):\s+([0-9a-f]{8})\s+(.*)$", line)
            if m and re.search(r"undefined|unpredictable", m.group(3), re.I):
                _verdicts[int(m.group(2), 16)] = True
    return {w for w in words if _verdicts[w]}


def _words(group):
    return [int(x.split()[1], 16) for x in group if x.startswith(".inst")]


def gen_case(seed, k, branches=False):
    """(init register values, flags word, body lines), gen.gen_case's shape."""
    rng = random.Random(case_seed(seed, k) ^ 0xa32 ^ (0xb7 if branches else 0))
    v = gen.Gen(rng)
    regs = [v.value() for _ in GP]
    flags = (rng.getrandbits(5) << 27) | (rng.getrandbits(4) << 16)
    g = Gen(rng)
    slots = []                       # lists of lines: a label, a branch or a group
    groups = []                      # indices of the instruction groups in slots
    pending = None
    nlabel = 0
    for _ in range(rng.randrange(20, 41)):
        if branches and pending is None and rng.random() < 0.125:
            label = "c%d_skip%d" % (k, nlabel)
            nlabel += 1
            slots.append(["b%s %s" % (rng.choice(gen.CONDS + [""]), label)])
            pending = [label, rng.randrange(1, 5)]
        groups.append(len(slots))
        slots.append(g.instr())
        if pending is not None:
            pending[1] -= 1
            if pending[1] == 0:
                slots.append(["%s:" % pending[0]])
                pending = None
    if pending is not None:
        slots.append(["%s:" % pending[0]])
    for _ in range(20):
        bad = objdump_flags([w for i in groups for w in _words(slots[i])])
        if not bad:
            break
        for i in groups:
            while set(_words(slots[i])) & bad:
                slots[i] = g.instr()
    return regs, flags, [x for sl in slots for x in sl]


if __name__ == "__main__":
    import argparse
    from collections import Counter
    ap = argparse.ArgumentParser(description="how often each line of arm/a32.decode is "
                                 "drawn (gen.py writes the programs)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--branches", action="store_true")
    ap.add_argument("--stats", type=int, default=1000, metavar="N", help="cases (1000)")
    a = ap.parse_args()
    c = Counter()
    for k in range(a.stats):
        for ln in gen_case(a.seed, k, a.branches)[2]:
            if ln.startswith(".inst"):
                c[isa_table.decode(A32, int(ln.split()[1], 16)).index] += 1
    for line in A32.lines:
        print("%6d  %s %s" % (c[line.index], line.name, line.where.split("/")[-1]))

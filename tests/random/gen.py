#!/usr/bin/env python3
"""gen.py -- random A32 user-mode instruction generator for the differential
tester (random_diff.py).  From a seed it writes a freestanding ARM assembly
program with many test cases; each case

  1. copies a 256-byte seeded pattern into the scratch buffer,
  2. sets r0-r10, r12, r14 and N Z C V Q GE (msr APSR_nzcvqg) to seeded values,
     and r11 to scratch+128 (the load/store base, never written),
  3. runs 20-40 random instructions (plus the helper moves that give loads
     and stores a safe address),
  4. stores r0-r12, r14 and the APSR (mrs) to `dump`, and write()s the
     64-byte dump followed by the 256-byte scratch buffer to stdout;
  5. with --passes 2, goes back and runs the same body again with other
     inputs (so a translator reuses its translation) and dumps again.

So the output is CASE_BYTES = 320 bytes per case, and a mismatch between two
runs names its case by offset.  Case K of seed S is generated from its own
RNG (case_seed(S, K)), so one case can be printed alone (--list-case).

Rules enforced so that every instruction is valid and not UNPREDICTABLE
(ARM ARM, ARMv7-A):
  * No branches (unless --branches: then only forward B<cond> over 1-4
    generated groups, inside the case), no PC anywhere (destination or operand), SP never written,
    r11 never written (it is the scratch base; reading it is fine).
  * Long multiplies (UMULL/SMULL/UMLAL/SMLAL/UMAAL/SMLALxy/SMLALD/SMLSLD):
    RdHi != RdLo.
  * Bitfields: lsb + width <= 32.
  * Loads/stores: addresses stay inside the 256-byte scratch buffer; with
    writeback Rn != Rt (and != Rt2) and, for register offsets, Rm != Rn;
    LDRD/STRD/LDREXD/STREXD use an even Rt other than r14, LDRD/LDREXD never
    r10 (its pair would be r11); LDRD register form: Rm != Rt, Rt2;
    doubleword, multiple and exclusive accesses are word aligned; word and
    halfword accesses may be unaligned (allowed for ARMv7 Linux user code).
  * LDM/STM: non-empty list without SP/PC (LDM also without r11); with
    writeback the base is not in the list.
  * STREX*: Rd != Rt, Rt2, Rn; the LDREX* before it is unconditional and at
    the same address (a STREX to another address than the reservation is
    IMPLEMENTATION DEFINED), and every case starts with CLREX.
  * A writeback base is a fresh register set by `add/sub Rb, r11, #off` right
    before the access (that helper instruction is part of the listing).
  * Register offsets come from a `mov/mvn Rm, #k` right before the access.
  * SP is read only as Rn of data-processing instructions (its value, the
    dump address, is the same under both tools).
  * Any instruction may get a random condition (EQ..LE) about 30% of the time.
"""
import random
import sys

CASE_BYTES = 320
GP = ["r%d" % i for i in range(11)] + ["r12", "lr"]          # writable
SRC = GP + ["r11"]                                           # readable
CONDS = ["eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls",
         "ge", "lt", "gt", "le"]
INTERESTING = [0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffffe,
               0x80000001, 0x7ffe, 0x8000, 0xffff, 0x10000, 0xff, 0x100,
               0x7f, 0x80, 31, 32, 33, 0xff00ff00, 0x00ff00ff, 0x7fff8000,
               0x80007fff, 0xffff8000, 0x00008000]


def case_seed(seed, k):
    return (seed * 1000003 + k * 7919 + 12345) & 0xffffffffffff


class Gen:
    def __init__(self, rng):
        self.r = rng

    # --- helpers -----------------------------------------------------------
    def reg(self, exclude=()):
        return self.r.choice([x for x in GP if x not in exclude])

    def src(self):
        return self.r.choice(SRC)

    def cond(self):
        return self.r.choice(CONDS) if self.r.random() < 0.3 else ""

    def value(self):
        c = self.r.random()
        if c < 0.35:
            return self.r.choice(INTERESTING)
        if c < 0.5:
            return self.r.randrange(0, 64)
        if c < 0.6:
            return (-self.r.randrange(1, 64)) & 0xffffffff
        return self.r.getrandbits(32)

    def imm_mod(self):
        """A rotated 8-bit immediate (value as text)."""
        imm8 = self.r.randrange(256)
        rot = self.r.randrange(16) * 2
        v = ((imm8 >> rot) | (imm8 << (32 - rot))) & 0xffffffff if rot else imm8
        return "#0x%x" % v

    def shift_imm(self):
        t = self.r.choice(["lsl", "lsr", "asr", "ror", "rrx", "none"])
        if t == "none":
            return ""
        if t == "rrx":
            return ", rrx"
        if t == "lsl":
            return ", lsl #%d" % self.r.randrange(0, 32)
        if t == "ror":
            return ", ror #%d" % self.r.randrange(1, 32)
        return ", %s #%d" % (t, self.r.randrange(1, 33))

    def op2(self):
        c = self.r.random()
        if c < 0.3:
            return self.imm_mod()
        if c < 0.75:
            return self.src() + self.shift_imm()
        return "%s, %s %s" % (self.src(), self.r.choice(["lsl", "lsr", "asr", "ror"]),
                              self.src())

    # --- instruction classes: each returns a list of lines -----------------
    def dp(self):
        op = self.r.choice(["and", "eor", "sub", "rsb", "add", "adc", "sbc", "rsc",
                            "orr", "bic", "mov", "mvn", "tst", "teq", "cmp", "cmn"])
        c = self.cond()
        if op in ("tst", "teq", "cmp", "cmn"):
            return ["%s%s %s, %s" % (op, c, self.src(), self.op2())]
        s = "s" if self.r.random() < 0.5 else ""
        if op in ("mov", "mvn"):
            return ["%s%s%s %s, %s" % (op, s, c, self.reg(), self.op2())]
        rn = "sp" if self.r.random() < 0.05 else self.src()
        return ["%s%s%s %s, %s, %s" % (op, s, c, self.reg(), rn, self.op2())]

    def dp_raw_imm(self):
        """Data processing with an arbitrary (possibly non-canonical) rotated
        immediate encoding: the carry-out depends on the rotation field."""
        opc = self.r.randrange(16)
        s = self.r.randrange(2) if opc not in (8, 9, 10, 11) else 1
        rd = 0 if opc in (8, 9, 10, 11) else int(self.reg().replace("lr", "r14")[1:])
        rn = 0 if opc in (13, 15) else int(self.src().replace("lr", "r14")[1:])
        cond = self.r.choice(list(range(14)) + [14] * 20)
        word = (cond << 28) | (1 << 25) | (opc << 21) | (s << 20) | (rn << 16) | \
            (rd << 12) | (self.r.randrange(16) << 8) | self.r.randrange(256)
        return [".inst 0x%08x" % word]

    def mul(self):
        c = self.cond()
        s = "s" if self.r.random() < 0.4 else ""
        op = self.r.choice(["mul", "mla", "mls", "umull", "smull", "umlal", "smlal",
                            "umaal", "sdiv", "udiv"])
        if op == "mul":
            return ["mul%s%s %s, %s, %s" % (s, c, self.reg(), self.src(), self.src())]
        if op in ("mla",):
            return ["mla%s%s %s, %s, %s, %s" % (s, c, self.reg(), self.src(), self.src(),
                                               self.src())]
        if op == "mls":
            return ["mls%s %s, %s, %s, %s" % (c, self.reg(), self.src(), self.src(),
                                             self.src())]
        if op in ("sdiv", "udiv"):
            return ["%s%s %s, %s, %s" % (op, c, self.reg(), self.src(), self.src())]
        lo = self.reg()
        hi = self.reg(exclude=(lo,))
        if op == "umaal":
            s = ""
        return ["%s%s%s %s, %s, %s, %s" % (op, s, c, lo, hi, self.src(), self.src())]

    def dsp(self):
        c = self.cond()
        xy = self.r.choice(["bb", "bt", "tb", "tt"])
        y = self.r.choice(["b", "t"])
        x = self.r.choice(["", "x"])
        rr = self.r.choice(["", "r"])
        kind = self.r.randrange(9)
        if kind == 0:
            return ["smul%s%s %s, %s, %s" % (xy, c, self.reg(), self.src(), self.src())]
        if kind == 1:
            return ["smla%s%s %s, %s, %s, %s" % (xy, c, self.reg(), self.src(), self.src(),
                                               self.src())]
        if kind == 2:
            op = self.r.choice(["smulw" + y, "smuad" + x, "smusd" + x, "smmul" + rr])
            return ["%s%s %s, %s, %s" % (op, c, self.reg(), self.src(), self.src())]
        if kind == 3:
            op = self.r.choice(["smlaw" + y, "smlad" + x, "smlsd" + x, "smmla" + rr,
                                "smmls" + rr])
            return ["%s%s %s, %s, %s, %s" % (op, c, self.reg(), self.src(), self.src(),
                                           self.src())]
        lo = self.reg()
        hi = self.reg(exclude=(lo,))
        op = self.r.choice(["smlal" + xy, "smlald" + x, "smlsld" + x])
        return ["%s%s %s, %s, %s, %s" % (op, c, lo, hi, self.src(), self.src())]

    def sat(self):
        c = self.cond()
        k = self.r.randrange(6)
        if k == 0:
            op = self.r.choice(["qadd", "qsub", "qdadd", "qdsub"])
            return ["%s%s %s, %s, %s" % (op, c, self.reg(), self.src(), self.src())]
        if k in (1, 2):
            sh = self.r.choice(["", ", lsl #%d" % self.r.randrange(32),
                                ", asr #%d" % self.r.randrange(1, 33)])
            if k == 1:
                return ["ssat%s %s, #%d, %s%s" % (c, self.reg(), self.r.randrange(1, 33),
                                                 self.src(), sh)]
            return ["usat%s %s, #%d, %s%s" % (c, self.reg(), self.r.randrange(0, 32),
                                             self.src(), sh)]
        if k == 3:
            return ["ssat16%s %s, #%d, %s" % (c, self.reg(), self.r.randrange(1, 17),
                                             self.src())]
        if k == 4:
            return ["usat16%s %s, #%d, %s" % (c, self.reg(), self.r.randrange(0, 16),
                                             self.src())]
        return ["mrs%s %s, APSR" % (c, self.reg())]

    def parallel(self):
        c = self.cond()
        k = self.r.randrange(10)
        if k < 7:
            op = self.r.choice(["s", "q", "sh", "u", "uq", "uh"]) + \
                self.r.choice(["add16", "asx", "sax", "sub16", "add8", "sub8"])
            return ["%s%s %s, %s, %s" % (op, c, self.reg(), self.src(), self.src())]
        if k < 9:
            op = self.r.choice(["sel", "usad8"])
            return ["%s%s %s, %s, %s" % (op, c, self.reg(), self.src(), self.src())]
        return ["usada8%s %s, %s, %s, %s" % (c, self.reg(), self.src(), self.src(),
                                            self.src())]

    def extend(self):
        c = self.cond()
        rot = self.r.choice(["", ", ror #8", ", ror #16", ", ror #24"])
        k = self.r.randrange(4)
        if k == 0:
            op = self.r.choice(["uxtb", "uxth", "sxtb", "sxth", "uxtb16", "sxtb16"])
            return ["%s%s %s, %s%s" % (op, c, self.reg(), self.src(), rot)]
        if k == 1:
            op = self.r.choice(["uxtab", "uxtah", "sxtab", "sxtah", "uxtab16", "sxtab16"])
            return ["%s%s %s, %s, %s%s" % (op, c, self.reg(), self.src(), self.src(), rot)]
        if k == 2:
            return ["pkhbt%s %s, %s, %s, lsl #%d" % (c, self.reg(), self.src(), self.src(),
                                                   self.r.randrange(32))]
        return ["pkhtb%s %s, %s, %s, asr #%d" % (c, self.reg(), self.src(), self.src(),
                                               self.r.randrange(1, 33))]

    def bits(self):
        c = self.cond()
        k = self.r.randrange(8)
        lsb = self.r.randrange(32)
        width = self.r.randrange(1, 33 - lsb)
        if k == 0:
            op = self.r.choice(["ubfx", "sbfx"])
            return ["%s%s %s, %s, #%d, #%d" % (op, c, self.reg(), self.src(), lsb, width)]
        if k == 1:
            return ["bfi%s %s, %s, #%d, #%d" % (c, self.reg(), self.src(), lsb, width)]
        if k == 2:
            return ["bfc%s %s, #%d, #%d" % (c, self.reg(), lsb, width)]
        if k in (3, 4):
            op = self.r.choice(["clz", "rev", "rev16", "revsh", "rbit"])
            return ["%s%s %s, %s" % (op, c, self.reg(), self.src())]
        if k == 5:
            op = self.r.choice(["movw", "movt"])
            return ["%s%s %s, #0x%x" % (op, c, self.reg(), self.r.randrange(65536))]
        if k == 6:
            mask = self.r.choice(["APSR_nzcvq", "APSR_g", "APSR_nzcvqg"])
            if self.r.random() < 0.5:
                return ["msr%s %s, %s" % (c, mask, self.src())]
            v = (self.r.randrange(32) << 27) if mask != "APSR_g" else \
                (self.r.randrange(16) << 16)
            if mask == "APSR_nzcvqg":
                v = self.r.choice([self.r.randrange(32) << 27, self.r.randrange(16) << 16])
            return ["msr%s %s, #0x%x" % (c, mask, v)]
        return ["mrs%s %s, APSR" % (c, self.reg())]

    # --- loads and stores ---------------------------------------------------
    def base_at(self, off, exclude):
        """A fresh base register = scratch + 128 + off (off in [-128, 124])."""
        b = self.reg(exclude=exclude)
        if off >= 0:
            return b, ["add %s, r11, #%d" % (b, off)]
        return b, ["sub %s, r11, #%d" % (b, -off)]

    def index_reg(self, value, exclude):
        m = self.reg(exclude=exclude)
        if value >= 0:
            return m, ["mov %s, #%d" % (m, value)]
        return m, ["mvn %s, #%d" % (m, -value - 1)]

    def ldst(self):
        c = self.cond()
        kind = self.r.choice(["word", "word", "half", "dual", "multi", "excl", "user"])
        if kind == "word":
            op = self.r.choice(["ldr", "str", "ldrb", "strb"])
            t = self.reg() if op[0] == "l" else self.src()
            mode = self.r.randrange(5)
            if mode == 0:                                    # [r11, #+/-imm]
                if self.r.random() < 0.05:
                    return ["%s%s %s, [r11, #-0]" % (op, c, t)]
                if self.r.random() < 0.05:
                    return ["pld [r11, #%d]" % self.r.randrange(-128, 125)]
                return ["%s%s %s, [r11, #%d]" % (op, c, t, self.r.randrange(-128, 125))]
            if mode == 1:                                    # [r11, +/-Rm, shift]
                sh, k = self.r.choice([("", 1), (", lsl #1", 2), (", lsl #2", 4),
                                       (", lsr #1", 0.5), (", asr #1", 0.5)])
                v = self.r.randrange(-int(120 / k), int(120 / k))
                if v < 0 and "lsr" in sh:
                    v = -v
                m, pre = self.index_reg(v, exclude=())
                sign = self.r.choice(["", "-"])
                return pre + ["%s%s %s, [r11, %s%s%s]" % (op, c, t, sign, m, sh)]
            off = self.r.randrange(-60, 60)
            imm = self.r.randrange(-60, 60)
            b, pre = self.base_at(off, exclude=(t,))
            if mode == 2:
                return pre + ["%s%s %s, [%s, #%d]!" % (op, c, t, b, imm)]
            if mode == 3:
                return pre + ["%s%s %s, [%s], #%d" % (op, c, t, b, imm)]
            m, pre2 = self.index_reg(self.r.randrange(-60, 60), exclude=(b,))
            if t == m and op[0] == "l":
                t = self.reg(exclude=(b, m))
            form = self.r.choice(["[%s, %s]!", "[%s], %s", "[%s, -%s]!", "[%s], -%s"])
            return pre + pre2 + ["%s%s %s, %s" % (op, c, t, form % (b, m))]
        if kind == "half":
            op = self.r.choice(["ldrh", "strh", "ldrsh", "ldrsb"])
            t = self.reg() if op[0] == "l" else self.src()
            mode = self.r.randrange(4)
            if mode == 0:
                return ["%s%s %s, [r11, #%d]" % (op, c, t, self.r.randrange(-128, 126))]
            if mode == 1:
                m, pre = self.index_reg(self.r.randrange(-120, 120), exclude=())
                return pre + ["%s%s %s, [r11, %s%s]" % (op, c, t, self.r.choice(["", "-"]), m)]
            b, pre = self.base_at(self.r.randrange(-60, 60), exclude=(t,))
            imm = self.r.randrange(-60, 60)
            if mode == 2:
                return pre + ["%s%s %s, [%s, #%d]!" % (op, c, t, b, imm)]
            return pre + ["%s%s %s, [%s], #%d" % (op, c, t, b, imm)]
        if kind == "dual":
            op = self.r.choice(["ldrd", "strd"])
            evens = ["r0", "r2", "r4", "r6", "r8"] + (["r10"] if op == "strd" else [])
            t = self.r.choice(evens)
            t2 = "r%d" % (int(t[1:]) + 1)
            mode = self.r.randrange(4)
            if mode == 0:
                return ["%s%s %s, %s, [r11, #%d]" % (op, c, t, t2,
                                                     4 * self.r.randrange(-32, 30))]
            if mode == 1:
                m, pre = self.index_reg(4 * self.r.randrange(-30, 30), exclude=(t, t2))
                return pre + ["%s%s %s, %s, [r11, %s%s]" % (op, c, t, t2,
                                                            self.r.choice(["", "-"]), m)]
            b, pre = self.base_at(4 * self.r.randrange(-15, 15), exclude=(t, t2))
            imm = 4 * self.r.randrange(-15, 15)
            if mode == 2:
                return pre + ["%s%s %s, %s, [%s, #%d]!" % (op, c, t, t2, b, imm)]
            return pre + ["%s%s %s, %s, [%s], #%d" % (op, c, t, t2, b, imm)]
        if kind == "multi":
            op = self.r.choice(["ldm", "stm"]) + self.r.choice(["ia", "ib", "da", "db"])
            pool = GP if op.startswith("ldm") else SRC
            n = self.r.randrange(1, 8)
            regs = self.r.sample(pool, n)
            wb = self.r.random() < 0.5
            if wb:
                b, pre = self.base_at(4 * self.r.randrange(-16, 16), exclude=regs)
            else:
                b, pre = "r11", []
            order = [x for x in ["r%d" % i for i in range(13)] + ["lr"] if x in regs]
            return pre + ["%s%s %s%s, {%s}" % (op, c, b, "!" if wb else "", ", ".join(order))]
        if kind == "excl":
            w = self.r.choice(["", "b", "h", "d"])
            if w == "d":
                t = self.r.choice(["r0", "r2", "r4", "r6", "r8"])
                t2 = "r%d" % (int(t[1:]) + 1)
                b, pre = self.base_at(8 * self.r.randrange(-8, 8), exclude=(t, t2))
                s = self.r.choice(["r0", "r2", "r4", "r6", "r8", "r10"])
                s2 = "r%d" % (int(s[1:]) + 1)
                d = self.reg(exclude=(b, s, s2))
                lines = pre + ["ldrexd %s, %s, [%s]" % (t, t2, b)]
                if self.r.random() < 0.8:
                    lines.append("strexd%s %s, %s, %s, [%s]" % (c, d, s, s2, b))
                return lines
            b, pre = self.base_at(4 * self.r.randrange(-16, 16), exclude=())
            t = self.reg(exclude=(b,))
            lines = pre + ["ldrex%s %s, [%s]" % (w, t, b)]
            if self.r.random() < 0.2:
                lines.append("clrex")
            s = self.src()
            d = self.reg(exclude=(b, s))
            lines.append("strex%s%s %s, %s, [%s]" % (w, c, d, s, b))
            return lines
        # unprivileged forms: post-indexed only
        op = self.r.choice(["ldrt", "strt", "ldrbt", "strbt", "ldrht", "strht",
                            "ldrsbt", "ldrsht"])
        t = self.reg() if op[0] == "l" else self.src()
        b, pre = self.base_at(self.r.randrange(-60, 60), exclude=(t,))
        return pre + ["%s%s %s, [%s], #%d" % (op, c, t, b, self.r.randrange(-60, 60))]

    def instr(self):
        f = self.r.choices([self.dp, self.dp_raw_imm, self.mul, self.dsp, self.sat,
                            self.parallel, self.extend, self.bits, self.ldst],
                           weights=[30, 5, 8, 8, 6, 8, 6, 8, 18])[0]
        return f()


def gen_case(seed, k, branches=False):
    """Return (init register values, flags word, list of instruction lines).
    With branches, about one slot in eight becomes a forward conditional (or
    unconditional) branch over the next 1-4 generated groups, so flags and
    registers cross block boundaries in both taken and not-taken ways."""
    rng = random.Random(case_seed(seed, k) ^ (0xb7 if branches else 0))
    g = Gen(rng)
    regs = [g.value() for _ in GP]
    flags = (rng.getrandbits(5) << 27) | (rng.getrandbits(4) << 16)
    body = []
    pending = None                  # (label, groups left before it)
    nlabel = 0
    for _ in range(rng.randrange(20, 41)):
        if branches and pending is None and rng.random() < 0.125:
            label = "c%d_skip%d" % (k, nlabel)
            nlabel += 1
            body.append("b%s %s" % (rng.choice(CONDS + [""]), label))
            pending = [label, rng.randrange(1, 5)]
        body += g.instr()
        if pending is not None:
            pending[1] -= 1
            if pending[1] == 0:
                body.append("%s:" % pending[0])
                pending = None
    if pending is not None:
        body.append("%s:" % pending[0])
    return regs, flags, body


def second_inputs(seed, k):
    """Register values and flags for the second pass of case k."""
    rng = random.Random(case_seed(seed, k) ^ 0x2222)
    g = Gen(rng)
    regs = [g.value() for _ in GP]
    return regs, (rng.getrandbits(5) << 27) | (rng.getrandbits(4) << 16)


def program(seed, first, count, branches=False, passes=1, cases=None):
    """Assembly text for cases first .. first+count-1 of seed.  With passes=2
    every case body runs twice: once with its inputs, then again with
    second_inputs() (the same code, so a translator runs it from its cache);
    each pass writes its own CASE_BYTES dump, word 15 holding the pass number.
    cases: another (gen_case, second_inputs) pair for the bodies (gen_a32.py)."""
    case_fn, inputs_fn = cases or (gen_case, second_inputs)
    rng = random.Random(seed ^ 0x5eed)
    pattern = [rng.getrandbits(32) for _ in range(64)]
    out = ["@ generated by tests/random/gen.py seed=%d cases %d..%d" %
           (seed, first, first + count - 1),
           "        .syntax unified", "        .arm", "        .text",
           "        .global _start", "_start:", "        ldr sp, =dump"]

    def init(regs, flags):
        lines = ["        clrex", "        ldr r0, =pattern", "        ldr r1, =scratch",
                 "        mov r2, #256",
                 "1:      ldr r3, [r0], #4", "        str r3, [r1], #4",
                 "        subs r2, r2, #4", "        bne 1b",
                 "        ldr r0, =0x%08x" % flags, "        msr APSR_nzcvqg, r0"]
        lines += ["        ldr %s, =0x%08x" % (name, v) for name, v in zip(GP, regs)]
        return lines + ["        ldr r11, =scratch + 128"]

    for k in range(first, first + count):
        regs, flags, body = case_fn(seed, k, branches)
        out.append("case_%d:" % k)
        out += ["        mov r0, #0", "        ldr r1, =passno", "        str r0, [r1]"]
        out += init(regs, flags)
        if passes > 1:
            regs2, flags2 = inputs_fn(seed, k)
            out.append("        b case_%d_body" % k)
            out.append("case_%d_again:" % k)
            out += init(regs2, flags2)
        out.append("case_%d_body:" % k)
        out += [line if line.endswith(":") else "        " + line for line in body]
        out.append("case_%d_end:" % k)
        out += ["        stmia sp, {r0-r12, lr}", "        mrs r0, APSR",
                "        str r0, [sp, #56]", "        ldr r0, =passno", "        ldr r0, [r0]",
                "        str r0, [sp, #60]",
                "        mov r0, #1", "        mov r1, sp", "        mov r2, #%d" % CASE_BYTES,
                "        mov r7, #4", "        svc #0"]
        if passes > 1:
            out += ["        ldr r0, =passno", "        ldr r1, [r0]", "        add r1, r1, #1",
                    "        str r1, [r0]", "        cmp r1, #%d" % passes,
                    "        blt case_%d_again" % k]
        out += ["        b 2f", "        .ltorg", "2:"]
    out += ["        mov r0, #0", "        mov r7, #1", "        svc #0", "        .ltorg",
            "        .data", "        .balign 8", "pattern:"]
    out += ["        .word 0x%08x" % w for w in pattern]
    out += ["        .bss", "        .balign 8", "dump:   .space 64",
            "scratch: .space 256", "passno: .space 4", ""]
    return "\n".join(out)


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser(description="write a random A32 test program")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--first", type=int, default=0)
    ap.add_argument("--cases", type=int, default=10)
    ap.add_argument("--branches", action="store_true",
                    help="also generate forward branches inside cases")
    ap.add_argument("--passes", type=int, default=1, choices=(1, 2))
    ap.add_argument("--list-case", type=int, default=None,
                    help="print the listing of one case instead")
    a = ap.parse_args()
    if a.list_case is not None:
        regs, flags, body = gen_case(a.seed, a.list_case, a.branches)
        print("flags 0x%08x" % flags)
        print(" ".join("%s=%08x" % (n, v) for n, v in zip(GP, regs)))
        if a.passes > 1:
            regs2, flags2 = second_inputs(a.seed, a.list_case)
            print("second pass: flags 0x%08x" % flags2)
            print(" ".join("%s=%08x" % (n, v) for n, v in zip(GP, regs2)))
        print("\n".join(body))
    else:
        sys.stdout.write(program(a.seed, a.first, a.cases, a.branches, a.passes))

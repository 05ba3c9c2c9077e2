#!/usr/bin/env python3
"""gen_t16.py -- random 16-bit Thumb (T16) instruction streams for the
differential tester (random_diff.py --iset t16), drawn from arm/t16.decode
through decodegen.py's parser (isa_table.py): no encoding is listed here.

From a seed it writes a program of many cases, like gen.py does for A32.
Each case (ARM code around a Thumb body)
  1. copies a 2048-byte seeded pattern into the scratch buffer,
  2. sets r0-r10, r12, lr and N Z C V Q GE to seeded values, sp to
     scratch+1024, and BLXs into the Thumb body, whose first two
     instructions put lr in place and r11 = scratch+1024 (the base for
     memory accesses, never written by the body),
  3. runs 20-40 random T16 instructions plus the helper moves that give
     loads and stores a safe address (part of the listing),
  4. moves lr to r11, BLXs to ARM code that stores r0-r12 (r11 holding lr),
     sp, the APSR and the pass number to `dump` and write()s the 64-byte dump
     and the 2048-byte scratch buffer to stdout,
  5. with --passes 2, runs the same body again with other inputs.

How an instruction is made: pick a line of t16.decode, fill its open bits at
random, and keep the word only if the generated decoder would pick that same
line for it (the groups' first-match order, isa_table.decode) and the line's
facts, evaluated for the word's arguments, allow it.  The policy is keyed on
the facts and argument sets, never on encodings:
  * `trap`, `end` and lines that always write the PC (w:15: B, BX, BLX) are
    never generated; with --branches, forward `b<cond>`/`b` over 1-4 generated
    groups inside the case are added as assembler text.
  * an instance whose written registers include the PC (e.g. POP {..pc},
    MOV pc, Rm) or r11 is redrawn, and so is one whose `unpred:` or `qdef:`
    fact holds (UNPREDICTABLE, whether or not qemu-arm defines it).
  * memory access (ld:/st: facts): the base `rn` of &ldst_ri/&ldst_rr/&ldm
    is set right before the access: `mov rN, r11` for a low register, `mov
    sp, r11` for SP (PUSH, POP, SP-relative); the literal base (rn = PC)
    reads the program's own code, the same in both runs.  A register offset
    `rm` (&ldst_rr) gets `ldr rM, =k` with -1024 <= k <= 1020 and rm != rn.
    Every access thus stays inside the scratch buffer (offsets reach at most
    1020 + 4 bytes above the base, lists 36 bytes on either side).
  * SP may be written by the body (ADD/SUB SP, MOV/ADD SP, Rm): nothing reads
    memory through it without the `mov sp, r11` first.
The table marks with `qdef:` the UNPREDICTABLE and UNKNOWN forms qemu-arm
executes (CMP with two low registers or the PC in the high-register form,
ADD pc, pc, BLX pc, STMIA Rn! with Rn in the list but not its lowest
register): backstep runs them as qemu-arm does, and they are not generated.
"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen as a32gen  # noqa: E402  (shared: case seeds, value distribution)
import isa_table  # noqa: E402

T16 = isa_table.load("t16")["t16"]

SCRATCH = 2048
BIAS = 1024                       # r11 and the initial sp: scratch + BIAS
HEADER_BYTES = 64
CASE_BYTES = HEADER_BYTES + SCRATCH
SCRATCH_BIAS = BIAS
BASE_REG = "r11"
MARCH = "armv6"                   # T16 + ARMv6 extends/REV, no Thumb-2
THUMB = True
GP = ["r%d" % i for i in range(11)] + ["r12", "lr"]          # seeded inputs
REG_NAMES = ["r%d" % i for i in range(11)] + ["lr", "r12", "sp", "APSR", "pass"]
CONDS = a32gen.CONDS
case_seed = a32gen.case_seed


def _static_ok(line):
    """Lines the generator may draw from at all (facts only)."""
    if line.fact_keys & {"trap", "end", "thumb2"}:      # ARMv6T2: not ARMv6
        return False
    for w in line.fact("w"):
        if "15" in [item.partition("?")[0] for item in w.split(",")]:
            return False                      # always writes the PC: a branch
    return True


CANDIDATES = [ln for ln in T16.lines if _static_ok(ln)]


class Gen:
    def __init__(self, rng):
        self.r = rng
        self.v = a32gen.Gen(rng)

    def value(self):
        return self.v.value()

    def mem_setup(self, line, a):
        """Helper lines that point the access's base into the scratch buffer,
        or None if this instance cannot be made safe."""
        rn = a.get("rn")
        if rn is None:
            return None
        pre = []
        if rn == 13:
            pre.append("mov sp, r11")
        elif rn < 8:
            pre.append("mov r%d, r11" % rn)
        elif rn != 15:
            return None
        if "rm" in a and line.argset == "ldst_rr":
            if a["rm"] == rn:
                return None
            pre.append("ldr r%d, =%d" % (a["rm"], self.r.randrange(-BIAS, BIAS - 3)))
        return pre

    def instr(self):
        while True:
            line = self.r.choice(CANDIDATES)
            free = isa_table.free_bits(line)
            for _ in range(20):
                w = line.fixed | (self.r.getrandbits(16) & free)
                if isa_table.decode(T16, w) is not line:
                    continue
                a = isa_table.args(line, w)
                f = isa_table.facts(line, a)
                if f.unpredictable or f.qemu_defined or 15 in f.wregs or 11 in f.wregs:
                    continue
                pre = []
                if f.load is not None or f.store is not None:
                    pre = self.mem_setup(line, a)
                    if pre is None:
                        continue
                return pre + [".inst.n 0x%04x" % w]


def _gen_inputs(rng):
    g = Gen(rng)
    regs = [g.value() for _ in GP]
    flags = (rng.getrandbits(5) << 27) | (rng.getrandbits(4) << 16)
    return g, regs, flags


def gen_case(seed, k, branches=False):
    """(init register values, flags word, list of body lines)"""
    rng = random.Random(case_seed(seed, k) ^ 0x7416 ^ (0xb7 if branches else 0))
    g, regs, flags = _gen_inputs(rng)
    body = []
    pending = None
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
    rng = random.Random(case_seed(seed, k) ^ 0x7416 ^ 0x2222)
    _, regs, flags = _gen_inputs(rng)
    return regs, flags


def program(seed, first, count, branches=False, passes=1, case_fn=None, who="gen_t16.py"):
    """The program of cases first..first+count-1; case_fn(seed, k, branches)
    makes each case's (regs, flags, body) (default: gen_case; gen_t32.py
    passes its own)."""
    case_fn = case_fn or gen_case
    rng = random.Random(seed ^ 0x5eed)
    pattern = [rng.getrandbits(32) for _ in range(SCRATCH // 4)]
    out = ["@ generated by tests/random/%s seed=%d cases %d..%d" %
           (who, seed, first, first + count - 1),
           "        .syntax unified", "        .arm", "        .text",
           "        .global _start", "_start:"]

    def init(regs, flags):
        lines = ["        ldr r0, =pattern", "        ldr r1, =scratch",
                 "        mov r2, #%d" % SCRATCH,
                 "1:      ldr r3, [r0], #4", "        str r3, [r1], #4",
                 "        subs r2, r2, #4", "        bne 1b",
                 "        ldr r0, =0x%08x" % flags,
                 "        msr CPSR_fs, r0"]              # = APSR_nzcvqg
        for name, v in zip(GP, regs):
            lines.append("        ldr %s, =0x%08x" % ("r11" if name == "lr" else name, v))
        return lines + ["        ldr sp, =scratch + %d" % BIAS]

    for k in range(first, first + count):
        regs, flags, body = case_fn(seed, k, branches)
        out += ["        .arm", "        .balign 4", "case_%d:" % k,
                "        mov r0, #0", "        ldr r1, =passno", "        str r0, [r1]"]
        out += init(regs, flags)
        if passes > 1:
            regs2, flags2 = second_inputs(seed, k)
            out.append("        b case_%d_go" % k)
            out.append("case_%d_again:" % k)
            out += init(regs2, flags2)
        out += ["case_%d_go:" % k, "        blx case_%d_entry" % k,
                "        .thumb", "case_%d_entry:" % k,
                "        mov lr, r11", "        mov r11, sp",
                "case_%d_body:" % k]
        out += [line if line.endswith(":") else "        " + line for line in body]
        out += ["case_%d_end:" % k, "        mov r11, lr", "        blx case_%d_dump" % k,
                "        .balign 4", "        .ltorg", "        .arm",
                "case_%d_dump:" % k,
                "        ldr lr, =dump", "        stmia lr, {r0-r12}", "        str sp, [lr, #52]",
                "        mrs r0, APSR", "        str r0, [lr, #56]",
                "        ldr r0, =passno", "        ldr r0, [r0]", "        str r0, [lr, #60]",
                "        mov r0, #1", "        mov r1, lr", "        ldr r2, =%d" % CASE_BYTES,
                "        mov r7, #4", "        svc #0"]
        if passes > 1:
            out += ["        ldr r0, =passno", "        ldr r1, [r0]", "        add r1, r1, #1",
                    "        str r1, [r0]", "        cmp r1, #%d" % passes,
                    "        blt case_%d_again" % k]
        out += ["        b 2f", "        .ltorg", "2:"]
    out += ["        mov r0, #0", "        mov r7, #1", "        svc #0", "        .ltorg",
            "        .space 1024          @ what an LDR literal near the end may read",
            "        .data", "        .balign 8", "pattern:"]
    out += ["        .word 0x%08x" % w for w in pattern]
    out += ["        .bss", "        .balign 8", "dump:   .space %d" % HEADER_BYTES,
            "scratch: .space %d" % SCRATCH, "passno: .space 4", ""]
    return "\n".join(out)


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser(description="write a random T16 test program")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--first", type=int, default=0)
    ap.add_argument("--cases", type=int, default=10)
    ap.add_argument("--branches", action="store_true")
    ap.add_argument("--passes", type=int, default=1, choices=(1, 2))
    ap.add_argument("--list-case", type=int, default=None)
    ap.add_argument("--stats", type=int, default=None, metavar="N",
                    help="print how often each table line is drawn in N cases")
    a = ap.parse_args()
    if a.stats:
        from collections import Counter
        c = Counter()
        for k in range(a.stats):
            for ln in gen_case(a.seed, k, a.branches)[2]:
                if ln.startswith(".inst.n"):
                    d = isa_table.decode(T16, int(ln.split()[1], 16))
                    c["%s %s" % (d.name, d.where.split("/")[-1])] += 1
        for line in T16.lines:
            key = "%s %s" % (line.name, line.where.split("/")[-1])
            print("%6d  %s" % (c[key], key))
    elif a.list_case is not None:
        regs, flags, body = gen_case(a.seed, a.list_case, a.branches)
        print("flags 0x%08x" % flags)
        print(" ".join("%s=%08x" % (n, v) for n, v in zip(GP, regs)))
        print("\n".join(body))
    else:
        sys.stdout.write(program(a.seed, a.first, a.cases, a.branches, a.passes))

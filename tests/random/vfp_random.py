#!/usr/bin/env python3
"""vfp_random.py -- random VFP instruction streams drawn from arm/vfp.decode,
run under qemu-arm -cpu cortex-a15 (the reference) and backstep; every case's
d0-d31, FPSCR and r0-r12 must agree.

Each case: d0-d31 get operands drawn from special values (+-0, +-Inf, quiet
and signalling NaNs with payloads and signs, denormals, smallest and largest
normals, values near ties and integers) and random bits, r0-r12 random
words, FPSCR a random mode (RMode, FZ, DN; Len/Stride 0) with clear flags;
then --insns instructions, each a random encoding of a random data-processing
or register-transfer line of the table (A32, condition AL or random), and the
state is appended to a buffer that is written to stdout.

Not drawn: loads/stores (their addresses would need setting up) and VMSR
(mode changes are in tests/asm/vfp_insns.S); encodings a line marks
UNPREDICTABLE, and core-register operands other than r0-r12 (and APSR_nzcv
for VMRS), are redrawn.

    vfp_random.py --seed 1 --cases 1000 --backstep build/backstep
"""
import argparse
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import isa_table  # noqa: E402

# Not drawn (see above): lines whose table facts say they load or store
# (ld:, st:) or write FPSCR's mode (fpm).
SKIP_FACTS = {"ld", "st", "fpm"}

S_SPECIAL = [0x00000000, 0x80000000, 0x3f800000, 0xbfc00000, 0x00000001, 0x807fffff, 0x00800000,
             0x80800000, 0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000, 0x7fc00000, 0x7fc12345,
             0xffc54321, 0x7f800001, 0x7fa00005, 0xff812345, 0x3f800001, 0x33800000, 0x3f7fffff,
             0x00c00000, 0x4f000000, 0x477fe000, 0x4effffff, 0xcf000000, 0x3effffff, 0x40490fdb]
D_SPECIAL = [0x0000000000000000, 0x8000000000000000, 0x3ff0000000000000, 0xbff8000000000000,
             0x0000000000000001, 0x800fffffffffffff, 0x0010000000000000, 0x8010000000000000,
             0x7fefffffffffffff, 0xffefffffffffffff, 0x7ff0000000000000, 0xfff0000000000000,
             0x7ff8000000000000, 0x7ff8000012345678, 0xfff8000187654321, 0x7ff0000000000001,
             0x7ff4000000000005, 0xfff0000012345678, 0x3ff0000000000001, 0x3ca0000000000000,
             0x3fefffffffffffff, 0x0018000000000000, 0x41e0000000000000, 0x41efffffffe00000,
             0xc1e0000000000000, 0x400921fb54442d18, 0x3810000000000000, 0x36a0000000000000]


def draw_d(rnd):
    k = rnd.random()
    if k < 0.4:
        return rnd.choice(D_SPECIAL)
    if k < 0.8:  # two singles
        return rnd.choice(S_SPECIAL) | rnd.choice(S_SPECIAL) << 32
    return rnd.getrandbits(64)


def unpredictable(ln, w):
    """The table's unpred: fact of the line for this word, plus what this
    harness keeps away from: core registers sp and lr as operands (r13, r14;
    r15 is the table's business: APSR_nzcv for VMRS, UNPREDICTABLE elsewhere)."""
    a = isa_table.args(ln, w)
    if isa_table.facts(ln, a).unpredictable:
        return True
    core = [a[r] for r in ("rt", "rt2") if r in a]
    return any(r in (13, 14) for r in core)


def gen(seed, cases, insns):
    rnd = random.Random(seed)
    tab = isa_table.load("vfp")["vfp"]
    lines = [ln for ln in tab.lines if not ln.fact_keys & SKIP_FACTS]
    out = [".syntax unified", ".arm", ".fpu vfpv4", ".text", ".global _start", "_start:",
           "  ldr r0, =outbuf", "  ldr r1, =outptr", "  str r0, [r1]"]
    data = [".data", ".balign 8"]
    for c in range(cases):
        out.append("case%d:" % c)
        out.append("  ldr r0, =cdata%d" % c)
        out.append("  vldmia r0!, {d0-d15}")
        out.append("  vldmia r0, {d16-d31}")
        mode = rnd.randrange(4) << 22 | rnd.randrange(2) << 24 | rnd.randrange(2) << 25
        out.append("  ldr r0, =0x%08x" % mode)
        out.append("  vmsr fpscr, r0")
        out.append("  ldr r0, =0x%08x" % rnd.choice([0, 0x60000000, 0x90000000, 0x20000000]))
        out.append("  msr APSR_nzcvq, r0")
        for r in range(13):
            out.append("  ldr r%d, =0x%08x" % (r, rnd.choice([rnd.getrandbits(32), rnd.choice(S_SPECIAL),
                                                                 rnd.randrange(-5, 5) & 0xffffffff])))
        data.append("cdata%d:" % c)
        for _ in range(32):
            data.append("  .quad 0x%016x" % draw_d(rnd))
        for _ in range(insns):
            while True:
                ln = rnd.choice(lines)
                w = (rnd.getrandbits(32) & ~ln.mask) | ln.fixed
                cond = 0xe if rnd.random() < 0.7 else rnd.randrange(14)
                w = (w & 0x0fffffff) | cond << 28
                if isa_table.decode(tab, w) is ln and not unpredictable(ln, w):
                    break
            out.append("  .word 0x%08x  @ %s" % (w, ln.name))
        out.append("  bl dump")
        if c % 50 == 49:
            out.append("  bl flush")
        out.append("  b 1f")
        out.append("  .ltorg")
        out.append("1:")
    out += ["  bl flush", "  mov r0, #0", "  mov r7, #1", "  svc #0",
            # dump: append d0-d31, FPSCR, r0-r12 at outptr
            "dump:", "  push {r0-r12, lr}", "  ldr r1, =outptr", "  ldr r0, [r1]",
            "  vstmia r0!, {d0-d15}", "  vstmia r0!, {d16-d31}", "  vmrs r2, fpscr", "  str r2, [r0], #4",
            "  ldr r2, [sp]", "  str r2, [r0], #4",  # r0 as it was
            "  add r3, sp, #4", "  ldmia r3, {r2-r12}",  # r1-r11 (r12 from the stack too)
            "  stmia r0!, {r2-r12}", "  ldr r2, [sp, #48]", "  str r2, [r0], #4",
            "  str r0, [r1]", "  pop {r0-r12, pc}",
            "flush:", "  push {r0-r7, lr}", "  ldr r4, =outptr", "  ldr r1, =outbuf", "  ldr r2, [r4]",
            "  sub r2, r2, r1", "  mov r0, #1", "  mov r7, #4", "  svc #0", "  ldr r1, =outbuf", "  str r1, [r4]",
            "  pop {r0-r7, pc}", "  .ltorg"]
    data += [".bss", ".balign 8", "outptr: .space 8", "outbuf: .space %d" % (50 * 320 + 64)]
    return "\n".join(out + data) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=int(os.environ.get("RANDOM_SEED", "1")))
    ap.add_argument("--cases", type=int, default=int(os.environ.get("RANDOM_CASES", "500")))
    ap.add_argument("--insns", type=int, default=8)
    ap.add_argument("--workdir", default="/tmp")
    ap.add_argument("--cc", default="arm-linux-gnueabi-gcc")
    ap.add_argument("--qemu", default="qemu-arm")
    ap.add_argument("--backstep", required=True)
    args = ap.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    base = os.path.join(args.workdir, "vfp_random_%d" % args.seed)
    with open(base + ".S", "w") as f:
        f.write(gen(args.seed, args.cases, args.insns))
    subprocess.run([args.cc, "-nostdlib", "-static", "-marm", "-march=armv7-a", "-mfpu=vfpv4",
                    "-mfloat-abi=softfp", "-o", base, base + ".S"], check=True)
    q = subprocess.run([args.qemu, "-cpu", "cortex-a15", base], capture_output=True, timeout=300)
    b = subprocess.run([args.backstep, base], capture_output=True, timeout=300)
    rec = 32 * 8 + 4 + 13 * 4
    if q.returncode != 0:
        print("qemu-arm failed: %s %r" % (q.returncode, q.stderr[-300:]))
        return 1
    if q.stdout == b.stdout and b.returncode == 0:
        print("vfp random seed %d: %d cases x %d instructions identical to qemu-arm"
              % (args.seed, len(q.stdout) // rec, args.insns))
        return 0
    n = min(len(q.stdout), len(b.stdout))
    k = next((i for i in range(n) if q.stdout[i] != b.stdout[i]), n)
    case = k // rec
    off = k % rec
    what = "d%d" % (off // 8) if off < 256 else "FPSCR" if off < 260 else "r%d" % ((off - 260) // 4)
    print("FAIL: case %d differs first in %s (backstep exit %s, stderr %r); see %s.S, label case%d"
          % (case, what, b.returncode, b.stderr[-300:], base, case))
    qs, bs = q.stdout[case * rec:(case + 1) * rec], b.stdout[case * rec:(case + 1) * rec]
    for i in range(32):
        qv, bv = qs[8 * i:8 * i + 8], bs[8 * i:8 * i + 8]
        if qv != bv:
            print("  d%d: qemu %016x backstep %016x" % (i, int.from_bytes(qv, "little"),
                                                        int.from_bytes(bv, "little") if len(bv) == 8 else -1))
    print("  FPSCR: qemu %08x backstep %08x" % (int.from_bytes(qs[256:260], "little"),
                                                int.from_bytes(bs[256:260], "little") if len(bs) >= 260 else -1))
    return 1


if __name__ == "__main__":
    sys.exit(main())

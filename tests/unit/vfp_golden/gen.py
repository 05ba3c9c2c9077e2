#!/usr/bin/env python3
"""gen.py -- makes qemu_golden.txt for tests/unit/test_vfp_golden.c.

Builds tests/asm/vfp_special.S (every VFP operation on every pair of 24
special operands, in 16 FPSCR modes), runs it under qemu-arm -cpu cortex-a15
(the reference), and writes one line per sampled case:

    OPNAME FPSCR_IN D0_IN D1_IN D2_IN D0_OUT FPSCR_OUT

(hex; the inputs as the test's loop sets them up: single-precision cases use
S1 = a, S2 = b, S0 = c, double ones D1 = a, D2 = b, D0 = c). The operation
lists and operand tables are read from vfp_special.S itself.

    gen.py [--every N] [--cc arm-linux-gnueabi-gcc] [--qemu qemu-arm] > qemu_golden.txt
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "..", "..", "asm", "vfp_special.S")


def words(text, label):
    m = re.search(r"^%s:(.*?)(?=^\w+:|\Z)" % label, text, re.S | re.M)
    out = []
    for line in m.group(1).splitlines():
        line = line.split("@")[0]
        if ".word" in line:
            out += [w.strip() for w in line.split(".word", 1)[1].split(",") if w.strip()]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--every", type=int, default=127)
    ap.add_argument("--cc", default="arm-linux-gnueabi-gcc")
    ap.add_argument("--qemu", default="qemu-arm")
    args = ap.parse_args()
    text = open(SRC).read()
    ops_s = [w for w in words(text, "ops_s") if w != "0"]
    ops_d = [w for w in words(text, "ops_d") if w != "0"]
    vs = [int(w, 16) for w in words(text, "vals_s")]
    vd_w = [int(w, 16) for w in words(text, "vals_d")]
    vd = [vd_w[2 * k] | vd_w[2 * k + 1] << 32 for k in range(len(vd_w) // 2)]
    n = len(vs)
    assert n == len(vd) == 24
    with tempfile.TemporaryDirectory() as tmp:
        prog = os.path.join(tmp, "vfp_special")
        subprocess.run([args.cc, "-nostdlib", "-static", "-marm", "-march=armv7-a", "-mfpu=vfpv4",
                        "-mfloat-abi=softfp", "-I", os.path.dirname(SRC), "-o", prog, SRC], check=True)
        out = subprocess.run([args.qemu, "-cpu", "cortex-a15", prog], capture_output=True, check=True).stdout
    k = 0
    for mode in range(16):
        fpscr = (mode & 3) << 22 | ((mode >> 2) & 1) << 24 | ((mode >> 3) & 1) << 25
        for ops, dp in ((ops_s, False), (ops_d, True)):
            for op in ops:
                for i in range(n):
                    for j in range(n):
                        rec = out[16 * k:16 * k + 16]
                        if k % args.every == 0:
                            d0 = int.from_bytes(rec[0:8], "little")
                            fo = int.from_bytes(rec[8:12], "little")
                            c = (i + j) % n
                            if dp:
                                d0i, d1i, d2i = vd[c], vd[i], vd[j]
                            else:  # S0 = c, S1 = a: D0; S2 = b: low half of D1
                                d0i, d1i, d2i = vs[c] | vs[i] << 32, vs[j], 0
                            print("%s %08x %016x %016x %016x %016x %08x" % (op, fpscr, d0i, d1i, d2i, d0, fo))
                        k += 1
    assert out[16 * k:] == b"ok vfp_special\n", "unexpected end of qemu-arm's output"


if __name__ == "__main__":
    sys.exit(main())

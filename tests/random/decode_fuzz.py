#!/usr/bin/env python3
"""decode_fuzz.py -- exploratory (not run by ctest): single random A32 words,
run under qemu-arm and backstep, to find encodings one tool executes and the
other rejects (SIGILL) or computes differently.

A template program (assembled once) sets r0-r12 and lr to fixed values, runs
one instruction word, then writes r0-r12, lr and the APSR to stdout.  Each
candidate is patched into a copy of the binary (no re-assembly).  Candidates
are random words that Capstone (libcapstone) decodes to a register-only
instruction: nothing that reads or writes memory, PC or SP, no branches,
coprocessor, system or exception instructions.

    decode_fuzz.py --backstep build/backstep --count 2000 --seed 1

Words that objdump marks UNDEFINED/UNPREDICTABLE are skipped, and so are
should-be-zero violations objdump misses (sbz_ok).  Other UNPREDICTABLE words
may still slip through and legitimately differ: every finding needs a look at
the encoding before it is called a bug.  Output: one
line per difference (word, Capstone text, what each tool did).
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cs_check  # noqa: E402

TEMPLATE = r"""
        .syntax unified
        .arm
        .text
        .global _start
_start: ldr     sp, =dump
        ldr     r0, =0x%08x
        msr     APSR_nzcvqg, r0
        ldr     r0, =0x80000001
        ldr     r1, =0x7fffffff
        ldr     r2, =0x12345678
        ldr     r3, =0xfedcba98
        mov     r4, #0
        mvn     r5, #0
        mov     r6, #31
        mov     r7, #33
        ldr     r8, =0x8000ffff
        ldr     r9, =0x00ff00ff
        ldr     r10, =0x7fff8000
        ldr     r11, =0x80007fff
        ldr     r12, =0x00000100
        ldr     lr, =0xcafef00d
        .global cand
cand:   .inst   0xe320f000
        stmia   sp, {r0-r12, lr}
        mrs     r0, APSR
        str     r0, [sp, #56]
        mov     r0, #1
        mov     r1, sp
        mov     r2, #60
        mov     r7, #4
        svc     #0
        mov     r0, #0
        mov     r7, #1
        svc     #0
        .ltorg
        .bss
dump:   .space  64
"""

EXCLUDE_MNEM = re.compile(
    r"^(b|bl|bx|blx|bxj|bkpt|svc|udf|mrc2?|mcr2?|mrrc2?|mcrr2?|cdp2?|ldc2?l?|stc2?l?|cps\w*|"
    r"srs\w*|rfe\w*|setend|smc|hvc|eret|wfi|wfe|sev|yield|swp\w*|ldm\w*|stm\w*|push|pop|pld\w*|"
    r"pli|ldr\w*|str\w*|lda\w*|stl\w*|dbg|dmb|dsb|isb|clrex|vmrs|vmsr|msr|mrs|hlt|sevl|"
    r"v\w+|crc32\w*|aes\w*|sha\w*|rfe)$")


def sbz_ok(w):
    """UNPREDICTABLE field values that Capstone and objdump accept: should-be-zero fields (the ARM ARM makes such
    encodings UNPREDICTABLE): Rd of TST/TEQ/CMP/CMN, Rn of MOV/MVN, Ra of MUL/
    MULS in the data-processing space."""
    if (w >> 26) & 3 == 0:
        op = (w >> 21) & 0xf
        reg_form = (w >> 25) & 1 == 0
        if (w >> 25) & 1 or (w & 0x10) == 0 or (w & 0x90) == 0x10:
            if 8 <= op <= 11 and (w >> 12) & 0xf:
                return False
            if op in (13, 15) and (w >> 16) & 0xf:
                return False
        if reg_form and (w & 0x0fe000f0) == 0x00000090 and (w >> 12) & 0xf:
            return False                                # MUL(S) with Ra != 0
    if (w & 0x0fa00070) == 0x07a00050:                  # SBFX/UBFX: lsb + width > 32
        if ((w >> 7) & 31) + ((w >> 16) & 31) > 31:
            return False
    if (w & 0x0fe00070) == 0x07c00010:                  # BFI/BFC: msb < lsb
        if ((w >> 16) & 31) < ((w >> 7) & 31):
            return False
    return True


def objdump_ok(objdump, words, work):
    """Words objdump decodes without <UNDEFINED>/<UNPREDICTABLE>."""
    path = os.path.join(work, "w.bin")
    with open(path, "wb") as f:
        for w in words:
            f.write(w.to_bytes(4, "little"))
    out = subprocess.run([objdump, "-D", "-b", "binary", "-marm", "-EL", path],
                         capture_output=True, text=True).stdout
    ok = set()
    for line in out.splitlines():
        m = re.match(r"\s*([0-9a-f]+):\s+([0-9a-f]{8})\s+(.*)$", line)
        if m and not re.search(r"undefined|unpredictable", m.group(3), re.I):
            ok.add(int(m.group(2), 16))
    return ok


def interesting(text):
    mnem, _, ops = text.partition(" ")
    if mnem.startswith("v"):
        return False
    base = re.sub(r"(eq|ne|hs|lo|cs|cc|mi|pl|vs|vc|hi|ls|ge|lt|gt|le|al)$", "", mnem)
    if EXCLUDE_MNEM.match(mnem) or EXCLUDE_MNEM.match(base):
        return False
    if re.search(r"\b(pc|sp|r13|r15)\b|\[|\{", ops):
        return False
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--cc", default="arm-linux-gnueabi-gcc")
    ap.add_argument("--qemu", default="qemu-arm")
    ap.add_argument("--backstep", required=True)
    ap.add_argument("--flags", type=lambda x: int(x, 0), default=0x20000000)
    a = ap.parse_args()
    cs = cs_check.Capstone()
    if not cs.available():
        print("libcapstone not found")
        return 2
    rng = random.Random(a.seed)
    work = tempfile.mkdtemp(prefix="decode_fuzz.")
    src, prog = os.path.join(work, "t.S"), os.path.join(work, "t")
    with open(src, "w") as f:
        f.write(TEMPLATE % a.flags)
    subprocess.run([a.cc, "-nostdlib", "-static", "-march=armv7ve", "-marm", "-o", prog, src],
                   check=True)
    nm = subprocess.run([a.cc[:-3] + "nm", prog], capture_output=True, text=True).stdout
    cand = int(next(l.split()[0] for l in nm.splitlines() if l.endswith(" cand")), 16)
    hdr = subprocess.run([a.cc[:-3] + "readelf", "-lW", prog], capture_output=True,
                         text=True).stdout
    m = re.search(r"LOAD\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)", hdr)
    off = cand - int(m.group(2), 16) + int(m.group(1), 16)
    image = bytearray(open(prog, "rb").read())
    assert image[off:off + 4] == (0xe320f000).to_bytes(4, "little")

    tried = diffs = 0
    seen = set()
    objdump = a.cc[:-3] + "objdump"
    queue = []
    while tried < a.count:
        if not queue:
            batch = []
            while len(batch) < 2000:
                w = rng.getrandbits(32)
                if rng.random() < 0.5:
                    w = (w & 0x0fffffff) | 0xe0000000
                    w = (w & ~0x0c000000) | rng.choice([0x00000000, 0x04000000])
                if (w >> 28) != 0xf and w not in seen and sbz_ok(w):
                    batch.append(w)
            good = objdump_ok(objdump, batch, work)
            queue = [w for w in batch if w in good]
            continue
        w = queue.pop()
        text = cs.decode(w, cand)
        if text is None or not interesting(text):
            continue
        seen.add(w)
        tried += 1
        image[off:off + 4] = w.to_bytes(4, "little")
        p = os.path.join(work, "c")
        with open(p, "wb") as f:
            f.write(image)
        os.chmod(p, 0o755)
        res = []
        for cmd in ([a.qemu, p], [a.backstep, p]):
            try:
                r = subprocess.run(cmd, capture_output=True, timeout=20)
                res.append((r.returncode, r.stdout))
            except subprocess.TimeoutExpired:
                res.append(("timeout", b""))
        if res[0] != res[1]:
            diffs += 1
            q, b = res

            def what(r):
                if r[0] != 0:
                    return "exit %s" % r[0]
                return "ok"
            detail = ""
            if q[0] == 0 and b[0] == 0:
                qw = [int.from_bytes(q[1][i:i + 4], "little") for i in range(0, len(q[1]), 4)]
                bw = [int.from_bytes(b[1][i:i + 4], "little") for i in range(0, len(b[1]), 4)]
                names = ["r%d" % i for i in range(13)] + ["lr", "APSR"]
                detail = " ".join("%s q=%08x b=%08x" % (names[i], qw[i], bw[i])
                                  for i in range(min(len(qw), len(bw), 15)) if qw[i] != bw[i])
            print("%08x  %-40s qemu: %-10s backstep: %-10s %s"
                  % (w, text, what(q), what(b), detail))
    print("%d words tried, %d differ" % (tried, diffs))
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())

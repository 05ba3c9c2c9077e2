#!/usr/bin/env python3
"""trace_diff.py -- build one freestanding A32 test (tests/asm/NAME.S), run it
under qemu-arm (the reference) and under backstep, and compare the two
`-d cpu` traces record by record, then stdout and the exit status.

    trace_diff.py --src tests/asm/dp_shifts.S --workdir DIR \
        --cc arm-linux-gnueabi-gcc --qemu qemu-arm --backstep build/backstep

Options worth knowing:
  --qemu-only       only build and run under qemu-arm (checks the test's own
                    hand-computed CHECKs pass: exit 0 and "ok NAME")
  --context N       also print the N records before the first difference
  --ignore-kuser-records
                    drop records whose PC is in the kuser helper page
                    (0xffff0000-0xffff0fff) from both traces before comparing.
                    qemu-arm 7.2 prints exactly one record at a helper's entry
                    address (e.g. R15=ffff0fe0) and then the record at the
                    return address; the default is to require the same.

The comparison starts at the first record whose PC is the address of the
`test_begin` label (found with nm), so the tests do not depend on what the
loader put in registers or on the stack.  A test may pick its -march with a
line `@ march: armv7ve` near the top (default armv7-a), and opt into
--ignore-kuser-records with a line `@ trace: ignore-kuser-records`.  A line
`@ thumb` marks a 16-bit Thumb test (t16_*.S, built on thumb.inc): its
default -march is armv6 (no Thumb-2, so the assembler can only emit T16 and
the BL/BLX pair), and the qemu-arm trace must be in Thumb state at test_begin
(the summary line counts the Thumb-state records compared).  `@ thumb2`
marks a Thumb-2 test (t32_*.S, also on thumb.inc): the same, built for
armv7-a by default, so the assembler emits 32-bit Thumb encodings too.  A test
that ends in a signal says so with `@ expect-exit: -4` (the status Python
reports for a process killed by SIGILL); it prints its "ok NAME" line first.
A line `@ fpu` marks a VFP test: it is assembled with -mfpu=vfpv4
-mfloat-abi=softfp, qemu-arm runs it as `-cpu cortex-a15` (the CPU backstep
mirrors: VFPv4-D32, no short vectors) and both traces carry the FP
registers (`-d cpu,fpu`): d0-d31 and FPSCR are compared in every record.
A line `@ compare: stdout` runs both without tracing and compares stdout and
the exit status only (for tests that sweep many cases and print results).

Then backstep runs once more without -d cpu (which translates one instruction
per block), and must print the same and exit the same: whole blocks pass the
test's own checks too.

This script only reads the traces; it never changes backstep.
"""
import argparse
import os
import re
import subprocess
import sys

REC_RE = re.compile(
    r"R00=([0-9a-f]{8}) R01=([0-9a-f]{8}) R02=([0-9a-f]{8}) R03=([0-9a-f]{8})\s*\n"
    r"R04=([0-9a-f]{8}) R05=([0-9a-f]{8}) R06=([0-9a-f]{8}) R07=([0-9a-f]{8})\s*\n"
    r"R08=([0-9a-f]{8}) R09=([0-9a-f]{8}) R10=([0-9a-f]{8}) R11=([0-9a-f]{8})\s*\n"
    r"R12=([0-9a-f]{8}) R13=([0-9a-f]{8}) R14=([0-9a-f]{8}) R15=([0-9a-f]{8})\s*\n"
    r"PSR=([0-9a-f]{8}) ([-NZCV]{4}) ([AT]) (\w+)")

NAMES = ["R%02d" % i for i in range(16)] + ["PSR", "PSRflags", "PSRstate", "PSRmode"]
FPU_NAMES = ["d%02d" % i for i in range(32)] + ["FPSCR"]

# qemu-arm's -d fpu block after each record: s/d registers, then FPSCR.
FPU_RE = re.compile(REC_RE.pattern + r"\s*\n((?:s\d\d=[0-9a-f]{8} s\d\d=[0-9a-f]{8} d\d\d=[0-9a-f]{16}\s*\n){32})"
                    r"FPSCR: ([0-9a-f]{8})")
DREG_RE = re.compile(r"d\d\d=([0-9a-f]{16})")


def parse_trace(path, fpu=False):
    """Return a list of records; each is a tuple of 20 strings (see NAMES),
    with fpu 33 more (FPU_NAMES)."""
    with open(path, "r", errors="replace") as f:
        text = f.read()
    if not fpu:
        return [m.groups() for m in REC_RE.finditer(text)]
    return [m.groups()[:20] + tuple(DREG_RE.findall(m.group(21))) + (m.group(22),)
            for m in FPU_RE.finditer(text)]


def fmt_record(rec, other=None):
    lines = []
    for row in range(4):
        parts = []
        for i in range(row * 4, row * 4 + 4):
            mark = "*" if other is not None and other[i] != rec[i] else " "
            parts.append("%s=%s%s" % (NAMES[i], rec[i], mark))
        lines.append("  " + " ".join(parts))
    mark = "*" if other is not None and other[16:] != rec[16:] else " "
    lines.append("  PSR=%s %s %s %s%s" % (rec[16], rec[17], rec[18], rec[19], mark))
    if len(rec) > 20:  # FP registers: the ones that differ or are not zero
        parts = []
        for i, name in enumerate(FPU_NAMES):
            v = rec[20 + i]
            differs = other is not None and other[20 + i] != v
            if differs or int(v, 16):
                parts.append("%s=%s%s" % (name, v, "*" if differs else " "))
        for k in range(0, len(parts), 4):
            lines.append("  " + " ".join(parts[k:k + 4]))
    return "\n".join(lines)


def disassembly(objdump, prog):
    """Map address -> 'encoding  mnemonic operands' from objdump -d."""
    out = {}
    try:
        text = subprocess.run([objdump, "-d", "-z", prog], capture_output=True,
                              text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return out
    for line in text.splitlines():
        # A32: one 8-digit word; Thumb: one halfword or a 32-bit pair
        m = re.match(r"\s*([0-9a-f]+):\s+([0-9a-f]{8}|[0-9a-f]{4} [0-9a-f]{4}|[0-9a-f]{4})"
                     r"\s+(.*)$", line)
        if m:
            out[int(m.group(1), 16)] = "%s  %s" % (m.group(2), m.group(3).strip())
    return out


def symbol(nm, prog, name):
    text = subprocess.run([nm, prog], capture_output=True, text=True,
                          check=True).stdout
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2] == name:
            return int(parts[0], 16)
    return None


def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        return "timeout", e.stdout or b"", e.stderr or b""
    except OSError as e:
        return "cannot run (%s)" % e, b"", b""


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", required=True)
    ap.add_argument("--workdir", default=".")
    ap.add_argument("--cc", default="arm-linux-gnueabi-gcc")
    ap.add_argument("--qemu", default="qemu-arm")
    ap.add_argument("--backstep", default=None)
    ap.add_argument("--qemu-only", action="store_true")
    ap.add_argument("--context", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--ignore-kuser-records", action="store_true")
    args = ap.parse_args()

    name = os.path.splitext(os.path.basename(args.src))[0]
    os.makedirs(args.workdir, exist_ok=True)
    prog = os.path.join(args.workdir, name)
    prefix = args.cc[:-3] if args.cc.endswith("gcc") else "arm-linux-gnueabi-"
    nm, objdump = prefix + "nm", prefix + "objdump"

    march = None
    thumb = thumb2 = False
    fpu = False
    stdout_only = False
    expect_rc = 0
    with open(args.src) as f:
        for line in f.read().splitlines()[:20]:
            m = re.match(r"\s*@\s*march:\s*(\S+)", line)
            if m:
                march = m.group(1)
            if re.match(r"\s*@\s*thumb\s*$", line):
                thumb = True
            if re.match(r"\s*@\s*thumb2\s*$", line):
                thumb = thumb2 = True
            if re.match(r"\s*@\s*fpu\s*$", line):
                fpu = True
            if re.match(r"\s*@\s*compare:\s*stdout\s*$", line):
                stdout_only = True
            if re.match(r"\s*@\s*trace:\s*ignore-kuser-records", line):
                args.ignore_kuser_records = True
            m = re.match(r"\s*@\s*expect-exit:\s*(-?\d+)", line)
            if m:
                expect_rc = int(m.group(1))
    march = march or ("armv6" if thumb and not thumb2 else "armv7-a")
    cc = [args.cc, "-nostdlib", "-static", "-march=" + march, "-marm",
          "-I", os.path.dirname(os.path.abspath(args.src)), "-o", prog, args.src]
    if fpu:
        cc[1:1] = ["-mfpu=vfpv4", "-mfloat-abi=softfp"]
    p = subprocess.run(cc, capture_output=True, text=True)
    if p.returncode != 0:
        print("BUILD FAILED: " + " ".join(cc))
        print(p.stdout + p.stderr)
        return 2
    begin = symbol(nm, prog, "test_begin")
    if begin is None:
        print("no test_begin symbol in %s (use TEST_BEGIN)" % prog)
        return 2
    begin &= ~1  # a Thumb function symbol has bit 0 set; the trace PC does not

    qlog = os.path.join(args.workdir, name + ".qemu.log")
    blog = os.path.join(args.workdir, name + ".backstep.log")
    for f in (qlog, blog):
        if os.path.exists(f):
            os.unlink(f)
    qcmd = [args.qemu, "-singlestep", "-d", "nochain,cpu", "-D", qlog, prog]
    if fpu:
        qcmd[1:1] = ["-cpu", "cortex-a15"]
        qcmd[qcmd.index("nochain,cpu")] = "nochain,cpu,fpu"
    if stdout_only:
        qcmd = [c for c in qcmd if c not in ("-singlestep", "-d", "-D", qlog) and not c.startswith("nochain")]
    qrc, qout, qerr = run(qcmd, args.timeout)
    expect = ("ok %s\n" % name).encode()
    if qrc != expect_rc or not qout.endswith(expect):
        print("qemu-arm itself does not pass the test's own checks:")
        print("  exit status %s, stdout %r, stderr %r" % (qrc, qout, qerr[-500:]))
        return 1
    if args.qemu_only:
        print("qemu-arm: %s (exit %s, %d trace records)" % (expect.decode().strip(), qrc,
                                                           len(parse_trace(qlog, fpu))))
        return 0
    if not args.backstep:
        print("no --backstep given")
        return 2

    failed = False
    if stdout_only:
        brc, bout, berr = run([args.backstep, prog], args.timeout)
        if bout != qout:
            # the first differing 16-byte case record (this is what the sweep tests print)
            k = next((i for i in range(min(len(bout), len(qout))) if bout[i] != qout[i]), min(len(bout), len(qout)))
            c = k // 16 * 16
            print("FAIL: stdout differs at byte %d (case %d): qemu %s, backstep %s (lengths %d, %d)"
                  % (k, k // 16, qout[c:c + 16].hex(), bout[c:c + 16].hex(), len(qout), len(bout)))
            return 1
        if brc != qrc:
            print("FAIL: exit status differs: qemu %s, backstep %s (stderr %r)" % (qrc, brc, berr[-400:]))
            return 1
        print("stdout: %d bytes identical" % len(qout))
        print("PASS %s" % name)
        return 0
    brc, bout, berr = run([args.backstep, "-d", "cpu,fpu" if fpu else "cpu", "-D", blog, prog], args.timeout)

    qrecs = parse_trace(qlog, fpu)
    brecs = parse_trace(blog, fpu) if os.path.exists(blog) else []
    dis = disassembly(objdump, prog)
    if args.ignore_kuser_records:
        qrecs = [r for r in qrecs if not r[15].startswith("ffff0")]
        brecs = [r for r in brecs if not r[15].startswith("ffff0")]

    def start_of(recs):
        for i, r in enumerate(recs):
            if int(r[15], 16) == begin:
                return i
        return None

    qs, bs = start_of(qrecs), start_of(brecs)
    if qs is None:
        print("qemu trace never reaches test_begin (0x%08x)" % begin)
        return 2
    if thumb and qrecs[qs][18] != "T":
        print("`@ thumb` test, but qemu-arm is in ARM state at test_begin (0x%08x)" % begin)
        return 2
    if bs is None:
        print("FAIL: backstep trace has no record at test_begin 0x%08x "
              "(%d records parsed from %s; backstep exit %s, stderr %r)"
              % (begin, len(brecs), blog, brc, berr[-400:]))
        failed = True
    else:
        q, b = qrecs[qs:], brecs[bs:]
        n = min(len(q), len(b))
        diff = next((i for i in range(n) if q[i] != b[i]), None)
        if diff is not None:
            failed = True
            prev_pc = int(q[diff - 1][15], 16) if diff > 0 else None
            print("FAIL: first trace difference at record %d after test_begin "
                  "(PC now: qemu %s, backstep %s)" % (diff, q[diff][15], b[diff][15]))
            if prev_pc is not None:
                print("  produced by the instruction at 0x%08x: %s"
                      % (prev_pc, dis.get(prev_pc, "?")))
                print("  state before it (both agree):")
                print(fmt_record(q[diff - 1]))
            print("  qemu-arm:")
            print(fmt_record(q[diff], b[diff]))
            print("  backstep:")
            print(fmt_record(b[diff], q[diff]))
            lo = max(0, diff - 1 - args.context)
            if diff - 1 > lo:
                print("  instructions before that:")
                for i in range(lo, diff - 1):
                    pc = int(q[i][15], 16)
                    print("    0x%08x: %s" % (pc, dis.get(pc, "?")))
        elif len(q) != len(b):
            failed = True
            shorter = "backstep" if len(b) < len(q) else "qemu-arm"
            last = (q if shorter == "backstep" else b)[n - 1] if n else None
            print("FAIL: traces agree for %d records, then %s stops (qemu %d records, "
                  "backstep %d)" % (n, shorter, len(q), len(b)))
            if last:
                pc = int(last[15], 16)
                print("  last common record is before 0x%08x: %s" % (pc, dis.get(pc, "?")))
                print(fmt_record(last))
            if n < len(q):
                pc = int(q[n][15], 16)
                print("  qemu continues at 0x%08x: %s" % (pc, dis.get(pc, "?")))
            if n < len(b):
                pc = int(b[n][15], 16)
                print("  backstep continues at 0x%08x: %s" % (pc, dis.get(pc, "?")))
        else:
            nt = sum(1 for r in q if r[18] == "T")
            print("trace: %d records identical from test_begin%s"
                  % (n, " (%d in Thumb state)" % nt if nt else ""))

    if bout != qout:
        failed = True
        print("FAIL: stdout differs: qemu %r, backstep %r" % (qout[:300], bout[:300]))
    if brc != qrc:
        failed = True
        print("FAIL: exit status differs: qemu %s, backstep %s (backstep stderr %r)"
              % (qrc, brc, berr[-400:]))
    # -d cpu translates one instruction per block: run once more without it,
    # so that whole blocks (IT state carried through a block, flags kept in
    # x86 flags, chaining) must pass the test's own checks too.
    prc, pout, perr = run([args.backstep, prog], args.timeout)
    if pout != qout or prc != qrc:
        failed = True
        print("FAIL: without -d cpu (whole blocks): stdout %r, exit %s (qemu: %r, %s; stderr %r)"
              % (pout[-300:], prc, qout[-300:], qrc, perr[-400:]))
    if not failed:
        print("PASS %s" % name)
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())

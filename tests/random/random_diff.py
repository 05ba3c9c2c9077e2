#!/usr/bin/env python3
"""random_diff.py -- differential test of random A32 instruction sequences:
generate (gen.py), assemble, run under qemu-arm (the reference) and backstep,
and compare the per-case register dumps and scratch buffers they print.
--iset t16 (or RANDOM_ISET=t16) does the same with 16-bit Thumb streams drawn
from arm/t16.decode (gen_t16.py), --iset t32 with Thumb-2 streams and IT
blocks (gen_t32.py).

    random_diff.py --seed 1 --cases 1000 --backstep build/backstep
    RANDOM_SEED=77 RANDOM_CASES=100000 random_diff.py --backstep build/backstep

--seed/--cases default to $RANDOM_SEED/$RANDOM_CASES (then 1 and 1000);
--branches (or RANDOM_BRANCHES=1) adds forward conditional branches;
every case body runs twice (the second time with other inputs, from the
same code) unless --passes 1 (or RANDOM_PASSES=1).
--qemu-only checks the generator alone: every instruction assembles, objdump
decodes none as UNDEFINED/UNPREDICTABLE, Capstone (libcapstone through
ctypes, see cs_check.py) decodes every one, and qemu-arm runs all cases.
These decode checks run in every mode.
On a mismatch it prints the case number and seed, the first differing
register (or scratch byte), both dumps, the initial state and the instruction
listing with encodings; `gen.py --seed S --list-case K` prints one case again.
This script never changes backstep.
"""
import argparse
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402
import cs_check  # noqa: E402

CAPSTONE = cs_check.Capstone()
G = gen        # the generator module of the chosen instruction set (--iset)

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "asm"))
try:
    import trace_diff  # noqa: E402  (tests/asm/trace_diff.py: trace parser)
except ImportError:
    trace_diff = None

BRANCHES = False
REG_NAMES = ["r%d" % i for i in range(13)] + ["lr", "APSR", "pad"]
ISETS = {"a32": "gen", "t16": "gen_t16", "t32": "gen_t32"}


def words(b):
    return [int.from_bytes(b[i:i + 4], "little") for i in range(0, len(b), 4)]


def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        return "timeout", e.stdout or b"", e.stderr or b""
    except OSError as e:
        return "cannot run (%s)" % e, b"", b""


def listing(objdump, nm, prog):
    """(symbol -> address, address -> 'encoding  text')"""
    syms = {}
    for line in subprocess.run([nm, prog], capture_output=True, text=True).stdout.splitlines():
        p = line.split()
        if len(p) == 3:
            syms[p[2]] = int(p[0], 16)
    dis = {}
    # -z: objdump would show a run of zero words (movs r0, r0; andeq r0, r0, r0) as "..."
    text = subprocess.run([objdump, "-d", "-z", prog], capture_output=True, text=True).stdout
    for line in text.splitlines():
        # A32: one 8-digit word; Thumb: a halfword or a 32-bit pair
        m = re.match(r"\s*([0-9a-f]+):\s+([0-9a-f]{8}|[0-9a-f]{4} [0-9a-f]{4}|[0-9a-f]{4})"
                     r"\s+(.*)$", line)
        if m:
            dis[int(m.group(1), 16)] = "%s  %s" % (m.group(2), m.group(3).strip())
    return syms, dis


def insn_addrs(dis, a, e):
    """Addresses of the instructions in [a, e): every 4 bytes in A32, by
    each instruction's size in Thumb (None marks a hole objdump left)."""
    addr = a
    while addr < e:
        t = dis.get(addr)
        yield addr, t
        if t is None and getattr(G, "THUMB", False):
            addr += 2
        elif getattr(G, "THUMB", False):
            addr += 4 if re.match(r"[0-9a-f]{4} [0-9a-f]{4}", t) else 2
        else:
            addr += 4


def capstone_ok(t, addr):
    enc = t.split()[0] if not getattr(G, "THUMB", False) or not \
        re.match(r"[0-9a-f]{4} [0-9a-f]{4}", t) else t[:9]
    if not getattr(G, "THUMB", False):
        return CAPSTONE.decode(int(enc, 16), addr) is not None
    data = b"".join(int(h, 16).to_bytes(2, "little") for h in enc.split())
    return CAPSTONE.decode_bytes(data, addr) is not None


def check_decodes(dis, syms, first, count):
    """Every instruction inside a case body must decode as a valid one."""
    bad = []
    for k in range(first, first + count):
        a, e = syms.get("case_%d_body" % k), syms.get("case_%d_end" % k)
        if a is None or e is None:
            bad.append("case %d: labels missing" % k)
            continue
        for addr, t in insn_addrs(dis, a, e):
            if not t or re.search(r"undefined|unpredictable|\.word|\.short|\.inst", t, re.I):
                bad.append("case %d at 0x%08x: %s" % (k, addr, t or "<no decode>"))
            elif CAPSTONE.available() and not capstone_ok(t, addr):
                bad.append("case %d at 0x%08x: %s: Capstone cannot decode it" % (k, addr, t))
    return bad


def report_case(k, seed, qb, bb, syms, dis):
    gen = G
    names = getattr(gen, "REG_NAMES", REG_NAMES)
    hdr = getattr(gen, "HEADER_BYTES", 64)
    bias = getattr(gen, "SCRATCH_BIAS", 128)
    n = gen.CASE_BYTES
    p = next(i for i in range(len(qb) // n) if qb[i * n:(i + 1) * n] != bb[i * n:(i + 1) * n])
    qb, bb = qb[p * n:(p + 1) * n], bb[p * n:(p + 1) * n]
    q, b = words(qb), words(bb)
    regs, flags, body = gen.gen_case(seed, k, BRANCHES)
    if p == 1:
        regs, flags = gen.second_inputs(seed, k)
    first = None
    for i in range(16):
        if q[i] != b[i]:
            first = names[i]
            break
    if first is None:
        off = next(i for i in range(len(qb)) if qb[i] != bb[i]) - hdr
        first = "scratch byte %d (r11%+d)" % (off, off - bias)
    print("MISMATCH in case %d (seed %d, case seed %d), pass %d%s: first difference %s"
          % (k, seed, gen.case_seed(seed, k), p + 1,
             " (same code run again with other inputs)" if p else "", first))
    print("  %-6s %-10s %-10s" % ("", "qemu-arm", "backstep"))
    for i in range(15):
        print("  %-6s %08x   %08x%s" % (names[i], q[i], b[i], "  <--" if q[i] != b[i] else ""))
    diffs = [i for i in range(hdr, n) if qb[i] != bb[i]]
    if diffs:
        o = hdr + bias
        print("  scratch bytes differ at r11%+d .. r11%+d (%d bytes), e.g. r11%+d: qemu %02x backstep %02x"
              % (diffs[0] - o, diffs[-1] - o, len(diffs), diffs[0] - o, qb[diffs[0]],
                 bb[diffs[0]]))
    print("  initial: APSR=%08x %s" % (flags, " ".join(
        "%s=%08x" % (nm, v) for nm, v in zip(gen.GP, regs))))
    print("  listing:")
    a, e = syms.get("case_%d_body" % k), syms.get("case_%d_end" % k)
    if a is not None and e is not None:
        for addr, t in insn_addrs(dis, a, e):
            print("    %08x: %s" % (addr, t or "?"))
    else:
        print("\n".join("    " + x for x in body))


def first_trace_divergence(qemu, backstep, prog, dis, body_pc, timeout, quiet=False):
    """Run both with per-instruction register traces and print the first
    instruction after which the register files differ; True if they do."""
    if trace_diff is None:
        return False
    qlog, blog = prog + ".qemu.log", prog + ".backstep.log"
    run([qemu, "-singlestep", "-d", "nochain,cpu", "-D", qlog, prog], timeout)
    run([backstep, "-d", "cpu", "-D", blog, prog], timeout)
    if not os.path.exists(blog):
        print("  (backstep wrote no -d cpu trace)")
        return True
    q, b = trace_diff.parse_trace(qlog), trace_diff.parse_trace(blog)
    # the loader's initial registers differ: start where the first case's
    # random instructions start (all registers are set by then)
    begin = "%08x" % body_pc

    def start(recs):
        return next((i for i, r in enumerate(recs) if r[15] == begin), None)
    qs, bs = start(q), start(b)
    if qs is None or bs is None:
        print("  (could not align the traces at 0x%s)" % begin)
        return True
    q, b = q[qs:], b[bs:]
    n = min(len(q), len(b))
    i = next((i for i in range(n) if q[i] != b[i]), None)
    if i is None and len(q) == len(b):
        for f in (qlog, blog):
            os.unlink(f)
        if not quiet:
            print("  register traces agree for all %d records: the difference is in "
                  "memory only" % n)
        return False
    if i is None:
        print("  register traces agree for %d records, then one ends (qemu %d, backstep %d)"
              % (n, len(q), len(b)))
        return True
    pc = int(q[i - 1][15], 16) if i else None
    print("  first register divergence in the trace: after the instruction at 0x%08x: %s"
          % (pc or 0, dis.get(pc, "?")))
    print("  qemu-arm:")
    print(trace_diff.fmt_record(q[i], b[i]))
    print("  backstep:")
    print(trace_diff.fmt_record(b[i], q[i]))
    print("  traces kept: %s %s" % (qlog, blog))
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--iset", choices=sorted(ISETS), default=os.environ.get("RANDOM_ISET", "a32"),
                    help="instruction set of the streams: a32 (gen.py, default), t16 "
                         "(gen_t16.py, drawn from arm/t16.decode) or t32 (gen_t32.py: "
                         "Thumb-2 with IT blocks, from arm/t32.decode and arm/t16.decode)")
    ap.add_argument("--seed", type=int, default=int(os.environ.get("RANDOM_SEED", "1")))
    ap.add_argument("--cases", type=int, default=int(os.environ.get("RANDOM_CASES", "1000")))
    ap.add_argument("--per-binary", type=int, default=500)
    ap.add_argument("--workdir", default=None)
    ap.add_argument("--cc", default="arm-linux-gnueabi-gcc")
    ap.add_argument("--qemu", default="qemu-arm")
    ap.add_argument("--backstep", default=None)
    ap.add_argument("--qemu-only", action="store_true")
    ap.add_argument("--max-reports", type=int, default=3)
    ap.add_argument("--passes", type=int, choices=(1, 2),
                    default=int(os.environ.get("RANDOM_PASSES", "2")),
                    help="2 (default, or $RANDOM_PASSES): run every case body a second "
                         "time with other inputs, from the same (cached) code")
    ap.add_argument("--branches", action="store_true",
                    default=os.environ.get("RANDOM_BRANCHES", "") not in ("", "0"),
                    help="also generate forward conditional branches inside cases "
                         "(default from $RANDOM_BRANCHES)")
    ap.add_argument("--full-trace", action="store_true",
                    help="also compare the -d cpu traces instruction by instruction "
                         "when the outputs agree (slower, catches masked differences)")
    ap.add_argument("--no-trace", dest="trace_on_mismatch", action="store_false",
                    help="on a mismatch, do not rerun both with -d cpu to find the "
                         "first instruction whose result differs")
    ap.add_argument("--timeout", type=float, default=120)
    a = ap.parse_args()
    global BRANCHES, G, CAPSTONE
    BRANCHES = a.branches
    gen = G = __import__(ISETS[a.iset])
    if getattr(G, "THUMB", False):
        CAPSTONE = cs_check.Capstone(thumb=True)
    workdir = a.workdir or "random-work-%d" % a.seed
    os.makedirs(workdir, exist_ok=True)
    prefix = a.cc[:-3] if a.cc.endswith("gcc") else "arm-linux-gnueabi-"
    nm, objdump = prefix + "nm", prefix + "objdump"

    failures = 0
    mismatched = 0
    reports = 0
    done = 0
    for first in range(0, a.cases, a.per_binary):
        count = min(a.per_binary, a.cases - first)
        base = os.path.join(workdir, "%sseed%d%s%s_%d" % ("" if a.iset == "a32" else a.iset + "-",
                                                         a.seed, "b" if a.branches else "",
                                                         "p1" if a.passes == 1 else "", first))
        with open(base + ".S", "w") as f:
            f.write(gen.program(a.seed, first, count, a.branches, a.passes))
        p = subprocess.run([a.cc, "-nostdlib", "-static",
                            "-march=" + getattr(gen, "MARCH", "armv7ve"), "-marm",
                            "-o", base, base + ".S"], capture_output=True, text=True)
        if p.returncode != 0 or p.stderr.strip():
            print("ASSEMBLY PROBLEM for %s.S:\n%s" % (base, p.stderr[:3000]))
            return 2
        syms, dis = listing(objdump, nm, base)
        bad = check_decodes(dis, syms, first, count)
        if bad:
            print("generator produced instructions that do not decode cleanly:")
            print("\n".join("  " + x for x in bad[:20]))
            return 2
        qrc, qout, qerr = run([a.qemu, base], a.timeout)
        if qrc != 0 or len(qout) != count * gen.CASE_BYTES * a.passes:
            print("qemu-arm failed on %s: exit %s, %d bytes, stderr %r"
                  % (base, qrc, len(qout), qerr[-300:]))
            return 2
        if a.qemu_only:
            q2rc, q2out, _ = run([a.qemu, base], a.timeout)
            if q2out != qout or q2rc != qrc:
                print("qemu-arm is not deterministic on %s" % base)
                return 2
            done += count
            continue
        brc, bout, berr = run([a.backstep, base], a.timeout)
        n = gen.CASE_BYTES * a.passes
        bad_cases = [k for k in range(count)
                     if bout[k * n:(k + 1) * n] != qout[k * n:(k + 1) * n]]
        if bad_cases:
            failures += 1
            mismatched += len(bad_cases)
            print("%s: %d of %d cases differ (backstep printed %d of %d bytes, exit %s)"
                  % (base, len(bad_cases), count, len(bout), len(qout), brc))
            for k in bad_cases[:max(0, a.max_reports - reports)]:
                if len(bout) < (k + 1) * n:
                    print("case %d (seed %d): backstep output ends before this case "
                          "(exit %s, stderr %r)" % (first + k, a.seed, brc, berr[-300:]))
                    reports += 1
                    break
                report_case(first + k, a.seed, qout[k * n:(k + 1) * n],
                            bout[k * n:(k + 1) * n], syms, dis)
                reports += 1
            if a.trace_on_mismatch:
                first_trace_divergence(a.qemu, a.backstep, base, dis,
                                       syms["case_%d_body" % first], a.timeout)
        elif a.full_trace and first_trace_divergence(
                a.qemu, a.backstep, base, dis, syms["case_%d_body" % first], a.timeout,
                quiet=True):
            failures += 1
            print("%s: outputs agree but the per-instruction register traces differ "
                  "(above)" % base)
        elif brc != qrc:
            failures += 1
            print("%s: outputs agree but exit status differs: qemu %s backstep %s (stderr %r)"
                  % (base, qrc, brc, berr[-300:]))
        done += count
    if a.qemu_only:
        print("qemu-only: %d cases of seed %d assemble, decode and run (deterministic)"
              % (done, a.seed))
        return 0
    if failures:
        print("FAIL: %d of %d cases differ (seed %d)" % (mismatched, done, a.seed))
        return 1
    print("PASS: %d cases of seed %d agree with qemu-arm" % (done, a.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())

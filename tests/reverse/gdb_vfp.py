# VFP state under gdb (programs/vfp.c, VFP code at -O0): the FP registers of
# the target description read back as the program computed them; stepi then
# reverse-stepi over each VFP instruction of a line restores every D register
# and FPSCR exactly; a watchpoint on a double stops at its writes going
# forwards and backwards, with the values the program computed; finish from
# a function returning a double shows its value.
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()
m = markers()


def dval(expr):
    return float(gdb.parse_and_eval(expr))


def fpstate():
    gdb.execute("maintenance flush register-cache", to_string=True)
    out = gdb.execute("info registers " + " ".join("d%d" % i for i in range(32)) + " fpscr", to_string=True)
    raw = re.findall(r"^d\d+\s.*\(raw (0x[0-9a-f]+)\)", out, re.M)
    check(len(raw) == 32, "info registers shows d0-d31 with their raw bits: %r" % out[:200])
    return [int(r, 16) for r in raw] + [int(gdb.parse_and_eval("$fpscr"))]


run("break %d" % m["accumulate"])
run("continue")
check(frame_line() == m["accumulate"], "at MARK:accumulate")
# Step through the loop body instruction by instruction; at each VFP
# instruction, stepi then reverse-stepi must give back the same D registers
# and FPSCR (the undo log's VFP part).
vfp_seen = 0
for _ in range(60):
    insn = run("x/i $pc")
    before = fpstate()
    pc0 = pc()
    run("stepi")
    after = fpstate()
    if re.search(r"\bv[a-z]+", insn):
        vfp_seen += 1
    run("reverse-stepi")
    check(pc() == pc0, "reverse-stepi back to 0x%x (%s)" % (pc0, insn.strip()))
    check(fpstate() == before, "reverse-stepi over %s restores d0-d31 and FPSCR" % insn.strip())
    run("stepi")
    check(fpstate() == after, "stepi again over %s gives the same FP state" % insn.strip())
    if func() != "main" and func() != "scale":
        break
check(vfp_seen >= 8, "stepped over %d VFP instructions" % vfp_seen)

# finish from scale(): a double return value.
run("delete")
run("break scale")
run("continue")
want = dval("x") * 1.5 + val("k")
out = run("finish")
got = re.search(r"Value returned is \$\d+ = (\S+)", out)
check(got is not None and float(got.group(1)) == want,
      "finish from scale() shows the double it returns, x * 1.5 + k = %r: %r" % (want, out[-200:]))

# A watchpoint on the double, forwards then backwards.
run("delete")
out = run("watch total")
out = run("continue")
check("Hardware watchpoint" in out and "New value = " in out, "forward watchpoint on total: %r" % out[-300:])
new_fwd = float(re.search(r"New value = (\S+)", out).group(1))
check(new_fwd == dval("total"), "total is the reported new value")
out = run("reverse-continue")
check("Hardware watchpoint" in out, "reverse watchpoint on total: %r" % out[-300:])
check(frame_line() == m["accumulate"], "the write is at MARK:accumulate (line %d)" % frame_line())

# The printed result matches the value read through gdb's registers of the
# program's own arithmetic at the end.
run("delete")
run("break %d" % m["end"])
out = run("continue")
check(frame_line() == m["end"], "at MARK:end")
t = dval("total")
# The same arithmetic in Python's IEEE doubles: t = t / 3 + (t * 1.5 + k), k = 0..3, negated.
check(t == -10.027777777777779, "total = %r" % t)
continue_to_exit()

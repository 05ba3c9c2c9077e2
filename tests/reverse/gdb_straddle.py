# A BL pair straddling into a page that cannot be fetched
# (programs/straddle.c, argument STRADDLE=unmapped|noexec): `continue`
# reports SIGSEGV at the BL (its first halfword, the last of page1, in Thumb
# state) before it retires, and $_siginfo names the second page as the
# kernel does: si_addr = page2, si_code SEGV_MAPERR (1) when it is unmapped,
# SEGV_ACCERR (2) when it is mapped without PROT_EXEC. Stepping back and
# onto it works; forward again, the same fault.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

how = os.environ["STRADDLE"]
connect()
out = run("continue")
check("Program received signal SIGSEGV" in out, "continue: SIGSEGV reported")
page2 = val("(unsigned)page2")
bl = page2 - 2
check(pc() == bl and val("$cpsr") & 0x20, "at the BL pair 0x%x, its first halfword the last of page1, Thumb state"
      % bl)
n = when()
at_fault = regs()
check(val("$_siginfo.si_signo") == 11, "siginfo: si_signo SIGSEGV")
addr = val("(unsigned)$_siginfo._sifields._sigfault.si_addr")
check(addr == page2, "siginfo: si_addr 0x%x = page2 0x%x (the second halfword's page)" % (addr, page2))
code = val("$_siginfo.si_code")
want = 1 if how == "unmapped" else 2
check(code == want, "siginfo: si_code %d (want %d: %s)" % (code, want, "SEGV_MAPERR" if want == 1 else "SEGV_ACCERR"))

run("reverse-stepi")
check(pc() == bl - 2 and when() == n - 1, "reverse-stepi: the movs before it, count %d" % (n - 1))
out = run("stepi")
check("SIGSEGV" not in out and pc() == bl and when() == n and regs() == at_fault,
      "stepi: back at the BL, not run, registers as at the fault")
out = run("stepi")
check("Program received signal SIGSEGV" in out and pc() == bl and when() == n, "stepi onto it: SIGSEGV, not counted")
check(val("(unsigned)$_siginfo._sifields._sigfault.si_addr") == page2, "siginfo again names page2")
out = run("signal SIGSEGV")
check("Program terminated with signal SIGSEGV" in out, "delivering it terminates the program")

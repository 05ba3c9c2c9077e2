# Signal delivery under the debugger, on programs/sighandler.c:
# - gdb sees SIGUSR1 (gdb's own number on the wire) before it is delivered,
#   as gdbserver reports it; `continue` passes it on;
# - a delivery is one step of history: from the handler's first instruction
#   (r0 = the signal, lr = glibc's restorer, sp = the frame, 8-aligned, a
#   sigframe below the interrupted sp) reverse-stepi lands in the
#   interrupted code, right after an SVC, and stepi comes back to the same
#   registers;
# - the return through sa_restorer's sigreturn restores the interrupted
#   registers exactly, and reverse-stepi from there lands on that SVC;
# - a fault stops gdb with SIGSEGV; `continue` passes it to the guest's
#   handler (which siglongjmps out);
# - a SIGUSR2 that gdb drops (`signal 0`) never reaches its handler, also
#   when that part of history is run again (replay drops it at the same
#   count), and the program ends normally (run_gdb.sh checks status 0).
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()
m = markers()
handler = val("(unsigned)on_usr1") & ~1
thumb_build = val("(unsigned)main") & 1
svc_size = 2 if thumb_build else 4

run("break *%d" % handler)
out = run("continue")
check("Program received signal SIGUSR1" in out, "continue: SIGUSR1 reported before delivery")
before_delivery = regs()
count_before = when()
out = run("continue")
check(pc() == handler, "continue passes it: stopped at the handler's first instruction (pc 0x%x)" % pc())
check(when() == count_before + 1, "the delivery was one step (%d -> %d)" % (count_before, when()))
check(val("$r0") == 10, "r0 = SIGUSR1")
in_handler = regs()
start = when()
sp_h = val("$sp")
check(sp_h % 8 == 0, "the frame is 8-aligned")

out = run("reverse-stepi")
check(when() == start - 1, "reverse-stepi: one count back (%d -> %d)" % (start, when()))
interrupted = regs()
ipc = pc()
check(ipc != handler, "in the interrupted code (pc 0x%x)" % ipc)
# raise() unblocks with sigprocmask: the signal became deliverable after that SVC.
prev = word(ipc - 4)
check((prev & 0x0f000000) == 0x0f000000 or (val("$cpsr") & 0x20 and (word(ipc - 2) & 0xff00) == 0xdf00),
      "right after an SVC (word before pc: 0x%08x)" % prev)
check(760 <= val("$sp") - sp_h < 768, "a sigframe (760 bytes, 8-aligned) below the interrupted sp (%d)"
      % (val("$sp") - sp_h))
check(interrupted == before_delivery, "the state where gdb saw the signal")
out = run("stepi")
check("Program received signal SIGUSR1" in out and regs() == interrupted and when() == start - 1,
      "stepi: the pending signal is reported first, nothing ran")
out = run("stepi")
check(regs() == in_handler and when() == start, "stepi again passes it: the delivery, same registers")

# Back to the interrupted pc after the handler returns (sigreturn).
run("delete")
run("tbreak *%d" % ipc)
out = run("continue")
check(pc() == ipc, "the handler returned to the interrupted pc")
back = regs()
check(back == interrupted, "sigreturn restored every register: %s" %
      {r: (hex(interrupted[r]), hex(back[r])) for r in back if back[r] != interrupted[r]})
after = when()
out = run("reverse-stepi")
insn = run("x/i $pc")
check(re.search(r"\bsvc\b", insn) is not None and val("$r7") in (119, 173),
      "reverse-stepi from there: on the sigreturn SVC of the restorer (%r, r7 %d)" % (insn.strip(), val("$r7")))
run("stepi")
check(regs() == interrupted and when() == after, "stepi over sigreturn: the interrupted registers again")

out = run("continue")
check("Program received signal SIGSEGV" in out and frame_line() == m["fault"],
      "continue: SIGSEGV reported at MARK:fault (line %d)" % frame_line())
out = run("continue")
check("Program received signal SIGUSR2" in out, "continue: the handler took SIGSEGV; SIGUSR2 reported next")
usr2_at = when()
out = run("signal 0")
check(at_exit_stop(out), "signal 0: SIGUSR2 dropped, the program runs to its exit stop")
run("monitor seek %d" % (usr2_at - 5))
out = run("continue")
check(at_exit_stop(out) and "SIGUSR2" not in out, "run again from before it: no SIGUSR2 (dropped there in replay too)")
out = run("continue")
check("exited normally" in out, "the program exited normally (the SIGUSR2 handler never ran): %r" % out[-200:])

# Threads in gdb on programs/threads_gdb.c (main and two workers that call
# bump() in a loop): `info threads` lists the three, a breakpoint in bump()
# is reported on a worker thread, `thread N` + `bt` shows each thread's own
# stack, and stepi / reverse-stepi of a thread (the running one, and one
# that is not running, whose step runs the other threads first) comes back
# to the same pc and registers; so does reverse-stepi + stepi of main,
# which waits in pthread_join while the workers run. Expected values come from the source
# (MARK comments) and from gdb's own view of each thread.
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()
m = markers()


def thread_nums():
    out = run("info threads")
    return [int(n) for n in re.findall(r"^\*?\s+(\d+)\s+Thread ", out, re.M)], out


def same_regs(a, b, what):
    diff = ["%s 0x%x -> 0x%x" % (k, a[k], b[k]) for k in a if a[k] != b[k]]
    check(not diff, "%s: registers equal %s" % (what, ", ".join(diff)))


def step_roundtrip(num):
    run("thread %d" % num)
    before = regs()
    out = run("stepi")
    check(gdb.selected_thread().num == num, "stepi of thread %d stops in it (%r)" % (num, out.strip()[-200:]))
    check(pc() != before["pc"] or regs() != before, "stepi moved thread %d (pc 0x%x)" % (num, pc()))
    out = run("reverse-stepi")
    check(gdb.selected_thread().num == num, "reverse-stepi of thread %d stops in it (%r)" % (num, out.strip()[-200:]))
    same_regs(before, regs(), "thread %d: stepi + reverse-stepi" % num)


run("break bump")
out = run("continue")
check("hit Breakpoint 1, bump" in out, "the breakpoint in bump() is hit")
first = gdb.selected_thread().num
check(first != 1, "it is reported on a worker thread (thread %d), not main" % first)
check(frame_line() == m["bump"], "at bump's first line %d (got %d)" % (m["bump"], frame_line()))
who = val("who")

nums, info = thread_nums()
check(nums == [1, 2, 3], "`info threads` shows threads 1, 2, 3: %r" % info)
for num in nums:
    run("thread %d" % num)
    bt = run("bt")
    if num == 1:
        check(re.search(r"\bin main \(\)", bt), "thread 1's backtrace reaches main: %r" % bt)
        check("bump" not in bt, "thread 1 is not in bump()")
    elif num == first:
        check(re.search(r"^#0\s+bump \(who=%d\)" % who, bt, re.M) and re.search(r"\bin worker \(", bt),
              "thread %d's backtrace: bump(who=%d) called from worker: %r" % (num, who, bt))
    else:  # created, maybe not started yet: in clone() or in worker
        check("main" not in bt and "bump (who=%d)" % who not in bt, "thread %d has a stack of its own: %r" % (num, bt))

# The thread at the breakpoint is the running one: one instruction.
step_roundtrip(first)
# The other worker does not run now: its stepi first runs the others (no
# breakpoints to stop them), and reverse-stepi undoes them again.
other = [n for n in nums if n not in (1, first)][0]
run("delete")
step_roundtrip(other)

# Its own breakpoint hit is reported on it.
run("thread %d" % other)
other_who = 1 - who
run("break bump if who == %d" % other_who)
out = run("continue")
check("hit Breakpoint" in out and val("who") == other_who, "bump(who=%d) is hit (%r)" % (other_who, out.strip()[-200:]))
check(gdb.selected_thread().num == other, "on thread %d (got %d)" % (other, gdb.selected_thread().num))
run("delete")

# Main waits in pthread_join (a futex wait): its last instruction was that
# SVC, before the workers' instructions since. reverse-stepi of main undoes
# them all (thread switches included) and leaves main before its SVC; stepi
# runs the SVC again, main waits again with the same registers.
run("thread 1")
before = regs()
out = run("reverse-stepi")
check(gdb.selected_thread().num == 1, "reverse-stepi of thread 1 stops in it (%r)" % out.strip()[-200:])
check(re.search(r"\bsvc\b", run("x/i $pc")) and pc() == before["pc"] - 4,
      "thread 1 is back at its SVC 0x%x (from 0x%x)" % (pc(), before["pc"]))
out = run("stepi")
check(gdb.selected_thread().num == 1, "stepi of thread 1 stops in it (%r)" % out.strip()[-200:])
same_regs(before, regs(), "thread 1: reverse-stepi + stepi")

# The exit stop (before exit_group's SVC), on the thread that calls it
# (gdb says "Thread 1 received", not "Program received", with threads).
out = run("continue")
check("received signal SIGTRAP" in out and re.search(r"\bsvc\b", run("x/i $pc")) and val("$r7") in EXIT_SYSCALLS,
      "stopped before the exit SVC: %r" % out.strip()[-200:])
out = run("continue")
check("exited normally" in out, "the program exits normally")
with open(os.environ["BS_GUEST_OUT"]) as f:
    text = f.read()
check(text == "counters 50 100\n", "the output appears once: %r" % text)

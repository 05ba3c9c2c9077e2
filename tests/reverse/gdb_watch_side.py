# Forward watchpoints stop at the access with nothing run past it
# (programs/watchside.c): each watched access is followed at once by output,
# the first one also by a file created and a read of stdin that blocks until
# this script feeds it. At every stop the output of the next statement must
# not be there yet, the file must not exist, and the stop must be at the end
# of history (where the debugger can write). Covered: `watch`, `rwatch`,
# `awatch`; 1, 2, 4 and 8 bytes; `watch -l` on a struct field; an unaligned
# range; several watchpoints at once; an STM and an LDM that touch the
# watched range only partly; a kernel write (read(2)) into a watched buffer.
# Then the same stops again while replaying the recorded history: the first
# hit, at the same instruction counts as when the program ran live.
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

flag = os.environ["WATCH_SIDE_FILE"]
if os.path.exists(flag):
    os.unlink(flag)
connect()
m = markers()


def guest_out():
    with open(os.environ["BS_GUEST_OUT"]) as f:
        return f.read()


def history_end():
    text = gdb.execute("monitor history", to_string=True)
    r = re.search(r"Reachable instruction counts: (\d+) to (\d+) \(now (\d+)\)", text)
    check(r is not None, "monitor history names the reachable range")
    return int(r.group(2)), int(r.group(3))


def stop_live(out, kind, nxt, before=None):
    """A live stop: reported as a watchpoint of this kind, nothing of the
    statement after the access has run, and history ends here."""
    check(kind in out, "reported as %r: %r" % (kind, out.strip()[-300:]))
    text = guest_out()
    check(nxt not in text, "%r has not been printed yet (output so far: %r)" % (nxt, text))
    if before:
        check(before in text, "%r was printed before the access" % before)
    end, now = history_end()
    check(end == now, "the stop is the end of history (end %d, now %d)" % (end, now))


# Every live stop: the watchpoints set just before its `continue` (None: the
# same as before) and its instruction count, for the replay pass.
stops = []
pending = []


def watch(cmd):
    run(cmd)
    pending.append(cmd)


def note_stop():
    global pending
    stops.append((pending or None, when()))
    pending = []

run("break main")
run("continue")
run("delete")

# 1. A 4-byte store, then output, a file, a blocking read.
watch("watch g")
out = run("continue")
stop_live(out, "Hardware watchpoint", "after g")
check("Old value = 0" in out and "New value = 1" in out, "g: Old value = 0, New value = 1")
check(not os.path.exists(flag), "the file created after the store does not exist")
note_stop()
run("print g = 5")
check(val("g") == 5, "the debugger writes g at the stop (live)")
run("delete")

# 2. The kernel writes a watched byte: read(0, inbuf, 8).
watch("watch -l inbuf[2]")
fd = os.open(os.environ["BS_GUEST_FIFO"], os.O_WRONLY | os.O_NONBLOCK)
os.write(fd, b"hello\n")
os.close(fd)
out = run("continue")
stop_live(out, "Hardware watchpoint", "after read", before="after g")
check("New value = 108 'l'" in out, "inbuf[2]: New value = 108 'l'")
check(os.path.exists(flag), "the file was created before the read")
check(val("inbuf[0]") == ord("h"), "the read has happened: inbuf[0] = 'h'")
note_stop()
run("delete")

# 3. A read watchpoint on g (loaded at MARK:load_g).
watch("rwatch g")
out = run("continue")
stop_live(out, "Hardware read watchpoint", "after load", before="after read")
check("Value = 5" in out, "rwatch g: Value = 5 (the debugger's write)")
note_stop()
run("delete")

# 4. Several at once: 1 byte, 2 bytes, 8 bytes, an unaligned 4-byte range
# and a struct field (-location); the 2-byte store hits two of them.
watch("watch -l bytes[5]")
watch("awatch -l *(short *)&bytes[6]")
watch("watch wide")
watch("watch -l rec.b")
watch("watch -l *(int *)&bytes[7]")
out = run("continue")
stop_live(out, "atchpoint", "after store1", before="after load")
check("New value = 7 '\\a'" in out, "bytes[5]: New value = 7")
note_stop()
out = run("continue")
stop_live(out, "atchpoint", "after store2", before="after store1")
check("4660" in out, "*(short *)&bytes[6]: Value = 4660 (0x1234)")
note_stop()
out = run("continue")
stop_live(out, "Hardware watchpoint", "after store8", before="after store2")
if "New value = 1432778632" in out:
    # Two 4-byte stores (Thumb-1 has no STRD): the first half is a stop too.
    note_stop()
    out = run("continue")
    stop_live(out, "Hardware watchpoint", "after store8", before="after store2")
check("New value = 1234605616436508552" in out, "wide: New value = 0x1122334455667788")
note_stop()
out = run("continue")
stop_live(out, "Hardware watchpoint", "after field", before="after store8")
check("New value = 3" in out, "rec.b: New value = 3")
note_stop()
run("delete")

# 5. An STM and an LDM of four words, watched on one word each.
watch("watch -l words[2]")
out = run("continue")
stop_live(out, "Hardware watchpoint", "after stm", before="after field")
check("New value = 13" in out, "words[2]: New value = 13 (the STM's third register)")
check(line_of(pc()) != m["stm"] or func() == "store_multiple", "stopped after the STM")
note_stop()
run("delete")
watch("rwatch -l words[3]")
out = run("continue")
stop_live(out, "Hardware read watchpoint", "after ldm", before="after stm")
check("Value = 14" in out, "words[3]: Value = 14")
note_stop()
run("delete")

out = run("continue")
check(at_exit_stop(out), "the program reaches its exit stop")
final = "g=5 x=5 n=6 in=hello\n sum=50 b=3\n"
check(guest_out().endswith(final), "output ends %r" % final)

# Replay: back to the start, then the same watchpoints through the recorded
# history stop at the same counts.
out = run("reverse-continue")
check(no_history(out), "back at the start of history")
for k, (cmds, count) in enumerate(stops):
    if cmds is not None:
        run("delete")
        for c in cmds:
            run(c)
    out = run("continue")
    check("atchpoint" in out, "replay: a watchpoint stop")
    check(when() == count, "replay stop %d at the live count %d (got %d)" % (k, count, when()))
    end, now = history_end()
    check(now < end, "replay stop %d is in the past" % k)
run("delete")
out = continue_to_exit()
check(guest_out().endswith(final) and guest_out().count("after g") == 1, "the replay printed nothing again")

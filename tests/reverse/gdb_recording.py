# Saved recordings (issue 14): run twice by recording_gdb.sh.
# Phase "save" (live, backstep -g): run to the exit stop, note the state
# hash at several counts of that history (seeking back and forth), and
# `monitor save DIR` (at the end, or at SAVE_AT of the counts: a save from
# the past still holds all of history).
# Phase "replay" (backstep -replay DIR -g, a fresh process): the same counts
# give the same state hashes; on programs/watch.c a watchpoint on buf[3] and
# reverse-continue find its last write (MARK:store3); the end of the
# recording is its end of history: the exit stop, then the exit, with
# nothing printed again by the replay.
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

phase = os.environ["RECORDING_PHASE"]
rdir = os.environ["RECORDING_DIR"]
hashes_file = rdir + ".hashes"


def state_hash():
    return gdb.execute("monitor state-hash", to_string=True).split()[-1]


def seek(n):
    gdb.execute("monitor seek %d" % n, to_string=True)
    check(when() == n, "seek to %d" % n)


connect()
if phase == "save":
    out = run("continue")
    check(at_exit_stop(out), "live: the exit stop")
    end = when()
    counts = sorted({end // 7, end // 3, end // 2, (end * 5) // 6, end})
    hashes = {}
    for n in counts[::-1] + counts:  # backwards first, then forwards again
        seek(n)
        h = state_hash()
        check(hashes.setdefault(n, h) == h, "live: same hash at %d both ways" % n)
    seek(counts[int(os.environ.get("SAVE_AT", len(counts) - 1))])
    out = gdb.execute("monitor save %s" % rdir, to_string=True)
    check("Saved instructions 0 to" in out, "monitor save: %r" % out.strip())
    with open(hashes_file, "w") as f:
        json.dump({"end": end, "hashes": hashes}, f)
    run("kill")
else:
    with open(hashes_file) as f:
        rec = json.load(f)
    for n, h in sorted(rec["hashes"].items(), key=lambda kv: -int(kv[0])) + sorted(rec["hashes"].items()):
        seek(int(n))
        check(state_hash() == h, "replay: the recorded state hash at %s" % n)
    seek(0)
    m = markers()
    if "store3" in m:
        run("break %d" % m["end"])
        out = run("continue")
        check("Breakpoint" in out and frame_line() == m["end"], "replay: at MARK:end")
        run("watch -l buf[3]")
        out = run("reverse-continue")
        check("Old value = 81 'Q'" in out and "New value = 100 'd'" in out and frame_line() == m["store3"],
              "replay: reverse-continue to the last write of buf[3] (line %d)" % frame_line())
        run("delete")
    out = run("continue")
    check(at_exit_stop(out) and when() == rec["end"], "replay: the exit stop at the recorded count %d" % rec["end"])
    out = run("continue")
    check("exited" in out, "replay: the program exits at the end of the recording")
    with open(os.environ["BS_GUEST_OUT"]) as f:
        printed = f.read()
    check(printed == "", "replay: nothing printed again (%r)" % printed)

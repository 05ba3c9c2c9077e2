# The round-trip property, run inside gdb-multiarch against backstep -g:
# the state at instruction count N reached going forward equals the state at
# N reached by going elsewhere (later or earlier) and coming back.
#
# Pass 1 seeks forward (live execution) to random increasing counts until
# the program ends, taking `monitor state-hash` (registers, flags, every
# mapped page and its protection, brk, TLS) at each. Pass 2 seeks to those
# counts in random order -- backwards through the undo log, forwards by
# replay -- and compares. Env: RT_SEED, RT_STEP (mean gap / 2), RT_CHECKS;
# RT_MIN_THUMB: fail unless at least that many points were in Thumb state
# (CPSR.T, read through gdb), so a Thumb run proves the property there.
import os
import random

import gdb


def mon(cmd):
    return gdb.execute("monitor " + cmd, to_string=True)


def when():
    return int(mon("when").split()[-1])


def state():
    return mon("state-hash").split()[-1]


def in_thumb():
    # gdb does not know that `monitor seek` moved the target: drop its
    # cached registers before reading CPSR.
    gdb.execute("maintenance flush register-cache", to_string=True)
    return bool(int(gdb.parse_and_eval("$cpsr")) & 0x20)


rnd = random.Random(int(os.environ.get("RT_SEED", "1")))
step = int(os.environ.get("RT_STEP", "4000"))
checks = int(os.environ.get("RT_CHECKS", "60"))
gdb.execute("set pagination off")
gdb.execute("target remote " + os.environ["BS_TARGET"])

forward = {0: state()}
thumb_points = set()
min_thumb = int(os.environ.get("RT_MIN_THUMB", "0"))
n = 0
while len(forward) < 400:
    n += rnd.randint(1, 2 * step)
    try:
        mon("seek %d" % n)
    except gdb.error:
        break  # the program ended before n
    if when() != n:
        break
    forward[n] = state()
    if min_thumb and in_thumb():
        thumb_points.add(n)
# A change the undo log cannot take back (mremap) starts history anew.
start = int(mon("history").split("Reachable instruction counts: ")[1].split()[0])
points = [p for p in sorted(forward) if p >= start]
if start:
    print("roundtrip: history starts at %d (%d earlier points dropped)" % (start, len(forward) - len(points)))
if len(points) < 4:
    raise gdb.GdbError("roundtrip: only %d points before the program ended" % len(points))

bad = 0
visited = []
for _ in range(checks):
    n = rnd.choice(points)
    visited.append(n)
    mon("seek %d" % n)
    got = state()
    if when() != n or got != forward[n]:
        print("roundtrip: MISMATCH at %d: forward %s, came back %s (at %d)" % (n, forward[n], got, when()))
        bad += 1
hist = mon("history")
undo_from = int(hist.split("Undo log reaches back to instruction ")[1].split()[0])
print(hist.strip())
print("roundtrip: %d points up to %d, %d returns (%d to points before the undo log's reach, through snapshots), "
      "%d mismatches" % (len(points), points[-1], checks, sum(1 for p in visited if p < undo_from), bad))
if min_thumb:
    print("roundtrip: %d of the points in Thumb state, %d returns to them" %
          (len(thumb_points & set(points)), sum(1 for p in visited if p in thumb_points)))
gdb.execute("kill")
if min_thumb and len(thumb_points & set(points)) < min_thumb:
    raise gdb.GdbError("roundtrip: only %d points in Thumb state (RT_MIN_THUMB=%d)"
                       % (len(thumb_points & set(points)), min_thumb))
if bad:
    raise gdb.GdbError("roundtrip: %d mismatches" % bad)

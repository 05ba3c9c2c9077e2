#!/bin/bash
# The cost of running and recording a threaded program: Debian's armhf
# python3.11 with 4 threads each summing 2*10^6 integers (the python-threading
# case of tests/debian/cases_threads.txt with 10x the work), plain, -record
# and under qemu-arm, best of 3 wall times; then the same sum in one thread.
# Needs the sysroot the debian tests fetch (ctest -R debian/hf-threads-fetch).
#   bench/python_threads.sh [BACKSTEP]
set -u
root=${BACKSTEP_PY_SYSROOT:-$HOME/.cache/backstep/sysroot-debian-armhf-threads}
bs=${1:-$(dirname "$0")/../build/backstep}
[[ -x $root/usr/bin/python3.11 ]] || { echo "bench/python_threads.sh: no $root/usr/bin/python3.11 (run ctest -R debian/hf-threads-fetch)" >&2; exit 2; }
threaded='import threading; r = [0] * 4; ts = [threading.Thread(target=lambda i: r.__setitem__(i, sum(range(i * 2000000, (i + 1) * 2000000))), args=(i,)) for i in range(4)]; [t.start() for t in ts]; [t.join() for t in ts]; print(sum(r) == sum(range(8000000)))'
single='print(sum(range(8000000)) == 31999996000000)'
best() { # CMD...: the best of 3 wall times, in seconds
  local b=
  for _ in 1 2 3; do
    local s e out
    s=$(date +%s%N)
    out=$("$@" 2>/dev/null)
    e=$(date +%s%N)
    [[ $out == True ]] || { echo "FAILED: $*" >&2; return 1; }
    local t=$(( (e - s) / 1000000 ))
    [[ -z $b || $t -lt $b ]] && b=$t
  done
  printf '%d.%03d s' $((b / 1000)) $((b % 1000))
}
export QEMU_CPU=cortex-a15,neon=off
echo "4 threads, backstep:         $(best "$bs" -L "$root" "$root/usr/bin/python3.11" -S -c "$threaded")"
echo "4 threads, backstep -record: $(best "$bs" -record -L "$root" "$root/usr/bin/python3.11" -S -c "$threaded")"
echo "4 threads, qemu-arm:         $(best qemu-arm -L "$root" "$root/usr/bin/python3.11" -S -c "$threaded")"
echo "1 thread,  backstep:         $(best "$bs" -L "$root" "$root/usr/bin/python3.11" -S -c "$single")"
echo "1 thread,  qemu-arm:         $(best qemu-arm -L "$root" "$root/usr/bin/python3.11" -S -c "$single")"

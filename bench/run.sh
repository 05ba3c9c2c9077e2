#!/usr/bin/env bash
# bench/run.sh — times backstep against qemu-arm and native on the workloads in
# bench/workloads/*.c and prints a table (not part of ctest: speed is measured here).
#
# Usage: bench/run.sh [--backstep PATH|none] [--qemu PATH] [--runs N] [--quick] [--only NAME[,NAME...]]
#                     [--record] [--reverse] [--thumb] [--dynamic] [--vfp] [--armhf]
#   --backstep PATH  backstep binary (default: build/backstep, then build*/backstep);
#                    "none" leaves the backstep column out
#   --qemu PATH      qemu-arm binary (default: qemu-arm from PATH)
#   --runs N         best of N runs per engine and workload (default 3)
#   --quick          small inputs (a smoke run; times are then too short to mean much)
#   --only LIST      run only these workloads (comma separated)
#   --record         a second table: backstep -record (history recorded as under -g, no
#                    debugger) against backstep's run mode and qemu-arm, same workloads
#   --thumb          build the workloads as Thumb code (-mthumb instead of -marm)
#   --vfp            build the workloads' own floating point as VFP code (armel softfp:
#                    -march=armv7-a -mfpu=vfpv4 -mfloat-abi=softfp; libc stays soft-float)
#                    and run qemu-arm as -cpu cortex-a15, the CPU backstep mirrors
#   --dynamic        link the ARM workloads dynamically (the compiler's default) and run
#                    them with -L SYSROOT (ARMEL_SYSROOT, default /usr/arm-linux-gnueabi;
#                    with --armhf ARMHF_SYSROOT, default /usr/arm-linux-gnueabihf)
#   --armhf          build with arm-linux-gnueabihf-gcc (ARMv7, Thumb-2 unless --arm,
#                    hard-float VFP) and run qemu-arm as -cpu cortex-a15,neon=off (the
#                    CPU backstep advertises to armhf programs)
#   --arm            with --armhf: A32 code (-marm)
#   --reverse        reverse-execution figures through the remote protocol
#                    (bench/reverse/reverse_bench.py on bench/reverse/history.c): recording
#                    speed, reverse-stepi latency, seek latency, reverse-continue to a write
#                    watchpoint 10^8 and 10^9 instructions back, peak memory
#
# Each workload is built with `arm-linux-gnueabi-gcc -static -O2 -marm` (armel: ARMv5TE,
# soft-float) for qemu-arm and backstep, and with the host `gcc -O2` for native. Every run's
# stdout must equal the native output and exit with 0, else that cell shows FAIL (a wrong
# result never shows as a time) and the script exits 1 after the table.
# Columns: best wall time of native, qemu-arm and backstep; speedup = qemu / backstep;
# slowdown = backstep / native; last line: geometric means over the workloads where
# both engines produced correct output.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
backstep=""
qemu=qemu-arm
runs=3
quick=0
only=""
record=0
reverse=0
armcc=${ARMEL_CC:-arm-linux-gnueabi-gcc}
armmode=
armlink=-static
armvfp=()
emu_opts=()
qemu_opts=()
armhf=0
hostcc=${HOST_CC:-gcc}

usage() { sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
  case $1 in
    --backstep) backstep=${2:?--backstep needs a path}; shift 2 ;;
    --thumb) armmode=-mthumb; shift ;;
    --dynamic) armlink=; shift ;;
    --armhf) armhf=1; shift ;;
    --arm) armmode=-marm; shift ;;
    --vfp) armvfp=(-march=armv7-a -mfpu=vfpv4 -mfloat-abi=softfp); qemu_opts=(-cpu cortex-a15); shift ;;
    --qemu) qemu=${2:?--qemu needs a path}; shift 2 ;;
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --quick) quick=1; shift ;;
    --only) only=${2:?--only needs names}; shift 2 ;;
    --record) record=1; shift ;;
    --reverse) reverse=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench/run.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
if [[ $armhf -eq 1 ]]; then
  armcc=${ARMHF_CC:-arm-linux-gnueabihf-gcc}
  armmode=${armmode:--mthumb}
  qemu_opts=(-cpu cortex-a15,neon=off)
fi
armmode=${armmode:--marm}
if [[ -z $armlink ]]; then
  if [[ $armhf -eq 1 ]]; then emu_opts=(-L "${ARMHF_SYSROOT:-/usr/arm-linux-gnueabihf}")
  else emu_opts=(-L "${ARMEL_SYSROOT:-/usr/arm-linux-gnueabi}"); fi
fi
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: --runs wants a positive integer, got '$runs'" >&2; exit 2; }

if [[ -z $backstep ]]; then
  for c in "$repo/build/backstep" "$repo"/build*/backstep; do
    if [[ -x $c ]]; then backstep=$c; break; fi
  done
  [[ -n $backstep ]] || { echo "bench/run.sh: no backstep binary found under $repo/build*; pass --backstep PATH (or none)" >&2; exit 2; }
fi
if [[ $backstep != none && ! -x $backstep ]]; then
  echo "bench/run.sh: backstep binary '$backstep' is not executable" >&2; exit 2
fi
for tool in "$armcc" "$hostcc" "$qemu"; do
  command -v "$tool" >/dev/null || { echo "bench/run.sh: '$tool' not found" >&2; exit 2; }
done

# workload -> argument (iterations): full runs take about 0.5-3 s each under qemu-arm 7.2.
declare -A full=(   [int_hash]=60000000 [fib_calls]=39 [mem_walk]=24 [string_libc]=400000
                    [lz_compress]=20 [nbody_float]=24000 [qsort_calls]=24 )
declare -A small=(  [int_hash]=3000000 [fib_calls]=27 [mem_walk]=1 [string_libc]=10000
                    [lz_compress]=1 [nbody_float]=1000 [qsort_calls]=2 )
workloads=(int_hash fib_calls mem_walk string_libc lz_compress nbody_float qsort_calls)
# With VFP the float workload runs about 40x faster under qemu-arm than in soft-float.
if [[ ${#armvfp[@]} -gt 0 ]]; then full[nbody_float]=1000000; fi
if [[ -n $only ]]; then
  IFS=, read -r -a workloads <<<"$only"
fi
for w in "${workloads[@]}"; do
  [[ -f $here/workloads/$w.c && -n ${full[$w]:-} ]] || { echo "bench/run.sh: unknown workload '$w'" >&2; exit 2; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/backstep-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

echo "building ${#workloads[@]} workloads ($( ((armhf)) && echo armhf || echo armel): $armcc $armlink -O2 $armmode${armvfp[*]:+ ${armvfp[*]}}${emu_opts[*]:+, run with ${emu_opts[*]}}; native: $hostcc -O2) ..." >&2
for w in "${workloads[@]}"; do
  "$armcc" $armlink -O2 $armmode "${armvfp[@]}" -o "$tmp/$w.arm" "$here/workloads/$w.c" -lm 2>"$tmp/$w.cc.log" ||
    { cat "$tmp/$w.cc.log" >&2; echo "bench/run.sh: building $w for ARM failed" >&2; exit 1; }
  "$hostcc" -O2 -o "$tmp/$w.native" "$here/workloads/$w.c" -lm 2>"$tmp/$w.cc.log" ||
    { cat "$tmp/$w.cc.log" >&2; echo "bench/run.sh: building $w natively failed" >&2; exit 1; }
done

# best_time ENGINE WORKLOAD ARG -> prints best seconds, or FAIL (details in $tmp/fail.log)
best_time() {
  local engine=$1 w=$2 arg=$3 best="" i t0 t1 rc
  local -a cmd
  case $engine in
    native) cmd=("$tmp/$w.native" "$arg") ;;
    qemu) cmd=("$qemu" "${qemu_opts[@]}" "${emu_opts[@]}" "$tmp/$w.arm" "$arg") ;;
    backstep) cmd=("$backstep" "${emu_opts[@]}" "$tmp/$w.arm" "$arg") ;;
    record) cmd=("$backstep" -record "${emu_opts[@]}" "$tmp/$w.arm" "$arg") ;;
  esac
  for ((i = 0; i < runs; i++)); do
    rc=0
    t0=$EPOCHREALTIME
    "${cmd[@]}" >"$tmp/$w.$engine.out" 2>"$tmp/$w.$engine.err" </dev/null || rc=$?
    t1=$EPOCHREALTIME
    if [[ $rc -ne 0 ]] || ! cmp -s "$tmp/$w.$engine.out" "$tmp/$w.ref"; then
      {
        echo "== $w under $engine: exit status $rc; output vs native:"
        diff -u --label native --label "$engine" "$tmp/$w.ref" "$tmp/$w.$engine.out" | head -n 10 || true
        head -c 500 "$tmp/$w.$engine.err"
      } >>"$tmp/fail.log"
      echo FAIL
      return
    fi
    best=$(awk -v a="$t0" -v b="$t1" -v best="$best" 'BEGIN { t = b - a; if (best == "" || t < best) best = t; printf "%.3f", best }')
  done
  echo "$best"
}

echo "runs: best of $runs; $( [[ $quick -eq 1 ]] && echo 'quick inputs' || echo 'full inputs' ); $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
printf '%-13s %10s %10s %11s %10s %10s\n' workload "native s" "qemu s" "backstep s" "speedup" "slowdown"
printf '%-13s %10s %10s %11s %10s %10s\n' "" "" "" "" "qemu/bs" "bs/native"
failed=0
speedups=()
slowdowns=()
for w in "${workloads[@]}"; do
  arg=${full[$w]}
  [[ $quick -eq 1 ]] && arg=${small[$w]}
  if ! "$tmp/$w.native" "$arg" >"$tmp/$w.ref" 2>"$tmp/$w.native.err"; then
    echo "bench/run.sh: native run of $w failed" >&2; cat "$tmp/$w.native.err" >&2; exit 1
  fi
  tn=$(best_time native "$w" "$arg")
  tq=$(best_time qemu "$w" "$arg")
  tb=-
  [[ $backstep != none ]] && tb=$(best_time backstep "$w" "$arg")
  sp=- sl=-
  if [[ $tq != FAIL && $tb != FAIL && $tb != - ]]; then
    sp=$(awk -v q="$tq" -v b="$tb" 'BEGIN { printf "%.2fx", q / (b > 0 ? b : 0.001) }')
    speedups+=("${sp%x}")
  fi
  if [[ $tn != FAIL && $tb != FAIL && $tb != - ]]; then
    sl=$(awk -v n="$tn" -v b="$tb" 'BEGIN { printf "%.1fx", b / (n > 0 ? n : 0.001) }')
    slowdowns+=("${sl%x}")
  fi
  [[ $tn == FAIL || $tq == FAIL || $tb == FAIL ]] && failed=1
  printf '%-13s %10s %10s %11s %10s %10s\n' "$w" "$tn" "$tq" "$tb" "$sp" "$sl"
done
geomean() { [[ $# -gt 0 ]] || { printf -; return; }; printf '%s\n' "$@" | awk '{ s += log($1); n++ } END { if (n) printf "%.2fx", exp(s / n); else printf "-" }'; }
if [[ $backstep != none ]]; then
  printf '%-13s %10s %10s %11s %10s %10s\n' geomean "" "" "" "$(geomean "${speedups[@]+"${speedups[@]}"}")" \
    "$(geomean "${slowdowns[@]+"${slowdowns[@]}"}")"
  echo "(geomean over ${#speedups[@]} of ${#workloads[@]} workloads with correct output)" >&2
fi
if [[ $record -eq 1 && $backstep != none ]]; then
  echo
  echo "recording (backstep -record: undo log, snapshots and replay log as under -g, default sizes)"
  printf '%-13s %11s %10s %10s %10s %10s\n' workload "backstep s" "record s" "qemu s" "rec/run" "qemu/rec"
  rec_ratios=()
  for w in "${workloads[@]}"; do
    arg=${full[$w]}
    [[ $quick -eq 1 ]] && arg=${small[$w]}
    tb=$(best_time backstep "$w" "$arg")
    tr=$(best_time record "$w" "$arg")
    tq=$(best_time qemu "$w" "$arg")
    a=- b=-
    if [[ $tb != FAIL && $tr != FAIL ]]; then a=$(awk -v r="$tr" -v b="$tb" 'BEGIN { printf "%.2fx", r / (b > 0 ? b : 0.001) }'); fi
    if [[ $tq != FAIL && $tr != FAIL ]]; then
      b=$(awk -v q="$tq" -v r="$tr" 'BEGIN { printf "%.2fx", q / (r > 0 ? r : 0.001) }')
      rec_ratios+=("${b%x}")
    fi
    [[ $tr == FAIL ]] && failed=1
    printf '%-13s %11s %10s %10s %10s %10s\n' "$w" "$tb" "$tr" "$tq" "$a" "$b"
  done
  printf '%-13s %11s %10s %10s %10s %10s\n' geomean "" "" "" "" "$(geomean "${rec_ratios[@]+"${rec_ratios[@]}"}")"
fi
if [[ $reverse -eq 1 && $backstep != none ]]; then
  echo
  echo "reverse execution (bench/reverse/reverse_bench.py, through the remote protocol)"
  "$armcc" -static -O2 -marm -o "$tmp/history.arm" "$here/reverse/history.c"
  for h in 100000000 1000000000; do
    python3 "$here/reverse/reverse_bench.py" "$backstep" "$tmp/history.arm" "$h" || failed=1
  done
fi
if [[ $failed -ne 0 ]]; then
  echo >&2
  echo "FAILED runs (wrong output or non-zero exit):" >&2
  cat "$tmp/fail.log" >&2
  exit 1
fi

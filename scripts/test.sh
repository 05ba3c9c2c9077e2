#!/usr/bin/env bash
# Installs what is missing, builds backstep twice (release, and with
# AddressSanitizer + UndefinedBehaviorSanitizer) and runs the whole test suite
# in both builds. Exits non-zero if anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

jobs=2
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$jobs"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DBACKSTEP_SANITIZE=ON
cmake --build build-asan -j"$jobs"

# Tests labelled "pending" exercise features of open issues (e.g. guest signal
# handlers, threads): they are not run here, and are listed at the end.
status=0
echo "== tests: release build =="
ctest --test-dir build -j"$jobs" --output-on-failure -LE pending || status=1
echo "== tests: ASan+UBSan build =="
ASAN_OPTIONS=detect_leaks=0 ctest --test-dir build-asan -j"$jobs" --output-on-failure -LE pending || status=1
echo "== not run: tests of features still to come (label 'pending') =="
ctest --test-dir build -N -L pending | grep "Test *#" || echo "(none)"
exit $status

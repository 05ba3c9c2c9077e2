#!/usr/bin/env bash
# Runs the DAP session test (session.js) with node and the project-local
# node_modules that scripts/setup.sh installs here (npm ci).
#   run_session.sh ADAPTER BACKSTEP PROGRAM SOURCE QEMU_ARM
# Exit 77 (a skip for ctest) only when node itself is missing; missing
# node_modules is a failure that names the fix.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v node > /dev/null; then
  echo "SKIP: node is not installed (scripts/setup.sh installs it)"
  exit 77
fi
if [[ ! -d $here/node_modules/@vscode/debugadapter-testsupport ]]; then
  echo "FAIL: $here/node_modules is missing: run scripts/setup.sh (it runs npm ci there)"
  exit 1
fi
exec node "$here/session.js" "$@"

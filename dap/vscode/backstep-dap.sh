#!/bin/sh
# What VS Code runs for a "backstep" debug session (package.json's "program"):
# the adapter named by $BACKSTEP_DAP, else the one built in the source tree
# this folder belongs to (dap/vscode -> build/backstep-dap, when the folder is
# symlinked into ~/.vscode/extensions), else backstep-dap on PATH.
here=$(dirname "$(readlink -f "$0")")
for adapter in "${BACKSTEP_DAP:-}" "$here/../../build/backstep-dap"; do
  if [ -n "$adapter" ] && [ -x "$adapter" ]; then
    exec "$adapter" "$@"
  fi
done
exec backstep-dap "$@"

#!/usr/bin/env bash
# Runs ../shared/acceptance/cli_contract.sh when it is there; skips (77) with a message when not.
script=$1 cli=$2
if [ ! -f "$script" ]; then
  echo "SKIP: $script not found (the shared acceptance scenarios live beside the project)"
  exit 77
fi
exec bash "$script" "$cli"

#!/usr/bin/env bash
# Installs the Debian 12 packages Dermaplan needs to build, run and test, and nothing else.
# Safe to re-run: packages already present are skipped, and apt is not touched when none is missing.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config python3
  # Qt 6 (Qt Charts' CMake config needs Qt6OpenGL when recommends are off)
  qt6-base-dev libqt6opengl6-dev libqt6sql6-sqlite qt6-charts-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  # tests and benchmarks
  libical-dev libsqlite3-dev
  libgtest-dev libgmock-dev libbenchmark-dev sqlite3 python3-icalendar
  # fault injection in tests (strace -e inject=...)
  strace
  # the benchmark's start-up timer (scripts/bench.sh)
  libxcb1-dev
  # the fuzz preset: clang with libFuzzer
  clang libclang-rt-14-dev
  # looking at the app and its printouts headless
  xvfb xauth poppler-utils desktop-file-utils appstream imagemagick xdotool
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup-deps: installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "setup-deps: missing packages (${missing[*]}) and neither root nor sudo is available" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"

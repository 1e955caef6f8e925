#!/usr/bin/env bash
# Installs into a temporary prefix and validates the desktop file and the AppStream metainfo.
set -eu
build=$1
prefix=$(mktemp -d); trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/dermaplan bin/dermaplan-cli share/applications/io.github.dermaplan.Dermaplan.desktop \
         share/icons/hicolor/scalable/apps/io.github.dermaplan.Dermaplan.svg \
         share/metainfo/io.github.dermaplan.Dermaplan.metainfo.xml; do
  [ -f "$prefix/$f" ] || { echo "FAIL: $f not installed"; exit 1; }
done
desktop-file-validate "$prefix/share/applications/io.github.dermaplan.Dermaplan.desktop"
appstreamcli validate --no-net "$prefix/share/metainfo/io.github.dermaplan.Dermaplan.metainfo.xml"
echo "1 passed, 0 failed"

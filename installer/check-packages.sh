#!/usr/bin/env bash
# Builds the Debian packages with CPack from a finished build tree and checks their contents and metadata.
set -euo pipefail
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$build"
cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1 || { cat "$out/cpack.log"; exit 1; }

console=$(ls "$out"/trellis_*.deb)
server=$(ls "$out"/trellisd_*.deb)
fail=0
expect() { # package, path
  if ! dpkg-deb -c "$1" | awk '{print $6}' | grep -qx "$2"; then
    echo "FAIL: $(basename "$1") lacks $2"; fail=1
  fi
}
expect "$console" ./usr/bin/trellis
expect "$console" ./usr/share/applications/trellis.desktop
expect "$console" ./usr/share/icons/hicolor/scalable/apps/trellis.svg
expect "$console" ./usr/share/metainfo/example.trellis.metainfo.xml
expect "$server" ./usr/bin/trellisd
expect "$server" ./usr/lib/systemd/system/trellisd.service
expect "$server" ./etc/default/trellisd
dpkg-deb -f "$console" Depends | grep -q 'trellisd' || { echo "FAIL: console package does not depend on trellisd"; fail=1; }
dpkg-deb -f "$server" Depends | grep -q 'libqt6sql6-sqlite' || { echo "FAIL: server package lacks libqt6sql6-sqlite"; fail=1; }
dpkg-deb -f "$console" Depends | grep -q 'libqt6widgets6' || { echo "FAIL: console shlibdeps missing Qt Widgets"; fail=1; }
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$(dirname "$0")/trellis.desktop" || fail=1
fi
dpkg-deb -I "$server" conffiles | grep -qx /etc/default/trellisd || { echo "FAIL: /etc/default/trellisd is not a conffile"; fail=1; }
if ((fail)); then exit 1; fi
echo "packages ok: $(basename "$console") $(basename "$server")"

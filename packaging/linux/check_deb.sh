#!/usr/bin/env bash
# Installs the .deb on this machine (as root), validates the installed desktop and AppStream files,
# and starts the installed launcher offscreen on its sandbox until its window shows rows.
# Usage: packaging/linux/check_deb.sh dist/lms365-desktop_<version>_<arch>.deb
set -euo pipefail
DEB=${1:?the .deb to check}
APP_ID=org.lms365desktop.LMS365Desktop
apt-get install -y --no-install-recommends "./$DEB" >/dev/null 2>&1 || { dpkg -i "$DEB"; }
dpkg -s lms365-desktop | grep -E '^(Status|Version):'
desktop-file-validate "/usr/share/applications/$APP_ID.desktop" && echo "desktop-file-validate: clean"
# --no-net: this machine reaches no web site, so the URLs are checked for form only.
appstreamcli validate --no-net "/usr/share/metainfo/$APP_ID.metainfo.xml"
for size in 16 24 32 48 64 128 256 512; do
  test -f "/usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
echo "icons: hicolor 16-512 and scalable installed"
HOME_DIR=$(mktemp -d)
trap 'rm -rf "$HOME_DIR"' EXIT
LOG="$HOME_DIR/state/lms365-desktop/log/lms365-desktop.log"
env -i PATH=/usr/bin:/bin HOME="$HOME_DIR" XDG_STATE_HOME="$HOME_DIR/state" XDG_DATA_HOME="$HOME_DIR/data" \
  XDG_CONFIG_HOME="$HOME_DIR/config" QT_QPA_PLATFORM=offscreen lms365-desktop --sandbox >"$HOME_DIR/out.txt" 2>&1 &
PID=$!
for _ in $(seq 1 600); do
  grep -q "window ready" "$LOG" 2>/dev/null && break
  kill -0 "$PID" 2>/dev/null || { cat "$HOME_DIR/out.txt"; echo "the launcher exited early" >&2; exit 1; }
  sleep 0.2
done
grep "window ready" "$LOG" || { echo "the launcher showed no rows in 120 s" >&2; kill "$PID"; exit 1; }
kill -TERM "$PID"
wait "$PID" && echo "launcher: started on its sandbox, showed rows, exit 0 on SIGTERM"

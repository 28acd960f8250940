#!/usr/bin/env bash
# Builds "dist/LMS365 Desktop.app" and dist/lms365-desktop-<version>.dmg on a Mac (hdiutil is macOS-only).
#   packaging/macos/build_dmg.sh            (PYTHON=python3.12 to choose the interpreter)
# Signing needs the publisher's Developer ID: set CODESIGN_IDENTITY to sign before the image is made.
set -euo pipefail
cd "$(dirname "$0")/../.."
"${PYTHON:-python3}" packaging/build_bundle.py  # makes build/icons/lms365-desktop.icns, then the .app
APP="dist/LMS365 Desktop.app"
test -d "$APP" || { echo "no $APP: the macOS spec builds it" >&2; exit 1; }
VERSION=$(build/bundle-venv/bin/python -c 'from importlib.metadata import version; print(version("lms365-desktop"))')
if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --deep --force --options runtime --sign "$CODESIGN_IDENTITY" "$APP"
fi
STAGE=build/dmg
rm -rf "$STAGE" && mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"  # drag the app onto it to install
DMG="dist/lms365-desktop-$VERSION.dmg"
rm -f "$DMG"
hdiutil create -volname "LMS365 Desktop $VERSION" -srcfolder "$STAGE" -ov -format UDZO "$DMG"
echo "Disk image: $DMG"

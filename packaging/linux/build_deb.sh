#!/usr/bin/env bash
# Builds dist/lms365-desktop_<version>_<arch>.deb from the bundle (make bundle first): the bundle in
# /opt/lms365-desktop, a launcher in /usr/bin, the desktop file, the AppStream metainfo and the icon
# at the hicolor sizes. Usage: packaging/linux/build_deb.sh BUNDLE_PYTHON
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON=${1:?the bundle venv python, which has PySide6 for the icons}
APP_ID=org.lms365desktop.LMS365Desktop
BUNDLE=dist/lms365-desktop
test -x "$BUNDLE/lms365-desktop" || { echo "no bundle in $BUNDLE: run make bundle" >&2; exit 1; }
VERSION=$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
ARCH=$(dpkg --print-architecture)
STAGE=build/deb/root
rm -rf build/deb && mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" \
  "$STAGE/usr/share/applications" "$STAGE/usr/share/metainfo" "$STAGE/usr/share/icons"

cp -a "$BUNDLE" "$STAGE/opt/lms365-desktop"
# A script, not a symlink: the bundle finds its _internal folder beside the real executable.
cat > "$STAGE/usr/bin/lms365-desktop" <<'LAUNCHER'
#!/bin/sh
exec /opt/lms365-desktop/lms365-desktop "$@"
LAUNCHER
chmod 755 "$STAGE/usr/bin/lms365-desktop"
install -m 644 "resources/$APP_ID.desktop" "$STAGE/usr/share/applications/$APP_ID.desktop"
install -m 644 "resources/$APP_ID.metainfo.xml" "$STAGE/usr/share/metainfo/$APP_ID.metainfo.xml"
"$PYTHON" packaging/make_icons.py build/icons >/dev/null
cp -r build/icons/hicolor "$STAGE/usr/share/icons/hicolor"
find "$STAGE/usr" -type f -exec chmod 644 {} + && chmod 755 "$STAGE/usr/bin/lms365-desktop"

# What the bundle links to but does not carry (ldd of its Qt platform plugins on Debian 12).
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: lms365-desktop
Version: $VERSION
Architecture: $ARCH
Maintainer: The LMS365 Desktop developers <maintainers@lms365desktop.invalid>
Installed-Size: $(du -sk "$STAGE" | cut -f1)
Depends: libc6 (>= 2.36), libxcb-icccm4, libxcb-keysyms1, libwayland-cursor0, libwayland-egl1, libegl1, libfontconfig1, fonts-dejavu-core | fonts-liberation2
Recommends: gnome-keyring | kwalletmanager
Section: education
Priority: optional
Homepage: https://github.com/lms365-desktop/lms365-desktop
Description: Desktop application for LMS365 training coordinators
 Browse and manage LMS365 (Learn365) catalogs, courses, sessions, users and
 enrollments; approve and complete enrollments in bulk; upload certificates;
 follow a live feed of LMS events; explore the OData API. Ships an embedded
 LMS365 sandbox with demo data, so it can be tried without a tenant.
CONTROL
cat > "$STAGE/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
  command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
fi
POSTINST
cp "$STAGE/DEBIAN/postinst" "$STAGE/DEBIAN/postrm"
chmod 755 "$STAGE/DEBIAN/postinst" "$STAGE/DEBIAN/postrm"
DEB="dist/lms365-desktop_${VERSION}_${ARCH}.deb"
# gzip: xz took 3.5 min for the 200 MB bundle on two busy cores, gzip a fraction of that.
dpkg-deb --root-owner-group -Zgzip -z6 --build "$STAGE" "$DEB" >/dev/null
echo "Debian package: $DEB ($(du -h "$DEB" | cut -f1))"

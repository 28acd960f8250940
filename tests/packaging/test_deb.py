"""The .deb of the bundle holds the launcher, a valid desktop file and metainfo, and the icon at every size."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.conftest import ROOT

APP_ID = "org.lms365desktop.LMS365Desktop"

pytestmark = [pytest.mark.bundle, pytest.mark.slow,
              pytest.mark.skipif(sys.platform != "linux" or shutil.which("dpkg-deb") is None,
                                 reason="Debian packages are built on Debian-like systems")]


@pytest.mark.timeout(1800)
def test_the_deb_installs_launcher_desktop_file_metainfo_and_icons(bundle, tmp_path):
    built = subprocess.run(["packaging/linux/build_deb.sh", str(ROOT / "build" / "bundle-venv" / "bin" / "python")],
                           cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr
    deb = ROOT / built.stdout.split("Debian package: ")[1].split(" ")[0]
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp_path)], check=True)
    fields = subprocess.run(["dpkg-deb", "-f", str(deb), "Package", "Version", "Depends"], check=True,
                            capture_output=True, text=True).stdout
    assert "Package: lms365-desktop" in fields and "libxcb-icccm4" in fields

    launcher = tmp_path / "usr" / "bin" / "lms365-desktop"
    assert "exec /opt/lms365-desktop/lms365-desktop" in launcher.read_text()
    assert (tmp_path / "opt" / "lms365-desktop" / "_internal" / "lms365_desktop" / "resources" / "icons"
            / "app.svg").exists()
    desktop = tmp_path / "usr" / "share" / "applications" / f"{APP_ID}.desktop"
    checked = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    assert checked.returncode == 0 and checked.stdout.strip() == "", checked.stdout + checked.stderr
    assert "Categories=Education;Qt;" in desktop.read_text() and f"Icon={APP_ID}" in desktop.read_text()
    metainfo = tmp_path / "usr" / "share" / "metainfo" / f"{APP_ID}.metainfo.xml"
    # --no-net: the URLs are checked for form only (this machine reaches no web site).
    validated = subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True,
                               text=True)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "W:" not in validated.stdout and "E:" not in validated.stdout, validated.stdout
    text = metainfo.read_text()
    for tag in ("<releases>", "<url type=\"homepage\">", "<developer ", "<screenshot ", f"<launchable type=\"desktop-id\">{APP_ID}.desktop"):
        assert tag in text
    icons = tmp_path / "usr" / "share" / "icons" / "hicolor"
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", png
    assert (icons / "scalable" / "apps" / f"{APP_ID}.svg").exists()

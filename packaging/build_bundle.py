"""Builds the PyInstaller one-folder bundle from a clean, runtime-only environment, on any platform.

PyInstaller cannot follow an editable install (pyinstaller#7524): a bundle built from the dev
venv "succeeds" with no application code in it. So the bundle is built from its own venv
(build/bundle-venv) holding the runtime dependencies, PyInstaller, and a normal (non-editable)
install of the project, and the build fails when the package or its resources are not in it.

Usage: python packaging/build_bundle.py   (run with the Python the bundle should embed, >= 3.11)
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
VENV = BUILD / "bundle-venv"
DIST = ROOT / "dist"
NAME = "lms365-desktop"
PYINSTALLER = "pyinstaller>=6.3"
# Files the running app reads from its package: without them it starts with no icons, so their
# absence fails the build.
REQUIRED_DATA = ("resources/icons/app.svg", "resources/icons/course.svg")


def platform_spec() -> Path:
    kind = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
    return ROOT / "packaging" / "pyinstaller" / f"{NAME}-{kind}.spec"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def run(*args: str | os.PathLike, **kwargs) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], check=True, **kwargs)


def dependency_stamp() -> str:
    """What decides the venv's contents: the project's metadata and this script's pins."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(f"{sys.version}|{PYINSTALLER}".encode())
    return digest.hexdigest()


def ensure_venv() -> Path:
    """A venv with the runtime dependencies and PyInstaller, rebuilt only when pyproject.toml changes.

    The dependencies are the slow part (~1 min); the project itself is reinstalled on every build.
    """
    stamp = VENV / ".bundle-stamp"
    wanted = dependency_stamp()
    if stamp.exists() and stamp.read_text() == wanted and venv_python().exists():
        return venv_python()
    shutil.rmtree(VENV, ignore_errors=True)
    run(sys.executable, "-m", "venv", VENV)
    python = venv_python()
    run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip", "setuptools>=68", "wheel")
    # The runtime dependencies only (no [test] extra): pip resolves them from the project.
    run(python, "-m", "pip", "install", "--quiet", PYINSTALLER, str(ROOT))
    stamp.write_text(wanted)
    return python


def install_project(python: Path) -> None:
    """A normal, non-editable install of this checkout, replacing whatever was there."""
    wheels = BUILD / "bundle-wheel"
    shutil.rmtree(wheels, ignore_errors=True)
    # Build from a copy-free wheel: setuptools' build/ cache would otherwise keep deleted modules.
    shutil.rmtree(ROOT / "build" / "lib", ignore_errors=True)
    run(python, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", wheels, ROOT)
    wheel = next(wheels.glob("lms365_desktop-*.whl"))
    run(python, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", wheel)


def check_installed(python: Path) -> None:
    """Fail unless the venv imports the package from its own site-packages, resources included."""
    probe = (
        "import pathlib, sys, lms365_desktop, lms365_desktop.app\n"
        "p = pathlib.Path(lms365_desktop.__file__).resolve().parent\n"
        f"source = pathlib.Path({str(ROOT / 'lms365_desktop')!r}).resolve()\n"
        "sys.exit(f'imported from the source tree ({p}): an editable install') if p == source else None\n"
        f"missing = [d for d in {REQUIRED_DATA!r} if not (p / d).exists()]\n"
        "sys.exit(f'missing from the installed package: {missing}') if missing else print(p)\n"
    )
    # Run from outside the checkout, or the source tree on sys.path would answer the import.
    run(python, "-c", probe, cwd=BUILD)


def check_bundle(bundle: Path, python: Path) -> None:
    """Fail unless the bundle holds the application's code and its resources."""
    internal = bundle / "_internal"
    if sys.platform == "darwin" and not internal.exists():
        internal = bundle / "Contents" / "Frameworks"
    missing = [d for d in REQUIRED_DATA if not (internal / "lms365_desktop" / d).exists()]
    if missing:
        raise SystemExit(f"bundle check failed: {missing} not in {internal / 'lms365_desktop'}")
    executable = bundle / (NAME + (".exe" if os.name == "nt" else ""))
    if sys.platform == "darwin" and not executable.exists():
        executable = bundle / "Contents" / "MacOS" / NAME
    # The code lives in the PYZ archive inside the executable: list it and look for the modules.
    listing = subprocess.run(
        [str(python), "-c", _LIST_PYZ, str(executable)], check=True, capture_output=True, text=True
    ).stdout.split()
    needed = {"lms365_desktop.app", "lms365_desktop.ui.main_window", "lms365_desktop.sandbox.server",
              "lms365_desktop.core.connection", "lms365_desktop.api.client"}
    absent = sorted(needed - set(listing))
    if absent:
        raise SystemExit(f"bundle check failed: modules not in the bundle: {absent}")
    print(f"bundle check: {len([n for n in listing if n.startswith('lms365_desktop')])} application modules")


_LIST_PYZ = """
import sys
from PyInstaller.archive.readers import CArchiveReader
archive = CArchiveReader(sys.argv[1])
for name in archive.toc:
    if name.endswith('.pyz') or name == 'PYZ.pyz' or name.startswith('PYZ'):
        for module in archive.open_embedded_archive(name).toc:
            print(module)
"""


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main() -> int:
    if sys.version_info < (3, 11):
        raise SystemExit("Python 3.11 or newer is needed to build the bundle.")
    started = time.monotonic()
    BUILD.mkdir(exist_ok=True)
    python = ensure_venv()
    install_project(python)
    check_installed(python)
    # The Windows and macOS specs embed the .ico/.icns; Linux packages take the hicolor PNGs.
    run(python, ROOT / "packaging" / "make_icons.py", BUILD / "icons")
    spec = platform_spec()
    # No --clean: PyInstaller keeps its analysis of unchanged dependencies in build/pyinstaller,
    # which takes a rebuild from minutes to well under one.
    run(python, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", DIST, "--workpath", BUILD / "pyinstaller", spec, cwd=ROOT)
    bundle = DIST / (f"{NAME}.app" if sys.platform == "darwin" else NAME)
    check_bundle(DIST / NAME if (DIST / NAME).exists() else bundle, python)
    size = folder_size(DIST / NAME if (DIST / NAME).exists() else bundle)
    print(f"Bundle: {DIST / NAME} — {size / 1e6:.0f} MB ({size} bytes), built in "
          f"{time.monotonic() - started:.0f} s with Python {sysconfig.get_python_version()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

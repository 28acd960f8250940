"""What every platform's PyInstaller spec shares: the entry, the package's data, and what to leave out."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NAME = "lms365-desktop"
ENTRY = str(ROOT / "packaging" / "launch.py")

# Qt modules the application never imports (QtCharts, and the QtOpenGL/QtOpenGLWidgets it links
# against, are used: the reports draw with them; everything else PySide6-Addons brings stays out). PyInstaller's PySide6 hooks already follow imports,
# but a dependency (or a `from PySide6 import *` somewhere) can drag these in with their plugins
# and libraries (QtQuick/QtQml alone are ~40 MB); a test of the bundle starts it, so a module
# that is really needed fails there, not at a user's desk.
QT_EXCLUDES = [
    f"PySide6.{module}" for module in (
        "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender", "QtBluetooth",
        "QtConcurrent", "QtDataVisualization", "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp",
        "QtHttpServer", "QtLocation", "QtMultimedia", "QtMultimediaWidgets", "QtNfc", "QtPdf", "QtPdfWidgets", "QtPositioning", "QtPrintSupport", "QtQml", "QtQuick",
        "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml",
        "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine",
        "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore",
        "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
    )
]
# Test and build tools, and standard-library parts the app does not use.
PYTHON_EXCLUDES = ["tkinter", "_tkinter", "unittest", "pydoc_data", "lib2to3", "pytest", "_pytest",
                   "hypothesis", "schemathesis", "IPython", "setuptools", "pip", "PyInstaller"]
EXCLUDES = QT_EXCLUDES + PYTHON_EXCLUDES

# Qt plugins, by path fragment, that no part of the app loads: image formats beyond SVG, GIF, ICO
# and the built-in PNG/JPEG; the embedded-device platforms (eglfs, linuxfb, vnc...) and their input
# plugins (the app runs on xcb, wayland, windows, cocoa or offscreen); OpenGL integrations (every
# widget paints in software); the GTK 3 platform theme, which alone pulled in cairo, pango, atk and
# gdk-pixbuf; and the TLS/network-information backends of QtNetwork (httpx does the HTTP).
UNUSED_PLUGIN_PARTS = (
    "imageformats/libqtiff", "imageformats/libqwebp", "imageformats/libqtga", "imageformats/libqwbmp",
    "imageformats/libqicns", "imageformats/libqpdf", "imageformats/qtiff", "imageformats/qwebp",
    "imageformats/qtga", "imageformats/qwbmp", "imageformats/qicns", "imageformats/qpdf",
    "platforms/libqeglfs", "platforms/libqlinuxfb", "platforms/libqminimal", "platforms/libqvnc",
    "platforms/libqvkkhrdisplay", "/egldeviceintegrations/", "/generic/", "/xcbglintegrations/",
    "platformthemes/libqgtk3", "/tls/", "/networkinformation/", "/sqldrivers/", "/multimedia/", "/position/",
    "/qmltooling/", "/virtualkeyboard/", "/designer/",
    # PySide6-Addons' plugins (3D, sensors, speech, maps, CAN bus, web view, ...): no part of the app loads them.
    "/assetimporters/", "/canbus/", "/geometryloaders/", "/geoservices/", "/qmllint/", "/renderers/",
    "/renderplugins/", "/sceneparsers/", "/scxmldatamodel/", "/sensors/", "/texttospeech/", "/webview/",
    "/wayland-graphics-integration-server/", "/printsupport/",
    # The on-screen keyboard's input context is a Qt Quick scene: it alone pulled in Qml and Quick (~40 MB).
    "platforminputcontexts/libqtvirtualkeyboardplugin", "platforminputcontexts/qtvirtualkeyboardplugin",
)
# Libraries only those plugins needed (PyInstaller collects a plugin's libraries as separate entries).
UNUSED_LIBRARY_PREFIXES = (
    "libQt6EglFSDeviceIntegration", "libQt6EglFsKmsSupport", "libatk-1.0", "libcairo", "libpango",
    "libgdk_pixbuf", "libgdk-3", "libgtk-3", "libpixman", "libthai", "libdatrie", "libfribidi", "libepoxy",
    "libQt6VirtualKeyboard", "libQt6Quick", "libQt6Qml",
)


def package_data() -> list[tuple[str, str]]:
    """The package's own resources (icons, translations) at the same place inside the bundle.

    Its distribution metadata too: the app reads its version from there (importlib.metadata).
    """
    from PyInstaller.utils.hooks import collect_data_files, copy_metadata

    return collect_data_files("lms365_desktop", excludes=["**/__pycache__"]) + copy_metadata("lms365-desktop")


def hidden_imports() -> list[str]:
    """Every module of the package: app.py imports panes by name (importlib), which analysis cannot see."""
    from PyInstaller.utils.hooks import collect_submodules

    return collect_submodules("lms365_desktop")


def drop_unused(toc):
    """The binaries/datas TOC without the unused Qt plugins and the libraries only they needed."""
    kept = []
    for entry in toc:
        dest = entry[0].replace("\\", "/")
        if "PySide6" in dest and any(part in dest for part in UNUSED_PLUGIN_PARTS):
            continue
        if dest.rsplit("/", 1)[-1].startswith(UNUSED_LIBRARY_PREFIXES):
            continue
        kept.append(entry)
    return kept

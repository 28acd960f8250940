"""Starts the real app (or a bare PySide6 window) and reports when its first window is shown.

    python -m tests.e2e.start_driver app [app flags...]   -> SHOWN <s>, then READY <pane rows> and exit
    python -m tests.e2e.start_driver first [app flags...] -> SHOWN <s> for the app's window and exit
    python -m tests.e2e.start_driver bare                 -> SHOWN <s> and exit

Seconds are counted from the process start (as the OS records it), so imports count too.
"""
from __future__ import annotations

import os
import sys
import time

import psutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
STARTED = psutil.Process().create_time()


def since_start() -> float:
    return time.time() - STARTED


def bare() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])

    class Watch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Show and isinstance(obj, QMainWindow):
                print(f"SHOWN {since_start():.4f}", flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    watch = Watch()
    app.installEventFilter(watch)
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.show()
    return app.exec()


def real_app(flags: list[str], *, exit_when_shown: bool = False) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    from lms365_desktop import app as desktop

    qt_app = QApplication([sys.argv[0]])
    shown: list[QMainWindow] = []

    class Watch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Show and isinstance(obj, QMainWindow) and obj.objectName() == "mainWindow" and not shown:
                shown.append(obj)
                print(f"SHOWN {since_start():.4f}", flush=True)
                if exit_when_shown:
                    os._exit(0)
            return False

    def poll() -> None:
        if not shown:
            return
        window = shown[0]
        pane = window.current_pane()
        model = getattr(pane, "model", None)
        if "Connected to" in window.connection_label.text() and model is not None and model.loaded_count and not model.loading:
            print(f"READY {model.loaded_count} {window.connection_label.text()}", flush=True)
            timer.stop()
            window.close()

    watch = Watch()
    qt_app.installEventFilter(watch)
    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(50)
    return desktop.main(flags)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "bare":
        raise SystemExit(bare())
    raise SystemExit(real_app(sys.argv[2:], exit_when_shown=mode == "first"))

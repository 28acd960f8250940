"""PySide6 6.12.0 on Python 3.11 aborts after a few hundred Signal.emit() calls: guard against it."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    class Emitter(QObject):
        happened = Signal(bool)

    app = QCoreApplication([])
    emitter = Emitter()
    received = []
    emitter.happened.connect(received.append)
    for i in range(20_000):
        emitter.happened.emit(i % 2 == 0)
    assert len(received) == 20_000, len(received)
    print("ok", len(received))
    """
)


def test_twenty_thousand_emits_do_not_crash():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "ok 20000" in proc.stdout

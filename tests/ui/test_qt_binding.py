"""The installed Qt binding must not leak references to None/True (PySide6 6.12.0 did).

On CPython 3.11 None and True are ordinary objects: a binding that drops one
reference per call aborts the whole app ("Fatal Python error: bool_dealloc")
after enough timer ticks and signals, i.e. in the middle of a meeting.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


class _Emitter(QObject):
    fired = Signal()


def test_void_calls_and_emits_keep_the_reference_counts_of_none_and_true(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    emitter = _Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        label.setText("tick")
        emitter.fired.emit()
    # Immortal objects (3.12+) report a constant count; 3.11 must come back level.
    assert abs(sys.getrefcount(None) - none_before) < 50
    assert abs(sys.getrefcount(True) - true_before) < 50

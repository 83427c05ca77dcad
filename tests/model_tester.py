"""Qt's own checker of item models, for every model a list or table of the app shows.

    tester = model_tester(model)          # then change the model as the tool does
    assert_model_sound(qtlog)             # nothing Qt's checker complained about

`QAbstractItemModelTester` watches every signal the model sends and checks it against what
the model then answers (row counts, indexes, parents, data types); in Warning mode it says
what is wrong as a Qt warning, which pytest-qt's `qtlog` records.
"""

from __future__ import annotations

from PySide6.QtCore import QtMsgType
from PySide6.QtTest import QAbstractItemModelTester


def model_tester(model) -> QAbstractItemModelTester:
    return QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)


def assert_model_sound(qtlog) -> None:
    complaints = [
        r.message
        for r in qtlog.records
        if r.type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        and "propagateSizeHints" not in r.message
    ]
    assert complaints == []

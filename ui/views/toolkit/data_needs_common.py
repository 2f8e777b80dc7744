"""What the data-needs tab, its team lists and the meeting panel share."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QTableView

from alignmeet.domain.data_needs import Comparison
from ui.models.data_needs_model import BOTH_MARK
from ui.record_table import record_table
from ui.widgets import plain_label

AREA = "data_needs"


def data_needs_table(model: object, name: str) -> QTableView:
    """A record table without alternating rows (the overlap is tinted instead)."""
    return record_table(model, name, alternating=False)  # type: ignore[arg-type]


def describe(comparison: Comparison) -> str:
    """ "4 on both lists · 4 only Sales · 4 only Marketing." """
    both = QCoreApplication.translate("DataNeedsView", "{count} on both lists")
    only = QCoreApplication.translate("DataNeedsView", "{count} only {team}")
    parts = [both.format(count=len(comparison.shared))]
    parts += [
        only.format(count=len(comparison.only_for(tid)), team=name)
        for tid, name in comparison.teams
    ]
    return " · ".join(parts) + "."


def legend() -> QLabel:
    text = QCoreApplication.translate(
        "DataNeedsView", "{mark} tinted: on both teams' lists (the overlap)"
    )
    label = plain_label(text.format(mark=BOTH_MARK.strip()))
    label.setObjectName("DataNeedsLegend")
    return label

"""Items the data proposes for a meeting's agenda, and what the facilitator did with them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont

from alignmeet.domain.accountability import Proposal, ProposalState
from ui.colors import color
from ui.core_labels import label
from ui.models.columns import text_column
from ui.models.record_table_model import Column, RecordTableModel

COL_KIND, COL_TITLE, COL_REASON, COL_STATE = range(4)

_STATES = {
    ProposalState.OPEN: QT_TRANSLATE_NOOP("ProposalsModel", "Proposed"),
    ProposalState.ACCEPTED: QT_TRANSLATE_NOOP("ProposalsModel", "On the agenda"),
    ProposalState.DISMISSED: QT_TRANSLATE_NOOP("ProposalsModel", "Dismissed"),
}


def state_text(proposal: Proposal) -> str:
    return QCoreApplication.translate("ProposalsModel", _STATES[proposal.state])


class ProposalsModel(RecordTableModel[Proposal]):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "Why"), lambda p: label(p.kind.label)),
        text_column(QT_TRANSLATE_NOOP("Columns", "Proposed item"), lambda p: p.title),
        text_column(QT_TRANSLATE_NOOP("Columns", "Details"), lambda p: p.reason),
        Column(QT_TRANSLATE_NOOP("Columns", "Decision"), state_text),
    )

    def extra_data(self, record: Proposal, column: int, role: int) -> Any:
        if record.state is not ProposalState.OPEN and role == Qt.ItemDataRole.ForegroundRole:
            return color("muted")
        open_title = record.state is ProposalState.OPEN and column == COL_TITLE
        if open_title and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

"""The alignment toolkit's screens: one tab per feature on the Alignment page, and the
panels the Run meeting page shows beside an agenda item of a toolkit kind.

Modules load on first use (start-up stays inside QUALITY.md's bar).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from alignmeet.domain.enums import ItemKind

# key (as in alignmeet.services.TOOLKIT), tab label, module, class(controller, parent=None).
# Labels are translated where the tabs are built (context "AlignmentPage").
TABS: tuple[tuple[str, str, str, str], ...] = (
    (
        "goals",
        QT_TRANSLATE_NOOP("AlignmentPage", "Goals && KPIs"),
        "ui.views.toolkit.goals_view",
        "GoalsView",
    ),
    (
        "glossary",
        QT_TRANSLATE_NOOP("AlignmentPage", "Glossary"),
        "ui.views.toolkit.glossary_view",
        "GlossaryView",
    ),
    (
        "personas",
        QT_TRANSLATE_NOOP("AlignmentPage", "Personas"),
        "ui.views.toolkit.personas_view",
        "PersonasView",
    ),
    (
        "data_needs",
        QT_TRANSLATE_NOOP("AlignmentPage", "Data needs"),
        "ui.views.toolkit.data_needs_view",
        "DataNeedsView",
    ),
    (
        "lead_feedback",
        QT_TRANSLATE_NOOP("AlignmentPage", "Lead feedback"),
        "ui.views.toolkit.lead_feedback_view",
        "LeadFeedbackView",
    ),
    (
        "coaching",
        QT_TRANSLATE_NOOP("AlignmentPage", "Coaching pairs"),
        "ui.views.toolkit.coaching_view",
        "CoachingView",
    ),
    (
        "board",
        QT_TRANSLATE_NOOP("AlignmentPage", "Wins && lessons"),
        "ui.views.toolkit.board_view",
        "BoardView",
    ),
    (
        "channels",
        QT_TRANSLATE_NOOP("AlignmentPage", "Channels"),
        "ui.views.toolkit.channels_view",
        "ChannelsView",
    ),
)

# Agenda item kind -> (module, class(controller, *, meeting_id, item_id, parent=None)):
# shown beside the item while the meeting runs.
PANELS: dict[ItemKind, tuple[str, str]] = {
    ItemKind.KPI_REVIEW: ("ui.views.toolkit.goals_review_panel", "KpiReviewPanel"),
    ItemKind.GLOSSARY: ("ui.views.toolkit.glossary_panel", "GlossaryPanel"),
    ItemKind.LEAD_FEEDBACK: ("ui.views.toolkit.lead_feedback_panel", "LeadFeedbackPanel"),
    ItemKind.DATA_NEEDS: ("ui.views.toolkit.data_needs_panel", "DataNeedsPanel"),
    ItemKind.WINS_LESSONS: ("ui.views.toolkit.board_panel", "BoardPanel"),
}


def load(module: str, name: str) -> Any:
    return getattr(import_module(module), name)

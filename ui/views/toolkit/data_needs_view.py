"""Data needs Top 10: each team's ranked list side by side with the overlap marked, the
joint Top 10 and its progress (Alignment page), and the panel a running meeting uses to
agree the joint list with an owner per item.

A team's list is `data_needs_ranking`, the meeting panel `data_needs_panel`; both are
offered here too."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.data_needs import TeamRanking
from alignmeet.domain.rules import MAX_TITLE, ValidationError
from ui.controller import Controller
from ui.models.data_needs_model import JointTopModel
from ui.models.plural import plural
from ui.record_table import record_table
from ui.undo import Step, step
from ui.views.toolkit.common import card as _card
from ui.views.toolkit.common import follow_area
from ui.views.toolkit.data_needs_common import AREA, describe, legend
from ui.views.toolkit.data_needs_panel import DataNeedsPanel, JointRow
from ui.views.toolkit.data_needs_ranking import TeamRankingPanel
from ui.widgets import FieldError, plain_label, section_heading

__all__ = [
    "DataNeedsPanel",
    "DataNeedsView",
    "JointRow",
    "TeamRankingPanel",
    "describe",
    "legend",
]


class DataNeedsView(QWidget):
    """Both teams' lists side by side (overlap marked), adding needs, and the joint Top 10."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.team_panels: list[TeamRankingPanel] = []

        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(
            self.tr("A data need, e.g. “Lead source per opportunity”")
        )
        self.title_edit.setAccessibleName(self.tr("New data need"))
        self.title_edit.setMaxLength(MAX_TITLE)
        self.title_edit.returnPressed.connect(self._on_add_need_clicked)
        self.add_need_button = QPushButton(self.tr("Add data need"))
        self.add_need_button.clicked.connect(self._on_add_need_clicked)
        self.title_error = FieldError()
        self.summary_label = plain_label(wrap=True)

        top = QHBoxLayout()
        top.addWidget(self.title_edit, 1)
        top.addWidget(self.add_need_button)
        top.addSpacing(16)
        top.addWidget(legend())

        self.teams_row = QHBoxLayout()
        self.teams_row.setSpacing(16)

        self.joint_model = JointTopModel(self)
        self.joint_table = record_table(
            self.joint_model,
            self.tr("Joint Top 10"),
            resize=QHeaderView.ResizeMode.ResizeToContents,
            stretch=1,
            alternating=False,
        )
        self.joint_label = plain_label(wrap=True)
        joint_card, joint_layout = _card()
        joint_top = QHBoxLayout()
        joint_top.addWidget(section_heading(self.tr("Joint Top 10")))
        joint_top.addWidget(self.joint_label, 1)
        joint_layout.addLayout(joint_top)
        joint_layout.addWidget(self.joint_table, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.title_error)
        layout.addWidget(self.summary_label)
        layout.addLayout(self.teams_row, 3)
        layout.addWidget(joint_card, 2)

        follow_area(
            self,
            controller,
            AREA,
            controller.teams_changed,
            controller.members_changed,
            controller.actions_changed,
        )
        self.refresh()

    def refresh(self) -> None:
        service = self.controller.services.data_needs
        rankings = service.rankings()
        needs = service.list_needs()
        self._ensure_panels(rankings)
        for panel, ranking in zip(self.team_panels, rankings, strict=True):
            panel.set_data(ranking, needs)
        comparison = service.overlap()
        count = plural(self.tr("%n data need(s)", "", len(needs)), len(needs))
        self.summary_label.setText(f"{count} · {describe(comparison)}")
        joint = service.joint_top10()
        self.joint_model.set_rows(joint)
        if joint:
            meetings = {n.meeting_id for n in joint}
            done = sum(1 for n in joint if n.status is not None and not n.status.is_open)
            where = ""
            if len(meetings) == 1 and None not in meetings:
                meeting_id = meetings.pop()
                assert meeting_id is not None
                meeting = self.controller.services.meetings.get_meeting(meeting_id)
                where = self.tr("Agreed in “{meeting}”. ").format(meeting=meeting.title)
            self.joint_label.setText(
                where
                + self.tr(
                    "{done} of {total} closed; each item is tracked as a joint action."
                ).format(done=done, total=len(joint))
            )
        else:
            self.joint_label.setText(
                self.tr(
                    "Not agreed yet: add a “Data-needs ranking” item to a meeting's agenda and "
                    "agree it there."
                )
            )

    def _ensure_panels(self, rankings: list[TeamRanking]) -> None:
        wanted = [(r.team_id, r.team_name) for r in rankings]
        if [(p.team_id, p.team_name) for p in self.team_panels] == wanted:
            return
        for panel in self.team_panels:
            self.teams_row.removeWidget(panel)
            panel.deleteLater()
        self.team_panels = [TeamRankingPanel(self.controller, tid, name) for tid, name in wanted]
        for panel in self.team_panels:
            self.teams_row.addWidget(panel, 1)

    def _on_add_need_clicked(self) -> None:
        self.title_error.clear_error()
        try:
            title = self.title_edit.text()
            need = self.controller.perform(
                step(Step.NEW_DATA_NEED), lambda s: s.data_needs.add_need(title=title)
            )
        except ValidationError as exc:
            self.title_error.show_error(exc.message, self.title_edit)
            return
        self.title_edit.clear()
        self.summary_label.setText(
            self.tr("Added “{title}”. Add it to a team's list with “Add to list”.").format(
                title=need.title
            )
        )

"""The team balance strip of the follow-ups page: "Sales 12 open · 3 overdue · 40 done"
per team, under the current filters whatever the status filter."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from alignmeet.domain.enums import TeamTag
from alignmeet.domain.records import TeamBalance
from ui.colors import shade
from ui.core_labels import label
from ui.views.phases import format_number
from ui.widgets import plain_label

TEAMS = (TeamTag.SALES, TeamTag.MARKETING, TeamTag.JOINT)
# On the strip, not the page: a style sheet on a widget makes Qt style every widget under
# it again when it joins the window (on the page: all 150 of them, on every open).
STRIP_STYLE = (
    "QFrame#BalanceChip { border: 1px solid palette(mid); border-radius: 9px;"
    " background: palette(base); }"
)


def balance_text(balance: TeamBalance) -> str:
    """ "12 open · 3 overdue · 40 done"."""
    return QCoreApplication.translate(
        "FollowUpsView", "{open} open · {overdue} overdue · {done} done"
    ).format(
        open=format_number(balance.open),
        overdue=format_number(balance.overdue),
        done=format_number(balance.done),
    )


class TeamBalanceStrip(QWidget):
    """One chip per team (objectName "BalanceChip"), each with its open, overdue and done
    counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._last_balance: list[TeamBalance] = []
        self.chips: dict[TeamTag, QFrame] = {}
        self.open_labels: dict[TeamTag, QLabel] = {}
        self.late_labels: dict[TeamTag, QLabel] = {}
        self.done_labels: dict[TeamTag, QLabel] = {}
        self.setStyleSheet(STRIP_STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for tag in TEAMS:
            self.chips[tag] = self._chip(tag)
            layout.addWidget(self.chips[tag])
        layout.addStretch(1)

    def _chip(self, tag: TeamTag) -> QFrame:
        chip = QFrame()
        chip.setObjectName("BalanceChip")
        chip_layout = QHBoxLayout(chip)
        chip_layout.setContentsMargins(9, 2, 9, 2)
        chip_layout.setSpacing(4)
        name = plain_label(label(tag), object_name="BalanceTeam")
        chip_font = name.font()
        chip_font.setPointSizeF(max(1.0, chip_font.pointSizeF() * 0.92))
        bold = QFont(chip_font)
        bold.setBold(True)
        name.setFont(bold)
        chip_layout.addWidget(name)
        for store, object_name in (
            (self.open_labels, "BalanceOpen"),
            (self.late_labels, "BalanceLate"),
            (self.done_labels, "BalanceDone"),
        ):
            value = plain_label("", object_name=object_name)
            value.setFont(chip_font)
            store[tag] = value
            chip_layout.addWidget(value)
        return chip

    def show_balance(self, balance: list[TeamBalance]) -> None:
        self._last_balance = balance
        for item in balance:
            tag = item.team_tag
            self.open_labels[tag].setText(
                self.tr("{count} open").format(count=format_number(item.open))
            )
            late = self.late_labels[tag]
            late.setText(self.tr("· {count} overdue").format(count=format_number(item.overdue)))
            late.setStyleSheet(f"color: {shade('bad')}; font-weight: 600;" if item.overdue else "")
            self.done_labels[tag].setText(
                self.tr("· {count} done").format(count=format_number(item.done))
            )
            self.chips[tag].setToolTip(
                self.tr(
                    "{team}: {open} open ({overdue} of them overdue), {done} done, {dropped}"
                    " dropped — under the current filters, whatever the status filter"
                ).format(
                    team=label(item.team_tag),
                    open=format_number(item.open),
                    overdue=format_number(item.overdue),
                    done=format_number(item.done),
                    dropped=format_number(item.dropped),
                )
            )

    def text(self) -> str:
        """ "Sales 12 open · 3 overdue · 40 done | Marketing … | Joint …"."""
        return " | ".join(f"{label(b.team_tag)} {balance_text(b)}" for b in self._last_balance)

"""How to join Room Link, on the room's screen: the QR code, the address and the 6-letter
code, large enough to scan and read from the back of the room.

Two sizes of one widget: beside the meeting's topic in the Open phase (`large=False`),
and the whole screen when the facilitator chooses "Show how to join" (`large=True`). Both
scale with the screen like the rest of the audience window: the QR code's side is a share
of the screen's height (at 1080p: 540 px beside the topic, 760 px on its own — on a
2.5 m wide projection about 0.7 m and 1 m, read by a phone's camera from 7 to 10 m).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import QBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from alignmeet.room import Room

QR_SHARE_SIDE = 0.5  # of the screen's height, beside the topic in the Open phase
QR_SHARE_FULL = 0.7  # of the screen's height, on the join screen
QR_SHARE_WIDTH = 0.42  # never wider than this share of the screen's width


@dataclass(frozen=True)
class JoinInfo:
    """What a phone needs to join: the QR's address (code included), the short address
    to type, and the code."""

    url: str
    address: str
    code: str


def join_info(room: Room | None) -> JoinInfo | None:
    """How to join `room` (None while no room is open, or it is closing)."""
    if room is None or room.stopping or not room.access.code:
        return None
    return JoinInfo(url=room.join_url, address=room.base_url.rstrip("/"), code=room.access.code)


def _qr(url: str, size: int) -> QPixmap:
    from ui.room_panel import room_qr_pixmap

    return room_qr_pixmap(url, size)


class AudienceJoin(QWidget):
    """The QR code with the address and the code beside or below it."""

    def __init__(self, parent: QWidget | None = None, *, large: bool = False) -> None:
        super().__init__(parent)
        self.large = large
        self.setObjectName("AudienceJoinScreen" if large else "AudienceJoin")
        self.join: JoinInfo | None = None
        self._qr_key: tuple[str, int] | None = None

        def text(name: str) -> QLabel:
            label = QLabel(self)
            label.setObjectName(name)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            return label

        self.heading = text("AudienceJoinHeading")
        self.heading.setText(self.tr("Join from your phone"))
        self.qr = QLabel(self)
        self.qr.setObjectName("AudienceJoinQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setAccessibleName(self.tr("QR code to join the meeting"))
        self.qr.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.address_caption = text("AudienceJoinCaption")
        self.address_caption.setText(self.tr("Scan the code, or open"))
        self.address = text("AudienceJoinAddress")
        self.address.setWordWrap(False)
        self.code_caption = text("AudienceJoinCaption")
        self.code_caption.setText(self.tr("and type the code"))
        self.code = text("AudienceJoinCode")
        self.code.setWordWrap(False)
        self.steps = text("AudienceJoinSteps")
        self.steps.setText(self.tr("Then pick your name; the facilitator lets you in."))
        self.steps.setVisible(large)
        self.heading.setWordWrap(not large)

        facts = QVBoxLayout()
        facts.setSpacing(4)
        if large:
            facts.addStretch(1)
            facts.addWidget(self.heading)
        for widget in (self.address_caption, self.address, self.code_caption, self.code):
            facts.addWidget(widget)
        facts.addWidget(self.steps)
        facts.addStretch(1)
        direction = QBoxLayout.Direction.LeftToRight if large else QBoxLayout.Direction.TopToBottom
        layout = QBoxLayout(direction, self)
        layout.setContentsMargins(0, 0, 0, 0)
        if large:  # the QR code and the words together, in the middle of the screen
            layout.addStretch(1)
        else:
            layout.addWidget(self.heading)
        layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addLayout(facts, 0 if large else 1)
        if large:
            layout.addStretch(1)

    def show_join(self, join: JoinInfo | None, *, width: int, height: int, body: float) -> None:
        """Show `join` sized for a window of `width`×`height` whose body text is `body`
        points (the audience window's scale)."""
        self.join = join
        if join is None:
            self.qr.clear()
            self._qr_key = None
            return
        share = QR_SHARE_FULL if self.large else QR_SHARE_SIDE
        side = max(120, int(min(height * share, width * QR_SHARE_WIDTH)))
        if self._qr_key != (join.url, side):
            self.qr.setPixmap(_qr(join.url, side))
            self._qr_key = (join.url, side)
        self.qr.setFixedSize(side, side)
        self.qr.setToolTip(join.url)
        self.address.setText(join.address)
        self.code.setText(join.code)
        self.setAccessibleDescription(
            self.tr("Open {address} and type the code {code}").format(
                address=join.address, code=" ".join(join.code)
            )
        )

        def sized(label: QLabel, factor: float, *, bold: bool = False, mono: bool = False) -> None:
            font = QFont(self.font())
            if mono:
                font.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
                font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 112)
            font.setPointSizeF(max(8.0, body * factor))
            font.setBold(bold)
            label.setFont(font)

        big = 1.0 if self.large else 0.8
        sized(self.heading, 1.6 if self.large else 1.0, bold=True)
        sized(self.address_caption, 0.9 * big)
        sized(self.address, 1.3 * big, bold=True)
        sized(self.code_caption, 0.9 * big)
        sized(self.code, 3.0 * big, bold=True, mono=True)
        sized(self.steps, 0.9)
        if self.large:
            self.layout().setSpacing(int(body * 2))

"""The room's screen in presenter mode: large, high-contrast type that scales with the
screen (a 1280×720 projector to 4K), the phase, the item and its timer, and the content
of a toolkit item as blocks (tables, bars, a chart, lists side by side).

What it shows comes from `ui.presenter.audience_state`; this module only draws it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.enums import ActionStatus, Phase
from ui.audience_join import AudienceJoin
from ui.core_labels import label
from ui.room_content import (
    BarsBlock,
    Block,
    ChartBlock,
    ColumnsBlock,
    TableBlock,
    TextBlock,
)

if TYPE_CHECKING:
    from ui.presenter import AudienceState

# High contrast for a projector, the same in light and dark desktop themes: the audience
# window is a display, not a part of the desktop.
BACKGROUND = "#0b0f14"
TEXT = "#ffffff"
MUTED = "#b8c4d0"
ACCENT = "#7cc4ff"
WARN = "#ffd54f"
OVERTIME = "#ff6e6e"
DONE = "#8be28b"
TONES = {"": TEXT, "good": DONE, "warn": WARN, "bad": OVERTIME, "muted": MUTED, "accent": ACCENT}
MIN_LINES = 4
BASE_WIDTH, BASE_HEIGHT = 1920, 1080  # the size the type is designed for
BASE_BODY_POINTS = 28.0


def _label(parent: QWidget | None, name: str, *, wrap: bool = True) -> QLabel:
    text = QLabel(parent)
    text.setObjectName(name)
    text.setTextFormat(Qt.TextFormat.PlainText)  # user text is never markup
    text.setWordWrap(wrap)
    return text


def _toned(text: QLabel, tone: str) -> QLabel:
    text.setStyleSheet(f"color: {TONES.get(tone, TEXT)};")
    return text


class RoomChart(QWidget):
    """A KPI over its periods: the line, its points with values, the target dashed."""

    def __init__(self, block: ChartBlock, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RoomChart")
        self.block = block
        self.setFont(font)
        self.setMinimumHeight(int(QFontMetrics(font).height() * 5))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(block.title)

    def paintEvent(self, _event: Any) -> None:
        block = self.block
        values = [v for v in block.values if v is not None]
        if not values:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        line_h = metrics.height()
        side = max(line_h * 1.0, metrics.horizontalAdvance(block.labels[0]) / 2 + 4)
        right = max(line_h * 2.5, metrics.horizontalAdvance(block.labels[-1]) / 2 + 4)
        area = QRectF(self.rect()).adjusted(side, line_h * 1.6, -right, -line_h * 1.6)
        low = min([*values, block.target] if block.target is not None else values)
        high = max([*values, block.target] if block.target is not None else values)
        if high == low:
            high, low = high + 1, low - 1
        pad = (high - low) * 0.15
        low, high = low - pad, high + pad
        count = max(1, len(block.values) - 1)

        def point(i: int, value: float) -> QPointF:
            x = area.left() + area.width() * i / count
            y = area.bottom() - area.height() * (value - low) / (high - low)
            return QPointF(x, y)

        painter.setPen(QColor(TEXT))
        painter.drawText(
            QRectF(0, 0, self.width(), line_h * 1.4), Qt.AlignmentFlag.AlignLeft, block.title
        )
        if block.target is not None:
            pen = QPen(QColor(WARN), max(2.0, line_h / 12), Qt.PenStyle.DashLine)
            painter.setPen(pen)
            y = point(0, block.target).y()
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(QColor(WARN))
            painter.drawText(
                QRectF(area.left(), y - line_h * 1.25, area.width(), line_h * 1.2),
                Qt.AlignmentFlag.AlignLeft,
                block.target_text,
            )
        painter.setPen(QPen(QColor(ACCENT), max(3.0, line_h / 8)))
        previous: QPointF | None = None
        for i, value in enumerate(block.values):
            if value is None:
                previous = None
                continue
            here = point(i, value)
            if previous is not None:
                painter.drawLine(previous, here)
            previous = here
        painter.setBrush(QColor(ACCENT))
        last = max(i for i, v in enumerate(block.values) if v is not None)
        step = max(1, len(block.labels) // 8)
        for i, value in enumerate(block.values):
            x = point(i, low).x()
            if i % step == 0 or i == len(block.values) - 1:
                painter.setPen(QColor(MUTED))
                painter.drawText(
                    QRectF(x - line_h * 3, area.bottom() + line_h * 0.3, line_h * 6, line_h * 1.2),
                    Qt.AlignmentFlag.AlignHCenter,
                    block.labels[i],
                )
            if value is None:
                continue
            here = point(i, value)
            painter.setPen(Qt.PenStyle.NoPen)
            radius = max(4.0, line_h / 5)
            painter.drawEllipse(here, radius, radius)
            if i == last:  # the latest value, written beside its point
                painter.setPen(QColor(TEXT))
                painter.drawText(
                    QRectF(here.x() + radius, here.y() - line_h * 1.3, line_h * 6, line_h * 1.2),
                    Qt.AlignmentFlag.AlignLeft,
                    block.value_texts[i],
                )
        painter.end()


class _Bar(QWidget):
    def __init__(self, share: float, height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.share = max(0.0, min(1.0, share))
        self.setFixedHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def paintEvent(self, _event: Any) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#1c2630"))
        width = int(self.width() * self.share)
        painter.fillRect(0, 0, width, self.height(), QColor(ACCENT))
        painter.end()


def render_block(block: Block, body: QFont, parent: QWidget) -> QWidget:
    """One block as widgets, in fonts scaled from `body`."""

    def font(factor: float, *, bold: bool = False) -> QFont:
        sized = QFont(body)
        sized.setPointSizeF(max(1.0, body.pointSizeF() * factor))
        sized.setBold(bold)
        return sized

    box = QWidget(parent)
    if isinstance(block, TextBlock):
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        text = _toned(_label(box, "RoomText"), block.tone)
        text.setText(block.text)
        text.setFont(font(1.25 if block.large else 0.9, bold=block.large))
        layout.addWidget(text)
    elif isinstance(block, TableBlock):
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(int(body.pointSizeF() * 1.2))
        grid.setVerticalSpacing(int(body.pointSizeF() * 0.3))
        for col, heading in enumerate(block.headers):
            head = _toned(_label(box, "RoomHeader", wrap=False), "muted")
            head.setText(heading)
            head.setFont(font(0.75, bold=True))
            grid.addWidget(head, 0, col)
        for row, cells in enumerate(block.rows, start=1):
            for col, cell in enumerate(cells):
                text = _toned(_label(box, "RoomCell", wrap=col == 0), cell.tone)
                text.setText(cell.text)
                text.setFont(font(0.9, bold=col == 0 or bool(cell.tone)))
                grid.addWidget(text, row, col)
        grid.setColumnStretch(0, 1)
    elif isinstance(block, BarsBlock):
        grid = QGridLayout(box)
        grid.setContentsMargins(0, int(body.pointSizeF() * 0.5), 0, 0)
        grid.setVerticalSpacing(int(body.pointSizeF() * 0.6))
        grid.setHorizontalSpacing(int(body.pointSizeF() * 0.8))
        bar_height = int(QFontMetrics(font(0.9)).height() * 0.9)
        for row, (name, share, value) in enumerate(block.bars):
            name_label = _label(box, "RoomCell", wrap=False)
            name_label.setText(name)
            name_label.setFont(font(0.9))
            value_label = _label(box, "RoomCell", wrap=False)
            value_label.setText(value)
            value_label.setFont(font(0.9, bold=True))
            grid.addWidget(name_label, row, 0)
            grid.addWidget(_Bar(share, bar_height, box), row, 1)
            grid.addWidget(value_label, row, 2)
        grid.setColumnStretch(1, 1)
    elif isinstance(block, ChartBlock):
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(RoomChart(block, font(0.75), box))
    elif isinstance(block, ColumnsBlock):
        row_layout = QHBoxLayout(box)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.setSpacing(int(body.pointSizeF() * 1.5))
        for heading, lines, tone in block.columns:
            column = QVBoxLayout()
            column.setSpacing(int(body.pointSizeF() * 0.35))
            head = _toned(_label(box, "RoomHeader"), tone or "accent")
            head.setText(heading)
            head.setFont(font(0.95, bold=True))
            column.addWidget(head)
            for line in lines:
                text = _label(box, "RoomLine")
                text.setText(f"• {line}")
                text.setFont(font(0.85))
                column.addWidget(text)
            column.addStretch(1)
            row_layout.addLayout(column, 1)
    return box


class AudienceWindow(QWidget):
    """The room's view. Keys pressed here go to the presenter (it has the focus when the
    facilitator clicks it or when it is the only screen)."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("AudienceWindow")
        self.setWindowTitle(self.tr("AlignMeet — audience"))
        self.setAccessibleName(self.tr("Audience screen"))
        self._set_style()
        self.state: AudienceState | None = None
        self._blocks: tuple[Block, ...] | None = None
        self._build_content()
        self._lay_out_content()

        self.blank = QWidget(self)
        self.blank.setObjectName("AudienceBlank")
        # ...and the whole screen when the facilitator chooses "Show how to join".
        self.join_page = QWidget(self)
        self.join_page.setObjectName("AudienceJoinPage")
        self.join_screen = AudienceJoin(self.join_page, large=True)
        join_layout = QVBoxLayout(self.join_page)
        join_layout.addWidget(self.join_screen)
        self._blank = False
        self._join_wanted = False
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.content)
        self.stack.addWidget(self.blank)
        self.stack.addWidget(self.join_page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.resize(1280, 720)
        self._apply_fonts()

    def _set_style(self) -> None:
        self.setStyleSheet(
            f"""
            QWidget#AudienceWindow, QWidget#AudienceContent, QWidget#AudienceBlank {{
                background: {BACKGROUND}; }}
            QLabel {{ color: {TEXT}; background: transparent; }}
            QLabel#AudienceHeading, QLabel#AudienceMeeting, QLabel#AudienceFooter,
            QLabel#AudienceDetail {{ color: {MUTED}; }}
            QLabel#AudienceHeading {{ color: {ACCENT}; }}
            QLabel#AudienceJoinHeading {{ color: {ACCENT}; }}
            QLabel#AudienceJoinCaption, QLabel#AudienceJoinSteps {{ color: {MUTED}; }}
            QWidget#AudienceJoinPage {{ background: {BACKGROUND}; }}
            QLabel#AudienceTimer[state="warn"] {{ color: {WARN}; }}
            QLabel#AudienceTimer[state="overtime"] {{ color: {OVERTIME}; }}
            QLabel#AudienceDetail[done="true"] {{ color: {DONE}; }}
            """
        )

    def _build_content(self) -> None:
        self.content = QWidget(self)
        self.content.setObjectName("AudienceContent")
        self.heading = _label(self.content, "AudienceHeading", wrap=False)
        self.meeting = _label(self.content, "AudienceMeeting")
        self.meeting.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.title = _label(self.content, "AudienceTitle")
        self.subtitle = _label(self.content, "AudienceSubtitle")
        self.timer = _label(self.content, "AudienceTimer", wrap=False)
        self.timer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lines_box = QWidget(self.content)
        self.lines_layout = QVBoxLayout(self.lines_box)
        self.lines_layout.setContentsMargins(0, 0, 0, 0)
        self.blocks_box = QWidget(self.content)
        self.blocks_box.setObjectName("AudienceBlocks")
        # However much there is, the window keeps the screen's size (what does not fit is
        # cut at the bottom, never pushing the window past the projector).
        self.blocks_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.blocks_layout = QVBoxLayout(self.blocks_box)
        self.blocks_layout.setContentsMargins(0, 0, 0, 0)
        self.footer = _label(self.content, "AudienceFooter")

    def _lay_out_content(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.meeting, 1)
        # The timer: large in the middle, or at the end of this row when a toolkit item's
        # content needs the room.
        self.sub_row = QHBoxLayout()
        self.sub_row.addWidget(self.subtitle, 1)
        self._timer_small = False
        # Room Link open: how to join, beside the topic in the Open phase...
        self.join_card = AudienceJoin(self.content)
        self.join_card.hide()
        self.content_row = QHBoxLayout(self.content)
        self.main_layout = QVBoxLayout()
        self.main_layout.setContentsMargins(0, 0, 0, 0)
        self.content_row.addLayout(self.main_layout, 1)
        self.content_row.addWidget(self.join_card, 0, Qt.AlignmentFlag.AlignVCenter)
        self.main_layout.setSpacing(14)
        self.main_layout.addLayout(top)
        self.main_layout.addWidget(self.title)
        self.main_layout.addLayout(self.sub_row)
        self.main_layout.addWidget(self.timer)
        self.main_layout.addWidget(self.lines_box)
        self.main_layout.addWidget(self.blocks_box, 1)
        self.main_layout.addStretch(0)
        self.main_layout.addWidget(self.footer)

    # ---- state ---------------------------------------------------------------------
    @property
    def blanked(self) -> bool:
        return self.stack.currentWidget() is self.blank

    def set_blank(self, blank: bool) -> None:
        self._blank = blank
        self._show_page()

    @property
    def join_shown(self) -> bool:
        """The whole screen says how to join (the QR code, the address, the code)."""
        return self.stack.currentWidget() is self.join_page

    def set_join_screen(self, shown: bool) -> None:
        """How to join on the whole screen (while a room is open), or the meeting."""
        self._join_wanted = shown
        self._show_page()

    def _join(self) -> Any:
        return self.state.join if self.state is not None else None

    def _show_page(self) -> None:
        if self._blank:
            page = self.blank
        elif self._join_wanted and self._join() is not None:
            page = self.join_page
        else:
            page = self.content
        self.stack.setCurrentWidget(page)

    def _update_join(self) -> None:
        join = self._join()
        size = {"width": self.width(), "height": self.height(), "body": self.body_point_size()}
        beside = join is not None and self.state is not None and self.state.phase is Phase.OPEN
        self.join_card.show_join(join if beside else None, **size)
        self.join_card.setVisible(beside)
        self.join_screen.show_join(join, **size)
        self._show_page()

    def chart_views(self) -> list[RoomChart]:
        """The charts on screen (a KPI review's)."""
        return [c for c in self.findChildren(RoomChart) if c.isVisibleTo(self)]

    def show_state(self, state: AudienceState | None) -> None:
        if state == self.state:
            return
        self.state = state
        self._update_join()
        if state is None:
            self.heading.setText("")
            self.meeting.setText("")
            self.title.setText(self.tr("No meeting is open"))
            for text in (self.subtitle, self.timer, self.footer):
                text.setText("")
                text.setVisible(False)
            self._set_lines(())
            self._set_blocks(())
            return
        self.heading.setText(state.heading)
        self.meeting.setText(state.meeting_title)
        self.title.setText(state.title)
        self._place_timer(small=bool(state.blocks))
        for text, value in (
            (self.subtitle, state.subtitle),
            (self.timer, state.timer),
            (self.footer, state.footer),
        ):
            text.setText(value)
            text.setVisible(bool(value))
        if self.timer.property("state") != state.timer_state.value:
            self.timer.setProperty("state", state.timer_state.value)
            self.timer.style().unpolish(self.timer)
            self.timer.style().polish(self.timer)
        self._set_lines(state.lines)
        self._set_blocks(state.blocks)

    def _place_timer(self, *, small: bool) -> None:
        if small == self._timer_small:
            return
        self._timer_small = small
        if small:
            self.main_layout.removeWidget(self.timer)
            self.sub_row.addWidget(self.timer)
            self.timer.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        else:
            self.sub_row.removeWidget(self.timer)
            self.main_layout.insertWidget(self.main_layout.indexOf(self.lines_box), self.timer)
            self.timer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._size_timer()

    def _size_timer(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(self.body_point_size() * (1.8 if self._timer_small else 4.2))
        font.setBold(True)
        self.timer.setFont(font)

    def _set_blocks(self, blocks: tuple[Block, ...], *, force: bool = False) -> None:
        if blocks == self._blocks and not force:
            return
        self._blocks = blocks
        while self.blocks_layout.count():
            item = self.blocks_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for block in blocks:
            widget = render_block(block, self._body_font, self.blocks_box)
            self.blocks_layout.addWidget(widget, 1 if isinstance(block, ChartBlock) else 0)
            widget.show()
        if not any(isinstance(b, ChartBlock) for b in blocks):
            self.blocks_layout.addStretch(1)  # the blocks at the top, the room below
        self.blocks_box.setVisible(bool(blocks))

    def _set_lines(self, lines: Sequence[tuple[str, str]]) -> None:
        while self.lines_layout.count():
            item = self.lines_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        shown = list(lines)[-self.max_lines() :]  # the newest rows: what was just said
        hidden = len(lines) - len(shown)
        if hidden:
            more = _label(self.lines_box, "AudienceDetail")
            more.setText(self.tr("… and {count} earlier").format(count=hidden))
            more.setFont(self._body_font)
            self.lines_layout.addWidget(more)
            more.show()
        for text, detail in shown:
            row = QWidget(self.lines_box)
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            main = _label(row, "AudienceLine")
            main.setText(text)
            main.setFont(self._body_font)
            side = _label(row, "AudienceDetail", wrap=False)
            side.setText(detail)
            side.setFont(self._body_font)
            side.setProperty("done", detail.startswith("✓") or detail == label(ActionStatus.DONE))
            row_layout.addWidget(main, 1)
            row_layout.addWidget(side)
            self.lines_layout.addWidget(row)
            row.show()  # now, not on the next turn of the event loop
        self.lines_box.setVisible(bool(lines))

    # ---- large type ------------------------------------------------------------
    def scale(self) -> float:
        """The window against the 1920×1080 the type is designed for (0.67 on a 1280×720
        projector, 2 on 4K): the smaller of the two ratios, so text always fits."""
        return min(self.width() / BASE_WIDTH, self.height() / BASE_HEIGHT)

    def max_lines(self) -> int:
        """How many rows fit under the title at this size (the newest are shown)."""
        line_px = self.body_point_size() * self.logicalDpiY() / 72 * 1.45
        return max(MIN_LINES, int(self.height() * 0.55 / line_px))

    def body_point_size(self) -> float:
        """Body text: 28 pt at 1080p, in proportion on smaller and larger screens."""
        return max(10.0, BASE_BODY_POINTS * self.scale())

    def _apply_fonts(self) -> None:
        body = self.body_point_size()
        self._body_font = QFont(self.font())
        self._body_font.setPointSizeF(body)

        def sized(text: QLabel, factor: float, *, bold: bool = False) -> None:
            font = QFont(self.font())
            font.setPointSizeF(body * factor)
            font.setBold(bold)
            text.setFont(font)

        sized(self.heading, 0.9, bold=True)
        sized(self.meeting, 0.8)
        sized(self.title, 1.9, bold=True)
        sized(self.subtitle, 1.1)
        self._size_timer()
        sized(self.footer, 0.9)
        margin_x, margin_y = int(64 * self.scale()), int(40 * self.scale())
        self.content_row.setContentsMargins(margin_x, margin_y, margin_x, margin_y)
        self.content_row.setSpacing(margin_x)
        self.join_page.layout().setContentsMargins(margin_x, margin_y, margin_x, margin_y)
        self._update_join()
        if self.state is not None:
            self._set_lines(self.state.lines)
            self._set_blocks(self.state.blocks, force=True)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._apply_fonts()

    def closeEvent(self, event: Any) -> None:
        super().closeEvent(event)
        self.closed.emit()

"""The persona card a meeting puts on screen ("how would Larry respond to this
campaign?"), its window, and the persona picker of the agenda-item and action editors."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.bidi import bidi_safe
from alignmeet.domain.personas import PersonaRecord, profile_blocks
from alignmeet.services.base import NotFoundError
from ui.controller import Controller
from ui.models.personas_model import persona_label
from ui.views.toolkit.common import follow_area
from ui.widgets import plain_label

AREA = "personas"
# key, label, hint (translated where shown, context "PersonasView")
TEXT_FIELDS = (
    (
        "pains",
        QT_TRANSLATE_NOOP("PersonasView", "&Pains"),
        QT_TRANSLATE_NOOP("PersonasView", "What keeps them up at night — one point per line"),
    ),
    (
        "goals",
        QT_TRANSLATE_NOOP("PersonasView", "&Goals"),
        QT_TRANSLATE_NOOP("PersonasView", "What they want to achieve — one point per line"),
    ),
    (
        "objections",
        QT_TRANSLATE_NOOP("PersonasView", "&Objections"),
        QT_TRANSLATE_NOOP("PersonasView", "What they say to push back — one point per line"),
    ),
)


def text_field_tr(text: str) -> str:
    """A string of TEXT_FIELDS in the chosen language."""
    return QCoreApplication.translate("PersonasView", text)


def _sized(label: QLabel, points: float, *, bold: bool = False) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    label.setFont(font)
    return label


# ---- the persona card -------------------------------------------------------------------
class PersonaCard(QFrame):
    """A persona in large type, readable on a projector: name, role, and three blocks —
    pains, goals, objections — side by side. All text is shown as typed (plain text)."""

    def __init__(
        self, persona_record: PersonaRecord | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.persona: PersonaRecord | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 24)
        layout.setSpacing(10)
        self.name_label = _sized(plain_label(), 30, bold=True)
        self.name_label.setWordWrap(True)
        self.name_label.setAccessibleName(self.tr("Persona name"))
        self.role_label = _sized(plain_label(), 18)
        self.role_label.setWordWrap(True)
        layout.addWidget(self.name_label)
        layout.addWidget(self.role_label)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        blocks = QHBoxLayout()
        blocks.setSpacing(32)
        self.block_headings: list[QLabel] = []
        self.block_lists: list[QVBoxLayout] = []
        for _key, title, _hint in TEXT_FIELDS:
            column = QVBoxLayout()
            column.setSpacing(10)
            caption = text_field_tr(title).replace("&", "")
            heading = _sized(plain_label(caption), 20, bold=True)
            heading.setAccessibleName(caption)
            points = QVBoxLayout()
            points.setSpacing(10)
            column.addWidget(heading)
            column.addLayout(points)
            column.addStretch(1)
            blocks.addLayout(column, 1)
            self.block_headings.append(heading)
            self.block_lists.append(points)
        layout.addLayout(blocks, 1)
        self.set_persona(persona_record)

    def set_persona(self, persona: PersonaRecord | None) -> None:
        self.persona = persona
        self.name_label.setText(persona.name if persona else self.tr("No persona chosen"))
        self.role_label.setText(
            (persona.role or self.tr("Role not described yet")) if persona else ""
        )
        blocks = profile_blocks(persona) if persona else (("", ()),) * len(self.block_lists)
        for points_layout, (_label, points) in zip(self.block_lists, blocks, strict=True):
            _clear(points_layout)
            for point in points or ("—",):
                points_layout.addLayout(self._point_row(point if points else "", bool(points)))

    def points_text(self) -> list[list[str]]:
        """The points shown in each block (for tests and the accessibility tree)."""
        result = []
        for points_layout in self.block_lists:
            texts = []
            for i in range(points_layout.count()):
                row = points_layout.itemAt(i).layout()
                label = row.itemAt(1).widget() if row is not None else None
                if isinstance(label, QLabel) and label.text():
                    texts.append(label.text())
            result.append(texts)
        return result

    @staticmethod
    def _point_row(text: str, bullet: bool) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(10)
        mark = _sized(plain_label("•" if bullet else "—"), 16, bold=True)
        mark.setAlignment(Qt.AlignmentFlag.AlignTop)
        body = _sized(plain_label(text), 16)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        body.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(mark)
        row.addWidget(body, 1)
        return row


def _clear(layout: QVBoxLayout | QHBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        child = item.layout()
        if child is not None:
            _clear(child)  # type: ignore[arg-type]
            child.deleteLater()


class PersonaCardDialog(QDialog):
    """A separate, non-modal window with the card, for the projector while the meeting runs.
    It follows edits of the persona made meanwhile."""

    def __init__(self, controller: Controller, persona_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.persona_id = persona_id
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.card = PersonaCard()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.addWidget(self.card, 1)
        layout.addWidget(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, activated=self._toggle_full_screen)
        self.resize(1100, 640)
        follow_area(self, controller, AREA)
        self.refresh()

    def refresh(self) -> None:
        try:
            persona = self.controller.services.personas.get_persona(self.persona_id)
        except NotFoundError:
            self.close()
            return
        self.card.set_persona(persona)
        self.setWindowTitle(self.tr("Persona — {name}").format(name=bidi_safe(persona.name)))

    def _toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()


def show_persona_card(controller: Controller, persona_id: int, parent: QWidget | None) -> QDialog:
    """Open the persona's card in its own window (not modal: the meeting goes on) and
    return it. F11 toggles full screen."""
    dialog = PersonaCardDialog(controller, persona_id, parent)
    dialog.show()
    dialog.raise_()
    return dialog


# ---- the picker -------------------------------------------------------------------------
class PersonaPicker(QComboBox):
    """ "(none)" and the active personas, for the agenda-item and action editors.

    A persona archived since it was chosen stays listed ("… (archived)") while chosen,
    so opening an editor never drops a link silently.
    """

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setAccessibleName(self.tr("Persona"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContentsOnFirstShow)
        follow_area(self, controller, AREA)
        self._fill(None)

    def persona_id(self) -> int | None:
        data = self.currentData()
        return int(data) if data is not None else None

    def set_persona_id(self, persona_id: int | None) -> None:
        if persona_id is not None and self.findData(persona_id) < 0:
            self._fill(persona_id)
        found = self.findData(persona_id) if persona_id is not None else 0
        self.setCurrentIndex(max(found, 0))

    def refresh(self) -> None:
        self._fill(self.persona_id())

    def _fill(self, keep: int | None) -> None:
        personas = self.controller.services.personas.list_personas(include_archived=True)
        self.blockSignals(True)
        try:
            self.clear()
            self.addItem(self.tr("(none)"), None)
            for persona in personas:
                if not persona.archived or persona.id == keep:
                    self.addItem(persona_label(persona), persona.id)
            found = self.findData(keep) if keep is not None else 0
            self.setCurrentIndex(max(found, 0))
        finally:
            self.blockSignals(False)


__all__ = [
    "AREA",
    "TEXT_FIELDS",
    "PersonaCard",
    "PersonaCardDialog",
    "PersonaPicker",
    "show_persona_card",
    "text_field_tr",
]

"""The window's honest save state: a banner over the page while something is not saved.

"Not saved — retrying…", the cause in plain words, how many edits wait, and "Try now";
"Saved." once they have really been stored (then it goes away). Nothing shows while every
write lands. The state itself is ui.autosave.UnsavedEdits.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from ui.autosave import UnsavedEdits, cause_text
from ui.models.plural import plural
from ui.widgets import fill, plain_label


class SaveBanner(QFrame):
    def __init__(self, unsaved: UnsavedEdits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SaveBanner")
        self.unsaved = unsaved
        self.heading = plain_label(object_name="SaveBannerHeading")
        self.message = plain_label(object_name="SaveBannerText", wrap=True)
        self.try_now_button = QPushButton(self.tr("Try now"))
        self.try_now_button.setToolTip(self.tr("Try to save the waiting edits now"))
        self.try_now_button.clicked.connect(self._on_try_now_button_clicked)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setToolTip(self.tr("Hide this message"))
        self.dismiss_button.clicked.connect(self._on_dismiss_button_clicked)
        fill(
            QHBoxLayout(self),
            self.heading,
            (self.message, 1),
            self.try_now_button,
            self.dismiss_button,
            margins=(12, 8, 12, 8),
            spacing=10,
        )
        unsaved.changed.connect(self.update_state)
        self._dismissed_at = -1  # the failure count when "Dismiss" was clicked
        self.update_state()

    def text(self) -> str:
        """What the banner says, heading first."""
        return " ".join(t for t in (self.heading.text(), self.message.text()) if t)

    def update_state(self) -> None:
        unsaved = self.unsaved
        heading, text = self._message()
        self.heading.setText(heading)
        self.heading.setVisible(bool(heading))
        self.message.setText(text)
        self.setAccessibleName(self.text())
        for widget in (self, self.heading):
            widget.setProperty("state", unsaved.state)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        retry_helps = unsaved.retry_helps
        self.try_now_button.setVisible(unsaved.failing and unsaved.count > 0 and retry_helps)
        self.dismiss_button.setVisible(unsaved.failing and unsaved.count == 0)
        dismissed = unsaved.failing and unsaved.failures == self._dismissed_at
        self.setVisible(bool(heading or text) and not dismissed)

    def _message(self) -> tuple[str, str]:
        """(heading, text)."""
        unsaved = self.unsaved
        if unsaved.state == "saved":
            return self.tr("Saved."), ""
        if unsaved.state != "failing" or unsaved.cause is None:
            return "", ""
        cause = cause_text(unsaved.cause)
        count = unsaved.count
        if count == 0:
            if unsaved.last_failure_was_write:
                advice = (
                    self.tr("What you typed is still in its field; try again later.")
                    if unsaved.retry_helps
                    else self.tr(
                        "What you typed is still in its field; this window cannot save it."
                    )
                )
                return self.tr("Not saved."), " ".join((cause, advice))
            return "", " ".join((cause, self.tr("AlignMeet keeps checking.")))
        waiting = plural(self.tr("%n unsaved edit(s).", "", count), count)
        parts = [cause, waiting]
        if unsaved.journal_error:
            parts.append(
                self.tr(
                    "They could not be written to the recovery file either ({error}): "
                    "keep AlignMeet open until they are saved."
                ).format(error=unsaved.journal_error)
            )
        elif not unsaved.retry_helps:
            parts.append(self.tr("They are kept on this computer for later."))
        if unsaved.retry_helps:
            return self.tr("Not saved — retrying…"), " ".join(parts)
        return self.tr("Not saved."), " ".join(parts)

    def _on_try_now_button_clicked(self) -> None:
        self.unsaved.retry_now()

    def _on_dismiss_button_clicked(self) -> None:
        self._dismissed_at = self.unsaved.failures
        self.hide()

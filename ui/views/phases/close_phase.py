"""6 Close: the summary on screen, the next meeting, closing notes, export, close."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.enums import MeetingStatus, Phase, TeamTag
from alignmeet.domain.records import MinutesData
from alignmeet.domain.rules import ValidationError
from alignmeet.services import MinutesRecordError
from ui.autosave import DebouncedSaver
from ui.controller import Controller
from ui.core_labels import label
from ui.save_paths import ask_save_path, safe_name
from ui.shown import Shown
from ui.views.phases import (
    PhasePage,
    caption_label,
    card,
    format_date,
    on_minutes_changed,
    section_label,
    set_font,
    ui_locale,
)
from ui.when_shown import WhenShown
from ui.widgets import DateTimeField, FieldError, ask_yes_no, plain_label, warn

ask = ask_yes_no  # a plain-text Yes/No question (No by default); tests replace this name


def ask_eml_path(parent: QWidget, suggested: Path) -> Path | None:
    """Where to save the e-mail (tests replace this module-level name)."""
    return ask_save_path(
        parent,
        QCoreApplication.translate("ClosePhase", "Save the e-mail"),
        suggested,
        QCoreApplication.translate("ClosePhase", "E-mail message (*.eml)"),
        ".eml",
    )


def _attendance_text(data: MinutesData) -> str:
    """ "7 of 9 invited · 1 sent apologies · 1 for the other team"."""
    present = data.present
    invited = len(data.participants)
    representatives = sum(1 for p in present if p.representative)
    attendance = QCoreApplication.translate("ClosePhase", "{present} of {invited} invited").format(
        present=len(present), invited=invited
    )
    if data.apologies:
        attendance += QCoreApplication.translate("ClosePhase", " · {count} sent apologies").format(
            count=len(data.apologies)
        )
    if representatives:
        attendance += QCoreApplication.translate(
            "ClosePhase", " · {count} for the other team"
        ).format(count=representatives)
    return attendance


def _commitments_text(data: MinutesData) -> str:
    """ "5 of 7 present · average confidence 3.8 / 5"."""
    present = data.present
    committed = sum(1 for p in present if p.committed)
    confidences = [p.confidence for p in present if p.committed and p.confidence]
    commit_text = QCoreApplication.translate("ClosePhase", "{count} of {present} present").format(
        count=committed, present=len(present)
    )
    if confidences:
        average = ui_locale().toString(sum(confidences) / len(confidences), "f", 1)
        commit_text += QCoreApplication.translate(
            "ClosePhase", " · average confidence {average} / 5"
        ).format(average=average)
    return commit_text


def _decisions_ideas_text(data: MinutesData) -> str:
    """ "3 decisions · 1 idea"."""
    decisions = sum(len(i.decisions) for i in data.items)
    ideas = sum(len(i.ideas) for i in data.items)
    decisions_text = (
        QCoreApplication.translate("ClosePhase", "1 decision")
        if decisions == 1
        else QCoreApplication.translate("ClosePhase", "{count} decisions").format(count=decisions)
    )
    ideas_text = (
        QCoreApplication.translate("ClosePhase", "1 idea")
        if ideas == 1
        else QCoreApplication.translate("ClosePhase", "{count} ideas").format(count=ideas)
    )
    return f"{decisions_text} · {ideas_text}"


def summary_lines(data: MinutesData) -> list[tuple[str, str]]:
    """(caption, value) pairs of the on-screen summary."""
    present = data.present
    attendance = _attendance_text(data)
    actions = [a for plan in data.plans for a in plan.actions]
    tags = Counter(a.team_tag for a in actions)
    by_team = " · ".join(f"{label(t)} {tags[t]}" for t in TeamTag)
    with_plan = sum(1 for plan in data.plans if plan.actions and plan.participant.present)
    reviewed = sum(1 for f in data.follow_ups if f.reviewed)
    still_open = sum(1 for f in data.follow_ups if f.action.status.is_open)
    parked = (
        ", ".join(i.title for i in data.parked)
        if data.parked
        else QCoreApplication.translate("ClosePhase", "none")
    )
    return [
        (QCoreApplication.translate("ClosePhase", "Present"), attendance),
        (
            QCoreApplication.translate("ClosePhase", "Actions agreed"),
            f"{len(actions)} — {by_team}"
            if actions
            else QCoreApplication.translate("ClosePhase", "none yet"),
        ),
        (
            QCoreApplication.translate("ClosePhase", "Members with a plan"),
            QCoreApplication.translate("ClosePhase", "{count} of {present} present").format(
                count=with_plan, present=len(present)
            ),
        ),
        (QCoreApplication.translate("ClosePhase", "Commitments"), _commitments_text(data)),
        (
            QCoreApplication.translate("ClosePhase", "Decisions · ideas"),
            _decisions_ideas_text(data),
        ),
        (
            QCoreApplication.translate("ClosePhase", "Follow-ups reviewed"),
            QCoreApplication.translate(
                "ClosePhase", "{reviewed} of {total} · {open} carry on"
            ).format(reviewed=reviewed, total=len(data.follow_ups), open=still_open)
            if data.follow_ups
            else QCoreApplication.translate("ClosePhase", "none from earlier meetings"),
        ),
        (QCoreApplication.translate("ClosePhase", "Parked for next meeting"), parked),
        (QCoreApplication.translate("ClosePhase", "Meeting rating"), _rating_text(data)),
    ]


def _rating_text(data: MinutesData) -> str:
    """ "7.7 from 3 of 9 present · aim 8+" or "not rated yet" (issue 15)."""
    rating = data.rating
    if rating is None or rating.average is None:
        return QCoreApplication.translate("ClosePhase", "not rated yet")
    return QCoreApplication.translate(
        "ClosePhase", "{average} from {count} of {present} present · aim 8+"
    ).format(
        average=ui_locale().toString(rating.average, "f", 1),
        count=rating.count,
        present=max(rating.present, rating.count),
    )


class ClosePhase(PhasePage):
    phase = Phase.CLOSE

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)

        summary_card = self._build_summary_card()
        self.preview: QWidget | None = None  # the minutes preview, while it is open
        self._summary_values: dict[str, QWidget] = {}
        self._summary_stale = True

        next_row = self._build_next_meeting()
        self._build_notes()
        self._build_close_buttons()

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(section_label(self.tr("Next meeting")))
        side_layout.addLayout(next_row)
        side_layout.addWidget(self.next_label)
        side_layout.addWidget(self.next_error)
        side_layout.addSpacing(8)
        # The meeting's rating, 1–10 per member present (issue 15).
        from ui.views.accountability.rating_panel import RatingPanel

        self.rating_panel = RatingPanel(controller, self)
        side_layout.addWidget(self.rating_panel, 3)
        side_layout.addWidget(section_label(self.tr("Closing notes")))
        side_layout.addWidget(self.notes_edit, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reopen_button)
        buttons.addWidget(self.close_button)
        side_layout.addLayout(buttons)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(summary_card, 5)
        layout.addWidget(side, 4)

        self._refresh_when_shown = WhenShown(self, self.refresh)
        on_minutes_changed(
            controller,
            self._on_controller_changed,
            attendance=self._on_controller_participants_changed,
        )
        controller.item_changed.connect(self._on_controller_item_changed)
        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)

    def _build_summary_card(self) -> QFrame:
        summary_card, summary_layout = card(self)
        summary_layout.addWidget(section_label(self.tr("Summary")))
        self.summary_grid = QGridLayout()
        self.summary_grid.setHorizontalSpacing(18)
        self.summary_grid.setVerticalSpacing(6)
        self.summary_grid.setColumnStretch(1, 1)
        summary_layout.addLayout(self.summary_grid)
        summary_layout.addStretch(1)
        summary_layout.addWidget(section_label(self.tr("Share the minutes")))
        self.preview_button = QPushButton(self.tr("Pre&view && print…"))
        self.preview_button.setToolTip(
            self.tr("The minutes as they will read — print them or save them as PDF or Word")
        )
        self.preview_button.clicked.connect(self._on_preview_button_clicked)
        self.copy_email_button = QPushButton(self.tr("&Copy e-mail text"))
        self.copy_email_button.setToolTip(
            self.tr(
                "Subject and summary — decisions, everyone's actions, commitments, next meeting — "
                "to paste into your mail program"
            )
        )
        self.copy_email_button.clicked.connect(self._on_copy_email_button_clicked)
        self.eml_button = QPushButton(self.tr("Save e-&mail (.eml)…"))
        self.eml_button.setToolTip(
            self.tr("The same e-mail as a draft addressed to the attendees; open it to send it")
        )
        self.eml_button.clicked.connect(self._on_eml_button_clicked)
        # Each attendee's recap by e-mail, once the meeting is closed (issue 15).
        self.recap_button = QPushButton(self.tr("Send &recaps…"))
        self.recap_button.setToolTip(
            self.tr(
                "Each attendee gets their own actions and commitment, the decisions and the "
                "minutes — once the meeting is closed"
            )
        )
        self.recap_button.clicked.connect(self._on_recap_button_clicked)
        share = QHBoxLayout()
        for button in (self.preview_button, self.copy_email_button, self.eml_button):
            button.setMinimumHeight(36)
            share.addWidget(button)
        share.addStretch(1)
        summary_layout.addLayout(share)
        # On a row of its own: the share row stays within a laptop's width in German too.
        self.recap_button.setMinimumHeight(36)
        recap_row = QHBoxLayout()
        recap_row.addWidget(self.recap_button)
        recap_row.addStretch(1)
        summary_layout.addLayout(recap_row)
        self.share_note = plain_label(object_name="Hint", wrap=True)
        self.share_note.hide()
        summary_layout.addWidget(self.share_note)
        return summary_card

    def _build_next_meeting(self) -> QHBoxLayout:
        self.next_edit = DateTimeField()
        self.next_edit.setCalendarPopup(True)
        self.next_edit.setLocale(ui_locale())
        self.next_edit.setDisplayFormat(self.tr("ddd d MMM yyyy, HH:mm"))
        self.next_edit.setAccessibleName(self.tr("Next meeting"))
        self.set_next_button = QPushButton(self.tr("Set"))
        self.set_next_button.clicked.connect(self.set_next_meeting)
        self.next_label = plain_label(object_name="NextMeeting", wrap=True)
        self.next_error = FieldError(self)
        self._next_loaded: tuple[int, datetime] | None = None  # (meeting, date) in the field
        next_row = QHBoxLayout()
        next_row.addWidget(self.next_edit, 1)
        next_row.addWidget(self.set_next_button)
        return next_row

    def _build_notes(self) -> None:
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr("Closing notes — saved as you type"))
        self.notes_edit.setAccessibleName(self.tr("Closing notes"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_saver = DebouncedSaver(self._save_notes, self)
        self._shown = Shown()  # next meeting and notes as shown: what their saves stand on
        self.controller.register_saver(self.notes_saver)
        self.notes_edit.textChanged.connect(self.notes_saver.touch)
        self._notes_meeting: int | None = None

    def _build_close_buttons(self) -> None:
        self.export_button = QPushButton(self.tr("Export minutes…"))
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.close_button = QPushButton(self.tr("Close meeting"))
        self.close_button.setObjectName("CloseMeetingButton")
        self.close_button.clicked.connect(self.close_meeting)
        self.reopen_button = QPushButton(self.tr("Reopen"))
        self.reopen_button.setToolTip(
            self.tr(
                "Open the meeting again: its minutes of record are kept, and closing it again "
                "records the next revision"
            )
        )
        self.reopen_button.clicked.connect(self.reopen_meeting)
        self.reopen_button.hide()  # refresh() shows it for a closed meeting
        for button in (self.export_button, self.close_button, self.reopen_button):
            button.setMinimumHeight(44)
            set_font(button, 1.15, bold=button is self.close_button)

    # ---- refresh ------------------------------------------------------------
    def set_meeting(self, meeting_id: int | None) -> None:
        if meeting_id != self._notes_meeting:
            self.notes_saver.flush()
        super().set_meeting(meeting_id)

    def refresh(self) -> None:
        if self.meeting_id is None:
            self._notes_meeting = None
            return
        meeting = self.controller.services.meetings.get_meeting(self.meeting_id)
        closed = meeting.status is MeetingStatus.CLOSED
        if meeting.id != self._notes_meeting:
            self._shown.clear()
        self._shown.load(meeting, "next_meeting_at")  # the label below shows it
        self.close_button.setVisible(not closed)
        self.reopen_button.setVisible(closed)
        self.recap_button.setEnabled(closed)
        if self.rating_panel.meeting_id != meeting.id:
            self.rating_panel.set_meeting(meeting.id)
        if meeting.next_meeting_at is not None:
            when = format_date(meeting.next_meeting_at, self.tr("dddd dd MMMM yyyy, HH:mm"))
            self.next_label.setText(self.tr("Next meeting: {when}").format(when=when))
            proposed = meeting.next_meeting_at
        else:
            self.next_label.setText(self.tr("Next meeting: not set yet"))
            cadence = next(
                (
                    s.cadence_days
                    for s in self.controller.services.meetings.list_series()
                    if s.id == meeting.series_id
                ),
                30,
            )
            proposed = meeting.starts_at + timedelta(days=cadence)
        # Only a changed stored value (or another meeting) replaces the date in the field:
        # a date picked but not yet "Set" survives refreshes, e.g. the notes' autosave.
        loaded = (meeting.id, proposed)
        if loaded != self._next_loaded and not self.next_edit.hasFocus():
            self.next_edit.setDateTime(QDateTime(proposed))
            self._next_loaded = loaded
        # What is typed but not stored yet (the database did not take it) shows, not the
        # older stored text.
        notes = self.controller.shown_text(
            "meeting", meeting.id, "closing_notes", meeting.closing_notes
        )
        if self._notes_meeting != meeting.id or not self.notes_saver.pending:
            # Another meeting, or changed elsewhere (another facilitator, "Take theirs",
            # undo) while nothing typed here waits to be saved: show what is stored.
            if notes != self.notes_edit.toPlainText():
                with self.notes_saver.suspend():
                    self.notes_edit.setPlainText(notes)
            self._shown.load(meeting, "closing_notes")
            self._notes_meeting = meeting.id
        self._refresh_summary()

    def _refresh_summary(self) -> None:
        """Gathering the summary reads the whole meeting: only while it is on screen."""
        if self.meeting_id is None:
            return
        if not self.isVisible():
            self._summary_stale = True
            return
        self._summary_stale = False
        try:
            lines = summary_lines(self.controller.services.minutes.gather(self.meeting_id))
        except MinutesRecordError as exc:  # the stored record fails its check: say so
            lines = [(self.tr("Minutes"), exc.message)]
        for row, (caption, value) in enumerate(lines):
            label = self._summary_values.get(caption)
            if label is None:
                name = caption_label(caption)
                set_font(name, 1.15)
                label = plain_label(object_name="SummaryValue", wrap=True)
                set_font(label, 1.25, bold=True)
                self.summary_grid.addWidget(name, row, 0)
                self.summary_grid.addWidget(label, row, 1)
                self._summary_values[caption] = label
            label.setText(value)  # type: ignore[attr-defined]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._summary_stale:
            self._refresh_summary()

    def summary_text(self) -> str:
        return "\n".join(
            f"{caption}: {label.text()}"  # type: ignore[attr-defined]
            for caption, label in self._summary_values.items()
        )

    def _on_controller_changed(self, meeting_id: int) -> None:
        if self._is_mine(meeting_id):
            self.refresh()

    def _on_controller_participants_changed(self, meeting_id: int) -> None:
        if self._is_mine(meeting_id):
            self._refresh_when_shown()  # Room Link's phones write while Agenda runs

    def _on_controller_item_changed(self, _item_id: int) -> None:
        self._refresh_summary()

    def _on_controller_toolkit_changed(self, area: str) -> None:
        if area == "accountability":  # a rating: the summary shows the average
            self._refresh_summary()

    # ---- writes -------------------------------------------------------------
    def next_meeting_value(self) -> datetime:
        return self.next_edit.dateTime().toPython().replace(second=0, microsecond=0)

    def set_next_meeting(self) -> None:
        if self.meeting_id is None:
            return
        try:
            self.controller.update_meeting(
                meeting_id=self.meeting_id,
                next_meeting_at=self.next_meeting_value(),
                seen=self._shown.seen("next_meeting_at"),
            )
        except ValidationError as exc:
            self.next_error.show_error(exc.message, self.next_edit)
            return
        self.next_error.clear_error()

    def _save_notes(self) -> None:
        if self._notes_meeting is None:
            return
        try:
            saved = self.controller.update_meeting(
                meeting_id=self._notes_meeting,
                closing_notes=self.notes_edit.toPlainText(),
                seen=self._shown.seen("closing_notes"),
            )
            self._shown.load(saved, "closing_notes")
        except ValidationError as exc:
            self.show_status(exc.message)

    def _on_export_button_clicked(self) -> None:
        if self.meeting_id is not None:
            self.controller.request_export(self.meeting_id)

    # ---- sharing: preview, e-mail ------------------------------------------------
    def _on_preview_button_clicked(self) -> None:
        if self.meeting_id is None:
            return
        from ui.views.minutes_preview import show_minutes_preview

        self.preview = show_minutes_preview(self.controller, self.meeting_id, self)

    def _note_shared(self, text: str) -> None:
        self.share_note.setText(text)
        self.share_note.show()
        self.show_status(text)

    def email_text(self) -> tuple[str, str]:
        """(subject, body) of the e-mail for this meeting, from what is saved now."""
        assert self.meeting_id is not None
        self.controller.flush_pending()
        return self.controller.services.exports.minutes_email(self.meeting_id)

    def _on_copy_email_button_clicked(self) -> None:
        if self.meeting_id is None:
            return
        try:
            subject, body = self.email_text()
        except MinutesRecordError as exc:
            warn(self, self.tr("E-mail text not copied"), exc.message)
            return
        QGuiApplication.clipboard().setText(
            self.tr("Subject: {subject}").format(subject=subject) + f"\n\n{body}"
        )
        self._note_shared(
            self.tr("E-mail text copied: paste it into a new message (subject first).")
        )

    def save_eml(self, path: Path) -> Path:
        """Write the e-mail as an .eml draft addressed to the attendees."""
        assert self.meeting_id is not None
        self.controller.flush_pending()
        draft = self.controller.services.exports.minutes_eml(meeting_id=self.meeting_id, path=path)
        text = self.tr("E-mail saved to {path} — open it to send it.").format(path=path)
        if draft.without_address:
            names = ", ".join(draft.without_address)
            text += " " + self.tr(
                "No e-mail address for: {names} (add them on the People page)."
            ).format(names=names)
        self._note_shared(text)
        return path

    def _on_eml_button_clicked(self) -> None:
        from alignmeet.services import ExportError

        if self.meeting_id is None:
            return
        meeting = self.controller.services.meetings.get_meeting(self.meeting_id)
        settings = QSettings()
        folder = Path(str(settings.value("export/folder", str(Path.home()))))
        safe = safe_name(meeting.title) or self.tr("minutes")
        name = self.tr("{title} {date} e-mail").format(
            title=safe, date=f"{meeting.starts_at:%Y-%m-%d}"
        )
        path = ask_eml_path(self, folder / f"{name}.eml")
        if path is None:
            return
        try:
            self.save_eml(path)
        except ExportError as exc:
            warn(self, self.tr("E-mail not saved"), str(exc))
            return
        settings.setValue("export/folder", str(path.parent))

    def _on_recap_button_clicked(self) -> None:
        if self.meeting_id is None:
            return
        self.controller.flush_pending()
        from ui.views.accountability.mail_run_dialog import MailRunDialog

        dialog = MailRunDialog(self.controller, self.meeting_id, self)
        try:
            dialog.exec()  # tests replace MailRunDialog.exec
        finally:
            dialog.deleteLater()

    def close_meeting(self) -> bool:
        if self.meeting_id is None:
            return False
        participants = self.controller.services.meetings.participants(self.meeting_id)
        missing = [p.name for p in participants if p.present and not p.committed]
        if missing and not ask(
            self,
            self.tr("Close the meeting?"),
            self.tr("Not committed yet: {names}.\n\nClose the meeting anyway?").format(
                names=", ".join(missing)
            ),
        ):
            return False
        self.controller.close_meeting(meeting_id=self.meeting_id)
        # The button just pressed is hidden (Reopen takes its place) and Qt would hand the
        # keyboard to the sidebar: it goes to the next step the message below names.
        focus_next = self.recap_button if self.recap_button.isEnabled() else self.export_button
        focus_next.setFocus(Qt.FocusReason.OtherFocusReason)
        revisions = self.controller.services.minutes.revisions(self.meeting_id)
        self.show_status(
            self.tr(
                "Meeting closed: its minutes are recorded as revision {revision}. Actions stay "
                "editable; later changes do not change these minutes. Send each attendee "
                "their recap with “Send recaps…”."
            ).format(revision=revisions[0].revision if revisions else 1)
        )
        return True

    def reopen_meeting(self) -> None:
        if self.meeting_id is not None:
            self.controller.reopen_meeting(self.meeting_id)

"""Accountability over time on screen (issue 15), driven through the real main window: the
rating at Close by number keys (and anonymously), the say/do line in Review, proposals
accepted in Prepare, the Accountability tab with its charts, recaps sent from Close to a
real SMTP server on loopback (a refused one never shows as sent), the outbox's decisions,
the reminders offered at start, ratings on the Meetings page, the e-mail settings."""

from __future__ import annotations

import email
import email.policy
import os
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import docx
import pytest
from harness import smtp as H
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import ActionStatus, Attendance, Phase
from alignmeet.domain.outbox import OutboxStatus
from alignmeet.mail import settings as mail_settings
from alignmeet.mail.settings import MailSettings, Security
from alignmeet.services import Services
from ui.controller import Controller
from ui.main_window import MainWindow
from ui.models.calibration_model import CalibrationModel
from ui.models.meetings_model import COL_RATING, MeetingsModel
from ui.models.member_say_do_model import MemberSayDoModel
from ui.models.outbox_model import OutboxModel
from ui.models.proposals_model import ProposalsModel
from ui.models.ratings_model import COL_ANSWER, COL_SCORE, RatingsModel
from ui.models.recipients_model import COL_RESULT, RecipientsModel
from ui.views.accountability import accountability_view, mail_run_dialog, outbox_dialog
from ui.views.accountability.mail_run_dialog import MailRunDialog

TODAY = date.today()  # the app's clock is the real one: the demo is built around today


def window_on(qtbot: QtBot, services: Services) -> MainWindow:
    window = MainWindow(Controller(services))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def meeting_ids(services: Services) -> list[int]:
    return [m.id for m in sorted(services.meetings.list_meetings(), key=lambda m: m.starts_at)]


# ---- the models -------------------------------------------------------------------------------
def test_every_new_model_passes_the_model_tester(qtmodeltester, demo: Services) -> None:
    first, second, third = meeting_ids(demo)
    acc = demo.accountability
    report = acc.report()
    ratings = RatingsModel()
    from ui.models.ratings_model import RatingRow

    ratings.set_rows([RatingRow(r.member_id, r.member_name, r) for r in acc.ratings(second)])
    members = MemberSayDoModel()
    members.set_rows(list(report.members))
    calibration = CalibrationModel()
    calibration.set_rows(list(report.calibration_all))
    proposals = ProposalsModel()
    proposals.set_rows(acc.proposals(third))
    outbox = OutboxModel()
    outbox.set_rows(demo.recaps.outbox())
    recipients = RecipientsModel()
    from ui.models.recipients_model import RecipientRow

    recipients.set_rows(
        [
            RecipientRow(p.member_id, p.name, p.address, "1")
            for p in demo.recaps.recap_recipients(first)
        ]
    )
    meetings = MeetingsModel()
    meetings.set_rows(demo.meetings.list_meetings())
    meetings.set_ratings(acc.meeting_averages())
    for model in (ratings, members, calibration, proposals, outbox, recipients, meetings):
        assert model.rowCount() > 0 or model is outbox
        qtmodeltester.check(model)


# ---- the rating at Close ------------------------------------------------------------------------
def _close_phase(qtbot: QtBot, services: Services, meeting_id: int) -> tuple[MainWindow, object]:
    window = window_on(qtbot, services)
    window.controller.select_meeting(meeting_id)
    window.show_page("run")
    window.run_view.go_to(Phase.CLOSE)
    return window, window.run_view.close_phase


def test_members_rate_the_meeting_by_number_keys_with_the_answer_below_8(
    qtbot: QtBot, services: Services, meeting_id: int, people: dict[str, int]
) -> None:
    for member_id in list(people.values())[:3]:
        services.meetings.set_attendance(
            meeting_id=meeting_id, member_id=member_id, attendance=Attendance.PRESENT
        )
    window, close = _close_phase(qtbot, services, meeting_id)
    panel = close.rating_panel
    table = panel.table
    assert panel.model.rowCount() == 3  # the members present
    table.setFocus()
    panel.select_row(0)
    first = panel.current().name
    qtbot.keyClick(table, Qt.Key.Key_6)
    assert panel.answer_edit.isVisible() and panel.answer_edit.hasFocus()
    qtbot.keyClicks(panel.answer_edit, "Start on time")
    qtbot.keyClick(panel.answer_edit, Qt.Key.Key_Return)
    assert panel.current().name != first  # moved on to the next member
    qtbot.keyClick(table, Qt.Key.Key_0)  # 0 is 10
    assert not panel.answer_edit.isVisible()  # no question at 8 or more
    by_name = {r.member_name: r for r in services.accountability.ratings(meeting_id)}
    assert by_name[first].score == 6 and by_name[first].answer == "Start on time"
    assert sorted(r.score for r in by_name.values()) == [6, 10]
    assert panel.model.index(0, COL_ANSWER).data() == "Start on time"
    assert panel.model.index(0, COL_SCORE).data() == "6"
    assert "Average 8.0 from 2 of 3 present" in panel.summary_label.text()
    # Edit › Undo takes the last rating back.
    window.controller.undo_stack.undo()
    assert [r.score for r in services.accountability.ratings(meeting_id)] == [6]
    assert "Average 6.0 from 1 of 3 present" in panel.summary_label.text()


def test_anonymous_ratings_show_no_names_and_stop_at_the_number_present(
    qtbot: QtBot, services: Services, meeting_id: int, people: dict[str, int]
) -> None:
    for member_id in list(people.values())[:2]:
        services.meetings.set_attendance(
            meeting_id=meeting_id, member_id=member_id, attendance=Attendance.PRESENT
        )
    _window, close = _close_phase(qtbot, services, meeting_id)
    panel = close.rating_panel
    panel.anonymous_box.setChecked(True)
    assert panel.model.rowCount() == 1  # only the row for the next anonymous rating
    qtbot.keyClick(panel.table, Qt.Key.Key_9)
    panel.select_row(panel.model.rowCount() - 1)
    qtbot.keyClick(panel.table, Qt.Key.Key_8)
    ratings = services.accountability.ratings(meeting_id)
    assert [(r.anonymous, r.member_id, r.score) for r in ratings] == [
        (True, None, 9),
        (True, None, 8),
    ]
    shown = [panel.model.index(row, 0).data() for row in range(panel.model.rowCount())]
    assert shown == ["Anonymous", "Anonymous"]  # both given: no row for another one
    assert not any(name in shown for name in people)


# ---- Review: the owner's say/do ------------------------------------------------------------------
def test_the_review_shows_the_owners_say_do_when_their_action_comes_up(qtbot, demo) -> None:
    third = meeting_ids(demo)[2]
    window = window_on(qtbot, demo)
    window.controller.select_meeting(third)
    window.show_page("run")
    window.run_view.go_to(Phase.REVIEW)
    review = window.run_view.review_phase
    row = review.model.row_of(lambda f: f.action.owner_name == "Priya Raman")
    review.select_row(row)
    text = review.say_do_label.text()
    assert text.startswith("Say/do of Priya Raman: kept 1 of 2 (50 %) in the last 90 days")
    assert "at confidence 5/5: 1 of 2" in text


# ---- Prepare: proposals --------------------------------------------------------------------------
def test_prepare_proposes_items_and_puts_an_accepted_one_on_the_agenda(qtbot, demo) -> None:
    third = meeting_ids(demo)[2]
    window = window_on(qtbot, demo)
    window.controller.select_meeting(third)
    window.show_page("prepare")
    panel = window.prepare_view.proposals_panel
    assert panel.isVisible()
    titles = [p.title for p in panel.model.rows()]
    assert "Speed to lead off by 77 %" in titles
    panel.table.selectRow(titles.index("Speed to lead off by 77 %"))
    assert (
        "Speed to lead off by 77 % (1.77 h against a target of ≤ 1 h" in panel.reason_label.text()
    )
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    agenda = [item.title for item in demo.agenda.items(third)]
    assert agenda[-1] == "Speed to lead off by 77 %"
    shown = [
        window.prepare_view.agenda_model.index(r, 1).data()
        for r in range(window.prepare_view.agenda_model.rowCount())
    ]
    assert "Speed to lead off by 77 %" in shown
    slipped = next(i for i, p in enumerate(panel.model.rows()) if p.kind.value == "slipped")
    panel.table.selectRow(slipped)
    qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
    states = {p.title: p.state.value for p in panel.model.rows()}
    assert states["Speed to lead off by 77 %"] == "accepted"
    assert any(k.startswith("Slipped") and v == "dismissed" for k, v in states.items())
    window.controller.undo_stack.undo()  # the dismissal
    window.controller.undo_stack.undo()  # the acceptance: the item goes too
    assert "Speed to lead off by 77 %" not in [i.title for i in demo.agenda.items(third)]
    assert all(p.state.value == "open" for p in panel.model.rows())


# ---- Follow-ups › Accountability -----------------------------------------------------------------
def test_the_accountability_tab_shows_teams_members_calibration_and_charts(qtbot, demo) -> None:
    window = window_on(qtbot, demo)
    window.show_page("followups")
    page = window.followups_view
    view = page.accountability_view
    assert view._charts is None  # QtCharts only once the tab is shown
    page.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view._charts is not None)
    sales = view.team_cards[0]
    assert (sales.name.text(), sales.value.text()) == ("Sales", "71 %")
    assert sales.detail.text() == "5 of 7 kept in 90 days · below 90 %"
    names = [view.members_model.record(r).name for r in range(view.members_model.rowCount())]
    assert "Priya Raman" in names and "Noah Goldberg" in names
    levels = {row.level: row.say_do.made for row in view.calibration_model.rows()}
    assert levels[4] == 8 and levels[5] == 7
    assert len(view._charts.views) == 3
    assert "7.0 → 8.1 ▲" in view.ratings_label.text()


def test_the_say_do_report_is_exported_from_the_tab(qtbot, demo, monkeypatch, tmp_path) -> None:
    window = window_on(qtbot, demo)
    window.show_page("followups")
    view = window.followups_view.accountability_view
    window.followups_view.tabs.setCurrentWidget(view)
    target = tmp_path / "say-do.docx"
    monkeypatch.setattr(accountability_view, "ask_report_path", lambda *_a: target)
    assert view.export(".docx") == target
    document = docx.Document(str(target))
    assert document.paragraphs[0].text == "Say/do and calibration"
    assert any(
        "Priya Raman" in c.text for t in document.tables for row in t.rows for c in row.cells
    )


# ---- recaps from Close ---------------------------------------------------------------------------
def _server(port: int) -> None:
    mail_settings.save(
        MailSettings(
            host=H.HOST, port=port, security=Security.NONE, sender="amara@example.com", timeout=5
        )
    )


def _with_recap_dialog(qtbot, demo, monkeypatch, meeting_id: int, during) -> None:
    """Click "Send recaps…" in the Close phase; `during(dialog)` runs while it is up."""
    _window, close = _close_phase(qtbot, demo, meeting_id)
    shown: list[MailRunDialog] = []

    def exec_(self: MailRunDialog) -> int:
        shown.append(self)
        during(self)
        return 0

    monkeypatch.setattr(MailRunDialog, "exec", exec_)
    assert close.recap_button.isEnabled()  # a closed meeting
    qtbot.mouseClick(close.recap_button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1


def test_recaps_are_sent_from_close_and_each_row_says_the_server_accepted_it(
    qtbot, demo, monkeypatch
) -> None:
    second = meeting_ids(demo)[1]

    def send(dialog: MailRunDialog) -> None:
        assert dialog.model.rowCount() == 10 and dialog.send_button.isEnabled()
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        results = {dialog.model.index(r, COL_RESULT).data() for r in range(dialog.model.rowCount())}
        assert results == {"Sent: the server accepted it"}
        assert dialog.result_label.text().startswith("10 sent (accepted by the server)")

    with H.SmtpServer() as server:
        _server(server.port)
        _with_recap_dialog(qtbot, demo, monkeypatch, second, send)
        assert len(server.messages) == 10


def test_a_refusing_server_never_shows_sent_and_the_outbox_keeps_the_messages(
    qtbot, demo, monkeypatch
) -> None:
    second = meeting_ids(demo)[1]

    def send(dialog: MailRunDialog) -> None:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        results = [dialog.model.index(r, COL_RESULT).data() for r in range(dialog.model.rowCount())]
        assert all(r.startswith("Waiting in the outbox:") and "550 5.1.1" in r for r in results)
        assert not any("Sent" in r for r in results)
        assert dialog.result_label.text().startswith("0 sent (accepted by the server) · 10 waiting")

    with H.SmtpServer(H.Handler(refuse_rcpt="550 5.1.1 No such user")) as server:
        _server(server.port)
        _with_recap_dialog(qtbot, demo, monkeypatch, second, send)
        assert server.messages == []
    assert {r.status for r in demo.recaps.outbox()} == {OutboxStatus.QUEUED}
    # The outbox says the same: refused for good, nothing will try them on its own.
    dialog = window_on(qtbot, demo).show_outbox()
    qtbot.addWidget(dialog)
    answers = {dialog.proxy.index(r, 6).data() for r in range(dialog.proxy.rowCount())}
    assert answers and all("not retried on its own: use Retry" in a for a in answers), answers
    assert "One that failed is tried again later" not in dialog.hint.text()
    assert (
        "refused for good waits until you fix the cause and press Retry now" in dialog.hint.text()
    )


def test_an_address_at_an_international_domain_gets_its_recap_and_nobody_is_left_unsure(
    qtbot, demo, monkeypatch
) -> None:
    """A member's address typed as "…@bücher.example" (an accented domain, which the member
    form accepts): the recap goes out to its ASCII form, and everyone else's too — not a
    traceback that leaves that recap "sending" (later "unconfirmed") and the rest untried."""
    second = meeting_ids(demo)[1]
    person = demo.recaps.recap_recipients(second)[0]
    demo.people.update_member(member_id=person.member_id, email="jurgen@bücher.example")

    def send(dialog: MailRunDialog) -> None:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        results = [dialog.model.index(r, COL_RESULT).data() for r in range(dialog.model.rowCount())]
        assert results == ["Sent: the server accepted it"] * 10
        assert dialog.result_label.text().startswith("10 sent (accepted by the server).")

    with H.SmtpServer() as server:
        _server(server.port)
        _with_recap_dialog(qtbot, demo, monkeypatch, second, send)
        assert len(server.messages) == 10
        to = [str(m["To"]) for m in server.messages if "xn--bcher-kva" in str(m["To"])]
        assert to == [f"{person.name} <jurgen@xn--bcher-kva.example>"]
    assert {r.status for r in demo.recaps.outbox()} == {OutboxStatus.SENT}


def test_without_a_server_the_recaps_are_saved_as_eml_files(qtbot, demo, monkeypatch, tmp_path):
    second = meeting_ids(demo)[1]
    monkeypatch.setattr(mail_run_dialog, "ask_folder", lambda *_a: tmp_path)

    def save(dialog: MailRunDialog) -> None:
        assert not dialog.send_button.isEnabled()
        assert "No e-mail server is set" in dialog.server_label.text()
        qtbot.mouseClick(dialog.eml_button, Qt.MouseButton.LeftButton)
        assert dialog.result_label.text().startswith("10 e-mail(s) saved to")

    _with_recap_dialog(qtbot, demo, monkeypatch, second, save)
    assert len(list(tmp_path.glob("*.eml"))) == 10


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 2 MB tmpfs (root and mount needed, else the test skips)."""
    folder = tmp_path / "small-disk"
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _leave_free(folder: Path, room: int) -> None:
    """Fill `folder`'s file system, then free `room` bytes."""
    filler = folder / "filler.bin"
    with open(filler, "wb", buffering=0) as f:
        for size in (1 << 16, 512, 1):
            try:
                while True:
                    f.write(b"\0" * size)
            except OSError:
                continue
    os.truncate(filler, max(0, filler.stat().st_size - room))


def test_emls_on_a_disk_that_fills_halfway_say_who_got_a_file_and_who_did_not(
    qtbot, demo, monkeypatch, tmp_path, small_disk
) -> None:
    """Room for about three recaps of ten: the message must not say "not saved" of the
    files that are there, and must name everyone who has none."""
    second = meeting_ids(demo)[1]
    sample = tmp_path / "sample"
    sample.mkdir()
    demo.exports.recap_emls(meeting_id=second, folder=sample)
    size = max(p.stat().st_size for p in sample.glob("*.eml"))
    _leave_free(small_disk, size * 3 + size // 2)
    monkeypatch.setattr(mail_run_dialog, "ask_folder", lambda *_a: small_disk)
    warned: list[tuple[str, str]] = []
    monkeypatch.setattr(
        mail_run_dialog, "warn", lambda _p, title, text: warned.append((title, text))
    )
    names = [p.name for p in demo.recaps.recap_recipients(second)]

    def save(dialog: MailRunDialog) -> None:
        qtbot.mouseClick(dialog.eml_button, Qt.MouseButton.LeftButton)

    _with_recap_dialog(qtbot, demo, monkeypatch, second, save)
    saved = sorted(p.name for p in small_disk.glob("*.eml"))
    assert 0 < len(saved) < 10
    assert list(small_disk.glob(".*.tmp")) == []
    ((title, text),) = warned
    assert title == "Not all e-mails were saved"
    assert text.startswith(f"{len(saved)} of 10 e-mails were saved in {small_disk}")
    assert "not enough disk space" in text
    without = [n for n in names if not any(f.startswith(n) for f in saved)]
    assert len(without) == 10 - len(saved)
    assert all(n in text for n in without)


def test_two_names_that_make_the_same_file_name_get_two_eml_files(
    qtbot, demo, monkeypatch, tmp_path
) -> None:
    """ "Sam (Sales)" and "Sam [Sales]" both make "Sam _Sales_": the second file must not
    replace the first while the screen says two were saved."""
    second = meeting_ids(demo)[1]
    first, other = demo.recaps.recap_recipients(second)[:2]
    demo.people.update_member(member_id=first.member_id, name="Sam (Sales)")
    demo.people.update_member(member_id=other.member_id, name="Sam [Sales]")
    monkeypatch.setattr(mail_run_dialog, "ask_folder", lambda *_a: tmp_path)

    def save(dialog: MailRunDialog) -> None:
        qtbot.mouseClick(dialog.eml_button, Qt.MouseButton.LeftButton)
        assert dialog.result_label.text().startswith("10 e-mail(s) saved to")

    _with_recap_dialog(qtbot, demo, monkeypatch, second, save)
    files = list(tmp_path.glob("*.eml"))
    assert len(files) == 10
    to = [
        email.message_from_bytes(p.read_bytes(), policy=email.policy.default)["To"].addresses[0]
        for p in files
    ]
    assert {a.display_name for a in to} >= {"Sam (Sales)", "Sam [Sales]"}


# ---- the outbox ----------------------------------------------------------------------------------
def test_the_outbox_sends_an_unconfirmed_message_again_only_when_asked(
    qtbot, demo, monkeypatch
) -> None:
    first = meeting_ids(demo)[0]
    with H.SmtpServer(H.Handler(data_delay=2.5)) as server:
        mail_settings.save(
            MailSettings(
                host=H.HOST,
                port=server.port,
                security=Security.NONE,
                sender="a@example.com",
                timeout=1,
            )
        )
        queued = demo.recaps.queue_recaps(first)
        demo.recaps.send_outbox(ids=queued.queued[:1])
        assert H.wait_for(lambda: len(server.messages) == 1)
        server.handler.data_delay = 0
        window = window_on(qtbot, demo)
        dialog = window.show_outbox()
        qtbot.addWidget(dialog)
        row = next(
            r
            for r in range(dialog.proxy.rowCount())
            if dialog.proxy.index(r, 4).data() == "Unconfirmed"
        )
        dialog.table.selectRow(row)
        assert dialog.again_button.isEnabled() and dialog.received_button.isEnabled()
        asked: list[str] = []
        monkeypatch.setattr(outbox_dialog, "ask", lambda _p, _t, text: asked.append(text) or True)
        qtbot.mouseClick(dialog.again_button, Qt.MouseButton.LeftButton)
        assert asked and "twice" in asked[0]
        assert len(server.messages) == 2
        ids = {m["Message-ID"] for m in server.messages}
        assert len(ids) == 1  # the very same message
        statuses = {r.id: r.status for r in demo.recaps.outbox()}
        assert statuses[queued.queued[0]] is OutboxStatus.SENT
        dialog.close()


# ---- reminders at start --------------------------------------------------------------------------
def test_reminders_are_offered_at_start_when_due_and_not_now_puts_them_off(qtbot, demo) -> None:
    demo.recaps.clock = lambda: datetime.combine(TODAY, datetime.min.time()) + timedelta(hours=9)
    window = window_on(qtbot, demo)
    assert window.offer_reminders()
    bar = window.reminder_bar
    assert bar.isVisible()
    assert "open actions overdue or due this week" in bar.text.text()
    qtbot.mouseClick(bar.later_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    assert QSettings().value("reminders/not_now") == TODAY.isoformat()
    assert not window.offer_reminders()  # not again today


# ---- the Meetings page ---------------------------------------------------------------------------
def test_the_meetings_page_shows_each_meetings_rating_and_the_series_trend(qtbot, demo) -> None:
    window = window_on(qtbot, demo)
    view = window.meetings_view
    # Nothing selected: each series' trend.
    assert "Ratings of Monthly Sales & Marketing sync: 7.0 → 8.1 ▲" in view.details_text.text()
    second = meeting_ids(demo)[1]
    row = view.model.row_of(lambda m: m.id == second)
    assert view.model.index(row, COL_RATING).data() == "8.1"
    window.controller.select_meeting(second)
    text = view.details_text.text()
    assert "This meeting: 8.1 from 9 ratings." in text
    assert "7.0 → 8.1 ▲ · average 7.6" in text


# ---- settings ------------------------------------------------------------------------------------
def test_the_email_settings_keep_the_password_out_of_the_file(
    qtbot, services, memory_keyring, message_boxes
) -> None:
    from ui.views.settings_dialog import SettingsDialog

    dialog = SettingsDialog(recaps=services.recaps)
    qtbot.addWidget(dialog)
    group = dialog.mail_group
    group.host_edit.setText("smtp.example.com")
    group.user_edit.setText("facilitator")
    group.password_edit.setText("hunter2")
    group.sender_edit.setText("not an address")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted  # stays open, text kept
    assert group.error.isVisibleTo(dialog) and "sender" in group.error.text()
    assert group.sender_edit.text() == "not an address"
    group.sender_edit.setText("facilitator@example.com")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = mail_settings.load()
    assert (saved.host, saved.username, saved.security) == (
        "smtp.example.com",
        "facilitator",
        Security.STARTTLS,
    )
    assert "hunter2" not in mail_settings.settings_path().read_text()
    assert memory_keyring.get_password(mail_settings.KEYRING_SERVICE, saved.account) == "hunter2"


def test_review_of_a_done_action_updates_the_say_do_line(qtbot, demo) -> None:
    third = meeting_ids(demo)[2]
    window = window_on(qtbot, demo)
    window.controller.select_meeting(third)
    window.show_page("run")
    window.run_view.go_to(Phase.REVIEW)
    review = window.run_view.review_phase
    row = review.model.row_of(lambda f: f.action.owner_name == "Noah Goldberg")
    review.select_row(row)
    # Noah did not commit in the first meeting; his commitments of the second are not due yet.
    assert "no commitment counted yet" in review.say_do_label.text()
    QApplication.processEvents()
    assert ActionStatus.DONE  # the status buttons are covered by test_phases


def test_the_open_app_retries_what_waits_in_the_outbox_when_it_is_due(qtbot, demo) -> None:
    first = meeting_ids(demo)[0]
    _server(H.free_port())  # nobody there yet
    demo.recaps.queue_recaps(first)
    demo.recaps.send_outbox()
    assert {r.status for r in demo.recaps.outbox()} == {OutboxStatus.QUEUED}
    window = window_on(qtbot, demo)
    retrier = window.outbox_retrier
    assert not retrier.retry_due()  # tried a moment ago: not due yet
    with H.SmtpServer() as server:
        _server(server.port)
        later = datetime.now() + timedelta(minutes=6)
        demo.recaps.clock = lambda: later
        with qtbot.waitSignal(window.controller.outbox_changed, timeout=20000):
            assert retrier.retry_due()
        assert len(server.messages) == 9
    assert {r.status for r in demo.recaps.outbox()} == {OutboxStatus.SENT}
    assert "9 message(s) from the outbox sent" in window.statusBar().currentMessage()


# ---- the rating list follows whom it is on, while others change who is present ------------
@pytest.fixture
def rating_panel(qtbot: QtBot, controller, services: Services, meeting_id: int, people):
    for name in ("Ava Chen", "Ben Okafor", "Maya Rossi", "Leo Novak"):
        controller.set_attendance(
            meeting_id=meeting_id, member_id=people[name], attendance=Attendance.PRESENT
        )
    controller.select_meeting(meeting_id)
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    window.show_page("run")
    window.run_view.go_to(Phase.CLOSE)
    return window.run_view.close_phase.rating_panel


def _names(panel) -> list[str]:
    return [panel.model.data(panel.model.index(r, 0)) for r in range(panel.model.rowCount())]


def _rated(services: Services, meeting_id: int, people) -> dict[str, tuple[int, str]]:
    names = {v: k for k, v in people.items()}
    return {
        names.get(r.member_id, "anonymous"): (r.score, r.answer)
        for r in services.accountability.ratings(meeting_id)
    }


def _leaves(controller, meeting_id: int, member_id: int) -> None:
    """Someone listed above marks a member absent (another window, a phone, undo)."""
    controller.set_attendance(
        meeting_id=meeting_id, member_id=member_id, attendance=Attendance.ABSENT
    )


def test_a_rating_key_rates_the_member_selected_even_when_someone_above_leaves(
    qtbot, rating_panel, controller, services, meeting_id, people
) -> None:
    names = _names(rating_panel)
    leo = names.index("Leo Novak")
    rating_panel.select_row(leo)
    rating_panel.table.setFocus()
    _leaves(controller, meeting_id, people[names[leo - 1]])
    assert rating_panel.current().name == "Leo Novak"
    qtbot.keyClick(rating_panel.table, Qt.Key.Key_9)
    assert _rated(services, meeting_id, people) == {"Leo Novak": (9, "")}


def test_an_answer_being_typed_stays_with_its_member_when_the_list_changes(
    qtbot, rating_panel, controller, services, meeting_id, people
) -> None:
    first, _second, third, fourth = _names(rating_panel)
    rating_panel.select_row(_names(rating_panel).index(fourth))
    rating_panel.table.setFocus()
    qtbot.keyClick(rating_panel.table, Qt.Key.Key_5)
    rating_panel.select_row(_names(rating_panel).index(third))
    rating_panel.table.setFocus()
    qtbot.keyClick(rating_panel.table, Qt.Key.Key_6)  # asks what would make it a 10
    qtbot.keyClicks(rating_panel.answer_edit, "Shorter updates")
    _leaves(controller, meeting_id, people[first])
    assert rating_panel.answer_label.text().startswith(f"6 for {third}")
    qtbot.keyClick(rating_panel.answer_edit, Qt.Key.Key_Return)
    assert _rated(services, meeting_id, people) == {
        fourth: (5, ""),
        third: (6, "Shorter updates"),
    }


def test_a_phones_anonymous_rating_arriving_is_never_overwritten_by_the_next_key(
    qtbot, rating_panel, controller, services, meeting_id
) -> None:
    rating_panel.anonymous_box.setChecked(True)
    assert rating_panel.current().rating is None  # "Next anonymous rating…"
    controller.rate_meeting(meeting_id=meeting_id, score=9)  # a phone's, meanwhile
    assert rating_panel.current().rating is None  # still the next one, not the phone's
    qtbot.keyClick(rating_panel.table, Qt.Key.Key_8)
    scores = sorted(r.score for r in services.accountability.ratings(meeting_id))
    assert scores == [8, 9]


def test_when_the_selected_member_leaves_no_key_rates_anyone(
    qtbot, rating_panel, controller, services, meeting_id, people
) -> None:
    rating_panel.select_row(_names(rating_panel).index("Maya Rossi"))
    rating_panel.table.setFocus()
    _leaves(controller, meeting_id, people["Maya Rossi"])
    assert rating_panel.current() is None
    qtbot.keyClick(rating_panel.table, Qt.Key.Key_7)
    assert _rated(services, meeting_id, people) == {}

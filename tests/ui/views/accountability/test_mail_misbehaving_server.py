"""Recaps sent from Close to an SMTP server that misbehaves (a scripted one on loopback):
the connection cut during DATA, no answer to the final ".", a 421 halfway through ten
recipients, STARTTLS or a login refused, a full mailbox that clears, a keyring that fails.
Each time the dialog says who got a recap, who did not and why, and who is unknown; the
outbox says the same; Retry never sends anyone twice."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from harness import smtp as H
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import Phase
from alignmeet.domain.outbox import OutboxStatus
from alignmeet.mail import settings as mail_settings
from alignmeet.mail.settings import MailSettings, Security
from alignmeet.services import Services
from ui.controller import Controller
from ui.main_window import MainWindow
from ui.models.recipients_model import COL_RESULT
from ui.views.accountability.mail_run_dialog import MailRunDialog

TODAY = date.today()
SHOTS = os.environ.get("ALIGNMEET_SHOTS", "")  # a folder: keep pictures of these screens


def _settings(port: int, **kw: object) -> None:
    values: dict[str, object] = dict(
        host=H.HOST, port=port, security=Security.NONE, sender="amara@example.com", timeout=2
    )
    values.update(kw)
    mail_settings.save(MailSettings(**values))  # type: ignore[arg-type]


def _with_recap_dialog(qtbot: QtBot, services: Services, during) -> MainWindow:
    """The real window on the second (closed) meeting's Close phase; its "Send recaps…"
    button opens the dialog, and `during(dialog)` runs while it is up (instead of exec())."""
    second = sorted(services.meetings.list_meetings(), key=lambda m: m.starts_at)[1].id
    window = MainWindow(Controller(services))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.controller.select_meeting(second)
    window.show_page("run")
    window.run_view.go_to(Phase.CLOSE)
    close = window.run_view.close_phase
    shown: list[MailRunDialog] = []

    def exec_(dialog: MailRunDialog) -> int:
        shown.append(dialog)
        dialog.resize(980, 560)
        dialog.show()
        during(dialog)
        dialog.hide()
        return 0

    original = MailRunDialog.exec
    MailRunDialog.exec = exec_  # type: ignore[method-assign]
    try:
        qtbot.mouseClick(close.recap_button, Qt.MouseButton.LeftButton)
    finally:
        MailRunDialog.exec = original  # type: ignore[method-assign]
    assert len(shown) == 1
    return window


def _rows(dialog: MailRunDialog) -> dict[str, str]:
    model = dialog.model
    return {
        model.rows()[r].address: model.index(r, COL_RESULT).data() for r in range(model.rowCount())
    }


def _send(qtbot: QtBot, dialog: MailRunDialog) -> None:
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)


def _statuses(services: Services) -> dict[str, OutboxStatus]:
    return {r.recipient: r.status for r in services.recaps.outbox()}


def _grab(widget, name: str) -> None:
    """With ALIGNMEET_SHOTS set, keep a picture of what the user sees (to look at)."""
    if not SHOTS:
        return
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()  # the layout after the last change, as a person sees it
    widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def _outbox_grab(qtbot: QtBot, window: MainWindow, name: str) -> None:
    dialog = window.show_outbox()
    qtbot.addWidget(dialog)
    dialog.resize(1100, 520)
    _grab(dialog, name)
    dialog.close()


def test_no_answer_to_the_final_dot_leaves_that_recap_unknown_and_says_why_for_the_rest(
    qtbot, demo
) -> None:
    """Message 4 is handed over and the server never answers: that recap is *unconfirmed*
    (it may have arrived), and the six the run never reached say why they were not tried —
    not "Waiting in the outbox: " and nothing. Send again: the six go, the unknown one is
    not sent a second time."""
    seen: dict[str, dict[str, str]] = {}

    def during(dialog: MailRunDialog) -> None:
        _send(qtbot, dialog)
        seen["first"] = _rows(dialog)
        seen["label"] = {"": dialog.result_label.text()}
        _grab(dialog, "silent-first-run")
        _send(qtbot, dialog)
        seen["second"] = _rows(dialog)
        _grab(dialog, "silent-second-run")

    with H.ScriptedServer(after_data={3: "silent"}) as server:
        _settings(server.port)
        window = _with_recap_dialog(qtbot, demo, during)
        _outbox_grab(qtbot, window, "silent-outbox")
        assert server.received.count("liam.obrien@example.com") == 1  # never twice

    first = seen["first"]
    assert [a for a, t in first.items() if t == "Sent: the server accepted it"] == [
        "amara.nwosu@example.com",
        "elif.yilmaz@example.com",
        "kenji.watanabe@example.com",
    ]
    assert first["liam.obrien@example.com"].startswith("Unconfirmed:")
    assert "may have arrived" in first["liam.obrien@example.com"]
    untried = [t for a, t in first.items() if a > "liam.obrien@example.com"]
    assert len(untried) == 6
    for text in untried:
        assert text.startswith("Waiting in the outbox: not tried")
        assert "No answer" in text or "broke" in text  # the reason the run stopped
    label = seen["label"][""]
    assert label.startswith("3 sent (accepted by the server)")
    assert "1 unconfirmed" in label and "6 waiting" in label

    second = seen["second"]
    assert second["liam.obrien@example.com"].startswith("Unconfirmed:")
    assert sum(t == "Sent: the server accepted it" for t in second.values()) == 9
    statuses = _statuses(demo)
    assert statuses["liam.obrien@example.com"] is OutboxStatus.UNCONFIRMED
    assert sum(s is OutboxStatus.SENT for s in statuses.values()) == 9


def test_a_421_after_a_message_reconnects_and_the_rest_go_out_in_the_same_run(qtbot, demo) -> None:
    """The server answers the fifth recap's "." with 421 (closing): that one waits, and the
    next five go out through a new connection — not "closed the connection" for the next
    and four left untried."""
    seen: dict[str, object] = {}

    def during(dialog: MailRunDialog) -> None:
        _send(qtbot, dialog)
        seen["rows"] = _rows(dialog)
        seen["label"] = dialog.result_label.text()
        _grab(dialog, "421-run")

    with H.ScriptedServer(after_data={4: "421 4.3.0 Shutting down"}) as server:
        _settings(server.port)
        _with_recap_dialog(qtbot, demo, during)
        accepted = list(server.accepted)

    rows = seen["rows"]
    assert isinstance(rows, dict)
    assert "421 4.3.0" in rows["lucas.ferreira@example.com"]
    assert sum(t == "Sent: the server accepted it" for t in rows.values()) == 9
    assert str(seen["label"]).startswith("9 sent (accepted by the server) · 1 waiting")
    assert len(accepted) == len(set(accepted)) == 9


def test_a_login_the_server_refuses_never_promises_a_retry_that_will_not_come(
    qtbot, demo, memory_keyring
) -> None:
    """535 at AUTH is for good: the outbox does not try again on its own (until the
    settings change and Send is pressed), so the dialog must not say "tried again later"."""
    seen: dict[str, object] = {}

    def during(dialog: MailRunDialog) -> None:
        _send(qtbot, dialog)
        seen["rows"] = _rows(dialog)
        seen["label"] = dialog.result_label.text()
        _grab(dialog, "auth-refused")

    with H.ScriptedServer(
        extensions=("AUTH PLAIN LOGIN",), auth_reply="535 5.7.8 Bad credentials"
    ) as server:
        _settings(server.port, username="amara")
        memory_keyring.set_password(
            mail_settings.KEYRING_SERVICE, f"amara@{H.HOST}:{server.port}", "wrong"
        )
        window = _with_recap_dialog(qtbot, demo, during)
        _outbox_grab(qtbot, window, "auth-refused-outbox")
        assert server.accepted == []

    rows = seen["rows"]
    assert isinstance(rows, dict)
    assert all("535 5.7.8" in t for t in rows.values())
    label = str(seen["label"])
    assert label.startswith("0 sent (accepted by the server) · 10 waiting")
    assert "tried again later" not in label
    assert "not tried again until" in label
    assert all(r.next_attempt_at is None for r in demo.recaps.outbox())


def test_starttls_not_offered_says_what_to_change_and_promises_no_retry(qtbot, demo) -> None:
    seen: dict[str, object] = {}

    def during(dialog: MailRunDialog) -> None:
        _send(qtbot, dialog)
        seen["rows"] = _rows(dialog)
        seen["label"] = dialog.result_label.text()
        _grab(dialog, "starttls-not-offered")

    with H.ScriptedServer() as server:
        _settings(server.port, security=Security.STARTTLS)
        _with_recap_dialog(qtbot, demo, during)
    rows = seen["rows"]
    assert isinstance(rows, dict)
    assert all("does not offer STARTTLS" in t for t in rows.values())
    assert "tried again later" not in str(seen["label"])


def test_a_full_mailbox_waits_and_goes_out_once_when_send_is_pressed_again(qtbot, demo) -> None:
    seen: dict[str, dict[str, str]] = {}

    def during(dialog: MailRunDialog) -> None:
        _send(qtbot, dialog)
        seen["first"] = _rows(dialog)
        _send(qtbot, dialog)
        seen["second"] = _rows(dialog)

    with H.ScriptedServer(rcpt={2: "452 4.2.2 Mailbox full"}) as server:
        _settings(server.port)
        _with_recap_dialog(qtbot, demo, during)
        accepted = list(server.accepted)
    assert seen["first"]["kenji.watanabe@example.com"] == (
        f"Waiting in the outbox: The server 127.0.0.1:{server.port} refused the message for "
        "kenji.watanabe@example.com: 452 4.2.2 Mailbox full"
    )
    assert sum(t.startswith("Sent") for t in seen["first"].values()) == 9
    assert set(seen["second"].values()) == {"Sent: the server accepted it"}
    assert sorted(accepted) == sorted(set(accepted)) and len(accepted) == 10


def test_a_password_store_that_fails_says_so_and_sends_nothing(qtbot, demo, message_boxes) -> None:
    """A keyring backend that raises something of its own (a D-Bus error, not a
    KeyringError): a clear message, no traceback, every recap still queued, none tried."""
    import keyring
    from keyring.backend import KeyringBackend

    class Broken(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")

        def set_password(self, service: str, username: str, password: str) -> None:
            raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")

        def delete_password(self, service: str, username: str) -> None:
            raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")

    keyring.set_keyring(Broken())
    seen: dict[str, object] = {}

    def during(dialog: MailRunDialog) -> None:
        _send(qtbot, dialog)
        seen["rows"] = _rows(dialog)

    with H.ScriptedServer(extensions=("AUTH PLAIN LOGIN",)) as server:
        _settings(server.port, username="amara")
        _with_recap_dialog(qtbot, demo, during)
        assert server.connections == 0

    assert [b.title for b in message_boxes.shown] == ["Nothing was sent"]
    text = message_boxes.shown[0].text
    assert "password store" in text and mail_settings.PASSWORD_ENV in text
    assert "Traceback" not in text
    records = demo.recaps.outbox()
    assert len(records) == 10
    assert {(r.status, r.attempts) for r in records} == {(OutboxStatus.QUEUED, 0)}

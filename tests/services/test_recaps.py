"""Recaps and reminders that reach people (issue 15), through a real SMTP server on loopback
(aiosmtpd): each attendee's message arrives and parses (To, Subject, the .docx attachment
opens with python-docx); a server that refuses, never answers, rejects the password or
breaks off after the hand-over gives a clear message and the outbox keeps the message; a
retry sends it once; a crash between the server's "250" and the outbox row is held as
unconfirmed, never sent again on its own. Without a server: one .eml per attendee."""

from __future__ import annotations

import dataclasses
import email
import email.policy
import io
import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from html.parser import HTMLParser

import docx
import pytest
from harness import smtp as H
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from alignmeet.domain.enums import ActionStatus, Attendance
from alignmeet.domain.outbox import OutboxStatus
from alignmeet.domain.rules import ValidationError
from alignmeet.mail import settings as mail_settings
from alignmeet.mail.settings import MailSettings, MailSettingsError, PasswordUnavailable, Security
from alignmeet.services import Services
from alignmeet.storage.database import open_database

NOW = datetime(2026, 3, 3, 11, 30)
# aiosmtpd warns when a test server takes a login without TLS (as these do, on loopback).
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


@dataclass
class Clock:
    now: datetime = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch):
    import keyring

    previous = keyring.get_keyring()
    backend = H.MemoryKeyring()
    keyring.set_keyring(backend)
    monkeypatch.delenv(mail_settings.PASSWORD_ENV, raising=False)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def sv(db_url: str, clock: Clock) -> Services:
    services = Services(open_database(db_url), clock=clock)
    services.bootstrap()
    yield services
    services.close()


@dataclass
class Closed:
    meeting_id: int
    ids: dict[str, int]
    actions: dict[str, int]


@pytest.fixture
def closed(sv: Services, clock: Clock) -> Closed:
    """A closed meeting: Ana and Ben present with actions, Cy present without an address,
    Dee sent apologies; a decision; Ana committed with confidence 4."""
    teams = {t.name: t.id for t in sv.people.list_teams()}
    add = sv.people.add_member
    ids = {
        "ana": add(name="Ana López", team_id=teams["Sales"], email="ana@example.com").id,
        "ben": add(name="Ben Okoro", team_id=teams["Sales"], email="ben@example.com").id,
        "cy": add(name="Cy Martin", team_id=teams["Marketing"]).id,
        "dee": add(name="Dee Park", team_id=teams["Marketing"], email="dee@example.com").id,
    }
    clock.now = datetime(2026, 3, 3, 9, 0)
    meeting = sv.meetings.create_meeting(
        title="March sync",
        starts_at=datetime(2026, 3, 3, 9, 0),
        invitee_ids=list(ids.values()),
        facilitator_id=ids["ana"],
    )
    for key in ("ana", "ben", "cy"):
        sv.meetings.set_attendance(
            meeting_id=meeting.id, member_id=ids[key], attendance=Attendance.PRESENT
        )
    sv.meetings.set_attendance(
        meeting_id=meeting.id, member_id=ids["dee"], attendance=Attendance.APOLOGIES
    )
    item = sv.agenda.add_item(meeting_id=meeting.id, title="Lead quality", minutes=10)
    sv.agenda.add_decision(item_id=item.id, text="Score job titles in MQL v2")
    actions = {
        "ana": sv.actions.add_action(
            meeting_id=meeting.id,
            owner_id=ids["ana"],
            title="Publish the ICP",
            due=date(2026, 3, 20),
        ).id,
        "ben": sv.actions.add_action(
            meeting_id=meeting.id,
            owner_id=ids["ben"],
            title="Call every A lead",
            due=date(2026, 3, 6),
        ).id,
    }
    sv.meetings.commit(meeting_id=meeting.id, member_id=ids["ana"], confidence=4)
    clock.now = NOW
    sv.meetings.close_meeting(meeting_id=meeting.id)
    return Closed(meeting.id, ids, actions)


def use_server(
    sv: Services,
    port: int,
    *,
    security: Security = Security.NONE,
    user: str = "",
    password: str | None = None,
    timeout: int = 5,
) -> MailSettings:
    settings = MailSettings(
        host=H.HOST,
        port=port,
        security=security,
        username=user,
        sender="facilitator@example.com",
        sender_name="Ana López",
        timeout=timeout,
    )
    return sv.recaps.save_mail_settings(settings, password=password)


def parse(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)  # type: ignore[return-value]


def attachment_text(message: email.message.EmailMessage) -> str:
    (part,) = [p for p in message.iter_attachments()]
    document = docx.Document(io.BytesIO(part.get_content()))
    return "\n".join(p.text for p in document.paragraphs)


# ---- recaps arrive ----------------------------------------------------------------------------
def test_each_attendee_gets_their_own_recap_with_the_minutes_attached(sv, closed) -> None:
    with H.SmtpServer() as server:
        use_server(sv, server.port)
        queued = sv.recaps.queue_recaps(closed.meeting_id)
        assert len(queued.queued) == 2  # Ana and Ben; Cy has no address; Dee was away
        assert queued.without_address == ("Cy Martin",)
        report = sv.recaps.send_outbox()
        assert report.sent == 2 and report.failed == 0 and not report.stopped
        messages = {str(m["To"]): m for m in server.messages}
    assert set(messages) == {"Ana López <ana@example.com>", "Ben Okoro <ben@example.com>"}
    ana = messages["Ana López <ana@example.com>"]
    assert ana["Subject"] == "Your actions from March sync — 3 Mar 2026"
    assert ana["From"] == "Ana López <facilitator@example.com>"
    assert ana["Message-ID"].startswith("<alignmeet.recap.")
    body = ana.get_body(("plain",)).get_content()
    assert "Publish the ICP — due 20 Mar 2026" in body
    assert "Call every A lead" not in body  # Ben's action is in Ben's recap only
    assert "confidence 4/5" in body
    assert "Score job titles in MQL v2" in body
    assert "March sync" in attachment_text(ana)  # the .docx opens and is these minutes
    ben = messages["Ben Okoro <ben@example.com>"]
    assert "did not commit" in ben.get_body(("plain",)).get_content()
    assert {r.status for r in sv.recaps.outbox()} == {OutboxStatus.SENT}


def test_queueing_twice_queues_nothing_new_and_sends_nothing_twice(sv, closed) -> None:
    with H.SmtpServer() as server:
        use_server(sv, server.port)
        sv.recaps.queue_recaps(closed.meeting_id)
        again = sv.recaps.queue_recaps(closed.meeting_id)
        assert again.queued == () and set(again.already) == {"Ana López", "Ben Okoro"}
        sv.recaps.send_outbox()
        assert sv.recaps.send_outbox().outcomes == ()
        assert len(server.messages) == 2


def test_recaps_wait_for_the_meeting_to_be_closed(sv, closed) -> None:
    sv.meetings.reopen_meeting(closed.meeting_id)
    use_server(sv, H.free_port())
    with pytest.raises(ValidationError, match="Close the meeting first"):
        sv.recaps.queue_recaps(closed.meeting_id)


def test_without_a_server_nothing_is_queued_and_the_message_says_what_to_do(sv, closed) -> None:
    with pytest.raises(MailSettingsError, match="No e-mail server is set"):
        sv.recaps.queue_recaps(closed.meeting_id)
    assert sv.recaps.outbox() == []


def test_without_a_server_one_eml_per_attendee_is_written(sv, closed, tmp_path) -> None:
    result = sv.recaps.write_recap_emls(closed.meeting_id, tmp_path)
    assert sorted(p.name for p in result.files) == [
        "Ana López – recap.eml",
        "Ben Okoro – recap.eml",
    ]
    message = parse((tmp_path / "Ana López – recap.eml").read_bytes())
    assert message["X-Unsent"] == "1" and message["To"] == "Ana López <ana@example.com>"
    assert "March sync" in attachment_text(message)
    assert result.without_address == ("Cy Martin",)


# ---- the approval, as the attached minutes word it, in both parts -------------------------------
class Text(HTMLParser):
    """An HTML part's text as a mail program shows it, and every tag it uses."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []
        self._skip = 0
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._skip += tag in ("title", "style")
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("title", "style")
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)

    @property
    def flat(self) -> str:
        return " ".join("".join(self.parts).split())


RECAP_TAGS = {"html", "head", "meta", "title", "body", "p", "h2", "ul", "li", "br", "span"}


def both_parts(message: email.message.EmailMessage) -> tuple[str, Text]:
    """(the plain-text part, folded; the HTML part's text): what a reader sees in each."""
    plain = " ".join(message.get_body(("plain",)).get_content().split())
    html = message.get_body(("html",))
    assert html is not None, "the recap has no HTML part"
    return plain, Text(html.get_content())


def approve_in_april(sv: Services, closed: Closed, clock: Clock, title: str = "April sync") -> int:
    """April sync (`title`), the next meeting of the series: Ana and Ben present, it
    approves revision 1 of the March minutes and is closed on 31 Mar 2026 at 10:40."""
    march = sv.meetings.get_meeting(closed.meeting_id)
    clock.now = datetime(2026, 3, 31, 9, 0)
    april = sv.meetings.create_meeting(
        title=title,
        starts_at=datetime(2026, 3, 31, 9, 0),
        series_id=march.series_id,
        invitee_ids=[closed.ids["ana"], closed.ids["ben"]],
        facilitator_id=closed.ids["ana"],
        note_taker_id=closed.ids["ben"],
    )
    for key in ("ana", "ben"):
        sv.meetings.set_attendance(
            meeting_id=april.id, member_id=closed.ids[key], attendance=Attendance.PRESENT
        )
    sv.minutes.approve_previous(meeting_id=april.id, revision=1)
    clock.now = datetime(2026, 3, 31, 10, 40)
    sv.meetings.close_meeting(meeting_id=april.id)
    return april.id


def test_the_recap_says_in_both_parts_which_minutes_were_approved_when_and_where(
    sv, closed, clock
) -> None:
    april = approve_in_april(sv, closed, clock)
    with H.SmtpServer() as server:
        use_server(sv, server.port)
        sv.recaps.queue_recaps(april)
        sv.recaps.queue_recaps(closed.meeting_id)  # March's recap, sent after its approval
        assert sv.recaps.send_outbox().sent == 4
        received = {(str(m["To"]), m["Subject"]): m for m in server.messages}
    ana = "Ana López <ana@example.com>"
    april_mail = received[(ana, "Your actions from April sync — 31 Mar 2026")]
    march_mail = received[(ana, "Your actions from March sync — 3 Mar 2026")]
    attached = " ".join(attachment_text(april_mail).split())
    plain, html = both_parts(april_mail)
    for line in (
        "Minutes of record as closed on 31 Mar 2026 at 10:40 (revision 1).",
        "Not yet approved: due for approval at the next meeting of the series.",
        "The minutes of March sync (3 Mar 2026, revision 1) were approved.",
        "Facilitator: Ana López · Minutes taken by: Ben Okoro",
    ):
        assert line in attached  # the attached minutes say it so...
        assert line in plain.split("APPROVAL", 1)[1]  # ...and so do both parts
        assert line in html.flat.split("APPROVAL", 1)[1]
    plain, html = both_parts(march_mail)
    approved = "Approved in April sync on 31 Mar 2026 (revision 1)."
    assert approved in " ".join(attachment_text(march_mail).split())
    assert approved in plain.split("APPROVAL", 1)[1] and approved in html.flat
    assert "Minutes of record as closed on 3 Mar 2026 at 11:30 (revision 1)." in plain
    assert set(html.tags) <= RECAP_TAGS


def test_the_recap_approval_reads_in_german_in_both_parts(sv, closed, clock, tmp_path) -> None:
    from alignmeet.i18n import use_language

    with use_language("de"):  # April closed in German: its minutes of record are German
        april = approve_in_april(sv, closed, clock)
        result = sv.recaps.write_recap_emls(april, tmp_path)
    message = parse(next(p for p in result.files if p.name.startswith("Ana")).read_bytes())
    plain, html = both_parts(message)
    attached = " ".join(attachment_text(message).split())
    for text in (plain, html.flat):
        assert "FREIGABE" in text
        block = text.split("FREIGABE", 1)[1]
        for line in (
            "Noch nicht genehmigt: zur Genehmigung in der nächsten Besprechung der Reihe.",
            "Das Protokoll von March sync (3. März 2026, Stand 1) wurde genehmigt.",
        ):
            assert line in block and line in attached
        assert "APPROVAL" not in text and "were approved" not in text
    assert message.get_body(("html",))["Content-Type"].params["charset"] == "utf-8"
    assert '<html lang="de">' in message.get_body(("html",)).get_content()


def test_text_the_gate_never_saw_stays_inert_in_the_html_part(sv, closed) -> None:
    """Past the services' text gate (a record read from an older file, a future caller):
    a lone surrogate, an RLO and markup in the minutes still make a 7-bit message whose
    HTML part shows them as text."""
    from alignmeet.export.recap_email import recap_mail

    data = sv.minutes.gather(closed.meeting_id)
    hostile = "<script>alert(1)</script> \u202eevil \ud800 {{7*7}}"
    data = dataclasses.replace(
        data,
        meeting=dataclasses.replace(data.meeting, title=hostile, facilitator_name=hostile),
    )
    mail = recap_mail(
        data,
        closed.ids["ana"],
        to=("Ana López", "ana@example.com"),
        sender=None,
        msg_id="<t@example.com>",
        when=NOW,
        attachment=None,
    )
    message = parse(mail.content)
    plain, html = both_parts(message)
    assert set(html.tags) <= RECAP_TAGS
    # Shown as text, and the RLO closed (PDF) inside its isolate (FSI … PDI): the words
    # after the title keep their order.
    isolated = "\u2068<script>alert(1)</script> \u202eevil {{7*7}}\u202c\u2069"
    assert f"recap of “{isolated}” (Tuesday 3 March 2026, 09:00)." in html.flat
    assert f"recap of “{isolated}” (Tuesday 3 March 2026, 09:00)." in plain
    assert "\ud800" not in message.get_body(("html",)).get_content()
    assert f"Facilitator: {isolated}" in html.flat.split("APPROVAL", 1)[1]  # isolated too
    assert "<script>alert(1)</script>" in plain


# ---- servers that fail --------------------------------------------------------------------------
def test_a_refused_recipient_stays_queued_with_the_reason_and_a_retry_sends_it_once(
    sv, closed, clock
) -> None:
    handler = H.Handler(refuse_rcpt="550 5.1.1 Mailbox unavailable")
    with H.SmtpServer(handler) as server:
        use_server(sv, server.port)
        sv.recaps.queue_recaps(closed.meeting_id)
        report = sv.recaps.send_outbox()
        assert report.failed == 2 and report.sent == 0
        rows = sv.recaps.outbox()
        assert {r.status for r in rows} == {OutboxStatus.QUEUED}
        assert all("550 5.1.1 Mailbox unavailable" in r.last_error for r in rows)
        assert all(r.attempts == 1 and r.next_attempt_at is None for r in rows)  # for good
        clock.now += timedelta(days=1)
        assert sv.recaps.send_outbox().outcomes == ()  # refused for good: not on its own
        handler.refuse_rcpt = ""  # the address was fixed on the server's side
        report = sv.recaps.send_outbox(force=True)  # "Retry" in the outbox
        assert report.sent == 2
        assert sv.recaps.send_outbox(force=True).outcomes == ()
        assert sorted(server.recipients()) == ["ana@example.com", "ben@example.com"]


def test_an_accented_sender_domain_is_sent_from_its_ascii_form_not_a_traceback(sv, closed):
    with H.SmtpServer() as server:
        settings = use_server(sv, server.port)
        saved = sv.recaps.save_mail_settings(
            dataclasses.replace(settings, sender="ana@bücher.example")
        )
        assert saved.sender == "ana@xn--bcher-kva.example"
        sv.recaps.queue_recaps(closed.meeting_id)
        assert sv.recaps.send_outbox().sent == 2
        assert {str(m["From"]) for m in server.messages} == {
            "Ana López <ana@xn--bcher-kva.example>"
        }


def test_an_address_no_server_can_take_stays_queued_with_the_reason(sv, closed) -> None:
    """A row queued with an address smtplib cannot encode (older outboxes): a reason, the
    message queued for good, the next one sent — never left "sending"."""
    with H.SmtpServer() as server:
        use_server(sv, server.port)
        sv.people.update_member(member_id=closed.ids["ana"], email="ana@bücher.example")
        queued = sv.recaps.queue_recaps(closed.meeting_id)
        with sv.db.transaction() as s:  # what an older AlignMeet queued for her
            from alignmeet.storage import models as m

            for ident in queued.queued:
                row = s.get(m.OutboxMessage, ident)
                if row.recipient.startswith("ana@"):
                    row.recipient = "ana@bücher.example"
        report = sv.recaps.send_outbox()
        assert report.sent == 1 and report.failed == 1
        (waiting,) = [r for r in sv.recaps.outbox() if r.status is OutboxStatus.QUEUED]
        assert "ana@bücher.example has characters this server cannot take" in waiting.last_error
        assert server.recipients() == ["ben@example.com"]


def test_a_temporary_failure_is_retried_later_on_its_own_and_sent_once(sv, closed, clock):
    handler = H.Handler(data_replies=["451 4.3.0 Try again later"])
    with H.SmtpServer(handler) as server:
        use_server(sv, server.port)
        sv.recaps.queue_recaps(closed.meeting_id)
        first = sv.recaps.send_outbox()
        assert first.failed == 1 and first.sent == 1
        (waiting,) = [r for r in sv.recaps.outbox() if r.status is OutboxStatus.QUEUED]
        assert "451 4.3.0 Try again later" in waiting.last_error
        assert waiting.next_attempt_at == NOW + timedelta(minutes=5)
        assert sv.recaps.send_outbox().outcomes == ()  # not due yet
        clock.now += timedelta(minutes=6)
        assert sv.recaps.send_outbox().sent == 1
        assert len(server.messages) == 2  # each attendee once
        assert len({m["Message-ID"] for m in server.messages}) == 2


def test_a_wrong_password_gives_a_clear_message_and_keeps_the_messages(sv, closed) -> None:
    with H.SmtpServer(password="right horse") as server:
        use_server(sv, server.port, user="facilitator", password="wrong horse")
        sv.recaps.queue_recaps(closed.meeting_id)
        report = sv.recaps.send_outbox()
        assert report.sent == 0
        assert "refused the user name or password for facilitator" in report.stopped
        assert "wrong horse" not in report.stopped
        rows = sv.recaps.outbox()
        assert {r.status for r in rows} == {OutboxStatus.QUEUED}
        assert all("password" in r.last_error and "wrong horse" not in r.last_error for r in rows)
        use_server(sv, server.port, user="facilitator", password="right horse")
        assert sv.recaps.send_outbox(force=True).sent == 2
        assert len(server.messages) == 2


def test_nobody_listening_is_a_refused_connection_and_the_messages_stay(sv, closed) -> None:
    use_server(sv, H.free_port())
    sv.recaps.queue_recaps(closed.meeting_id)
    report = sv.recaps.send_outbox()
    assert "refused the connection" in report.stopped
    assert all(r.status is OutboxStatus.QUEUED and r.attempts == 1 for r in sv.recaps.outbox())


def test_a_server_that_never_answers_times_out_and_the_messages_stay(sv, closed) -> None:
    with H.SilentServer() as server:
        use_server(sv, server.port, timeout=1)
        sv.recaps.queue_recaps(closed.meeting_id)
        report = sv.recaps.send_outbox()
    assert "No answer from 127.0.0.1" in report.stopped and "within 1 s" in report.stopped
    assert all(r.status is OutboxStatus.QUEUED for r in sv.recaps.outbox())


def test_no_answer_after_the_hand_over_is_unconfirmed_and_never_sent_again_on_its_own(
    sv, closed, clock
) -> None:
    handler = H.Handler(data_delay=2.5)  # accepts, but only after the client gave up
    with H.SmtpServer(handler) as server:
        use_server(sv, server.port, timeout=1)
        queued = sv.recaps.queue_recaps(closed.meeting_id)
        report = sv.recaps.send_outbox()
        assert report.unconfirmed == 1 and report.sent == 0
        assert "may have arrived" in report.outcomes[0].detail
        assert H.wait_for(lambda: len(server.messages) == 1)  # it did arrive
        clock.now += timedelta(days=2)
        handler.data_delay = 0
        later = sv.recaps.send_outbox()  # the other recap goes; the unconfirmed one stays
        assert later.sent == 1
        statuses = {r.id: r.status for r in sv.recaps.outbox()}
        assert statuses[queued.queued[0]] is OutboxStatus.UNCONFIRMED
        assert len(server.messages) == 2
        # A person decides to send it again: the same Message-ID goes out.
        sv.recaps.send_again(queued.queued[0])
        assert sv.recaps.send_outbox().sent == 1
        ids = [m["Message-ID"] for m in server.messages]
        assert len(ids) == 3 and len(set(ids)) == 2


def test_a_crash_between_the_servers_ok_and_the_outbox_row_is_held_unconfirmed(
    sv, closed, clock, monkeypatch, db_url
) -> None:
    from alignmeet.services.recaps import RecapService

    class Crash(BaseException):
        pass

    original = RecapService._finish

    def dies_after_the_server_said_ok(self, ident, status, **kw):  # type: ignore[no-untyped-def]
        if status is OutboxStatus.SENT:
            raise Crash  # the power went out: nothing after the server's 250 happened
        return original(self, ident, status, **kw)

    with H.SmtpServer() as server:
        use_server(sv, server.port)
        sv.recaps.queue_recaps(closed.meeting_id)
        monkeypatch.setattr(RecapService, "_finish", dies_after_the_server_said_ok)
        with pytest.raises(Crash):
            sv.recaps.send_outbox()
        monkeypatch.setattr(RecapService, "_finish", original)
        assert len(server.messages) == 1
        # The next AlignMeet (or cron run), later: the claim has run out.
        restarted = Services(open_database(db_url), clock=Clock(NOW + timedelta(minutes=11)))
        try:
            report = restarted.recaps.send_outbox()
            assert report.sent == 1  # the other recap, never tried
            statuses = sorted(r.status.value for r in restarted.recaps.outbox())
            assert statuses == ["sent", "unconfirmed"]
            assert restarted.recaps.send_outbox(force=True).outcomes == ()
        finally:
            restarted.close()
        assert len(server.messages) == 2  # one each: the crashed one was not sent again


def test_two_senders_never_send_the_same_message(sv, closed, db_url, monkeypatch) -> None:
    with H.SmtpServer() as server:
        use_server(sv, server.port)
        queued = sv.recaps.queue_recaps(closed.meeting_id)
        # This sender read both as due; then the other one claimed the first (a race).
        monkeypatch.setattr(sv.recaps, "due_ids", lambda **_kw: list(queued.queued))
        other = Services(open_database(db_url), clock=Clock())
        try:
            assert other.recaps._claim(queued.queued[0]) is not None  # the other one has it
            report = sv.recaps.send_outbox()
        finally:
            other.close()
        assert report.sent == 1
        assert [m["To"] for m in server.messages] == ["Ben Okoro <ben@example.com>"]


# ---- TLS and the password ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    return H.make_certificate(tmp_path_factory.mktemp("tls"))


@pytest.mark.parametrize("security", [Security.STARTTLS, Security.SSL])
@pytest.mark.sqlite_only
def test_recaps_go_through_starttls_and_ssl_with_a_login(sv, closed, certificate, security):
    context = certificate.server_context()
    tls = {"tls": context} if security is Security.STARTTLS else {"implicit_tls": context}
    with H.SmtpServer(password="s3cret", **tls) as server:
        use_server(sv, server.port, security=security, user="facilitator", password="s3cret")
        sv.recaps.ssl_context = certificate.client_context()
        sv.recaps.queue_recaps(closed.meeting_id)
        assert sv.recaps.send_outbox().sent == 2
        assert len(server.messages) == 2


@pytest.mark.sqlite_only
def test_an_untrusted_certificate_is_refused_with_a_clear_message(sv, closed, certificate):
    with H.SmtpServer(tls=certificate.server_context()) as server:
        use_server(sv, server.port, security=Security.STARTTLS)
        sv.recaps.queue_recaps(closed.meeting_id)
        report = sv.recaps.send_outbox()  # the system's trust store does not know this one
        assert "did not prove who it is" in report.stopped
        assert server.messages == []


@pytest.mark.sqlite_only
def test_no_keyring_backend_says_to_use_the_environment_variable(sv, closed, monkeypatch):
    import keyring
    from keyring.backends import fail

    with H.SmtpServer(password="from env") as server:
        settings = MailSettings(
            host=H.HOST,
            port=server.port,
            security=Security.NONE,
            username="facilitator",
            sender="facilitator@example.com",
            timeout=5,
        )
        mail_settings.save(settings)
        keyring.set_keyring(fail.Keyring())
        with pytest.raises(PasswordUnavailable, match=mail_settings.PASSWORD_ENV):
            mail_settings.set_password(settings, "x")
        sv.recaps.queue_recaps(closed.meeting_id)
        with pytest.raises(PasswordUnavailable, match="no password store"):
            sv.recaps.send_outbox()
        assert all(r.attempts == 0 for r in sv.recaps.outbox())  # nothing touched
        monkeypatch.setenv(mail_settings.PASSWORD_ENV, "from env")
        assert sv.recaps.send_outbox().sent == 2


@pytest.mark.sqlite_only
def test_the_settings_file_never_holds_the_password(sv, memory_keyring) -> None:
    saved = use_server(sv, 2525, user="facilitator", password="hunter2")
    text = mail_settings.settings_path().read_text()
    assert "hunter2" not in text
    assert json.loads(text)["host"] == H.HOST
    assert mail_settings.load() == saved
    assert memory_keyring.get_password(mail_settings.KEYRING_SERVICE, saved.account) == "hunter2"
    with pytest.raises(ValidationError) as caught:
        sv.recaps.save_mail_settings(MailSettings(host="smtp.example.com", sender="nobody"))
    assert caught.value.field == "sender"
    with pytest.raises(ValidationError) as caught:
        sv.recaps.save_mail_settings(MailSettings(host="smtp example.com"))
    assert caught.value.field == "host"


def test_check_mail_settings_tells_what_is_wrong_without_sending(sv) -> None:
    with H.SmtpServer(password="ok") as server:
        settings = MailSettings(
            host=H.HOST,
            port=server.port,
            security=Security.NONE,
            username="facilitator",
            sender="f@example.com",
            timeout=5,
        )
        assert sv.recaps.check_mail_settings(settings, "ok") == ""
        assert "refused the user name or password" in sv.recaps.check_mail_settings(
            settings, "nope"
        )
        assert server.messages == []


# ---- reminders ---------------------------------------------------------------------------------
def test_reminders_list_each_owners_overdue_and_due_this_week_once_a_day(sv, closed, clock):
    ana = closed.ids["ana"]
    extra = sv.actions.add_action(
        meeting_id=closed.meeting_id, owner_id=ana, title="Later thing", due=date(2026, 4, 30)
    )
    clock.now = datetime(2026, 3, 14, 8, 0)  # Ben's is overdue, Ana's due on the 20th
    sv.actions.set_status(action_id=closed.actions["ben"], status=ActionStatus.IN_PROGRESS)
    assert [p.name for p in sv.recaps.reminders_due()] == ["Ana López", "Ben Okoro"]
    with H.SmtpServer() as server:
        use_server(sv, server.port)
        result = sv.recaps.queue_reminders()
        assert len(result.queued) == 2
        assert sv.recaps.queue_reminders().queued == ()  # once a day per owner
        sv.recaps.send_outbox()
        by_to = {str(m["To"]): m for m in server.messages}
    ana_mail = by_to["Ana López <ana@example.com>"]
    assert ana_mail["Subject"] == "Due this week: 1 action"
    body = ana_mail.get_body(("plain",)).get_content()
    assert "Publish the ICP — 20 Mar 2026" in body and "Later thing" not in body
    ben_body = by_to["Ben Okoro <ben@example.com>"].get_body(("plain",)).get_content()
    assert "Call every A lead — 6 Mar 2026 (overdue)" in ben_body
    assert sv.recaps.reminders_due() == []  # just sent
    clock.now += timedelta(days=7)
    assert sv.recaps.reminders_due() != []  # a week later, offered again
    assert extra.id


# ---- hostile text ---------------------------------------------------------------------------
def _kept(field: str, text: str) -> str:
    """What the text gate keeps of `text` ("" when it refuses it)."""
    from alignmeet.domain.rules import ValidationError
    from alignmeet.domain.text_gate import gate_text

    try:
        return gate_text(field, text)
    except ValidationError:
        return ""


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    # Text a person can type: what the text gate keeps of it is not empty (a title of only
    # control characters is refused as empty, before any recap).
    title=st.text(min_size=1, max_size=80).filter(
        lambda t: "\x00" not in t and _kept("title", t).strip()
    ),
    name=st.text(min_size=1, max_size=40).filter(
        lambda t: "\x00" not in t and _kept("name", t).strip()
    ),
)
@example(title="</li></ul><script>alert(1)</script>", name="<b>Sam</b> {{7*7}}")
@example(title="\u202eevil title", name="\u202eRLO name")
@pytest.mark.sqlite_only
def test_any_typed_text_makes_a_recap_that_parses_with_no_header_injected(
    sv, closed, tmp_path_factory, title, name
) -> None:
    from alignmeet.domain.bidi import bidi_safe
    from alignmeet.export.email_minutes import header_text
    from alignmeet.export.sanitize import clean_text

    # The recap tells what the minutes of record say: the title changes in a reopened
    # meeting, closed again (a new revision).
    sv.meetings.reopen_meeting(closed.meeting_id)
    stored_title = sv.actions.update_action(action_id=closed.actions["ana"], title=title).title
    sv.meetings.close_meeting(meeting_id=closed.meeting_id)
    ana = sv.people.list_members()[0]
    stored_name = sv.people.update_member(member_id=closed.ids["ana"], name=name + " Z").name
    folder = tmp_path_factory.mktemp("eml")
    result = sv.recaps.write_recap_emls(closed.meeting_id, folder)
    sv.people.update_member(member_id=closed.ids["ana"], name=ana.name)
    for path in result.files:
        raw = path.read_bytes()
        raw.decode("ascii")  # 7-bit all through
        message = parse(raw)
        assert not message.defects
        assert set(message.keys()) <= {
            "Subject",
            "From",
            "To",
            "Date",
            "Message-ID",
            "Auto-Submitted",
            "X-AlignMeet-Kind",
            "X-Unsent",
            "MIME-Version",
            "Content-Type",
        }
        assert "\n" not in message["Subject"] and "\r" not in message["Subject"]
        body = " ".join(message.get_body(("plain",)).get_content().split())
        to = message["To"].addresses[0]
        if to.addr_spec == "ana@example.com":
            assert to.display_name == header_text(stored_name)
            # Isolated from our words (an RLO cannot turn "— due …" around).
            folded = bidi_safe(" ".join(clean_text(stored_title).split()))
            assert f"- {folded} — due 20 Mar 2026" in body
            # The HTML part shows the same text literally: no tag or script of the user's.
            _plain, html = both_parts(message)
            assert set(html.tags) <= RECAP_TAGS
            assert f"{folded} — due 20 Mar 2026" in html.flat


def test_recaps_of_minutes_closed_in_english_stay_english_when_sent_from_a_german_window(
    sv, closed, tmp_path
) -> None:
    """March closed in English; the facilitator switches AlignMeet to German and then sends
    the recaps. Each recap repeats the words of its attached minutes of record (which stay
    English), so the mail is English too — subject, both parts, the attachment's name —
    not German text around English minutes that contradict it."""
    from alignmeet.i18n import use_language

    with use_language("de"):
        result = sv.recaps.write_recap_emls(closed.meeting_id, tmp_path)
    message = parse(next(p for p in result.files if p.name.startswith("Ana")).read_bytes())
    attached = " ".join(attachment_text(message).split())
    plain, html = both_parts(message)
    line = "Minutes of record as closed on 3 Mar 2026 at 11:30 (revision 1)."
    assert line in attached  # the record keeps its language...
    assert line in plain and line in html.flat  # ...and the mail says what it says
    assert message["Subject"] == "Your actions from March sync — 3 Mar 2026"
    assert "FREIGABE" not in plain and "Protokoll" not in plain
    (part,) = list(message.iter_attachments())
    assert part.get_filename() == "March sync 2026-03-03 minutes.docx"
    assert '<html lang="en">' in message.get_body(("html",)).get_content()

"""The minutes as an e-mail: subject and plain-text body from a Jinja2 template, and an .eml
file a mail program opens as a draft. User text stays literal and never adds a header."""

from __future__ import annotations

import dataclasses
import email
import re
from datetime import datetime
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignmeet.domain.records import AgendaItemMinutes, DecisionRecord, MemberPlan
from alignmeet.export import ExportError
from alignmeet.export.email_minutes import (
    eml_bytes,
    header_text,
    minutes_email,
    one_line,
    recipients,
    write_eml,
)
from alignmeet.paths import templates_dir

from .test_minutes_docx import (
    STARTS,
    action,
    agenda_item,
    make_minutes,
    meeting_record,
    participant,
)

EMAILS = {1: "dana@example.com", 2: "marco@example.com", 3: "not an address", 6: "lena@ex.org"}


def folded(header: str) -> str:
    """A header as a mail program shows it (unfolding may leave a double space)."""
    return " ".join(str(header).split())


def parse(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


@pytest.fixture(scope="module")
def sample() -> tuple[str, str]:
    return minutes_email(make_minutes())


def test_the_template_ships_in_the_templates_folder() -> None:
    assert (templates_dir() / "minutes_email.txt.j2").is_file()


def test_subject_names_the_meeting_and_its_date(sample: tuple[str, str]) -> None:
    subject, _body = sample
    assert subject == "Minutes: October pipeline alignment — Thursday 1 October 2026"


def test_body_has_decisions_actions_per_member_commitments_and_next_meeting(
    sample: tuple[str, str],
) -> None:
    _subject, body = sample
    expected_in_order = [
        "Hello everyone,",
        "Here is the summary of “October pipeline alignment” (Thursday 1 October 2026, "
        "09:00, Monthly Sales & Marketing sync, Room Ada, 3rd floor).",
        "Present: Dana Whitfield, Priya Raman, Marco Bellini, Sofia Almeida, Tom Okafor",
        "Apologies: Lena Fischer",
        "DECISIONS",
        "- Speed-to-lead target stays at 4 hours. (KPI review: MQL → SQL conversion)",
        "- Students are filtered out before leads reach Sales. "
        "(Lead feedback: why leads were rejected)",
        "ACTIONS (8)",
        "Dana Whitfield",
        "  - Publish the agreed MQL definition — due 15 Oct 2026 (Marketing)",
        "    Milestone: Legal review by 10 Oct",
        "Priya Raman",
        "  - no actions recorded",
        "Marco Bellini",
        "  - Review rejected-lead reasons weekly with Marketing — no due date (Joint)",
        "COMMITMENTS",
        "4 of 5 present members committed to their plan.",
        "- Priya Raman: has not committed yet",
        "- Sofia Almeida: committed, confidence 3/5 — “if legal signs off”",
        "NEXT MEETING",
        "Thursday 5 November 2026 at 09:00",
        "Best regards,",
        "Dana Whitfield",
    ]
    lines = body.splitlines()
    at = -1
    for line in expected_in_order:  # each one after the one before
        at = lines.index(line, at + 1)
    assert "\n\n\n" not in body  # no gaps left by the template's tags
    assert body.endswith("Dana Whitfield\n")


def test_an_empty_meeting_says_so() -> None:
    data = make_minutes(
        meeting=meeting_record(next_meeting_at=None, facilitator_name="", place=""),
        participants=(),
        items=(),
        plans=(),
    )
    subject, body = minutes_email(data)
    assert subject.startswith("Minutes: October pipeline alignment")
    for text in (
        "Present: nobody recorded",
        "No decisions were recorded.",
        "No action plans were recorded.",
        "No members were recorded as present.",
        "Not set yet.",
    ):
        assert text in body
    assert "Best regards" not in body


def test_recipients_are_those_present_then_the_others_in_cc() -> None:
    found = recipients(make_minutes(), EMAILS)
    assert found.to == (
        ("Dana Whitfield", "dana@example.com"),
        ("Marco Bellini", "marco@example.com"),
    )
    assert found.cc == (("Lena Fischer", "lena@ex.org"),)
    assert found.without_address == (
        "Priya Raman",
        "Sofia Almeida",  # "not an address"
        "Tom Okafor",
        "Raj Patel",
    )


def test_eml_reads_back_as_an_unsent_utf8_message(sample: tuple[str, str]) -> None:
    subject, body = sample
    found = recipients(make_minutes(), EMAILS)
    raw = eml_bytes(subject, body, to=found.to, cc=found.cc)
    assert b"\r\n" in raw and not re.search(rb"[^\r]\n", raw)  # CRLF line ends only
    message = parse(raw)
    assert message["Subject"] == subject
    assert [a.addr_spec for a in message["To"].addresses] == [
        "dana@example.com",
        "marco@example.com",
    ]
    assert message["To"].addresses[0].display_name == "Dana Whitfield"
    assert message["Cc"].addresses[0].addr_spec == "lena@ex.org"
    assert message["X-Unsent"] == "1"
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    assert message.get_content().replace("\r\n", "\n") == body
    assert not message.defects


def test_no_recipients_means_no_to_header() -> None:
    message = parse(eml_bytes("Minutes", "Body\n"))
    assert "To" not in message and "Cc" not in message


def test_user_text_cannot_add_headers() -> None:
    evil = "Sync\r\nBcc: everyone@example.com\nX-Evil: 1\u2028Reply-To: x@y.z\x85"
    data = make_minutes(meeting=meeting_record(title=evil))
    subject, body = minutes_email(data)
    assert "\r" not in subject and "\n" not in subject
    raw = eml_bytes(
        subject,
        body,
        to=[("Ana\r\nBcc: b@example.com", "ana@example.com\r\nBcc: c@example.com")],
    )
    message = parse(raw)
    assert sorted(message.keys()) == sorted(
        ["Subject", "X-Unsent", "Content-Type", "Content-Transfer-Encoding", "MIME-Version"]
    )  # the address with a header in it was left out, not split into headers
    assert folded(message["Subject"]) == (
        "Minutes: Sync Bcc: everyone@example.com X-Evil: 1 Reply-To: x@y.z"
        " — Thursday 1 October 2026"
    )
    raw = eml_bytes(subject, body, to=[("Ana\r\nBcc: b@example.com", "ana@example.com")])
    message = parse(raw)
    assert message["To"].addresses[0].display_name == "Ana Bcc: b@example.com"
    assert "Bcc" not in message


@pytest.mark.parametrize(
    "subject",
    [
        # Found by Hypothesis: folded at 78 characters, the space before "—" fell between two
        # encoded words and was lost when the subject was read back.
        "Minutes: 00000¡¡¡¡¡¡¡ࠀࠀࠀࠀࠀ — Thursday 1 October 2026",
        "Protokoll: Überprüfung der Ziele für das nächste Quartal — Donnerstag, 1. Oktober 2026",
        "Minutes: " + "Ünïcødé wörds " * 14 + "— Thursday 1 October 2026",
    ],
)
def test_a_long_non_ascii_subject_reads_back_exactly(subject: str) -> None:
    raw = eml_bytes(subject, "Body\n", to=[("Zoë Ünal", "zoe@example.com")])
    message = parse(raw)
    assert message["Subject"] == subject
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))
    assert all(len(line) <= 78 for line in raw.split(b"\r\n\r\n", 1)[1].split(b"\r\n"))


def test_header_text_folds_every_line_break_and_control_character() -> None:
    assert (
        header_text("a\r\nb\nc\rd\x0be\x0cf\u2028g\u2029h\x85i\x01j\tk") == "a b c d e f g h ij k"
    )
    assert header_text("x" * 300, 250) == "x" * 249 + "…"


def test_markup_and_template_syntax_stay_literal_in_the_text() -> None:
    text = "<b>Sam</b> & {{7*7}} {% if %}"
    member = participant(1, text, "Sales", committed_at=STARTS, note=text)
    data = make_minutes(
        meeting=meeting_record(title=text),
        participants=(member,),
        items=(AgendaItemMinutes(agenda_item(1, text, member), (), (DecisionRecord(1, 1, text),)),),
        plans=(MemberPlan(member, (action(1, member, text),)),),
    )
    subject, body = minutes_email(data)
    assert subject == f"Minutes: {text} — Thursday 1 October 2026"
    assert f"- {text} ({text})" in body
    assert f"  - {text} — due 15 Oct 2026 (Joint)" in body
    assert f"- {text}: committed — “{text}”" in body
    assert "&lt;" not in body and "&amp;" not in body and "49" not in body


def test_write_eml_is_atomic(tmp_path: Path) -> None:
    target = tmp_path / "minutes.eml"
    write_eml(target, "Minutes", "Body\n")
    assert parse(target.read_bytes()).get_content() == "Body\r\n"
    before = target.read_bytes()
    with pytest.raises(ExportError, match="does not exist"):
        write_eml(tmp_path / "missing" / "minutes.eml", "Minutes", "Body\n")
    assert target.read_bytes() == before


# --------------------------------------------------------------------------- any text

any_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0xFFFF)),
    st.sampled_from(
        ["<b>Sam</b>", "{{7*7}}", "مرحبا", "👩‍👩‍👧‍👦", "a\r\nBcc: x@y.z", "\u202eevil"]
    ),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=any_text,
    name=any_text,
    decision=any_text,
    action_title=any_text,
    note=any_text,
    address_name=any_text,
)
def test_any_text_makes_a_sound_email(
    title: str, name: str, decision: str, action_title: str, note: str, address_name: str
) -> None:
    member = participant(1, name, "Sales", committed_at=datetime(2026, 10, 1, 9, 50), note=note)
    data = make_minutes(
        meeting=meeting_record(title=title),
        participants=(member,),
        items=(
            AgendaItemMinutes(
                agenda_item(1, "Item", member), (), (DecisionRecord(1, 1, decision),)
            ),
        ),
        plans=(MemberPlan(member, (action(1, member, action_title),)),),
    )
    data = dataclasses.replace(data, generated_at=datetime(2026, 10, 1, 10, 5))
    subject, body = minutes_email(data)
    assert not re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029]", subject)
    for text in (name, action_title):
        assert one_line(text) in body
    if one_line(decision):
        assert f"- {one_line(decision)} (Item)" in body
    message = parse(eml_bytes(subject, body, to=[(address_name, "ana@example.com")]))
    assert set(message.keys()) <= {
        "Subject",
        "To",
        "X-Unsent",
        "Content-Type",
        "Content-Transfer-Encoding",
        "MIME-Version",
    }
    assert folded(message["Subject"]) == subject
    assert message.get_content().replace("\r\n", "\n") == body
    assert [a.addr_spec for a in message["To"].addresses] == ["ana@example.com"]

"""The core's validation and error messages in German: the same calls that refuse bad input
in English say it in German (whole sentences, typographic quotes, numbers in place), and
English stays the default."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from alignmeet import cli, i18n
from alignmeet.domain import coaching as co
from alignmeet.domain.data_needs import validate_joint
from alignmeet.domain.lead_feedback import check_total
from alignmeet.domain.rules import ValidationError
from alignmeet.services.base import NotFoundError
from alignmeet.services.followups import ActionFilter
from alignmeet.storage import backups
from alignmeet.storage.database import DatabaseOpenError, open_database

from .conftest import TODAY


@pytest.fixture(autouse=True)
def _english_after():
    yield
    i18n.set_language("en")


def _german(call, *args, **kwargs) -> ValidationError:
    with i18n.use_language("de"), pytest.raises(ValidationError) as err:
        call(*args, **kwargs)
    return err.value


def test_an_empty_action_title_in_german(services, new_meeting, people):
    meeting = new_meeting()
    err = _german(
        services.actions.add_action, meeting_id=meeting.id, owner_id=people.ana.id, title="  "
    )
    assert (err.field, err.message) == ("title", "Maßnahme darf nicht leer sein.")


def test_a_due_date_in_the_past_in_german(services, new_meeting, people):
    meeting = new_meeting()
    err = _german(
        services.actions.add_action,
        meeting_id=meeting.id,
        owner_id=people.ana.id,
        title="Send the brief",
        due=TODAY - timedelta(days=1),
    )
    assert err.message == "Das Fälligkeitsdatum 2026-03-01 liegt in der Vergangenheit."


def test_a_time_box_out_of_range_in_german(services, new_meeting):
    meeting = new_meeting()
    err = _german(services.agenda.add_item, meeting_id=meeting.id, title="Pipeline", minutes=0)
    assert err.message == "Zeitrahmen muss zwischen 1 und 480 Minuten liegen."


def test_a_bad_email_and_a_duplicate_team_in_german(services, teams):
    err = _german(services.people.add_member, name="Eva Roth", team_id=teams["Sales"], email="eva@")
    assert (err.field, err.message) == ("email", "„eva@“ ist keine E-Mail-Adresse.")
    err = _german(services.people.add_team, name=" sales ")
    assert err.message == "Es gibt bereits ein Team namens „Sales“."


def test_a_board_entry_of_no_kind_in_german(services):
    err = _german(services.board.add_entry, kind="idea", title="Webinar doubled sign-ups")
    assert err.message == "Wählen Sie, ob es ein Erfolg oder eine Lektion ist."


def test_a_channel_rule_without_urgency_in_german(services):
    err = _german(services.channels.add_rule, urgency="", channel="Phone call")
    assert (err.field, err.message) == ("urgency", "Dringlichkeit darf nicht leer sein.")


def test_a_kpi_name_too_long_in_german(services):
    err = _german(services.goals.add_kpi, name="x" * 201)
    assert err.message == "Name des KPI ist zu lang (201 Zeichen; höchstens 200)."


def test_a_period_that_is_none_in_german(services):
    err = _german(services.goals.add_goal, kind="revenue", title="New ARR", period="soon")
    assert err.field == "period"
    assert err.message == (
        "„soon“ ist kein Zeitraum: erwartet wird ein Monat (2026-11), ein Quartal (2026-Q4) "
        "oder eine Woche (2026-W47)."
    )


def test_a_kpi_measured_in_the_wrong_kind_of_period_in_german(services):
    kpi = services.goals.add_kpi(name="MQLs", period_kind="month")
    err = _german(services.goals.record_measurement, kpi_id=kpi.id, period="Q4 2026", value=3)
    assert err.message == (
        "„Q4 2026“ ist vom Typ Quartal, hier wird aber der Typ Monat benötigt "
        "(z. B. 2026-11 oder Nov. 2026)."
    )


def test_lead_numbers_are_grouped_the_german_way(services):
    err = _german(
        services.lead_feedback.add_batch, label="Webinar", period="2026-02", leads_received=-1
    )
    assert err.message == "„Erhaltene Leads“ ist eine Zahl von 0 bis 1.000.000."


def test_too_many_rejected_leads_in_german():
    err = _german(check_total, leads_received=10, rejected=12)
    assert err.message == (
        "Das ergibt 12 abgelehnte Leads, mehr als die 10 in diesem Paket erhaltenen Leads. "
        "Verringern Sie die Anzahl oder erhöhen Sie „Erhaltene Leads“."
    )


def test_a_duplicate_persona_in_german(services):
    larry = services.personas.add_persona(name="Larry, the CFO")
    services.personas.archive_persona(persona_id=larry.id)
    err = _german(services.personas.add_persona, name="larry, THE cfo")
    assert err.message == (
        "Es gibt bereits eine Persona namens „Larry, the CFO“ "
        "(archiviert — stellen Sie sie stattdessen wieder her)."
    )


def test_an_empty_glossary_definition_in_german(services):
    err = _german(services.glossary.propose, term="MQL", definition="   ")
    assert (err.field, err.message) == ("definition", "Definition darf nicht leer sein.")


def test_a_meeting_too_long_in_german(services, series):
    err = _german(
        services.meetings.create_meeting,
        title="Sync",
        starts_at=datetime.combine(TODAY, time(10)),
        planned_minutes=601,
        series_id=series.id,
    )
    assert err.message == "Geplante Dauer muss zwischen 1 und 600 Minuten liegen."


def test_coaching_and_data_need_rules_in_german():
    assert _german(co.validate_new_pairs, [(1, 2), (1, 2)], []).message == (
        "Dasselbe Paar steht zweimal in der Liste."
    )
    assert _german(validate_joint, [], titles={}).message == (
        "Wählen Sie mindestens einen Datenbedarf für die gemeinsamen Top 10."
    )


def test_counts_take_the_right_german_form(services):
    def status(days: int) -> str:
        pair = co.PairStatus(
            id=1,
            sales_member_id=1,
            sales_name="Ana",
            marketing_member_id=2,
            marketing_name="Dev",
            started_on=date(2026, 1, 1),
            ended_on=None,
            last_checkin_on=TODAY - timedelta(days=days),
            checkins=1,
            latest_tip="",
            today=TODAY,
        )
        return pair.status_text()

    with i18n.use_language("de"):
        assert status(8) == "Überfällig — 8 Tage"
        assert status(3) == "Im Plan"
        one = services.people.preview_member_import(text="Name,Team\nEva Roth,Sales\n")
        two = services.people.preview_member_import(
            text="Name,Team\nEva Roth,Sales\nFinn Berg,Marketing\n"
        )
        assert one.summary() == "Bereit zum Import von 1 Mitglied: 1 in Sales."
        assert two.summary() == "Bereit zum Import von 2 Mitgliedern: 1 in Sales, 1 in Marketing."


def test_a_member_file_with_a_problem_row_is_refused_in_german(services):
    with i18n.use_language("de"), pytest.raises(ValidationError) as err:
        services.people.import_members(text="Name,Team\nEva Roth,Sales\nFinn Berg,Finance\n")
    assert err.value.message == (
        "1 von 2 Zeilen hat ein Problem: Es wird nichts importiert, bis die Datei korrigiert "
        "ist. Erstes Problem, Zeile 3: Es gibt kein Team namens „Finance“: Legen Sie es "
        "zuerst auf der Seite „Personen“ an oder korrigieren Sie die Datei."
    )


def test_a_missing_series_in_german(services):
    with i18n.use_language("de"), pytest.raises(NotFoundError) as err:
        services.exports.describe_filter(ActionFilter(series_id=999))
    assert str(err.value) == "Die Serie 999 existiert nicht."


@pytest.mark.sqlite_only
def test_storage_problems_in_german(tmp_path: Path):
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    with i18n.use_language("de"):
        with pytest.raises(DatabaseOpenError) as err:
            open_database(empty)
        assert str(err.value) == f"{empty} ist leer (0 Byte): Das ist keine AlignMeet-Datenbank."
        assert backups.check_file(tmp_path) == f"{tmp_path} ist ein Ordner, keine Datenbankdatei."
        with pytest.raises(DatabaseOpenError) as err:
            open_database(tmp_path / "missing.sqlite3", create=False)
        assert str(err.value) == f"Unter {tmp_path / 'missing.sqlite3'} gibt es keine Datenbank."


def test_the_command_line_fails_in_german(tmp_path: Path, capsys):
    missing = tmp_path / "none.sqlite3"
    assert cli.main(["--language", "de", "meetings", "--db", str(missing)]) == 1
    assert capsys.readouterr().err == (
        f"alignmeet-cli: Fehler: Unter {missing.resolve()} gibt es keine Datenbank.\n"
    )


def test_english_is_unchanged(services, new_meeting, people):
    meeting = new_meeting()
    i18n.set_language("en")
    with pytest.raises(ValidationError) as err:
        services.actions.add_action(meeting_id=meeting.id, owner_id=people.ana.id, title="  ")
    assert err.value.message == "Action cannot be empty."
    with pytest.raises(ValidationError) as err:
        services.goals.add_kpi(name="x" * 201)
    assert err.value.message == "KPI name is too long (201 characters; at most 200)."
    with pytest.raises(ValidationError) as err:
        services.lead_feedback.add_batch(label="W", period="2026-02", leads_received=-1)
    assert err.value.message == "Leads received is a number from 0 to 1,000,000."
    preview = services.people.preview_member_import(
        text="Name,Team\nEva Roth,Sales\nFinn Berg,Marketing\n"
    )
    assert preview.summary() == "Ready to import 2 members: 1 in Sales, 1 in Marketing."

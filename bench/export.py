"""Benchmark: Word minutes of a large meeting (QUALITY.md, "Minutes export").

    .venv/bin/python bench/export.py [--runs 5] [--members 40] [--items 60] [--actions 400]

docxtpl is not a dependency of AlignMeet, not even for tests: install it for the bench
only, beside the project, e.g. `pip install --target /tmp/docxtpl-site docxtpl docxcompose
--no-deps` and run with `PYTHONPATH=/tmp/docxtpl-site`.

Times, in-process, the median of N runs of:
  - gather:   MinutesService.gather of the same meeting stored in a SQLite database (built
              once through the services: members, items with notes, ideas and decisions,
              actions, a review of earlier actions), as the app and the CLI read it
              before writing: live (the meeting not closed) and from its minutes of record
              (closed);
  - ours:     alignmeet.export.minutes_docx.write_minutes (template load, build, save, atomic
              replace) of that gathered data;
  - naive:    python-docx written the obvious way (add_heading / add_paragraph(style=...) /
              table.add_row() / cell.text =) on the same content, saved to a file;
  - docxtpl:  the same content rendered from a Jinja-tagged .docx, when docxtpl is
              importable. docxtpl gets the records ready-made; ours is timed gather
              included, so the ratio is the whole export against docxtpl's render + save.
The load average is printed with the figures: compare ratios from one run only.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from alignmeet.domain.enums import (
    ActionStatus,
    Attendance,
    ItemKind,
    MeetingStatus,
    Phase,
    TeamTag,
)
from alignmeet.domain.records import (
    ActionRecord,
    AgendaItemMinutes,
    AgendaItemRecord,
    DecisionRecord,
    FollowUpRecord,
    IdeaRecord,
    MeetingRecord,
    MemberPlan,
    MinutesData,
    ParticipantRecord,
)
from alignmeet.export.minutes_docx import write_minutes
from alignmeet.services import Services
from alignmeet.storage.database import open_database

STARTS = datetime(2026, 10, 1, 9, 0)
_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.BLOCKED, ActionStatus.DONE)
_TAGS = (TeamTag.SALES, TeamTag.MARKETING, TeamTag.JOINT)
_NOTE = (
    "Conversion from MQL to SQL fell again this month; most of the drop comes from the "
    "webinar campaign, where attendance was high but intent was low. Sales asked for a "
    "clear signal of budget before a lead is passed on, and Marketing asked for reasons "
    "when a lead is rejected, so that the scoring model can be adjusted."
)


def large_minutes_data(members: int = 40, items: int = 60, actions: int = 400) -> MinutesData:
    """A big meeting: `members` present, `items` agenda items with long notes, `actions`."""
    meeting = _large_meeting()
    people = _large_people(members)
    plans = tuple(
        MemberPlan(
            p,
            tuple(
                _large_action(meeting, n, p) for n in range(1, actions + 1) if n % members == index
            ),
        )
        for index, p in enumerate(people)
    )
    follow_ups = tuple(
        FollowUpRecord(
            _large_action(
                meeting,
                1000 + k,
                people[k % members],
                meeting_title="September sync",
                status=ActionStatus.DONE,
            ),
            status_before=ActionStatus.OPEN,
            review_note="Done; see the shared folder.",
            reviewed=True,
        )
        for k in range(20)
    )
    parked = tuple(
        AgendaItemRecord(
            id=900 + k,
            meeting_id=1,
            position=100 + k,
            title=f"Parked topic {k}",
            owner_id=1,
            owner_name=people[0].name,
            minutes=15,
            extra_minutes=0,
            kind=ItemKind.DATA_NEEDS,
            notes="",
            used_seconds=0,
            parked=True,
            carried_from="",
        )
        for k in range(3)
    )
    return MinutesData(
        meeting=meeting,
        participants=people,
        follow_ups=follow_ups,
        items=_large_agenda(people, items),
        parked=parked,
        plans=plans,
        generated_at=STARTS + timedelta(hours=3, minutes=5),
    )


def _large_meeting() -> MeetingRecord:
    return MeetingRecord(
        id=1,
        series_id=1,
        series_name="Monthly Sales & Marketing sync",
        title="Q4 planning: pipeline, scoring and shared definitions",
        starts_at=STARTS,
        planned_minutes=180,
        place="Main boardroom",
        facilitator_id=1,
        facilitator_name="Member 01",
        note_taker_id=2,
        note_taker_name="Member 02",
        topic="Why are Sales rejecting half of the MQLs, and what do we change for Q4?",
        end_goal="Every member leaves with an action plan and a commitment to it.",
        status=MeetingStatus.CLOSED,
        phase=Phase.CLOSE,
        previous_minutes_approved=True,
        next_meeting_at=STARTS + timedelta(days=35),
        closing_notes="Thanks all.\n\nThe dashboard link goes out with these minutes.",
        elapsed_seconds=3 * 3600,
        closed_at=STARTS + timedelta(hours=3),
    )


def _large_people(members: int) -> tuple[ParticipantRecord, ...]:
    """`members` participants, every tenth sending apologies, three in four committed."""
    return tuple(
        ParticipantRecord(
            meeting_id=1,
            member_id=i + 1,
            name=f"Member {i + 1:02d} Lastname",
            team_name="Sales" if i % 2 else "Marketing",
            role="",
            attendance=Attendance.PRESENT if i % 10 else Attendance.APOLOGIES,
            representative=i % 13 == 0,
            committed_at=STARTS + timedelta(minutes=170) if i % 4 else None,
            confidence=(i % 5) + 1 if i % 4 else None,
            commitment_note="",
        )
        for i in range(members)
    )


def _large_action(
    meeting: MeetingRecord, n: int, owner: ParticipantRecord, **changes: object
) -> ActionRecord:
    record = ActionRecord(
        id=n,
        meeting_id=1,
        meeting_title=meeting.title,
        meeting_date=STARTS.date(),
        owner_id=owner.member_id,
        owner_name=owner.name,
        title=f"Action {n}: follow up on the lead-scoring change with the regional team",
        due=date(2026, 10, 1) + timedelta(days=7 + n % 40),
        team_tag=_TAGS[n % 3],
        status=_STATUSES[n % 4],
        milestone="First draft by the end of the month" if n % 5 == 0 else "",
        position=n,
    )
    return dataclasses.replace(record, **changes)


def _large_agenda(
    people: tuple[ParticipantRecord, ...], items: int
) -> tuple[AgendaItemMinutes, ...]:
    """`items` agenda items with long notes, three ideas and two decisions each."""
    members = len(people)
    return tuple(
        AgendaItemMinutes(
            item=AgendaItemRecord(
                id=i + 1,
                meeting_id=1,
                position=i,
                title=f"Agenda item {i + 1}: lead quality in region {i % 7 + 1}",
                owner_id=people[i % members].member_id,
                owner_name=people[i % members].name,
                minutes=10,
                extra_minutes=i % 3,
                kind=ItemKind.REGULAR if i % 6 else ItemKind.KPI_REVIEW,
                notes=f"{_NOTE}\n{_NOTE}\n\n{_NOTE}\n\n{_NOTE}",
                used_seconds=600 + (i % 5) * 60,
                parked=False,
                carried_from="",
            ),
            ideas=tuple(
                IdeaRecord(
                    i * 3 + k, i + 1, 1, people[(i + k) % members].name, f"Idea {k}: {_NOTE[:90]}"
                )
                for k in range(3)
            ),
            decisions=tuple(
                DecisionRecord(i * 2 + k, i + 1, f"Decision {k}: {_NOTE[:120]}") for k in range(2)
            ),
        )
        for i in range(items)
    )


# --------------------------------------------------------------------------- in a database


def build_large_meeting_db(
    path: Path, members: int = 40, items: int = 60, actions: int = 400
) -> tuple[Services, int]:
    """The large meeting stored through the services in a SQLite file at `path`, with
    an earlier meeting whose 20 actions come back in its review; returns the services
    (clock fixed at the meeting's end) and the meeting's id."""
    clock = [STARTS - timedelta(days=35)]
    services = Services(open_database(path), lambda: clock[0])
    services.bootstrap()
    teams = {t.name: t.id for t in services.people.list_teams()}
    people = [
        services.people.add_member(
            name=f"Member {i + 1:02d} Lastname",
            team_id=teams["Sales" if i % 2 else "Marketing"],
            email=f"member{i + 1:02d}@example.com",
        )
        for i in range(members)
    ]
    ids = [p.id for p in people]
    september = services.meetings.create_meeting(
        title="September sync", starts_at=STARTS - timedelta(days=35), invitee_ids=ids
    )
    earlier = [
        services.actions.add_action(
            meeting_id=september.id,
            owner_id=ids[k % members],
            title=f"Action {1000 + k}: follow up on the lead-scoring change",
            due=STARTS.date() + timedelta(days=k),
        )
        for k in range(20)
    ]
    clock[0] = STARTS
    meeting = services.meetings.create_meeting(
        title="Q4 planning: pipeline, scoring and shared definitions",
        starts_at=STARTS,
        planned_minutes=180,
        series_id=september.series_id,
        place="Main boardroom",
        facilitator_id=ids[0],
        note_taker_id=ids[1 % members],
        topic="Why are Sales rejecting half of the MQLs, and what do we change for Q4?",
        invitee_ids=ids,
    )
    for i, person in enumerate(people):
        services.meetings.set_attendance(
            meeting_id=meeting.id,
            member_id=person.id,
            attendance=Attendance.PRESENT if i % 10 else Attendance.APOLOGIES,
            representative=i % 13 == 0,
        )
    for action in earlier:
        services.actions.set_status(
            action_id=action.id,
            status=ActionStatus.DONE,
            note="Done; see the shared folder.",
            meeting_id=meeting.id,
        )
    _store_agenda(services, meeting.id, ids, items)
    _store_actions(services, meeting.id, ids, actions)
    for i, person in enumerate(people):
        if i % 10 and i % 4:
            services.meetings.commit(
                meeting_id=meeting.id, member_id=person.id, confidence=i % 5 + 1
            )
    clock[0] = STARTS + timedelta(hours=3)
    return services, meeting.id


def _store_agenda(services: Services, meeting_id: int, ids: list[int], items: int) -> None:
    """`items` agenda items with long notes, time used, three ideas and two decisions."""
    members = len(ids)
    for i in range(items):
        item = services.agenda.add_item(
            meeting_id=meeting_id,
            title=f"Agenda item {i + 1}: lead quality in region {i % 7 + 1}",
            owner_id=ids[i % members],
            kind=ItemKind.REGULAR if i % 6 else ItemKind.KPI_REVIEW,
        )
        services.agenda.update_item(
            item_id=item.id, notes=f"{_NOTE}\n{_NOTE}\n\n{_NOTE}\n\n{_NOTE}"
        )
        services.agenda.record_time(item_id=item.id, used_seconds=600 + (i % 5) * 60)
        for k in range(3):
            services.agenda.add_idea(
                item_id=item.id, text=f"Idea {k}: {_NOTE[:90]}", author_id=ids[(i + k) % members]
            )
        for k in range(2):
            services.agenda.add_decision(item_id=item.id, text=f"Decision {k}: {_NOTE[:120]}")


def _store_actions(services: Services, meeting_id: int, ids: list[int], actions: int) -> None:
    members = len(ids)
    for n in range(1, actions + 1):
        services.actions.add_action(
            meeting_id=meeting_id,
            owner_id=ids[n % members],
            title=f"Action {n}: follow up on the lead-scoring change with the regional team",
            due=STARTS.date() + timedelta(days=7 + n % 40),
            team_tag=_TAGS[n % 3],
            milestone="First draft by the end of the month" if n % 5 == 0 else "",
        )


# --------------------------------------------------------------------------- naive python-docx


def naive_write(data: MinutesData, path: Path) -> None:
    """python-docx the obvious way: names for styles, add_row() and cell.text per cell."""
    import docx

    m = data.meeting
    doc = docx.Document()
    doc.add_paragraph(m.title, style="Title")
    block = doc.add_table(rows=0, cols=2)
    for label, value in (
        ("Series", m.series_name),
        ("Date", m.starts_at.date().isoformat()),
        ("Place", m.place),
        ("Facilitator", m.facilitator_name),
        ("Note taker", m.note_taker_name),
    ):
        cells = block.add_row().cells
        cells[0].text = label
        cells[1].text = value
    doc.add_heading("Attendance", level=1)
    doc.add_paragraph("Present: " + ", ".join(f"{p.name} ({p.team_name})" for p in data.present))
    doc.add_paragraph("Apologies: " + ", ".join(p.name for p in data.apologies))
    doc.add_heading("Purpose", level=1)
    doc.add_paragraph(f"Topic: {m.topic}")
    doc.add_paragraph(f"End goal: {m.end_goal}")
    doc.add_heading("Review of previous actions", level=1)
    table = doc.add_table(rows=1, cols=8, style="Light Grid Accent 1")
    for cell, label in zip(
        table.rows[0].cells,
        ("#", "Action", "Owner", "From", "Due", "Was", "Now", "Note"),
        strict=True,
    ):
        cell.text = label
    for n, f in enumerate(data.follow_ups, 1):
        cells = table.add_row().cells
        a = f.action
        values = (str(n), a.title, a.owner_name, a.origin, str(a.due), f.status_before.label)
        for cell, value in zip(cells, (*values, a.status.label, f.review_note), strict=True):
            cell.text = value
    doc.add_heading("Agenda", level=1)
    for n, entry in enumerate(data.items, 1):
        item = entry.item
        doc.add_heading(f"{n}. {item.title}", level=2)
        doc.add_paragraph(f"Owner: {item.owner_name} · Time box {item.box_minutes} min")
        for chunk in item.notes.split("\n\n"):
            doc.add_paragraph(chunk)
        for idea in entry.ideas:
            doc.add_paragraph(f"{idea.text} — {idea.author_name}", style="List Bullet")
        for decision in entry.decisions:
            doc.add_paragraph(f"Decision: {decision.text}", style="List Bullet")
    doc.add_heading("Action plans", level=1)
    table = doc.add_table(rows=1, cols=6, style="Light Grid Accent 1")
    for cell, label in zip(
        table.rows[0].cells, ("#", "Action", "Owner", "Team", "Due", "Status"), strict=True
    ):
        cell.text = label
    number = 0
    for plan in data.plans:
        row = table.add_row().cells
        row[0].merge(row[5]).text = f"{plan.participant.name} ({plan.participant.team_name})"
        for a in plan.actions:
            number += 1
            cells = table.add_row().cells
            values = (str(number), a.title, a.owner_name, a.team_tag.label, str(a.due))
            for cell, value in zip(cells, (*values, a.status.label), strict=True):
                cell.text = value
    doc.add_heading("Commitments", level=1)
    for p in data.present:
        doc.add_paragraph(f"{p.name} — {'committed' if p.committed else 'has not committed'}")
    doc.add_heading("Parked for the next meeting", level=1)
    for item in data.parked:
        doc.add_paragraph(item.title, style="List Bullet")
    doc.add_heading("Next meeting", level=1)
    doc.add_paragraph(str(m.next_meeting_at))
    doc.save(path)


# --------------------------------------------------------------------------- docxtpl


def docxtpl_writer(folder: Path) -> Callable[[MinutesData, Path], None] | None:
    """A docxtpl renderer of the same content, or None when docxtpl is not installed."""
    try:
        from docxtpl import DocxTemplate
    except ImportError:
        return None
    template = folder / "template.docx"
    _docxtpl_template(template)

    def write(data: MinutesData, path: Path) -> None:
        tpl = DocxTemplate(template)
        tpl.render(_docxtpl_context(data), autoescape=True)
        tpl.save(path)

    return write


def _docxtpl_template(template: Path) -> None:
    """The Jinja-tagged .docx docxtpl renders: the minutes' sections, tables by row tags."""
    import docx

    doc = docx.Document()
    doc.add_paragraph("{{ title }}", style="Title")
    doc.add_paragraph("Series: {{ series }} · Date: {{ date }} · Place: {{ place }}")
    doc.add_heading("Attendance", level=1)
    doc.add_paragraph("Present: {{ present }}")
    doc.add_paragraph("Apologies: {{ apologies }}")
    doc.add_heading("Purpose", level=1)
    doc.add_paragraph("Topic: {{ topic }}")
    doc.add_paragraph("End goal: {{ end_goal }}")
    doc.add_heading("Review of previous actions", level=1)
    review = doc.add_table(rows=4, cols=8, style="Light Grid Accent 1")
    for cell, label in zip(
        review.rows[0].cells,
        ("#", "Action", "Owner", "From", "Due", "Was", "Now", "Note"),
        strict=True,
    ):
        cell.text = label
    review.rows[1].cells[0].text = "{%tr for f in follow_ups %}"
    for cell, key in zip(
        review.rows[2].cells,
        ("n", "title", "owner", "origin", "due", "was", "now", "note"),
        strict=True,
    ):
        cell.text = "{{ f.%s }}" % key  # noqa: UP031
    review.rows[3].cells[0].text = "{%tr endfor %}"
    doc.add_heading("Agenda", level=1)
    doc.add_paragraph("{%p for item in items %}")
    doc.add_heading("{{ item.n }}. {{ item.title }}", level=2)
    doc.add_paragraph("Owner: {{ item.owner }} · Time box {{ item.box }} min")
    doc.add_paragraph("{%p for chunk in item.notes %}")
    doc.add_paragraph("{{ chunk }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p for idea in item.ideas %}")
    doc.add_paragraph("{{ idea }}", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p for decision in item.decisions %}")
    doc.add_paragraph("Decision: {{ decision }}", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_heading("Action plans", level=1)
    plans = doc.add_table(rows=7, cols=6, style="Light Grid Accent 1")
    for cell, label in zip(
        plans.rows[0].cells, ("#", "Action", "Owner", "Team", "Due", "Status"), strict=True
    ):
        cell.text = label
    plans.rows[1].cells[0].text = "{%tr for g in groups %}"
    plans.rows[2].cells[0].text = "{{ g.name }}"
    plans.rows[3].cells[0].text = "{%tr for a in g.actions %}"
    for cell, key in zip(
        plans.rows[4].cells, ("n", "title", "owner", "team", "due", "status"), strict=True
    ):
        cell.text = "{{ a.%s }}" % key  # noqa: UP031
    plans.rows[5].cells[0].text = "{%tr endfor %}"
    plans.rows[6].cells[0].text = "{%tr endfor %}"
    doc.add_heading("Commitments", level=1)
    doc.add_paragraph("{%p for c in commitments %}")
    doc.add_paragraph("{{ c }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_heading("Parked for the next meeting", level=1)
    doc.add_paragraph("{%p for p in parked %}")
    doc.add_paragraph("{{ p }}", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_heading("Next meeting", level=1)
    doc.add_paragraph("{{ next }}")
    doc.save(template)


def _docxtpl_context(data: MinutesData) -> dict[str, object]:
    """What the docxtpl template is rendered with: the same content as ours."""
    m = data.meeting
    number = 0
    groups = []
    for plan in data.plans:
        rows = []
        for a in plan.actions:
            number += 1
            rows.append(
                {
                    "n": number,
                    "title": a.title,
                    "owner": a.owner_name,
                    "team": a.team_tag.label,
                    "due": str(a.due),
                    "status": a.status.label,
                }
            )
        groups.append({"name": plan.participant.name, "actions": rows})
    return {
        "title": m.title,
        "series": m.series_name,
        "date": m.starts_at.date().isoformat(),
        "place": m.place,
        "present": ", ".join(f"{p.name} ({p.team_name})" for p in data.present),
        "apologies": ", ".join(p.name for p in data.apologies),
        "topic": m.topic,
        "end_goal": m.end_goal,
        "follow_ups": [
            {
                "n": n,
                "title": f.action.title,
                "owner": f.action.owner_name,
                "origin": f.action.origin,
                "due": str(f.action.due),
                "was": f.status_before.label,
                "now": f.action.status.label,
                "note": f.review_note,
            }
            for n, f in enumerate(data.follow_ups, 1)
        ],
        "items": [
            {
                "n": n,
                "title": e.item.title,
                "owner": e.item.owner_name,
                "box": e.item.box_minutes,
                "notes": e.item.notes.split("\n\n"),
                "ideas": [f"{i.text} — {i.author_name}" for i in e.ideas],
                "decisions": [d.text for d in e.decisions],
            }
            for n, e in enumerate(data.items, 1)
        ],
        "groups": groups,
        "commitments": [
            f"{p.name} — {'committed' if p.committed else 'has not committed'}"
            for p in data.present
        ],
        "parked": [p.title for p in data.parked],
        "next": str(m.next_meeting_at),
    }


# --------------------------------------------------------------------------- timing


def median_seconds(run: Callable[[], object], runs: int) -> float:
    run()  # warm-up: imports, first template read
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--members", type=int, default=40)
    parser.add_argument("--items", type=int, default=60)
    parser.add_argument("--actions", type=int, default=400)
    args = parser.parse_args(argv)

    print(
        f"Large meeting: {args.members} members, {args.items} agenda items, "
        f"{args.actions} actions; median of {args.runs} runs, in-process."
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        services, meeting_id = build_large_meeting_db(
            folder / "bench.sqlite3", args.members, args.items, args.actions
        )
        print(f"  (database built in {time.perf_counter() - started:.1f} s)")
        minutes = services.minutes
        data = minutes.gather(meeting_id)
        gather = median_seconds(lambda: minutes.gather(meeting_id), args.runs)
        print(f"  gather  live (not closed)      {gather:7.3f} s")
        write = median_seconds(lambda: write_minutes(data, folder / "ours.docx"), args.runs)
        size = (folder / "ours.docx").stat().st_size
        print(f"  write   write_minutes          {write:7.3f} s   ({size / 1024:.0f} KB)")
        ours = median_seconds(
            lambda: write_minutes(minutes.gather(meeting_id), folder / "ours.docx"), args.runs
        )
        print(f"  ours    gather + write         {ours:7.3f} s")
        services.meetings.close_meeting(meeting_id=meeting_id)
        recorded = median_seconds(lambda: minutes.gather(meeting_id), args.runs)
        print(f"  gather  minutes of record      {recorded:7.3f} s   (closed meeting)")
        closed = median_seconds(
            lambda: write_minutes(minutes.gather(meeting_id), folder / "ours.docx"), args.runs
        )
        print(f"  ours    record + write         {closed:7.3f} s")
        services.close()
        naive = median_seconds(lambda: naive_write(data, folder / "naive.docx"), args.runs)
        print(f"  naive   python-docx add_row    {naive:7.3f} s   ({naive / write:.1f}x write)")
        writer = docxtpl_writer(folder)
        if writer is None:
            print("  docxtpl not installed: skipped (see this file's docstring)")
        else:
            tpl = median_seconds(lambda: writer(data, folder / "docxtpl.docx"), args.runs)
            print(f"  docxtpl render + save          {tpl:7.3f} s")
            print(
                f"  ratio to docxtpl: write alone {write / tpl:.2f}x, gather + write "
                f"{ours / tpl:.2f}x, record + write {closed / tpl:.2f}x"
            )
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"  load average (1, 5, 15 min): {load}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Load test: many facilitators on one PostgreSQL server (QUALITY.md, "Shared server").

    .venv/bin/python bench/load.py [--url postgresql+psycopg://...] [--clients 20]
                                   [--duration 180] [--shared 8]

Without --url (or ALIGNMEET_TEST_POSTGRES_URL) it starts a throwaway PostgreSQL server
on loopback the way `.ci/run` does (initdb in a temporary folder, run as the `postgres`
user when started as root) and removes it at the end. The database named by --url is
used as a scratch database: the test makes a fresh one beside it and drops it after.

Each client is its own process with its own AlignMeet services (its own engine, as two
facilitators' laptops would have). For --duration seconds each one, in turn:

  - runs a meeting of its own: creates it (with invitees), adds agenda items, types
    notes, records the timer, walks the phases, agrees actions, changes their status
    with a note (history rows), takes every member's commitment, closes it;
  - updates the shared actions everyone works on: increments a counter kept in the
    action's milestone ("count=N": read, add one, save) and appends a status change
    with a note naming the client and a sequence number.

Each save carries what the client read just before (`seen=`, the record with its version)
as a screen does. A ConflictError (someone else saved the same field first) is counted,
acknowledged and the step retried on top of the newer version — what "keep mine" does in
the app.
Anything else is an error. At the end the database is checked against what the
clients report: every counter equals the increments the clients saved, every history
note a client saved is there exactly once (and no other), every meeting a client
closed is there, closed, with its items and actions. Any difference is a lost update.
Exit status 0 only when nothing was lost and there were no errors.
"""

from __future__ import annotations

import argparse
import glob
import multiprocessing as mp
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SHARED_MEETING = "Shared follow-ups"
COUNTER = "count="


# ---- a throwaway server ------------------------------------------------------------------
class ThrowawayServer:
    """initdb + pg_ctl in a temporary folder, loopback only (as .ci/run does)."""

    def __init__(self, port: int = 54329) -> None:
        dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: p.split("/")[-2])
        candidates = [d for d in dirs if os.path.exists(f"{d}/initdb")]
        if not candidates:
            raise SystemExit("PostgreSQL is not installed (apt-get install postgresql).")
        self.bin = candidates[-1]
        self.dir = Path(tempfile.mkdtemp(prefix="alignmeet-load-pg."))
        self.run_as: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
            self.run_as = ["runuser", "-u", "postgres", "--"]
        self.port = port
        while not self._free(self.port):
            self.port += 1

    @staticmethod
    def _free(port: int) -> bool:
        with socket.socket() as s:
            return s.connect_ex(("127.0.0.1", port)) != 0

    def _run(self, *args: str) -> None:
        subprocess.run([*self.run_as, *args], check=True, capture_output=True, text=True)

    def start(self) -> str:
        data = str(self.dir / "data")
        self._run(f"{self.bin}/initdb", "-D", data, "-U", "alignmeet", "--auth=trust", "-E", "UTF8")
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} "
            "-c max_connections=200 -c shared_buffers=128MB"
        )
        self._run(
            f"{self.bin}/pg_ctl", "-D", data, "-l", str(self.dir / "log"), "-w", "-o", options,
            "start",
        )  # fmt: skip
        self._run(
            f"{self.bin}/createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "alignmeet",
            "alignmeet_load",
        )  # fmt: skip
        return f"postgresql+psycopg://alignmeet@127.0.0.1:{self.port}/alignmeet_load"

    def stop(self) -> None:
        try:
            self._run(f"{self.bin}/pg_ctl", "-D", str(self.dir / "data"), "-m", "fast", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def scratch_database(url: str) -> tuple[str, str]:
    """A fresh database beside the one `url` names: (its URL, its name)."""
    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"alignmeet_load_{os.getpid()}"
    admin = base.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}"')  # type: ignore[arg-type]
        con.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
    return base.set(database=name).render_as_string(hide_password=False), name


def drop_database(url: str, name: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    admin = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]


# ---- the world the clients share ---------------------------------------------------------
def prepare(url: str, shared: int) -> dict[str, object]:
    from alignmeet.services import open_services

    sv = open_services(url)
    try:
        teams = {t.name: t.id for t in sv.people.list_teams()}
        members = [
            sv.people.add_member(name=f"{team} member {n}", team_id=teams[team]).id
            for team in ("Sales", "Marketing")
            for n in range(1, 5)
        ]
        series = sv.meetings.ensure_series(name="Load test sync")
        start = datetime.combine(date.today() + timedelta(days=1), datetime.min.time())
        meeting = sv.meetings.create_meeting(
            title=SHARED_MEETING, starts_at=start.replace(hour=9), series_id=series.id
        )
        actions = [
            sv.actions.add_action(
                meeting_id=meeting.id,
                owner_id=members[n % len(members)],
                title=f"Shared action {n}",
                milestone=f"{COUNTER}0",
            ).id
            for n in range(shared)
        ]
    finally:
        sv.close()
    return {"members": members, "series_id": series.id, "shared": actions}


@dataclass
class Report:
    client: int
    operations: Counter[str] = field(default_factory=Counter)
    conflicts: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    increments: Counter[int] = field(default_factory=Counter)  # shared action -> +1s saved
    notes: list[tuple[int, str]] = field(default_factory=list)  # (action, note) saved
    meetings: list[tuple[int, int, int]] = field(default_factory=list)  # (id, items, actions)
    seconds: float = 0.0


def client(
    n: int, url: str, world: dict[str, object], duration: float, unguarded: bool = False
) -> Report:
    """One facilitator's laptop, for `duration` seconds."""
    from alignmeet.services import open_services

    laptop = _Laptop(n, open_services(url), world, unguarded)
    report = laptop.report
    started = time.monotonic()
    k = 0
    try:
        while time.monotonic() - started < duration:
            try:
                k += 1
                laptop.run_meeting(k)
                for _ in range(3):
                    laptop.increment(laptop.rng.choice(laptop.shared))
                    laptop.append_history(laptop.rng.choice(laptop.shared))
            except Exception as exc:  # counted and shown; the client goes on
                report.errors.append(f"{type(exc).__name__}: {exc}".splitlines()[0][:300])
                if len(report.errors) <= 2:
                    traceback.print_exc()
    finally:
        report.seconds = time.monotonic() - started
        laptop.sv.close()
    return report


class _Laptop:
    """What one facilitator does with their own services: meetings of their own, and the
    shared actions everyone updates; each save counted in `report`."""

    def __init__(self, n: int, sv, world: dict[str, object], unguarded: bool) -> None:  # type: ignore[no-untyped-def]
        self.n = n
        self.sv = sv
        self.unguarded = unguarded
        self.report = Report(client=n)
        self.rng = random.Random(n)
        self.members: list[int] = world["members"]  # type: ignore[assignment]
        self.shared: list[int] = world["shared"]  # type: ignore[assignment]
        self.series_id: int = world["series_id"]  # type: ignore[assignment]
        self.sequence = 0

    def retrying(self, kind: str, step):  # type: ignore[no-untyped-def]
        """Run `step` until it saves; each conflict is acknowledged and retried."""
        from alignmeet.services.base import ConflictError

        for _ in range(200):
            try:
                result = step()
                self.report.operations[kind] += 1
                return result
            except ConflictError as conflict:
                self.report.conflicts[kind] += 1
                self.sv.actions.acknowledge_conflict(conflict)
        raise RuntimeError(f"{kind}: still conflicting after 200 tries")

    # ---- the shared actions ------------------------------------------------------------
    def increment(self, action_id: int) -> None:
        sv, report = self.sv, self.report
        if self.unguarded:
            unguarded_increment(sv, action_id)
            report.operations["shared counter +1"] += 1
            report.increments[action_id] += 1
            return

        def step() -> None:
            # Read, add one, save what was read with it (its version and value), as a
            # screen does; after a conflict the count is read again.
            shown = sv.actions.get_action(action_id)
            value = int(shown.milestone.removeprefix(COUNTER)) + 1
            sv.actions.update_action(action_id=action_id, milestone=f"{COUNTER}{value}", seen=shown)

        self.retrying("shared counter +1", step)
        report.increments[action_id] += 1

    def append_history(self, action_id: int) -> None:
        from alignmeet.domain.enums import ActionStatus

        sv = self.sv
        self.sequence += 1
        note = f"client {self.n} #{self.sequence}"
        status = self.rng.choice(
            [ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.BLOCKED]
        )
        self.retrying(
            "shared status + note",
            lambda: sv.actions.set_status(
                action_id=action_id,
                status=status,
                note=note,
                seen=sv.actions.get_action(action_id),  # the action as the screen shows it
            ),
        )
        self.report.notes.append((action_id, note))

    # ---- a meeting of its own ----------------------------------------------------------
    def run_meeting(self, k: int) -> None:
        sv, report, n = self.sv, self.report, self.n
        start = datetime.combine(date.today() + timedelta(days=2 + n), datetime.min.time())
        invitees = self.rng.sample(self.members, 5)
        meeting = sv.meetings.create_meeting(
            title=f"Client {n} meeting {k}",
            starts_at=start + timedelta(minutes=k),
            series_id=self.series_id,
            invitee_ids=invitees,
            facilitator_id=invitees[0],
        )
        report.operations["create meeting"] += 1
        items = self._agenda(meeting.id, k, invitees)
        self._phases(meeting.id)
        actions = self._actions(meeting.id, invitees)
        self._close(meeting.id, invitees)
        report.meetings.append((meeting.id, len(items), len(actions)))

    def _agenda(self, meeting_id: int, k: int, invitees: list[int]) -> list:  # type: ignore[type-arg]
        """Three items, each with notes, its timer recorded and an idea."""
        sv, report = self.sv, self.report
        items = []
        for i in range(3):
            item = sv.agenda.add_item(meeting_id=meeting_id, title=f"Item {i}", minutes=10)
            items.append(item)
            report.operations["add agenda item"] += 1
        for item in items:
            self.retrying(
                "agenda notes",
                lambda item=item: sv.agenda.update_item(
                    item_id=item.id, notes=f"Notes of client {self.n}, meeting {k}"
                ),
            )
            sv.agenda.record_time(item_id=item.id, used_seconds=self.rng.randint(60, 900))
            sv.agenda.add_idea(item_id=item.id, text="An idea", author_id=invitees[1])
            report.operations["timer + idea"] += 2
        return items

    def _phases(self, meeting_id: int) -> None:
        from alignmeet.domain.enums import Phase

        for phase in (Phase.REVIEW, Phase.AGENDA, Phase.ACTIONS):
            self.sv.meetings.set_phase(meeting_id=meeting_id, phase=phase)
            self.report.operations["phase"] += 1

    def _actions(self, meeting_id: int, invitees: list[int]) -> list:  # type: ignore[type-arg]
        """An action for each of the first three invitees, each then started (history)."""
        from alignmeet.domain.enums import ActionStatus

        sv = self.sv
        actions = []
        for owner in invitees[:3]:
            actions.append(
                sv.actions.add_action(
                    meeting_id=meeting_id,
                    owner_id=owner,
                    title=f"Action of client {self.n}",
                    due=date.today() + timedelta(days=14),
                )
            )
            self.report.operations["add action"] += 1
        for action in actions:
            self.retrying(
                "status change",
                lambda a=action: sv.actions.set_status(
                    action_id=a.id, status=ActionStatus.IN_PROGRESS, note="Started"
                ),
            )
        return actions

    def _close(self, meeting_id: int, invitees: list[int]) -> None:
        """Everyone present and committed, closing notes, the meeting closed."""
        from alignmeet.domain.enums import Attendance

        sv, report = self.sv, self.report
        for member_id in invitees:
            sv.meetings.set_attendance(
                meeting_id=meeting_id, member_id=member_id, attendance=Attendance.PRESENT
            )
            sv.meetings.commit(meeting_id=meeting_id, member_id=member_id, confidence=4)
            report.operations["attendance + commitment"] += 2
        self.retrying(
            "meeting details",
            lambda: sv.meetings.update_meeting(meeting_id=meeting_id, closing_notes="Done"),
        )
        sv.meetings.close_meeting(meeting_id=meeting_id)
        report.operations["close meeting"] += 1


def unguarded_increment(sv, action_id: int) -> None:  # type: ignore[no-untyped-def]
    """The negative control (--unguarded): read, add one, write — with no version check, as
    a naive shared database would. The check at the end must then find lost updates."""
    from sqlalchemy import select, update

    from alignmeet.storage import models as m

    with sv.db.sessions() as s:
        current = s.scalar(select(m.Action.milestone).where(m.Action.id == action_id))
    value = int(str(current).removeprefix(COUNTER)) + 1
    with sv.db.transaction() as s:
        s.execute(
            update(m.Action).where(m.Action.id == action_id).values(milestone=f"{COUNTER}{value}")
        )


def _client_entry(args: tuple[int, str, dict[str, object], float, bool]) -> Report:
    return client(*args)


# ---- the check ---------------------------------------------------------------------------
def verify(url: str, world: dict[str, object], reports: list[Report]) -> list[str]:
    """Every difference between the database and what the clients saved."""
    from sqlalchemy import func, select

    from alignmeet.services import open_services
    from alignmeet.storage import models as m

    problems: list[str] = []
    sv = open_services(url)
    try:
        expected_counts: Counter[int] = Counter()
        expected_notes: Counter[tuple[int, str]] = Counter()
        for rep in reports:
            expected_counts.update(rep.increments)
            expected_notes.update(rep.notes)
        for action_id in world["shared"]:  # type: ignore[attr-defined]
            stored = sv.actions.get_action(action_id).milestone
            if stored != f"{COUNTER}{expected_counts[action_id]}":
                problems.append(
                    f"shared action {action_id}: {stored}, the clients saved "
                    f"{expected_counts[action_id]} increments"
                )
        with sv.db.sessions() as s:
            rows = s.execute(
                select(m.ActionUpdate.action_id, m.ActionUpdate.note).where(
                    m.ActionUpdate.action_id.in_(world["shared"]),  # type: ignore[arg-type]
                    m.ActionUpdate.note.like("client %"),
                )
            ).all()
            found = Counter((a, note) for a, note in rows)
            if found != expected_notes:
                missing = expected_notes - found
                extra = found - expected_notes
                problems.append(
                    f"history: {sum(missing.values())} missing, {sum(extra.values())} extra"
                )
            for rep in reports:
                for meeting_id, items, actions in rep.meetings:
                    meeting = s.get(m.Meeting, meeting_id)
                    n_items = s.scalar(
                        select(func.count()).where(m.AgendaItem.meeting_id == meeting_id)
                    )
                    n_actions = s.scalar(
                        select(func.count()).where(m.Action.meeting_id == meeting_id)
                    )
                    if (
                        meeting is None
                        or meeting.status != "closed"
                        or meeting.closing_notes != "Done"
                    ):
                        problems.append(f"meeting {meeting_id} of client {rep.client} not closed")
                    elif (n_items, n_actions) != (items, actions):
                        problems.append(
                            f"meeting {meeting_id}: {n_items} items, {n_actions} actions; "
                            f"expected {items}, {actions}"
                        )
    finally:
        sv.close()
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default=os.environ.get("ALIGNMEET_TEST_POSTGRES_URL"))
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duration", type=float, default=180.0, help="seconds per client")
    parser.add_argument("--shared", type=int, default=8, help="shared actions everyone updates")
    parser.add_argument(
        "--unguarded",
        action="store_true",
        help="negative control: increment the counters without optimistic locking",
    )
    args = parser.parse_args()

    server = None
    url = args.url
    if not url:
        server = ThrowawayServer()
        url = server.start()
        print(f"Started a throwaway PostgreSQL on 127.0.0.1:{server.port}")
    db_url, db_name = scratch_database(url)
    try:
        world = prepare(db_url, args.shared)
        print(
            f"{args.clients} clients × {args.duration:.0f} s on {db_name}, "
            f"{args.shared} shared actions …",
            flush=True,
        )
        wall = time.monotonic()
        with mp.get_context("spawn").Pool(args.clients) as pool:
            reports = pool.map(
                _client_entry,
                [(n, db_url, world, args.duration, args.unguarded) for n in range(args.clients)],
            )
        wall = time.monotonic() - wall
        problems = verify(db_url, world, reports)
    finally:
        drop_database(url, db_name)
        if server is not None:
            server.stop()

    operations: Counter[str] = Counter()
    conflicts: Counter[str] = Counter()
    errors: list[str] = []
    for rep in reports:
        operations.update(rep.operations)
        conflicts.update(rep.conflicts)
        errors.extend(rep.errors)
    total = sum(operations.values())
    print(f"\nWall time {wall:.1f} s; {total:,} operations saved, {total / wall:,.0f}/s")
    for kind, count in sorted(operations.items()):
        extra = f"  ({conflicts[kind]:,} conflicts, retried)" if conflicts[kind] else ""
        print(f"  {kind:<22} {count:>8,}{extra}")
    print(f"Meetings run and closed: {sum(len(r.meetings) for r in reports):,}")
    print(f"Conflicts detected and retried: {sum(conflicts.values()):,}")
    print(f"Errors: {len(errors)}")
    for message, count in Counter(errors).most_common(5):
        print(f"  {count} × {message}")
    saved_increments = sum(sum(r.increments.values()) for r in reports)
    print(
        f"Lost updates: {'none' if not problems else len(problems)} "
        f"(checked {saved_increments:,} counter increments, "
        f"{sum(len(r.notes) for r in reports):,} history notes, "
        f"{sum(len(r.meetings) for r in reports):,} meetings)"
    )
    for problem in problems[:20]:
        print(f"  {problem}")
    return 0 if not problems and not errors else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Room Link under load (QUALITY.md, "Room Link load"): 40 participants on loopback
writing ideas, actions and commitments for 2 minutes into one meeting whose facilitator's
window is open.

    .venv/bin/python bench/room_load.py [--participants 40] [--duration 120]
                                        [--url postgresql+psycopg://...]

The facilitator's side runs here: the real MainWindow (offscreen) with the app's
Controller, the meeting in the agenda phase, Room Link opened on 127.0.0.1 from
its bridge, every phone let in as it arrives ("Let everyone in"). A heartbeat timer ticks
every 10 ms on the GUI thread; the longest gap between two ticks, less the 10 ms, is the
window's worst stall.

The participants run in another process (as phones would: no share of this process's
GIL): each joins with the code and a name (within the first 6 s), keeps the page's event
stream open (reading every state the server sends), and then for --duration seconds
writes, in turn, an idea on the current item, an action of their own and a commitment
(confidence 1–5), pausing --pause seconds between writes (4–12 s: typing on a phone; 40
phones then write about 5 times a second, far more than a real room). Every text carries
the participant and a sequence number.

At the end: every write the server acknowledged (303) must be in the database exactly
once (an idea or action found 0 times is lost, twice duplicated; a participant's
commitment must be the last confidence they sent), nothing may have been refused, and the
window's views must show the ideas and actions. Printed: writes, lost, duplicated,
request latency p50/p95/max, the window's worst stall and its p99, the time from a write
to the window's announcement (p95/max), the load average. Exit status 0 only when
nothing was lost or duplicated, p95 < 200 ms and the worst stall < 100 ms.

All participants come from one address (loopback): the per-address limit on join
attempts (10 a minute, meant for one phone each) is raised for the run and said so.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import multiprocessing as mp
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


IDLE_SECONDS = 8.0
JOIN_SPREAD_S = 6.0


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


# ---- the phones (another process) ----------------------------------------------------------
async def _participant(
    index: int, member_id: int, base: str, code: str, until: float, pause: tuple[float, float]
) -> dict:
    import httpx

    result: dict = {
        "ideas": [],
        "actions": [],
        "commit": None,
        "latency": [],
        "refused": [],
        "events": 0,
    }
    await asyncio.sleep(random.uniform(0, JOIN_SPREAD_S))  # people scan one after another
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        page = await client.get("/join", params={"c": code})
        ticket = re.search(r'name="ticket" value="([^"]+)"', page.text).group(1)
        await client.post("/join", data={"code": code, "ticket": ticket, "member": str(member_id)})
        while True:  # until the facilitator lets this phone in
            home = await client.get("/")
            if 'name="csrf"' in home.text:
                break
            await asyncio.sleep(0.2)
        csrf = re.search(r'name="csrf" value="([^"]+)"', home.text).group(1)
        item = re.search(r'name="item" value="(\d+)"', home.text).group(1)

        async def follow() -> None:
            async with client.stream("GET", "/events", timeout=None) as stream:
                async for line in stream.aiter_lines():
                    if line.startswith("data:"):
                        result["events"] += 1

        follower = asyncio.create_task(follow())
        seen, n = "-", 0
        await asyncio.sleep(random.uniform(0, pause[1]))
        while time.time() < until:
            n += 1
            kind = ("idea", "action", "commit")[n % 3]
            text = f"p{index}-{kind}-{n}"
            if kind == "idea":
                path, data = "/idea", {"csrf": csrf, "item": item, "text": text}
            elif kind == "action":
                path, data = "/action", {"csrf": csrf, "title": text, "due": "", "tag": ""}
            else:
                level = random.randint(1, 5)
                path, data = (
                    "/commit",
                    {"csrf": csrf, "confidence": str(level), "note": text, "version": seen},
                )
            started = time.perf_counter()
            reply = await client.post(path, data=data)
            result["latency"].append(time.perf_counter() - started)
            if reply.status_code != 303:
                result["refused"].append(f"{path} {reply.status_code}")
            elif kind == "idea":
                result["ideas"].append(text)
            elif kind == "action":
                result["actions"].append(text)
            else:
                result["commit"] = level
                seen = str(level)
            await asyncio.sleep(random.uniform(*pause))
        follower.cancel()
    return result


def _phones(
    members: list[int], base: str, code: str, until: float, pause: tuple[float, float], out: str
) -> None:
    async def everyone() -> list[dict]:
        return await asyncio.gather(
            *(_participant(i, m, base, code, until, pause) for i, m in enumerate(members))
        )

    results = asyncio.run(everyone())
    Path(out).write_text(json.dumps(results))


# ---- the facilitator (this process) ------------------------------------------------------
def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=40)
    parser.add_argument("--duration", type=float, default=120.0)
    parser.add_argument("--url", default="")
    parser.add_argument(
        "--pause",
        default="4,12",
        help="seconds a phone waits between two writes, min,max (typing on a phone)",
    )
    return parser.parse_args()


class _Facilitator:
    """The facilitator's window over a fresh meeting of `participants` members, in the
    agenda phase, Room Link open on loopback and every phone let in as it arrives."""

    def __init__(self, args: argparse.Namespace, work: Path) -> None:
        from datetime import datetime

        from PySide6.QtCore import QCoreApplication, QSettings, Qt
        from PySide6.QtWidgets import QApplication

        from alignmeet.domain.enums import Attendance, Phase
        from alignmeet.room import access
        from alignmeet.services import open_services
        from ui.controller import Controller
        from ui.main_window import MainWindow

        access.JOIN_ATTEMPTS_PER_MINUTE = 10_000  # every phone here comes from 127.0.0.1
        self.app = QApplication.instance() or QApplication(["room-load"])
        QCoreApplication.setOrganizationName("AlignMeetRoomLoad")
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work))

        target = args.url or str(work / "room.sqlite3")
        services = self.services = open_services(target)
        teams = [t.id for t in services.people.list_teams()]
        members = self.members = [
            services.people.add_member(
                name=f"Participant {i:02d}", team_id=teams[i % len(teams)]
            ).id
            for i in range(args.participants)
        ]
        template = next(t for t in services.agenda.templates() if t.name.startswith("Monthly"))
        meeting = self.meeting = services.meetings.create_meeting(
            title="Room Link load",
            starts_at=datetime.now().replace(second=0, microsecond=0),
            invitee_ids=members,
            template_id=template.id,
        )
        for m in members:
            services.meetings.set_attendance(
                meeting_id=meeting.id, member_id=m, attendance=Attendance.PRESENT
            )
        controller = Controller(services)
        window = self.window = MainWindow(controller)
        window.resize(1280, 800)
        window.show()
        gc.freeze()  # as ui.app does once the window is up
        controller.select_meeting(meeting.id)
        window.show_page("run")
        controller.set_phase(meeting_id=meeting.id, phase=Phase.AGENDA)
        window.show_room_link()
        link = self.link = window.room_link
        self.room = link.bridge.open(meeting.id, host="127.0.0.1", port=0)
        link.bridge.follow(window.run_view)
        link.bridge.push_stage()
        link.bridge.devices_changed.connect(  # "Let everyone in" as phones arrive
            link.bridge.approve_everyone, Qt.ConnectionType.QueuedConnection
        )

    def close(self) -> None:
        self.link.close()
        self.window.close()
        self.services.close()


class _Timings:
    """Times the bridge: from a participant's write (server thread) to the window's
    announcement (GUI thread), and each view's refresh; with ROOM_LOAD_PROFILE, profiles
    both."""

    def __init__(self, facilitator: _Facilitator) -> None:
        bridge = facilitator.link.bridge
        self.written_at: dict[int, tuple[object, float]] = {}
        self.announce_delays: list[float] = []
        self.emit_times: list[float] = []
        self.profile = None
        if os.environ.get("ROOM_LOAD_PROFILE"):
            import cProfile

            self.profile = cProfile.Profile()
        facilitator.room.subscribe(
            lambda o: self.written_at.__setitem__(id(o.rows), (o.rows, time.perf_counter()))
        )
        self._bridge = bridge
        self._deliver = bridge._deliver
        self._emit_next = bridge.controller._announce_next
        bridge._batch.timeout.disconnect()
        bridge._batch.timeout.connect(self._timed_deliver)
        bridge.controller._announce_next = self._timed_emit_next  # type: ignore[method-assign]

    def _run(self, function) -> None:
        if self.profile is not None:
            self.profile.runcall(function)
        else:
            function()

    def _timed_deliver(self) -> None:
        waiting = list(self._bridge._waiting)
        self._run(self._deliver)
        now = time.perf_counter()
        for outcome in waiting:
            rows, started = self.written_at.pop(id(outcome.rows), (None, 0.0))
            if rows is outcome.rows:
                self.announce_delays.append(now - started)

    def _timed_emit_next(self) -> None:  # one view's refresh (Controller.announce, paced)
        started = time.perf_counter()
        self._run(self._emit_next)
        self.emit_times.append(time.perf_counter() - started)


class _Heartbeat:
    """A timer ticking every 10 ms on the GUI thread; `gaps` between ticks. With
    ROOM_LOAD_TRACE, prints each stall and where the GUI thread was when one ran late."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self.last = time.perf_counter()
        self.began = time.perf_counter()
        self.trace = os.environ.get("ROOM_LOAD_TRACE")
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._beat)
        if self.trace:
            import threading

            threading.Thread(target=self._watch, daemon=True).start()

    def _beat(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self.last)
        if self.trace and now - self.last > 0.05:
            print(
                f"  stall {1000 * (now - self.last):.0f} ms at {now - self.began:.1f} s", flush=True
            )
        self.last = now

    def _watch(self) -> None:  # where the GUI thread is when the heartbeat is late
        import threading
        import traceback

        gui = threading.main_thread().ident
        reported = 0.0
        while True:
            time.sleep(0.02)
            late = time.perf_counter() - self.last
            if late > 0.15 and self.last != reported:
                reported = self.last
                frame = sys._current_frames().get(gui)
                stack = traceback.extract_stack(frame)[-14:] if frame else []
                where = " < ".join(
                    f"{Path(f.filename).name}:{f.lineno}:{f.name}" for f in reversed(stack)
                )
                print(f"  late {late * 1000:.0f} ms: {where}", flush=True)

    def stalls(self) -> list[float]:
        """Each gap less the 10 ms, after start-up (the first 50 ticks)."""
        return [max(0.0, g - 0.010) for g in self.gaps[50:]]


def _idle_floor(app, heartbeat: _Heartbeat) -> list[float]:
    """The floor: the same window, the room open, no phone yet — what the machine alone
    costs the heartbeat (other work on a shared machine shows here too)."""
    heartbeat.timer.start()
    idle_until = time.perf_counter() + IDLE_SECONDS
    while time.perf_counter() < idle_until:
        app.processEvents()
        time.sleep(0.001)
    heartbeat.timer.stop()
    idle = heartbeat.stalls()
    heartbeat.gaps.clear()
    return idle


def _run_phones(
    f: _Facilitator, heartbeat: _Heartbeat, args: argparse.Namespace, pause, out: Path
) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    """The phones in another process, the window's event loop running until they are
    done; the load averages before and after."""
    from PySide6.QtCore import QTimer

    app = f.app
    until = time.time() + JOIN_SPREAD_S + 4 + args.duration  # joining first
    phones = mp.get_context("spawn").Process(
        target=_phones,
        args=(f.members, f.room.base_url, f.room.access.code, until, pause, str(out)),
    )
    load_before = os.getloadavg()
    phones.start()
    heartbeat.last = time.perf_counter()
    heartbeat.timer.start()
    finished = QTimer()
    finished.setInterval(200)
    finished.timeout.connect(lambda: None if phones.is_alive() else app.quit())
    finished.start()
    app.exec()
    heartbeat.timer.stop()
    phones.join()
    app.processEvents()
    time.sleep(0.3)
    app.processEvents()
    return load_before, os.getloadavg()


def _tally(f: _Facilitator, results: list[dict]) -> dict:
    """What the phones were told was stored against what the database holds."""
    services, meeting = f.services, f.meeting
    item_id = f.room.live.stage.item_id
    ideas = [i.text for i in services.agenda.ideas(item_id)]
    actions = [a.title for a in services.actions.actions_for_meeting(meeting.id)]
    participants = {p.member_id: p for p in services.meetings.participants(meeting.id)}
    lost = duplicated = wrong_commitments = 0
    for member, result in zip(f.members, results, strict=True):
        for text in result["ideas"]:
            lost += ideas.count(text) == 0
            duplicated += ideas.count(text) > 1
        for text in result["actions"]:
            lost += actions.count(text) == 0
            duplicated += actions.count(text) > 1
        if result["commit"] is not None and participants[member].confidence != result["commit"]:
            wrong_commitments += 1
    acknowledged = sum(len(r["ideas"]) + len(r["actions"]) for r in results)
    return {
        "ideas": ideas,
        "lost": lost,
        "duplicated": duplicated,
        "wrong_commitments": wrong_commitments,
        "acknowledged": acknowledged,
        "commits": sum(1 for r in results for _ in r["latency"]) - acknowledged,
        "latency": [x for r in results for x in r["latency"]],
        "refused": [x for r in results for x in r["refused"]],
        "events": sum(r["events"] for r in results),
        "shown_ideas": f.window.run_view.agenda_phase.ideas_model.rowCount(),
    }


def main() -> int:
    args = _arguments()
    low, high = (float(x) for x in args.pause.split(","))
    pause = (low, high)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="room-load-"))
    os.environ["XDG_CONFIG_HOME"] = str(work)

    f = _Facilitator(args, work)
    timings = _Timings(f)
    heartbeat = _Heartbeat()
    idle = _idle_floor(f.app, heartbeat)
    out = work / "phones.json"
    load_before, load = _run_phones(f, heartbeat, args, pause, out)
    t = _tally(f, json.loads(out.read_text()))
    stalls = heartbeat.stalls()  # after start-up
    if timings.profile is not None:
        import pstats

        pstats.Stats(timings.profile).sort_stats("cumulative").print_stats(35)
    f.close()

    latency, refused = t["latency"], t["refused"]
    ok = (
        t["lost"] == 0
        and t["duplicated"] == 0
        and t["wrong_commitments"] == 0
        and not refused
        and percentile(latency, 95) < 0.200
        and max(stalls, default=0) < 0.100
        and t["shown_ideas"] == len(t["ideas"])
    )
    print(
        f"Room Link load: {args.participants} participants × {args.duration:.0f} s, a write "
        f"every {low:g}–{high:g} s each, on "
        f"{'PostgreSQL' if args.url else 'SQLite'}, loopback"
    )
    print(
        f"  writes: {len(latency)} ({t['acknowledged']} ideas and actions, {t['commits']} "
        f"commitments), {len(latency) / args.duration:.1f}/s; refused: {len(refused)} "
        f"{refused[:5]}"
    )
    print(
        f"  lost: {t['lost']}, duplicated: {t['duplicated']}, wrong commitments: "
        f"{t['wrong_commitments']}"
    )
    print(
        f"  latency: p50 {percentile(latency, 50) * 1000:.0f} ms, "
        f"p95 {percentile(latency, 95) * 1000:.0f} ms, max {max(latency) * 1000:.0f} ms"
    )
    print(
        f"  window: worst stall {max(stalls) * 1000:.0f} ms, p99 "
        f"{percentile(stalls, 99) * 1000:.0f} ms over {len(stalls)} heartbeats; "
        f"ideas shown {t['shown_ideas']} of {len(t['ideas'])}"
    )
    print(
        f"  the idle window (room open, no phones, {IDLE_SECONDS:.0f} s): worst stall "
        f"{max(idle, default=0) * 1000:.0f} ms, p99 {percentile(idle, 99) * 1000:.0f} ms"
    )
    emit_times, announce_delays = timings.emit_times, timings.announce_delays
    print(
        f"  one view's refresh on the GUI thread: p95 {percentile(emit_times, 95) * 1000:.0f}"
        f" ms, max {max(emit_times, default=0) * 1000:.0f} ms over {len(emit_times)}"
    )
    print(
        f"  write → window announcement: p95 {percentile(announce_delays, 95) * 1000:.0f} ms,"
        f" max {max(announce_delays, default=0) * 1000:.0f} ms; events streamed: {t['events']}"
    )
    print(
        f"  load average before {load_before[0]:.2f}, after {load[0]:.2f} / {load[1]:.2f} / "
        f"{load[2]:.2f} (1/5/15 min) on {os.cpu_count()} cores"
    )
    print("  join attempts per address raised for the run (all phones on 127.0.0.1)")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""The one write path: a use case run as an operation returns what it changed, can be
undone and done again from what it recorded, and is heard by every listener."""

from __future__ import annotations

import threading

from alignmeet.domain.enums import TeamTag


def test_an_operation_returns_its_result_and_what_it_changed(services, people, new_meeting):
    meeting = new_meeting()
    outcome = services.operations.run(
        "new action",
        lambda s: s.actions.add_action(
            meeting_id=meeting.id, owner_id=people.ana.id, title="Call Acme", team_tag=TeamTag.SALES
        ),
    )
    assert outcome.result.title == "Call Acme"
    assert outcome.changes.touches_row("action", outcome.result.id)
    assert outcome.changes.local
    assert outcome.changes.origin == services.db.origin
    services.journal.revert(outcome.rows)
    assert [a.title for a in services.actions.actions_for_meeting(meeting.id)] == []
    services.journal.reapply(outcome.rows)
    assert [a.title for a in services.actions.actions_for_meeting(meeting.id)] == ["Call Acme"]


def test_listeners_hear_each_write_on_the_thread_that_ran_it(services, people):
    heard: list[tuple[str, str]] = []
    stop = services.operations.subscribe(
        lambda outcome: heard.append((outcome.label, threading.current_thread().name))
    )

    def write() -> None:
        services.operations.run(
            "new member",
            lambda s: s.people.add_member(name="From a phone", team_id=people.ana.team_id),
            author="Ana López",
        )

    worker = threading.Thread(target=write, name="room-link")
    worker.start()
    worker.join()
    services.operations.run("a read", lambda s: s.people.list_members())  # writes nothing
    stop()
    services.operations.run(
        "unheard", lambda s: s.people.add_member(name="Later", team_id=people.ana.team_id)
    )
    assert heard == [("new member", "room-link")]

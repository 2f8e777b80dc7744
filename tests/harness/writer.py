"""Writes as fast as it can until killed: `python writer.py DB MEETING_ID OWNER_ID`.

Each use case is one transaction through the services (actions added, statuses changed
with history, notes saved); after each commit it prints "<kind> <id>" so the test that
kills it knows which rows must survive.
"""

from __future__ import annotations

import itertools
import sys

from alignmeet.domain.enums import ActionStatus
from alignmeet.services import open_services


def main() -> None:
    db, meeting_id, owner_id = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    services = open_services(db, quick_check=False)
    print("ready", flush=True)
    statuses = itertools.cycle(
        [ActionStatus.IN_PROGRESS, ActionStatus.BLOCKED, ActionStatus.OPEN, ActionStatus.DONE]
    )
    for n in itertools.count(1):
        action = services.actions.add_action(
            meeting_id=meeting_id, owner_id=owner_id, title=f"Action {n} " + "x" * (n % 300)
        )
        print(f"action {action.id}", flush=True)
        services.actions.set_status(
            action_id=action.id, status=next(statuses), meeting_id=meeting_id, note=f"n{n}"
        )
        print(f"status {action.id}", flush=True)


if __name__ == "__main__":
    main()

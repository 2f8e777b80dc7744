"""Another facilitator, in a process of its own: `python facilitator.py`, then one JSON
command per line on stdin, one JSON answer per line on stdout.

    {"open": "<file or URL>"}                                  -> {"ok": true}
    {"call": ["actions", "set_status"], "kwargs": {...}}        -> {"ok": true}
                                                               or {"error": "..."}

Values tagged {"date": "2026-03-02"} or {"datetime": "2026-03-02T10:00:00"} are turned
into dates; enums travel as their stored values (the services take those). Each call
runs through the services of this process's own engine, as on another laptop.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from typing import Any

from alignmeet.services import Services
from alignmeet.storage.database import open_database


def decode(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"date"}:
            return date.fromisoformat(value["date"])
        if set(value) == {"datetime"}:
            return datetime.fromisoformat(value["datetime"])
        return {k: decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def main() -> None:
    services: Services | None = None
    for line in sys.stdin:
        command = json.loads(line)
        try:
            if "open" in command:
                if services is not None:
                    services.close()
                services = Services(open_database(command["open"], quick_check=False))
            else:
                assert services is not None, "open a database first"
                area, method = command["call"]
                getattr(getattr(services, area), method)(**decode(command["kwargs"]))
            answer: dict[str, Any] = {"ok": True}
        except Exception as exc:  # reported to the test, which fails with it
            answer = {"error": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(answer), flush=True)
    if services is not None:
        services.close()


if __name__ == "__main__":
    main()

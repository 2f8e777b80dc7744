"""QUALITY.md "Data safety": kill -9 during heavy writes, 100 times. Each time the file
passes SQLite's integrity check and every committed row is there, history included."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from alignmeet.services import open_services

ROOT = Path(__file__).resolve().parents[2]
WRITER = ROOT / "tests" / "harness" / "writer.py"
RUNS = 100


@pytest.mark.slow
def test_kill_9_during_heavy_writes_never_loses_a_committed_row(tmp_path: Path) -> None:
    db = tmp_path / "crash.sqlite3"
    services = open_services(str(db))
    sales = services.people.list_teams()[0].id
    owner = services.people.add_member(name="Ana López", team_id=sales).id
    meeting = services.meetings.create_meeting(
        title="Crash sync", starts_at=datetime(2030, 1, 8, 10, 0), invitee_ids=[owner]
    ).id
    services.close()
    rng = random.Random(20261122)
    committed_actions: set[int] = set()
    with_status: set[int] = set()
    for _run in range(RUNS):
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(db), str(meeting), str(owner)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.15))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        lines = proc.stdout.read().split("\n")
        for line in lines:
            kind, _, ident = line.partition(" ")
            if kind == "action":
                committed_actions.add(int(ident))
            elif kind == "status":
                with_status.add(int(ident))

        con = sqlite3.connect(db)
        try:
            assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert con.execute("PRAGMA foreign_key_check").fetchall() == []
            present = {r[0] for r in con.execute("SELECT id FROM action")}
            assert committed_actions <= present
            changed = {
                r[0]
                for r in con.execute(
                    "SELECT action_id FROM action_update WHERE old_status IS NOT NULL"
                )
            }
            assert with_status <= changed
        finally:
            con.close()
    assert len(committed_actions) > RUNS  # it really was writing when killed

"""The Qt side of Room Link: opens and closes the room, and brings what participants do
to the GUI thread.

A participant's write runs on the server's thread (through the room's own services, so
the room is another client of the database). The room's operations listener hands each
outcome to this object by a queued signal; on the GUI thread the outcomes of the last
BATCH_MS are announced together through the controller's one announcement
(`Controller.announce`, paced: the views refresh once per batch, however many phones
wrote, one view per turn of the event loop) and each becomes a step on the window's undo
stack, named after its author ("Undo idea from Ana López"). The window's change feed
leaves the room's writes out (they are heard here, with their rows, already). The phones follow the
facilitator's screen through `follow(run_view)`: the agenda item shown and its timer go
to the room as they change.
"""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from alignmeet.domain.changes import merge
from alignmeet.room import Room, writes

if TYPE_CHECKING:
    from alignmeet.services.operations import Outcome
    from ui.controller import Controller
    from ui.views.run_view import RunView

SWITCH_INTERVAL_S = 0.001  # while a room is open (CPython's default: 0.005)
BATCH_MS = 400  # the entries of this long are announced together (well within 1 s)


class RoomBridge(QObject):
    outcome_arrived = Signal(object)  # from the server thread (queued to the GUI thread)
    devices_changed = Signal()
    closed_by_meeting = Signal()
    room_changed = Signal()  # opened or closed

    def __init__(self, controller: Controller, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.room: Room | None = None
        self._waiting: list[Outcome[Any]] = []
        self._batch = QTimer(self)
        self._batch.setSingleShot(True)
        self._batch.setInterval(BATCH_MS)
        self._batch.timeout.connect(self._deliver)
        self._run_view: RunView | None = None
        self._stop_listening = lambda: None
        self._switch_interval = sys.getswitchinterval()
        self.outcome_arrived.connect(self._on_outcome_arrived)
        self.closed_by_meeting.connect(self._on_closed_by_meeting)

    # ---- the room ---------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.room is not None

    def open(self, meeting_id: int, *, host: str, port: int) -> Room:
        """Open the room for `meeting_id` on `host:port` (RoomError says why not)."""
        self.close()
        room = Room(self.controller.services, meeting_id, host=host, port=port)
        room.access.changed = self.devices_changed.emit
        room.on_closed = self.closed_by_meeting.emit
        self._stop_listening = room.subscribe(self.outcome_arrived.emit)
        try:
            room.start()
        except Exception:
            self._stop_listening()
            raise
        self.room = room
        # The window's change feed leaves the room out: heard here, in-process, already.
        self.controller.live.ignore(room.services.db.origin)
        # The server's threads share the interpreter with this window: a shorter switch
        # interval lets the GUI thread in sooner when they are busy (40 phones joining).
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._switch_interval, SWITCH_INTERVAL_S))
        # The server's modules and app live until exit: out of the cyclic collector, as
        # ui.app does for the window (a full collection would walk them mid-meeting).
        gc.freeze()
        self.push_stage()
        self.room_changed.emit()
        return room

    def close(self) -> None:
        room, self.room = self.room, None
        if room is None:
            return
        self._stop_listening()
        room.close()
        sys.setswitchinterval(self._switch_interval)
        self.flush()
        self.room_changed.emit()

    def _on_closed_by_meeting(self) -> None:
        if self.room is not None and self.room.closed_by_meeting:
            self.close()

    # ---- the facilitator's clicks ----------------------------------------------------------
    def approve(self, device_id: int) -> None:
        """Let a device in; its member is marked present (they are in the room)."""
        room = self.room
        device = room.access.device(device_id) if room is not None else None
        if room is None or device is None:
            return
        room.access.approve(device_id)
        self._mark_present(room, [device.member_id])

    def approve_everyone(self) -> int:
        """Let every waiting phone in at once; returns how many."""
        room = self.room
        if room is None:
            return 0
        let_in = room.access.approve_all()
        self._mark_present(room, sorted({d.member_id for d in let_in}))
        return len(let_in)

    @staticmethod
    def _mark_present(room: Room, member_ids: list[int]) -> None:
        # Off the GUI thread: letting 40 phones in must not hold the window for 40 writes.
        for member_id in member_ids:
            room.background(
                writes.mark_present, room.services, meeting_id=room.meeting_id, member_id=member_id
            )

    def remove(self, device_id: int) -> None:
        if self.room is not None:
            self.room.access.remove(device_id)

    def rotate(self) -> str:
        return self.room.access.rotate() if self.room is not None else ""

    # ---- participants' writes, on the GUI thread -------------------------------------------
    def _on_outcome_arrived(self, outcome: Outcome[Any]) -> None:
        self._waiting.append(outcome)
        if not self._batch.isActive():
            self._batch.start()

    def _deliver(self) -> None:
        outcomes, self._waiting = self._waiting, []
        if not outcomes:
            return
        # Each entry is a step of Edit › Undo; the batch is one announcement.
        controller = self.controller
        for outcome in outcomes:
            controller.push_outside_step(outcome.label, outcome.rows)
        changes = merge([o.changes for o in outcomes], origin="", local=False)
        controller.announce(changes, paced=True)

    def flush(self) -> None:
        """Deliver what has arrived and announce it now (tests, closing)."""
        self._deliver()
        self.controller.flush_announcements()

    # ---- what the phones follow ---------------------------------------------------------
    def follow(self, run_view: RunView) -> None:
        """Send the agenda item on `run_view` and its timer to the room as they change."""
        if self._run_view is run_view:
            return
        self._run_view = run_view
        run_view.agenda_phase.current_item_changed.connect(self.push_stage)
        run_view.meeting_clock.running_changed.connect(self.push_stage)
        self.controller.item_changed.connect(self.push_stage)
        self.controller.agenda_changed.connect(self.push_stage)

    def push_stage(self, *_args: object) -> None:
        room, view = self.room, self._run_view
        if room is None or view is None or view.meeting_id != room.meeting_id:
            return
        item = view.agenda_phase.current_item()
        if item is None:
            room.set_stage(item_id=None, box_seconds=0, used_seconds=0, running=False)
            return
        clock = view.meeting_clock
        room.set_stage(
            item_id=item.id,
            box_seconds=item.box_minutes * 60,
            used_seconds=clock.item_elapsed(item.id),
            running=clock.running_item == item.id,
        )

"""Room Link's devices on the facilitator's panel: whose phone, which browser, its state,
when it was last heard from."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.models.record_table_model import Column, RecordTableModel

STATES = {
    "pending": QT_TRANSLATE_NOOP("RoomDevicesModel", "Waiting for you"),
    "approved": QT_TRANSLATE_NOOP("RoomDevicesModel", "Let in"),
}


@dataclass(frozen=True)
class DeviceRow:
    id: int
    member_id: int
    member: str
    agent: str
    state: str  # "pending" | "approved"
    seen_seconds_ago: int


def seen_text(row: DeviceRow) -> str:
    seconds = max(0, row.seen_seconds_ago)
    if seconds < 10:
        return QCoreApplication.translate("RoomDevicesModel", "just now")
    if seconds < 60:
        return QCoreApplication.translate("RoomDevicesModel", "{n} s ago").format(n=seconds)
    return QCoreApplication.translate("RoomDevicesModel", "{n} min ago").format(n=seconds // 60)


class RoomDevicesModel(RecordTableModel[DeviceRow]):
    """Member, Device, State, Last seen."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "Member"), lambda d: d.member),
        Column(QT_TRANSLATE_NOOP("Columns", "Device"), lambda d: d.agent),
        Column(
            QT_TRANSLATE_NOOP("Columns", "State"),
            lambda d: QCoreApplication.translate("RoomDevicesModel", STATES.get(d.state, d.state)),
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Last seen"), seen_text),
    )

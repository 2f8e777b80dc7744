"""Room Link's panel: the facilitator opens the room for the current meeting, shows the
address, the code and the QR code in large type, lets each phone in (or everyone present
at once), removes one, rotates the code and closes the room.

The window's View › Room Link… builds `RoomLink` on first use (the bridge, this panel and
a status-bar indicator); `room_qr_pixmap(url, size)` renders the QR code for any
screen (the audience window can place it).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QNetworkInterface
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from alignmeet.room import DEFAULT_PORT, LOOPBACK, RoomError, candidate_addresses, qr_png
from ui.models.room_devices_model import DeviceRow, RoomDevicesModel
from ui.room_bridge import RoomBridge
from ui.views.phases import set_font
from ui.widgets import FieldError, plain_label

if TYPE_CHECKING:
    from ui.main_window import MainWindow

QR_SIZE = 300
SEEN_REFRESH_MS = 2000


def room_qr_pixmap(url: str, size: int = QR_SIZE) -> QPixmap:
    """The QR code of `url`, about `size` pixels square (for the panel or the audience)."""
    pixmap = QPixmap()
    pixmap.loadFromData(qr_png(url, size), "PNG")
    return pixmap


def bind_choices() -> list[str]:
    """The machine's IPv4 addresses (the default route's first), loopback last."""
    found = [a for a in candidate_addresses() if a != LOOPBACK]
    for address in QNetworkInterface.allAddresses():
        if address.protocol() != QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
            continue
        if address.isLoopback() or address == QHostAddress(QHostAddress.SpecialAddress.AnyIPv4):
            continue
        text = address.toString()
        if text not in found:
            found.append(text)
    return [*found, LOOPBACK]


class RoomPanel(QDialog):
    def __init__(self, bridge: RoomBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RoomPanel")
        self.bridge = bridge
        self.controller = bridge.controller
        self.setWindowTitle(self.tr("Room Link"))
        self.resize(820, 640)

        self._build_setup_page()
        self._build_open_page()

        self.pages = QStackedWidget()
        self.pages.addWidget(self.setup_page)
        self.pages.addWidget(self.open_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self._seen_timer = QTimer(self)
        self._seen_timer.setInterval(SEEN_REFRESH_MS)
        self._seen_timer.timeout.connect(self.refresh_devices)
        bridge.devices_changed.connect(self.refresh_devices)
        bridge.room_changed.connect(self.refresh)
        self.devices_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._fill_addresses()
        self.refresh()

    def _build_setup_page(self) -> None:
        # ---- closed: choose where to serve --------------------------------------------
        self.setup_page = QWidget()
        setup = QVBoxLayout(self.setup_page)
        self.setup_title = plain_label(object_name="RoomTitle")
        set_font(self.setup_title, 1.3, bold=True)
        setup.addWidget(self.setup_title)
        explain = plain_label(
            self.tr(
                "People in the room open the meeting on their phones: they scan the QR code "
                "or type the address and the code, pick their name, and you let each phone "
                "in. What they write appears here at once. Nothing leaves this network; the "
                "room closes when you close it, close the meeting or quit."
            ),
            wrap=True,
        )
        setup.addWidget(explain)
        form = QFormLayout()
        self.address_combo = QComboBox()
        self.address_combo.setAccessibleName(self.tr("Network address to serve on"))
        self.address_combo.setToolTip(
            self.tr("Phones must be on this network. 127.0.0.1 reaches this computer only.")
        )
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1024, 65535)
        self.port_spin.setAccessibleName(self.tr("Port"))
        form.addRow(self.tr("Serve on"), self.address_combo)
        form.addRow(self.tr("Port"), self.port_spin)
        setup.addLayout(form)
        self.setup_error = FieldError()
        setup.addWidget(self.setup_error)
        self.open_button = QPushButton(self.tr("Open the room"))
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.open_room)
        setup.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        setup.addStretch(1)

    def _build_open_page(self) -> None:
        # ---- open: address, code, QR, devices ---------------------------------------------
        self.open_page = QWidget()
        opened = QVBoxLayout(self.open_page)
        top = QHBoxLayout()
        self.qr_label = QLabel()
        self.qr_label.setObjectName("RoomQr")
        self.qr_label.setFixedSize(QR_SIZE, QR_SIZE)
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setAccessibleName(self.tr("QR code of the room's address"))
        top.addWidget(self.qr_label)
        facts = QVBoxLayout()
        facts.addWidget(plain_label(self.tr("Address")))
        self.address_label = plain_label(object_name="RoomAddress")
        self.address_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_font(self.address_label, 1.8, bold=True)
        facts.addWidget(self.address_label)
        facts.addWidget(plain_label(self.tr("Code")))
        self.code_label = plain_label(object_name="RoomCode")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_font(self.code_label, 3.2, bold=True)
        facts.addWidget(self.code_label)
        self.bind_label = plain_label(object_name="RoomBind", wrap=True)
        facts.addWidget(self.bind_label)
        facts.addStretch(1)
        top.addLayout(facts, 1)
        opened.addLayout(top)

        self.devices_model = RoomDevicesModel(self)
        self.devices_view = QTableView()
        self.devices_view.setObjectName("RoomDevices")
        self.devices_view.setModel(self.devices_model)
        self.devices_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.devices_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.devices_view.verticalHeader().hide()
        self.devices_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.devices_view.setAccessibleName(self.tr("Devices in the room"))
        self.devices_view.doubleClicked.connect(lambda _index: self.approve_selected())
        opened.addWidget(self.devices_view, 1)
        self.devices_summary = plain_label(object_name="RoomDevicesSummary")
        opened.addWidget(self.devices_summary)

        buttons = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("Let in"))
        self.approve_button.clicked.connect(self.approve_selected)
        self.approve_all_button = QPushButton(self.tr("Let everyone in"))
        self.approve_all_button.setToolTip(
            self.tr("Let in every phone waiting now (for a room where you know everyone)")
        )
        self.approve_all_button.clicked.connect(self.approve_everyone)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Take this phone out of the room"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.rotate_button = QPushButton(self.tr("New code"))
        self.rotate_button.setToolTip(
            self.tr("The old code stops working; phones already in stay in")
        )
        self.rotate_button.clicked.connect(self.rotate_code)
        self.close_button = QPushButton(self.tr("Close the room"))
        self.close_button.clicked.connect(self.close_room)
        for button in (self.approve_button, self.approve_all_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.rotate_button)
        buttons.addWidget(self.close_button)
        opened.addLayout(buttons)

    # ---- state ------------------------------------------------------------------------
    def _fill_addresses(self) -> None:
        settings = QSettings()
        self.address_combo.clear()
        choices = bind_choices()
        for address in choices:
            text = address
            if address == LOOPBACK:
                text = self.tr("{address} (this computer only)").format(address=address)
            self.address_combo.addItem(text, address)
        remembered = str(settings.value("room/address", ""))
        if remembered in choices:
            self.address_combo.setCurrentIndex(choices.index(remembered))
        self.port_spin.setValue(int(settings.value("room/port", DEFAULT_PORT)))

    def refresh(self) -> None:
        room = self.bridge.room
        meeting = self.controller.current_meeting()
        if room is None:
            self.pages.setCurrentWidget(self.setup_page)
            self._seen_timer.stop()
            title = meeting.title if meeting else ""
            self.setup_title.setText(
                self.tr("Open the room for “{meeting}”").format(meeting=title)
                if meeting
                else self.tr("Choose a meeting first.")
            )
            self.open_button.setEnabled(meeting is not None)
            return
        self.pages.setCurrentWidget(self.open_page)
        self.address_label.setText(room.base_url.rstrip("/"))
        self.code_label.setText(room.access.code)
        self.qr_label.setPixmap(room_qr_pixmap(room.join_url, QR_SIZE))
        self.qr_label.setToolTip(room.join_url)
        if room.host == LOOPBACK:
            where = self.tr(
                "Serving “{meeting}” on {address} (port {port}): reachable from this "
                "computer only, not from phones."
            )
        else:
            where = self.tr(
                "Serving “{meeting}” on {address} only (port {port}). Phones must be on "
                "the same network."
            )
        self.bind_label.setText(
            where.format(meeting=room.title(), address=room.host, port=room.port)
        )
        self._seen_timer.start()
        self.refresh_devices()

    def refresh_devices(self) -> None:
        room = self.bridge.room
        if room is None:
            self.devices_model.set_rows([])
            return
        selected = self.selected_device()
        now = time.monotonic()
        rows = [
            DeviceRow(
                id=d.id,
                member_id=d.member_id,
                member=room.member_name(d.member_id),
                agent=d.agent,
                state=d.state.value,
                seen_seconds_ago=int(now - d.last_seen),
            )
            for d in room.access.devices()
        ]
        self.devices_model.set_rows(rows)
        if selected is not None:
            row = self.devices_model.row_of(lambda d: d.id == selected)
            if row >= 0:
                self.devices_view.selectRow(row)
        waiting = sum(1 for r in rows if r.state == "pending")
        self.devices_summary.setText(
            self.tr("{inside} in, {waiting} waiting").format(
                inside=len(rows) - waiting, waiting=waiting
            )
        )
        self.approve_all_button.setEnabled(waiting > 0)
        self._update_buttons()

    def selected_device(self) -> int | None:
        rows = self.devices_view.selectionModel().selectedRows()
        return self.devices_model.record(rows[0].row()).id if rows else None

    def _update_buttons(self, *_args: object) -> None:
        selected = self.selected_device()
        row = self.devices_model.row_of(lambda d: d.id == selected) if selected else -1
        pending = row >= 0 and self.devices_model.record(row).state == "pending"
        self.approve_button.setEnabled(pending)
        self.remove_button.setEnabled(row >= 0)

    # ---- actions -------------------------------------------------------------------------
    def open_room(self) -> bool:
        meeting_id = self.controller.current_meeting_id
        if meeting_id is None:
            return False
        host = str(self.address_combo.currentData())
        port = self.port_spin.value()
        try:
            self.bridge.open(meeting_id, host=host, port=port)
        except RoomError as exc:
            self.setup_error.show_error(str(exc), self.port_spin)
            return False
        self.setup_error.clear_error()
        settings = QSettings()
        settings.setValue("room/address", host)
        settings.setValue("room/port", port)
        window = self.parent()
        run_view = getattr(window, "run_view", None)
        if run_view is not None:
            self.bridge.follow(run_view)
            self.bridge.push_stage()
        return True

    def approve_selected(self) -> None:
        device = self.selected_device()
        if device is not None:
            self.bridge.approve(device)

    def approve_everyone(self) -> None:
        self.bridge.approve_everyone()

    def remove_selected(self) -> None:
        device = self.selected_device()
        if device is not None:
            self.bridge.remove(device)

    def rotate_code(self) -> None:
        self.bridge.rotate()
        self.refresh()

    def close_room(self) -> None:
        self.bridge.close()


class RoomIndicator(QToolButton):
    """The status bar's "Room Link: 3 in, 1 waiting" (hidden while the room is closed)."""

    def __init__(self, bridge: RoomBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RoomIndicator")
        self.setAutoRaise(True)
        self.bridge = bridge
        bridge.devices_changed.connect(self.refresh)
        bridge.room_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        room = self.bridge.room
        self.setVisible(room is not None)
        if room is None:
            return
        devices = room.access.devices()
        waiting = sum(1 for d in devices if d.state.value == "pending")
        self.setText(
            self.tr("Room Link: {inside} in, {waiting} waiting").format(
                inside=len(devices) - waiting, waiting=waiting
            )
        )
        self.setAccessibleName(self.text())
        self.setToolTip(self.tr("Room Link is open at {address}").format(address=room.base_url))


class RoomLink(QObject):
    """What the main window holds once Room Link is first used: the bridge, the panel and
    the status-bar indicator."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.bridge = RoomBridge(window.controller, self)
        self.panel: RoomPanel | None = None
        self.indicator = RoomIndicator(self.bridge)
        self.indicator.clicked.connect(self.show_panel)
        status = window.statusBar()
        status.addPermanentWidget(self.indicator)
        status.show()  # (made on first use: a bar added to a shown window starts hidden)
        self.bridge.closed_by_meeting.connect(self._on_bridge_closed_by_meeting)
        # The room's screen follows the room: its QR code while open, the new code.
        self.bridge.room_changed.connect(self._on_bridge_room_changed)
        self.bridge.devices_changed.connect(self._on_bridge_room_changed)

    def _on_bridge_room_changed(self) -> None:
        self.window.join_screen_action.setEnabled(self.bridge.room is not None)
        presenter = self.window._presenter
        if presenter is not None:
            presenter.room_changed()

    def _on_bridge_closed_by_meeting(self) -> None:
        self.window.statusBar().showMessage(
            self.tr("Room Link closed: the meeting was closed."), 8000
        )

    def show_panel(self) -> RoomPanel:
        if self.panel is None:
            self.panel = RoomPanel(self.bridge, self.window)
        self.panel.refresh()
        self.panel.show()
        self.panel.raise_()
        return self.panel

    def close(self) -> None:
        self.bridge.close()

"""While the app is open, messages waiting in the outbox are tried again when they are due
(the outbox's own schedule: 5 min, 15 min, 1 h, 4 h, then twice a day), off the GUI thread
and without a word unless something changed. A message refused for good, or unconfirmed,
is left to a person (File › Outbox…). Each attempt claims its message first, so this never
sends one that the Outbox dialog, a recap run or a cron job is sending at the same time.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal

from ui.controller import Controller

CHECK_EVERY_MS = 2 * 60 * 1000


class OutboxRetrier(QObject):
    finished = Signal(object)  # the SendReport (emitted from the worker thread: queued)

    def __init__(self, controller: Controller, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._thread: threading.Thread | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.retry_due)
        self.finished.connect(self._on_finished)

    def start(self) -> None:
        self.timer.start()

    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def retry_due(self) -> bool:
        """Start sending what is due, in a thread; False when there is nothing to do."""
        if self.busy():
            return False
        recaps = self.controller.services.recaps
        try:
            if not recaps.due_ids() or not recaps.mail_settings().configured:
                return False
        except Exception:  # a settings file that cannot be read: File › Outbox says why
            return False

        def work() -> None:
            try:
                report = self.controller.send_outbox_work()
            except Exception as exc:  # no password here, a damaged file: try again later
                report = exc
            self.finished.emit(report)

        self._thread = threading.Thread(target=work, name="outbox-retry", daemon=True)
        self._thread.start()
        return True

    def wait(self, seconds: float = 30.0) -> None:
        """For tests and closing: until the current attempt is over."""
        if self._thread is not None:
            self._thread.join(seconds)

    def _on_finished(self, report: object) -> None:
        sent = getattr(report, "sent", 0)
        if getattr(report, "outcomes", ()) or isinstance(report, Exception):
            self.controller.outbox_updated()
        if sent:
            self.controller.status_shown.emit(
                self.tr("{count} message(s) from the outbox sent (accepted by the server).").format(
                    count=sent
                )
            )

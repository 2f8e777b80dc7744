"""A real SMTP server on loopback for the tests (aiosmtpd), and the odd servers a sender
meets: one that refuses, one that answers too late, one that never greets, one that wants
a password, one that speaks STARTTLS or SSL with a self-signed certificate.

    with SmtpServer() as server:              # accepts everything
        ... send to 127.0.0.1:server.port ...
        server.messages                       # the email.message.EmailMessage objects received
"""

from __future__ import annotations

import email
import email.policy
import socket
import ssl
import subprocess
import threading
import time
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from types import TracebackType
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@dataclass
class Handler:
    """Accepts mail; `refuse_rcpt` ("550 …"), `data_reply` per message, `data_delay` (s)."""

    refuse_rcpt: str = ""
    data_replies: list[str] = field(default_factory=list)  # consumed one per message
    data_delay: float = 0.0
    envelopes: list[Any] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse_rcpt:
            return self.refuse_rcpt
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        import asyncio

        with self.lock:
            reply = self.data_replies.pop(0) if self.data_replies else "250 Message accepted"
            if reply.startswith("250"):
                self.envelopes.append(envelope)  # kept: the answer may still be lost
        if self.data_delay:
            await asyncio.sleep(self.data_delay)
        return reply


class SmtpServer:
    def __init__(
        self,
        handler: Handler | None = None,
        *,
        password: str | None = None,  # set: AUTH required, user "facilitator"
        tls: ssl.SSLContext | None = None,  # STARTTLS with this server context
        implicit_tls: ssl.SSLContext | None = None,  # SSL from the first byte
    ) -> None:
        self.handler = handler or Handler()
        self.port = free_port()
        kwargs: dict[str, Any] = {}
        if password is not None:

            def authenticator(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
                ok = isinstance(auth_data, LoginPassword) and (
                    auth_data.login == b"facilitator" and auth_data.password == password.encode()
                )
                return AuthResult(success=ok, handled=False)

            kwargs.update(authenticator=authenticator, auth_required=True)
            kwargs["auth_require_tls"] = tls is not None
        if tls is not None:
            kwargs["tls_context"] = tls
            kwargs["require_starttls"] = True
        self.controller = Controller(
            self.handler,
            hostname=HOST,
            port=self.port,
            ssl_context=implicit_tls,
            server_hostname="localhost",
            ready_timeout=10,
            **kwargs,
        )

    def __enter__(self) -> SmtpServer:
        self.controller.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.controller.stop()

    @property
    def messages(self) -> list[EmailMessage]:
        with self.handler.lock:
            envelopes = list(self.handler.envelopes)
        return [
            email.message_from_bytes(e.original_content, policy=email.policy.default)  # type: ignore[misc]
            for e in envelopes
        ]

    def recipients(self) -> list[str]:
        with self.handler.lock:
            return [to for e in self.handler.envelopes for to in e.rcpt_tos]


class SilentServer:
    """Accepts connections and never says a word (the client's timeout must fire)."""

    def __init__(self) -> None:
        self.port = free_port()
        self._sock = socket.socket()
        self._sock.bind((HOST, self.port))
        self._sock.listen(5)
        self._held: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        self._sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                conn, _addr = self._sock.accept()
            except OSError:
                continue
            self._held.append(conn)

    def __enter__(self) -> SilentServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)
        for conn in self._held:
            conn.close()
        self._sock.close()


@dataclass(frozen=True)
class Certificate:
    cert: Path
    key: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert, self.key)
        return context

    def client_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.cert))


def make_certificate(folder: Path) -> Certificate:
    """A self-signed certificate for localhost and 127.0.0.1 (openssl)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return Certificate(cert, key)


def wait_for(predicate: Any, seconds: float = 10.0) -> bool:
    """Poll until `predicate()` is true (a server thread finishing its work)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return bool(predicate())


class MemoryKeyring:
    """An in-memory keyring backend for the tests (never the real OS keyring)."""

    def __new__(cls) -> Any:
        from keyring.backend import KeyringBackend

        class _Memory(KeyringBackend):
            priority = 1  # type: ignore[assignment]

            def __init__(self) -> None:
                super().__init__()
                self.store: dict[tuple[str, str], str] = {}

            def get_password(self, service: str, username: str) -> str | None:
                return self.store.get((service, username))

            def set_password(self, service: str, username: str, password: str) -> None:
                self.store[(service, username)] = password

            def delete_password(self, service: str, username: str) -> None:
                self.store.pop((service, username), None)

        return _Memory()

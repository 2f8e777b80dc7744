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


class ScriptedServer:
    """A raw SMTP server on loopback for what aiosmtpd cannot be made to do, one message at
    a time (numbered from 0 over every connection, in the order the DATA commands come):

    - `rcpt[n]`: the reply to RCPT TO for message n (e.g. "452 4.2.2 Mailbox full"); a reply
      starting "421" is followed by closing the connection;
    - `after_data[n]`: after the final "." of message n: "close" (hang up without a word),
      "silent" (say nothing; the client's timeout fires), or a reply ("421 …" closes too);
    - `cut_data`: message numbers during whose DATA the connection is closed (the "." never
      comes);
    - `extensions`: what EHLO offers (no STARTTLS by default); `auth_reply` when AUTH is tried.

    `accepted` holds the recipients whose message was answered "250" after the ".";
    `received` those whose whole message reached the server, whatever it answered."""

    def __init__(
        self,
        *,
        rcpt: dict[int, str] | None = None,
        after_data: dict[int, str] | None = None,
        cut_data: set[int] | None = None,
        extensions: tuple[str, ...] = ("8BITMIME",),
        auth_reply: str = "235 2.7.0 Authentication successful",
    ) -> None:
        self.rcpt = dict(rcpt or {})
        self.after_data = dict(after_data or {})
        self.cut_data = set(cut_data or ())
        self.extensions = extensions
        self.auth_reply = auth_reply
        self.accepted: list[str] = []
        self.received: list[str] = []
        self.connections = 0
        self._number = 0  # the next message's number
        self._lock = threading.Lock()
        self.port = free_port()
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((HOST, self.port))
        self._sock.listen(5)
        self._held: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)
        for conn in self._held:
            with _suppress():
                conn.close()
        self._sock.close()

    def _run(self) -> None:
        self._sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                conn, _addr = self._sock.accept()
            except OSError:
                continue
            self.connections += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(30)
        reader = conn.makefile("rb")

        def say(line: str) -> None:
            conn.sendall(line.encode() + b"\r\n")

        try:
            say("220 scripted.test ESMTP")
            recipient = ""
            while not self._stop.is_set():
                line = reader.readline()
                if not line:
                    return
                verb = line.decode("ascii", "replace").strip().upper()
                if verb.startswith(("EHLO", "HELO")):
                    lines = ["scripted.test", *self.extensions]
                    for i, text in enumerate(lines):
                        say(("250 " if i == len(lines) - 1 else "250-") + text)
                elif verb.startswith("AUTH"):
                    say(self.auth_reply)
                elif verb.startswith("MAIL"):
                    say("250 2.1.0 OK")
                elif verb.startswith("RCPT"):
                    recipient = line.decode().split(":", 1)[1].strip().strip("<>")
                    with self._lock:
                        reply = self.rcpt.get(self._number, "250 2.1.5 OK")
                        if not reply.startswith("25"):
                            self._number += 1  # this message is done with
                    say(reply)
                    if reply.startswith("421"):
                        return
                elif verb == "DATA":
                    with self._lock:
                        number = self._number
                        self._number += 1
                    say("354 End data with <CR><LF>.<CR><LF>")
                    if number in self.cut_data:
                        reader.readline()  # a line of it, then hang up
                        return
                    while True:
                        data = reader.readline()
                        if not data or data == b".\r\n":
                            break
                    if not data:
                        return
                    with self._lock:
                        self.received.append(recipient)
                    reply = self.after_data.get(number, "250 2.0.0 Queued")
                    if reply == "close":
                        return
                    if reply == "silent":
                        self._held.append(conn)
                        self._stop.wait(60)
                        return
                    if reply.startswith("250"):
                        with self._lock:
                            self.accepted.append(recipient)
                    say(reply)
                    if reply.startswith("421"):
                        return
                elif verb == "RSET" or verb == "NOOP":
                    say("250 2.0.0 OK")
                elif verb == "QUIT":
                    say("221 2.0.0 Bye")
                    return
                else:
                    say("502 5.5.2 Not implemented")
        except OSError:
            return
        finally:
            if conn not in self._held:
                with _suppress():
                    reader.close()
                    conn.close()


def _suppress() -> Any:
    import contextlib

    return contextlib.suppress(OSError)

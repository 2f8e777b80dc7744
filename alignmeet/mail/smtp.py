"""One SMTP conversation: connect (STARTTLS, SSL or plain), log in, hand over messages.

Every failure becomes a `SendError` whose message names the server and says what to do,
never the password. The one thing SMTP cannot tell is whether a message arrived when the
connection breaks *after* the whole message was handed over but before the server said
"250 OK": `SendError.maybe_delivered` is True then, so the outbox holds the message as
unconfirmed instead of sending it again (see alignmeet.services.recaps).
"""

from __future__ import annotations

import re
import smtplib
import socket
import ssl
from dataclasses import dataclass
from types import TracebackType

from alignmeet.i18n import _
from alignmeet.mail.settings import MailSettings, Security

_EOLS = re.compile(rb"(?:\r\n|\n|\r(?!\n))")
_DOTS = re.compile(rb"(?m)^\.")


@dataclass
class SendError(Exception):
    """Sending failed. `kind`: connect | tls | auth | refused | timeout | closed | protocol.

    `permanent`: the server said no for good (5xx) — trying again will not help until
    something changes (the address, the settings). `maybe_delivered`: the message was
    handed over and the answer never came; it may have arrived.
    """

    message: str
    kind: str
    permanent: bool = False
    maybe_delivered: bool = False

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


def _timed_out(exc: BaseException | None) -> bool:
    """A timeout, even when smtplib reports it as a closed connection."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, TimeoutError | socket.timeout):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def _reply(text: bytes | str | None) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return " ".join((text or "").split())


class _SMTP(smtplib.SMTP):
    pass


class _SMTPSSL(smtplib.SMTP_SSL):
    pass


class SmtpSession:
    """`with SmtpSession(settings, password) as smtp: smtp.send(...)`."""

    def __init__(
        self,
        settings: MailSettings,
        password: str,
        *,
        ssl_context: ssl.SSLContext | None = None,
        local_hostname: str | None = None,
    ) -> None:
        self.settings = settings
        self._password = password
        self._context = ssl_context
        self._local = local_hostname
        self._smtp: smtplib.SMTP | None = None

    # ---- connecting -------------------------------------------------------------------
    def __enter__(self) -> SmtpSession:
        self.connect()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _where(self) -> str:
        return self.settings.label

    def connect(self) -> None:
        s = self.settings
        context = self._context or ssl.create_default_context()
        timeout = s.timeout
        try:
            if s.security is Security.SSL:
                smtp: smtplib.SMTP = _SMTPSSL(
                    s.host, s.port, local_hostname=self._local, timeout=timeout, context=context
                )
            else:
                smtp = _SMTP(s.host, s.port, local_hostname=self._local, timeout=timeout)
            self._smtp = smtp
            smtp.ehlo_or_helo_if_needed()
            if s.security is Security.STARTTLS:
                if not smtp.has_extn("starttls"):
                    raise SendError(
                        _(
                            "The server {server} does not offer STARTTLS. Choose “SSL” (usually "
                            "port 465) in Settings › E-mail, or ask for the right port."
                        ).format(server=self._where()),
                        "tls",
                        permanent=True,
                    )
                smtp.starttls(context=context)
                smtp.ehlo()
            if s.username:
                self._login(smtp)
        except SendError:
            self.close()
            raise
        except BaseException as exc:
            self.close()
            raise self._connect_error(exc) from exc

    def _login(self, smtp: smtplib.SMTP) -> None:
        s = self.settings
        if not smtp.has_extn("auth"):
            raise SendError(
                _(
                    "The server {server} does not accept a login here. Use STARTTLS or SSL, "
                    "or leave the user name empty if it needs none."
                ).format(server=self._where()),
                "auth",
                permanent=True,
            )
        try:
            smtp.login(s.username, self._password)
        except smtplib.SMTPAuthenticationError as exc:
            raise SendError(
                _(
                    "The server {server} refused the user name or password for {user} "
                    "({code} {reply}). Check them in Settings › E-mail."
                ).format(
                    server=self._where(),
                    user=s.username,
                    code=exc.smtp_code,
                    reply=_reply(exc.smtp_error),
                ),
                "auth",
                permanent=True,
            ) from exc

    def _connect_error(self, exc: BaseException) -> SendError:
        where = self._where()
        if isinstance(exc, socket.gaierror):
            return SendError(
                _("The server name {host} cannot be found. Check it in Settings › E-mail.").format(
                    host=self.settings.host
                ),
                "connect",
            )
        if isinstance(exc, ConnectionRefusedError):
            return SendError(
                _(
                    "The server {server} refused the connection. Check the server name and port "
                    "in Settings › E-mail, or try again when it is back."
                ).format(server=where),
                "connect",
            )
        if _timed_out(exc):
            return SendError(
                _(
                    "No answer from {server} within {seconds} s. The server may be down or "
                    "blocked by a firewall; AlignMeet will try again."
                ).format(server=where, seconds=self.settings.timeout),
                "timeout",
            )
        if isinstance(exc, ssl.SSLCertVerificationError):
            return SendError(
                _(
                    "The server {server} did not prove who it is ({problem}). Check the server "
                    "name in Settings › E-mail."
                ).format(server=where, problem=exc.verify_message or exc.reason),
                "tls",
                permanent=True,
            )
        if isinstance(exc, ssl.SSLError):
            return SendError(
                _(
                    "The secure connection to {server} failed ({problem}). Check that the "
                    "security setting matches the port (STARTTLS: 587, SSL: 465)."
                ).format(server=where, problem=exc.reason or exc),
                "tls",
            )
        if isinstance(exc, smtplib.SMTPServerDisconnected):
            return SendError(
                _("The server {server} closed the connection ({problem}).").format(
                    server=where, problem=exc or _("no reason given")
                ),
                "closed",
            )
        if isinstance(exc, smtplib.SMTPResponseException):
            return SendError(
                _("The server {server} answered {code} {reply}.").format(
                    server=where, code=exc.smtp_code, reply=_reply(exc.smtp_error)
                ),
                "protocol",
                permanent=500 <= exc.smtp_code < 600,
            )
        if isinstance(exc, OSError):
            return SendError(
                _("Cannot reach {server}: {problem}").format(
                    server=where, problem=exc.strerror or exc
                ),
                "connect",
            )
        return SendError(
            _("Sending through {server} failed: {problem}").format(server=where, problem=exc),
            "protocol",
        )

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()

    # ---- sending ----------------------------------------------------------------------
    def send(self, message: bytes, *, sender: str, recipient: str) -> str:
        """Hand one message to the server; its "250" answer, or SendError.

        After a failure before the hand-over the session can send the next message; after
        one during or after it, the connection is closed (reconnect for the next).
        """
        smtp = self._smtp
        if smtp is None:
            self.connect()
            smtp = self._smtp
            assert smtp is not None
        where = self._where()
        if not (sender.isascii() and recipient.isascii()):  # smtplib would raise mid-command
            raise SendError(
                _(
                    "The address {address} has characters this server cannot take. "
                    "Change it on the People page (the sender: in Settings › E-mail)."
                ).format(address=recipient if sender.isascii() else sender),
                "refused",
                permanent=True,
            )
        handed_over = False
        try:
            code, reply = smtp.mail(sender)
            if code != 250:
                self._reset(smtp)
                raise self._refused(_("the sender {address}").format(address=sender), code, reply)
            code, reply = smtp.rcpt(recipient)
            if code not in (250, 251):
                self._reset(smtp)
                raise self._refused(recipient, code, reply)
            smtp.putcmd("data")
            code, reply = smtp.getreply()
            if code != 354:
                self._reset(smtp)
                raise self._refused(recipient, code, reply)
            data = _DOTS.sub(b"..", _EOLS.sub(b"\r\n", message))
            if not data.endswith(b"\r\n"):
                data += b"\r\n"
            smtp.send(data + b".\r\n")
            handed_over = True  # from here on the server may have it
            code, reply = smtp.getreply()
        except SendError:
            raise
        except (TimeoutError, smtplib.SMTPServerDisconnected, OSError) as exc:
            self._drop()
            if handed_over:
                raise SendError(
                    _(
                        "The connection to {server} broke after the message was handed over and "
                        "before the server confirmed it ({problem}). It may have arrived."
                    ).format(server=where, problem=exc or type(exc).__name__),
                    "timeout" if _timed_out(exc) else "closed",
                    maybe_delivered=True,
                ) from exc
            raise self._connect_error(exc) from exc
        if code != 250:
            if code == 421:  # "closing the connection": the next message needs a new one
                self._drop()
            raise self._refused(recipient, code, reply)
        return _reply(reply)

    def _refused(self, whom: str, code: int, reply: bytes) -> SendError:
        return SendError(
            _("The server {server} refused the message for {whom}: {code} {reply}").format(
                server=self._where(), whom=whom, code=code, reply=_reply(reply)
            ),
            "refused",
            permanent=500 <= code < 600,
        )

    def _reset(self, smtp: smtplib.SMTP) -> None:
        try:
            smtp.rset()
        except (smtplib.SMTPException, OSError):
            self._drop()

    def _drop(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            smtp.close()


def check_login(
    settings: MailSettings, password: str, *, ssl_context: ssl.SSLContext | None = None
) -> None:
    """Connect and log in, send nothing (Settings › E-mail › Test): SendError if it fails."""
    with SmtpSession(settings, password, ssl_context=ssl_context):
        pass

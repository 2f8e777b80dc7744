"""Where AlignMeet sends e-mail through: host, port, security, user, sender.

One store for the app and the command line (which never imports Qt): `mail.json` in the
user's config folder (platformdirs; `ALIGNMEET_CONFIG_DIR` overrides it), written
atomically. The password is never in it: it lives in the OS keyring (`keyring`), or — for
cron or Task Scheduler, where no keyring may be unlocked — in the environment variable
`ALIGNMEET_SMTP_PASSWORD`, which wins when set.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from alignmeet.domain.rules import ValidationError
from alignmeet.i18n import _

PASSWORD_ENV = "ALIGNMEET_SMTP_PASSWORD"
CONFIG_ENV = "ALIGNMEET_CONFIG_DIR"
KEYRING_SERVICE = "AlignMeet SMTP"
FILE_NAME = "mail.json"
DEFAULT_TIMEOUT = 20  # seconds for the connection and each reply


class Security(StrEnum):
    STARTTLS = "starttls"  # port 587: plain connection upgraded with STARTTLS
    SSL = "ssl"  # port 465: TLS from the first byte ("SMTPS")
    NONE = "none"  # no encryption: only for a relay on this machine or a test server

    @property
    def default_port(self) -> int:
        return {"starttls": 587, "ssl": 465, "none": 25}[self.value]


class MailSettingsError(Exception):
    """Settings that cannot be read, saved or used; the message is for the user."""


@dataclass(frozen=True)
class MailSettings:
    host: str = ""
    port: int = 587
    security: Security = Security.STARTTLS
    username: str = ""
    sender: str = ""  # the From address
    sender_name: str = "AlignMeet"
    timeout: int = DEFAULT_TIMEOUT

    @property
    def configured(self) -> bool:
        """A server is set: recaps are sent; without one they are written as .eml files."""
        return bool(self.host.strip())

    @property
    def account(self) -> str:
        """The keyring's name for this login: "user@host:port"."""
        return f"{self.username}@{self.host}:{self.port}"

    @property
    def label(self) -> str:
        return f"{self.host}:{self.port}"


def config_dir() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path("AlignMeet", appauthor=False)


def settings_path() -> Path:
    return config_dir() / FILE_NAME


def validate(settings: MailSettings) -> MailSettings:
    """Cleaned settings, or ValidationError at the field that is wrong."""
    host = settings.host.strip()
    if any(c.isspace() for c in host) or "/" in host:
        raise ValidationError("host", _("The server name cannot contain spaces or slashes."))
    try:
        security = Security(settings.security)
    except ValueError:
        raise ValidationError("security", _("Choose STARTTLS, SSL or none.")) from None
    if not 1 <= int(settings.port) <= 65535:
        raise ValidationError("port", _("The port is a number from 1 to 65535."))
    sender = ascii_domain(settings.sender.strip())
    if host and not (_looks_like_address(sender) and sender.isascii()):
        raise ValidationError(
            "sender", _("Give the sender's e-mail address, e.g. facilitator@example.com.")
        )
    return replace(
        settings,
        host=host,
        port=int(settings.port),
        security=security,
        username=settings.username.strip(),
        sender=sender,
        sender_name=" ".join(settings.sender_name.split()),
        timeout=max(1, int(settings.timeout)),
    )


def ascii_domain(address: str) -> str:
    """An accented domain ("bücher.example") in its ASCII form ("xn--bcher-kva.example"):
    the only form an SMTP server without SMTPUTF8 and a From or To line can carry.
    "" when the domain has none."""
    local, at, domain = address.rpartition("@")
    if not at or domain.isascii():
        return address
    try:
        return f"{local}@{domain.encode('idna').decode('ascii')}"
    except UnicodeError:
        return ""


def _looks_like_address(text: str) -> bool:
    local, at, domain = text.rpartition("@")
    return bool(local and at and domain) and not any(c.isspace() or c in "<>,;" for c in text)


def load(path: Path | None = None) -> MailSettings:
    """The saved settings; the defaults (no server) when there are none."""
    path = path or settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return MailSettings()
    except (OSError, ValueError) as exc:
        raise MailSettingsError(
            _("The e-mail settings in {path} cannot be read ({problem}).").format(
                path=path, problem=exc
            )
        ) from exc
    if not isinstance(raw, dict):
        raise MailSettingsError(
            _("The e-mail settings in {path} cannot be read ({problem}).").format(
                path=path, problem=_("not a JSON object")
            )
        )
    known = {k: v for k, v in raw.items() if k in MailSettings.__dataclass_fields__}
    try:
        return validate(MailSettings(**known))
    except (ValidationError, TypeError, ValueError) as exc:
        raise MailSettingsError(
            _("The e-mail settings in {path} cannot be read ({problem}).").format(
                path=path, problem=exc
            )
        ) from exc


def save(settings: MailSettings, path: Path | None = None) -> Path:
    """Write the settings (never a password) atomically; returns the file."""
    path = path or settings_path()
    data: dict[str, Any] = asdict(validate(settings))
    data["security"] = str(data["security"])
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".mail-", suffix=".json", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
    except OSError as exc:
        raise MailSettingsError(
            _("The e-mail settings could not be saved to {path}: {problem}").format(
                path=path, problem=exc.strerror or exc
            )
        ) from exc
    return path


# ---- the password -----------------------------------------------------------------------
class PasswordUnavailable(MailSettingsError):
    """No password can be had (no keyring here and no environment variable)."""


def _no_keyring_text() -> str:
    return _(
        "There is no password store (keyring) on this computer. Set the environment variable "
        "{variable} to the SMTP password (for cron or Task Scheduler), or install a keyring "
        "backend."
    ).format(variable=PASSWORD_ENV)


def _keyring() -> Any:
    import keyring  # on first use: it looks for backends when imported

    return keyring


def get_password(settings: MailSettings) -> str:
    """The SMTP password: $ALIGNMEET_SMTP_PASSWORD, else the keyring's; "" when the server
    needs no login (no user name). PasswordUnavailable says what to do otherwise."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    if not settings.username:
        return ""
    try:
        keyring = _keyring()
        from keyring.errors import NoKeyringError
    except Exception as exc:  # no keyring package, or a backend that fails to load
        raise PasswordUnavailable(_no_keyring_text()) from exc

    try:
        password = keyring.get_password(KEYRING_SERVICE, settings.account)
    except NoKeyringError as exc:
        raise PasswordUnavailable(_no_keyring_text()) from exc
    except Exception as exc:  # KeyringError, or a backend's own (D-Bus, Windows) error
        raise PasswordUnavailable(
            _("The password store could not be read ({problem}). {hint}").format(
                problem=type(exc).__name__,
                hint=_("Set {variable} instead.").format(variable=PASSWORD_ENV),
            )
        ) from exc
    if password is None:
        raise PasswordUnavailable(
            _(
                "No password is stored for {account}. Enter it in Settings › E-mail, or set "
                "{variable}."
            ).format(account=settings.account, variable=PASSWORD_ENV)
        )
    return str(password)


def set_password(settings: MailSettings, password: str) -> None:
    """Keep the password in the OS keyring (MailSettingsError when there is none)."""
    try:
        keyring = _keyring()
        from keyring.errors import NoKeyringError
    except Exception as exc:  # no keyring package, or a backend that fails to load
        raise PasswordUnavailable(_no_keyring_text()) from exc

    try:
        keyring.set_password(KEYRING_SERVICE, settings.account, password)
    except NoKeyringError as exc:
        raise PasswordUnavailable(_no_keyring_text()) from exc
    except Exception as exc:  # PasswordSetError, KeyringError, or a backend's own error
        raise MailSettingsError(
            _("The password could not be stored in the password store ({problem}).").format(
                problem=type(exc).__name__
            )
        ) from exc


def has_password(settings: MailSettings) -> bool:
    """A password is stored (or given in the environment) for these settings."""
    try:
        return bool(get_password(settings)) or not settings.username
    except MailSettingsError:
        return False

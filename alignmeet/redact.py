"""Passwords never shown: database URLs for people, and any text cleaned of secrets.

`display` turns a database target into what may be shown (a file path as it is, a URL
with its password as ***). `redact` cleans any text before it reaches a person, a log or
a window title: every `scheme://user:password@` and `password=...` in it, and every
occurrence of the passwords of the URLs it is given (psycopg's messages can quote the
connection string). Passwords belong in libpq's PGPASSWORD or ~/.pgpass, never in a file
of ours (README, "A shared PostgreSQL server").
"""

from __future__ import annotations

import re
from urllib.parse import quote, quote_plus

MASK = "***"

# user:password@ inside a URL (the user part has no '/', '@' or whitespace).
_URL_PASSWORD = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.\-]*://[^/@:\s]*:)[^@\s]*(?=@)")
# password=... in a libpq conninfo string or a URL's query.
_KEYWORD_PASSWORD = re.compile(
    r"(?P<head>\bpassword\s*=\s*)(?:'(?:[^'\\]|\\.)*'|[^\s&;,)]+)", re.IGNORECASE
)
# A password shorter than this is only masked where it stands as a password (above):
# replacing every "ab" in a sentence would make it unreadable without hiding anything.
MIN_BARE = 4


def _password_of(target: str) -> str | None:
    if "://" not in target:
        return None
    try:
        from sqlalchemy.engine import make_url

        url = make_url(target)
    except Exception:  # not a URL SQLAlchemy can read: the patterns still mask it
        match = re.search(r"://[^/@:\s]*:([^@\s]*)@", target)
        return match.group(1) if match else None
    password = url.password
    if password is None:
        query = url.query.get("password")
        password = query if isinstance(query, str) else None
    return str(password) if password else None


def _masked(url: str) -> str:
    """`url` rendered with its password as *** (by its shape when SQLAlchemy cannot read it)."""
    try:
        from sqlalchemy.engine import make_url

        rendered = make_url(url).render_as_string(hide_password=True)
    except Exception:
        rendered = url
    return _KEYWORD_PASSWORD.sub(
        lambda m: m.group("head") + MASK,
        _URL_PASSWORD.sub(lambda m: m.group("head") + MASK, rendered),
    )


def display(target: object) -> str:
    """A database target (path or URL) as it may be shown to people."""
    text = str(target)
    if "://" not in text:
        return text
    return redact(_masked(text), text)


def without_password(target: str) -> str:
    """A database target fit to be stored (recent lists, settings): a URL loses its
    password, which libpq then takes from PGPASSWORD or ~/.pgpass."""
    if "://" not in target or _password_of(target) is None:
        return target
    try:
        from sqlalchemy.engine import make_url

        url = make_url(target)._replace(password=None)  # set() keeps a password given None
        if "password" in url.query:
            url = url.difference_update_query(["password"])
        return url.render_as_string(hide_password=False)
    except Exception:
        return redact(target)


def redact(text: object, *targets: object) -> str:
    """`text` without the passwords of `targets` and without any URL or conninfo password."""
    out = str(text)
    for target in targets:
        if target is None:
            continue
        raw = str(target)
        password = _password_of(raw)
        if not password:
            continue
        out = out.replace(raw, _masked(raw))
        if len(password) >= MIN_BARE:
            for form in {password, quote(password, safe=""), quote_plus(password)}:
                out = out.replace(form, MASK)
    out = _URL_PASSWORD.sub(lambda m: m.group("head") + MASK, out)
    return _KEYWORD_PASSWORD.sub(lambda m: m.group("head") + MASK, out)

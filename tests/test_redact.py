"""Passwords never shown (issue 11, finding 9): the one helper every line, error and title
goes through, tried on any password a person might choose."""

from __future__ import annotations

from urllib.parse import quote, quote_plus

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.engine import make_url

from alignmeet.redact import MASK, display, redact, without_password

BASE = "postgresql+psycopg://alignmeet@127.0.0.1:5432/meetings"

# What the messages below say around a password: a password that is one of these words
# ("port", "fail") is in the text whether it leaked or not.
AROUND = (
    f"{BASE} connection to failed: password authentication failed () invalid dsn: host=db "
    f"user=ana password={MASK} port=5432 see postgresql://ana:{MASK}@elsewhere/x"
)


def forms(password: str) -> set[str]:
    return {password, quote(password, safe=""), quote_plus(password), quote(password)}


passwords = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=4, max_size=40
).filter(lambda p: "*" not in p and p.strip() == p and not any(f in AROUND for f in forms(p)))


def url_with(password: str) -> str:
    return make_url(BASE).set(password=password).render_as_string(hide_password=False)


def assert_hidden(text: str, password: str) -> None:
    for form in forms(password):
        assert form not in text, (form, text)


@given(passwords)
def test_a_password_in_a_url_never_survives_display_or_redact(password: str) -> None:
    url = url_with(password)
    assert_hidden(display(url), password)
    message = f"connection to {url} failed: password authentication failed ({url})"
    assert_hidden(redact(message, url), password)
    assert_hidden(without_password(url), password)


@given(passwords)
def test_conninfo_and_urls_of_unknown_servers_are_masked_by_their_shape(password: str) -> None:
    text = f"invalid dsn: host=db user=ana password={quote(password, safe='')} port=5432"
    assert_hidden(redact(text), password)
    other = f"see postgresql://ana:{quote(password, safe='')}@elsewhere/x"
    assert_hidden(redact(other), password)


def test_what_stays_readable() -> None:
    url = "postgresql+psycopg://ana:hunter22@db.example:5432/meetings"
    assert display(url) == f"postgresql+psycopg://ana:{MASK}@db.example:5432/meetings"
    assert display("/home/ana/meetings.sqlite3") == "/home/ana/meetings.sqlite3"
    assert without_password(url) == "postgresql+psycopg://ana@db.example:5432/meetings"
    assert redact("No meetings in /tmp/a.sqlite3.") == "No meetings in /tmp/a.sqlite3."

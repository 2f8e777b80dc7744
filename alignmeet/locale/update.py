"""Refresh the core's catalogues from the code: `python -m alignmeet.locale.update`.

Finds every `_("…")`, `N_("…")` and `ngettext("…", "…", n)` in alignmeet/ and every
`_("…")` / `ngettext` in templates/*.j2, and rewrites alignmeet/locale/<lang>/*.po:
translations already made are kept, new strings appear untranslated, strings no longer
in the code are dropped. Minutes and other exports go to exports.po, the rest (validation
messages, dates, the command line) to core.po.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass, field
from pathlib import Path

from alignmeet.i18n import LANGUAGES, LOCALE, parse_po

ROOT = LOCALE.parent.parent
EXPORT_SOURCES = ("alignmeet/export/", "alignmeet/domain/sections.py", "templates/")
HEADER = (
    'msgid ""\nmsgstr ""\n'
    '"Project-Id-Version: AlignMeet\\n"\n'
    '"Language: {lang}\\n"\n'
    '"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
)


@dataclass
class Message:
    msgid: str
    plural: str | None = None
    context: str | None = None
    places: list[str] = field(default_factory=list)


def _python_messages(path: Path, rel: str) -> list[tuple[int, str, str | None]]:
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        args = node.args
        strings = [
            a.value for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str)
        ]
        if node.func.id in {"_", "N_"} and len(args) == 1 and len(strings) == 1:
            found.append((node.lineno, strings[0], None))
        elif node.func.id == "pgettext" and len(args) == 2 and len(strings) == 2:
            found.append((node.lineno, strings[1], f"\x04{strings[0]}"))
        elif node.func.id == "ngettext" and len(strings) >= 2:
            found.append((node.lineno, strings[0], strings[1]))
    return found


def _template_messages(path: Path) -> list[tuple[int, str, str | None]]:
    from jinja2 import Environment

    env = Environment(extensions=["jinja2.ext.i18n"])
    found = []
    for lineno, func, message in env.extract_translations(path.read_text(encoding="utf-8")):
        if func in {"_", "gettext"} and isinstance(message, tuple):  # _("…", name=value)
            message = message[0]
        if func in {"_", "gettext"} and isinstance(message, str):
            found.append((lineno, message, None))
        elif func == "ngettext" and isinstance(message, tuple) and len(message) >= 2:
            found.append((lineno, message[0], message[1]))
    return found


def extract() -> dict[str, dict[str, Message]]:
    """{catalogue file name: {msgid: Message}} in the order the strings first appear."""
    books: dict[str, dict[str, Message]] = {"core.po": {}, "exports.po": {}}
    sources = sorted((ROOT / "alignmeet").rglob("*.py")) + sorted((ROOT / "templates").glob("*.j2"))
    for path in sources:
        rel = path.relative_to(ROOT).as_posix()
        if "/migrations/" in rel or rel.startswith("alignmeet/locale/"):
            continue
        found = _template_messages(path) if path.suffix == ".j2" else _python_messages(path, rel)
        exported = rel.startswith(EXPORT_SOURCES) and not rel.startswith("templates/room_")
        book = books["exports.po" if exported else "core.po"]
        for _lineno, msgid, plural in found:
            context = None
            if plural is not None and plural.startswith("\x04"):  # pgettext: (context, msgid)
                context, plural = plural[1:], None
            key = f"{context}\x04{msgid}" if context else msgid
            message = book.setdefault(key, Message(msgid, plural, context))
            message.plural = message.plural or plural
            if rel not in message.places:  # files only: line numbers would go stale
                message.places.append(rel)
    # A string used by both: kept in core.po only.
    for msgid in set(books["core.po"]) & set(books["exports.po"]):
        books["core.po"][msgid].places += books["exports.po"].pop(msgid).places
    return books


def load(lang: str) -> dict[str, dict[str, object]]:
    """The entries of `lang`'s catalogue files by key (msgctxt\\x04msgid, or msgid)."""
    entries: dict[str, dict[str, object]] = {}
    for path in sorted((LOCALE / lang).glob("*.po")):
        for entry in parse_po(path.read_text(encoding="utf-8")):
            if entry["msgid"]:
                key = str(entry["msgid"])
                if entry.get("msgctxt"):
                    key = f"{entry['msgctxt']}\x04{key}"
                entries[key] = entry
    return entries


def quote(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
    )
    return f'"{escaped}"'


def render(lang: str, messages: dict[str, Message], known: dict[str, object]) -> str:
    out = [HEADER.format(lang=lang)]
    for message in messages.values():
        lines = [f"#: {' '.join(message.places[:4])}"]
        if "{" in message.msgid:
            lines.append("#, python-brace-format")
        if message.context:
            lines.append(f"msgctxt {quote(message.context)}")
        lines.append(f"msgid {quote(message.msgid)}")
        old = known.get(
            f"{message.context}\x04{message.msgid}" if message.context else message.msgid
        )
        if message.plural is not None:
            lines.append(f"msgid_plural {quote(message.plural)}")
            forms = old if isinstance(old, tuple) else ("", "")
            lines += [f"msgstr[{i}] {quote(form)}" for i, form in enumerate(forms)]
        else:
            lines.append(f"msgstr {quote(old if isinstance(old, str) else '')}")
        out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """`--only core.po` (or exports.po) rewrites just that file."""
    args = sys.argv[1:] if argv is None else argv
    only = set(args[args.index("--only") + 1 :]) if "--only" in args else set()
    books = extract()
    for lang in LANGUAGES:
        if lang == "en":
            continue
        folder = LOCALE / lang
        folder.mkdir(parents=True, exist_ok=True)
        known = {key: entry["msgstr"] for key, entry in load(lang).items()}
        missing = 0
        for name, messages in books.items():
            if only and name not in only:
                continue
            (folder / name).write_text(render(lang, messages, known), encoding="utf-8")
            missing += sum(1 for msgid in messages if not known.get(msgid))
        total = sum(len(b) for b in books.values())
        print(f"{lang}: {total} strings, {missing} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())

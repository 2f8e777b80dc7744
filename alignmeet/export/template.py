"""A company Word template, checked and made safe before python-docx parses it.

A template is a file someone sent: a zip of XML parts. Before this module, a 1 MB zip
bomb made one minutes export take 2.2 GB and 20 s, a template with a huge thumbnail was
copied into every minutes file, and its links to the outside — the template it is
attached to on a web server, a linked (not embedded) logo, a hyperlink to a `file://` or
`\\\\server\\share` path — went into every minutes file too, where Word follows them when
the file is opened (and a UNC path hands the reader's Windows credentials to that server).

`safe_template(path)` returns the bytes of a .docx python-docx may open:

1. **Within limits**, checked from the zip's central directory before anything is
   unpacked: the file at most `MAX_FILE` bytes, at most `MAX_ENTRIES` parts, together at
   most `MAX_UNPACKED` bytes unpacked, and no part of more than `RATIO_FROM` bytes that
   unpacks to more than `MAX_RATIO` times its packed size (the mark of a zip bomb; Word's
   own XML packs about 10:1). Python's zipfile never unpacks more than the size the
   central directory states, so what the check read is what reading costs.
2. **Refused** when it cannot be made safe: not a zip (nor a Word document), encrypted
   (a password-protected Word file is not a zip at all but an OLE file), or with macros
   (a .dotm/.docm: the macro-enabled content types or a vbaProject part).
3. **Cleaned**: every external relationship (`TargetMode="External"`) of every part is
   dropped and what pointed at it loses the pointer (a hyperlink keeps its text, a linked
   picture its place); the attached template (`w:attachedTemplate` in settings.xml), the
   mail-merge data source and sub-documents go; the thumbnail (`docProps/thumbnail.*`)
   and its relationship go. A .dotx becomes a .docx (one content type differs).

Every refusal is an `ExportError` whose message says what is wrong and what to do, with
`path` set to the template (the export then offers AlignMeet's own styles instead).
"""

from __future__ import annotations

import math
import posixpath
import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from lxml import etree

from alignmeet import i18n
from alignmeet.domain.rules import group_digits
from alignmeet.export import ExportError
from alignmeet.i18n import _

__all__ = [
    "MAX_ENTRIES",
    "MAX_FILE",
    "MAX_RATIO",
    "MAX_UNPACKED",
    "TemplateReport",
    "clean_template",
    "safe_template",
]

MAX_FILE = 10 * 1024 * 1024  # bytes of the template file
MAX_UNPACKED = 50 * 1024 * 1024  # bytes of all its parts, unpacked
MAX_ENTRIES = 1_000  # parts (Word's own templates have 10-40)
MAX_RATIO = 100  # unpacked : packed, for a part of more than RATIO_FROM bytes
RATIO_FROM = 256 * 1024

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_O_NS = "urn:schemas-microsoft-com:office:office"
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_DOTX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_MACRO_TYPES = ("macroenabled", "vbaproject", "vbadata")
# Elements that are nothing but a pointer to the outside: they go with their relationship.
_POINTER_ELEMENTS = {
    f"{{{_W_NS}}}{name}" for name in ("attachedTemplate", "subDoc", "dataSource", "headerSource")
}
_SETTINGS = "word/settings.xml"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass
class TemplateReport:
    """What cleaning took out of a template (for tests and the log)."""

    external: list[str] = field(default_factory=list)  # targets of dropped relationships
    dropped_parts: list[str] = field(default_factory=list)  # thumbnails
    attached_template: bool = False


def safe_template(path: Path) -> bytes:
    """The template at `path` as .docx bytes within limits and without links to the
    outside (see the module docstring), or `ExportError`."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            raise _refuse(
                path,
                _(
                    "The Word template {template} is too large ({size}; a template may be at "
                    "most {most}). Save a copy without large pictures, or choose another."
                ),
                size=_megabytes(size),
                most=_megabytes(MAX_FILE),
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise ExportError(
            _(
                "The Word template {template} cannot be read ({reason}). "
                "Choose another template, or export without one."
            ).format(template=path, reason=exc.strerror or str(exc)),
            path=path,
        ) from exc
    return clean_template(raw, path)[0]


def clean_template(raw: bytes, path: Path) -> tuple[bytes, TemplateReport]:
    """`raw` (a template's bytes) checked and cleaned; `path` names it in messages."""
    if len(raw) > MAX_FILE:
        raise _refuse(
            path,
            _(
                "The Word template {template} is too large ({size}; a template may be at "
                "most {most}). Save a copy without large pictures, or choose another."
            ),
            size=_megabytes(len(raw)),
            most=_megabytes(MAX_FILE),
        )
    if raw.startswith(_OLE_MAGIC):
        raise _refuse(
            path,
            _(
                "The Word template {template} is password-protected or an old Word 97-2003 "
                "file (.doc/.dot). Open it in Word and save it as a Word template (.dotx) "
                "without a password."
            ),
        )
    try:
        package = zipfile.ZipFile(BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError):
        raise _not_word(path) from None
    with package:
        entries = package.infolist()
        _check_limits(entries, path)
        names = {info.filename for info in entries}
        try:
            types = etree.fromstring(package.read("[Content_Types].xml"), _PARSER)
        except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile, OSError):
            raise _not_word(path) from None
        _refuse_macros(types, names, path)
        try:
            return _rewrite(package, entries, types, path)
        except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, EOFError):
            raise _not_word(path) from None


def _check_limits(entries: list[zipfile.ZipInfo], path: Path) -> None:
    if len(entries) > MAX_ENTRIES:
        raise _refuse(
            path,
            _(
                "The Word template {template} holds {count} parts, more than a Word template "
                "has (at most {most}). Choose another template."
            ),
            count=group_digits(len(entries)),
            most=group_digits(MAX_ENTRIES),
        )
    unpacked = sum(info.file_size for info in entries)
    if unpacked > MAX_UNPACKED:
        raise _refuse(
            path,
            _(
                "The Word template {template} unpacks to {size}, more than a template may "
                "(at most {most}). Choose another template."
            ),
            size=_megabytes(unpacked),
            most=_megabytes(MAX_UNPACKED),
        )
    for info in entries:
        if info.flag_bits & 0x1:
            raise _refuse(
                path,
                _(
                    "The Word template {template} is encrypted. Save it again without a "
                    "password, or choose another template."
                ),
            )
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _refuse(
                path,
                _(
                    "The Word template {template} is not a Word document that can be used: "
                    "its part {part} unpacks to {ratio} times its size, as only a zip bomb "
                    "does. Choose another template."
                ),
                part=info.filename,
                ratio=group_digits(info.file_size // max(info.compress_size, 1)),
            )


def _refuse_macros(types: etree._Element, names: set[str], path: Path) -> None:
    content_types = [(e.get("ContentType") or "").lower() for e in types]
    has_macros = any(marker in t for t in content_types for marker in _MACRO_TYPES) or any(
        posixpath.basename(n).lower() in ("vbaproject.bin", "vbadata.xml") for n in names
    )
    if has_macros:
        raise _refuse(
            path,
            _(
                "The Word template {template} contains macros (a .dotm or .docm file), which "
                "AlignMeet does not run or pass on. In Word, save it as “Word Template "
                "(.dotx)” and choose that file."
            ),
        )


def _rewrite(
    package: zipfile.ZipFile,
    entries: list[zipfile.ZipInfo],
    types: etree._Element,
    path: Path,
) -> tuple[bytes, TemplateReport]:
    report = TemplateReport()
    changed: dict[str, bytes] = {}
    dropped_ids: dict[str, set[str]] = {}  # source part -> relationship ids dropped
    names = {info.filename for info in entries}

    # Thumbnails: the package's relationship to them, and the parts.
    thumbnails = {n for n in names if n.lower().startswith("docprops/thumbnail.")}
    for rels_name in sorted(n for n in names if n.endswith(".rels")):
        rels = etree.fromstring(package.read(rels_name), _PARSER)
        source = _source_of(rels_name)
        removed = False
        for rel in list(rels):
            target = rel.get("Target") or ""
            external = (rel.get("TargetMode") or "").lower() == "external"
            if rel.get("Type") == _THUMBNAIL and not external:
                thumbnails.add(_resolve(source, target))
            if external or rel.get("Type") == _THUMBNAIL:
                rels.remove(rel)
                removed = True
                if external:
                    report.external.append(target)
                    dropped_ids.setdefault(source, set()).add(rel.get("Id") or "")
        if removed:
            changed[rels_name] = _xml(rels)
    report.dropped_parts = sorted(thumbnails & names)

    # What pointed at a dropped relationship loses the pointer; settings lose the
    # attached template whatever it points at.
    for source, ids in dropped_ids.items():
        if source in names and source not in changed:
            changed[source] = _unpoint(package.read(source), ids)
    if _SETTINGS in names:
        report.attached_template = b"attachedTemplate" in package.read(_SETTINGS)
        xml = changed.get(_SETTINGS) or package.read(_SETTINGS)
        cleaned, attached = _drop_attached_template(xml)
        if attached:
            changed[_SETTINGS] = cleaned

    # Content types: no overrides for parts that are gone; a .dotx opens as a .docx.
    types_changed = False
    for override in list(types):
        part = (override.get("PartName") or "").lstrip("/")
        if part and part in thumbnails:
            types.remove(override)
            types_changed = True
        elif override.get("ContentType") == _DOTX_MAIN:
            override.set("ContentType", _DOCX_MAIN)
            types_changed = True
    if types_changed:
        changed["[Content_Types].xml"] = _xml(types)

    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in entries:
            if info.filename in thumbnails or info.is_dir():
                continue
            data = changed.get(info.filename)
            if data is None:
                data = package.read(info)
            dst.writestr(info.filename, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue(), report


def _source_of(rels_name: str) -> str:
    """ "word/_rels/document.xml.rels" → "word/document.xml"; "_rels/.rels" → ""."""
    folder, name = posixpath.split(rels_name)
    parent = posixpath.dirname(folder)
    part = name[: -len(".rels")]
    return posixpath.join(parent, part) if part else ""


def _resolve(source: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _unpoint(xml: bytes, ids: set[str]) -> bytes:
    """`xml` without any pointer to the relationships `ids`: an element that is only such
    a pointer goes; any other keeps its content and loses the attribute."""
    root = etree.fromstring(xml, _PARSER)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        pointing = [
            name
            for name, value in element.attrib.items()
            if value in ids and (name.startswith(f"{{{_R_NS}}}") or name == f"{{{_O_NS}}}relid")
        ]
        if not pointing:
            continue
        if element.tag in _POINTER_ELEMENTS and element.getparent() is not None:
            element.getparent().remove(element)
            continue
        for name in pointing:
            del element.attrib[name]
    return _xml(root)


def _drop_attached_template(xml: bytes) -> tuple[bytes, bool]:
    root = etree.fromstring(xml, _PARSER)
    found = root.findall(f"{{{_W_NS}}}attachedTemplate")
    for element in found:
        root.remove(element)
    return (_xml(root), True) if found else (xml, False)


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _megabytes(size: int) -> str:
    """ "10 MB", "10.1 MB" (rounded up: a size just over a limit never reads as the limit)."""
    number = f"{math.ceil(size * 10 / (1024 * 1024)) / 10:.1f}".removesuffix(".0")
    if i18n.language() == "de":
        number = number.replace(".", ",")
    return _("{size} MB").format(size=number)


def _refuse(path: Path, message: str, **values: object) -> ExportError:
    return ExportError(message.format(template=path, **values), path=path)


def _not_word(path: Path) -> ExportError:
    return _refuse(
        path,
        _(
            "The Word template {template} is not a Word document (.docx or .dotx). "
            "Choose another template, or export without one."
        ),
    )

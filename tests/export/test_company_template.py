"""Company templates within limits (issue 11, finding 6): a zip bomb is refused before
anything is unpacked, a huge thumbnail and every link to the outside (attached template,
linked picture, hyperlinks to http, file:// and \\\\server\\share) never reach the
minutes, and what cannot be made safe (not a zip, encrypted, with macros) is refused with
a message naming the template.

Each exported file is unzipped and every part searched."""

from __future__ import annotations

import tracemalloc
import zipfile
from io import BytesIO
from pathlib import Path

import docx
import pytest
from company_templates import (
    OUTSIDE,
    base_template,
    hostile_template,
    logo,
    rewrite,
    with_bomb,
    with_thumbnail,
)

from alignmeet.export import ExportError
from alignmeet.export.minutes_docx import minutes_document_bytes
from alignmeet.export.template import MAX_ENTRIES, MAX_FILE, clean_template, safe_template

from .test_minutes_docx import make_minutes


def parts_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(BytesIO(data)) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def export_with(template: Path) -> bytes:
    return minutes_document_bytes(make_minutes(), template=template)


# ---- links to the outside ----------------------------------------------------------------------


def test_no_link_to_the_outside_reaches_the_minutes(tmp_path: Path) -> None:
    template = hostile_template(tmp_path)
    with zipfile.ZipFile(template) as package:  # the template holds every kind
        everything = b"".join(package.read(n) for n in package.namelist())
    assert all(target.encode() in everything for target in OUTSIDE)

    minutes = parts_of(export_with(template))
    for name, data in minutes.items():
        assert b'TargetMode="External"' not in data, name
        assert b"attachedTemplate" not in data, name
        assert b"r:link=" not in data, name
        for target in OUTSIDE:
            assert target.encode() not in data, (name, target)
    doc = docx.Document(BytesIO(export_with(template)))
    header = doc.sections[0].header
    assert header.paragraphs[0].text == "ACME Corp — internal"
    assert "Intranet" in header._element.xml and "Handbook" in header._element.xml
    blips = header._element.xpath(".//a:blip/@r:embed")
    assert [header.part.related_parts[b].blob for b in blips] == [logo()]  # logo kept


def test_what_cleaning_took_out_is_reported(tmp_path: Path) -> None:
    _safe, report = clean_template(hostile_template(tmp_path).read_bytes(), tmp_path / "t")
    assert sorted(report.external) == sorted(OUTSIDE)
    assert report.attached_template


# ---- a thumbnail -------------------------------------------------------------------------------


def test_a_large_thumbnail_is_not_copied_into_the_minutes(tmp_path: Path) -> None:
    template = with_thumbnail(tmp_path, 8 * 1024 * 1024)
    assert template.stat().st_size > 8 * 1024 * 1024
    plain = export_with(base_template(tmp_path, "plain.docx"))
    data = export_with(template)
    assert len(data) < len(plain) + 10_000  # [8 MB more before]
    minutes = parts_of(data)
    assert not [n for n in minutes if "thumbnail" in n.lower()]
    assert b"metadata/thumbnail" not in minutes["_rels/.rels"]
    assert b"thumbnail" not in minutes["[Content_Types].xml"]


# ---- limits ------------------------------------------------------------------------------------


def test_a_zip_bomb_is_refused_before_anything_is_unpacked(tmp_path: Path) -> None:
    template = with_bomb(tmp_path, 5 * 1024 * 1024)  # 5 MB of zeros in ~5 KB
    assert template.stat().st_size < 200_000
    tracemalloc.start()
    try:
        with pytest.raises(ExportError) as caught:
            export_with(template)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.path == template
    assert str(template) in caught.value.message
    assert "unpacks to" in caught.value.message and "zip bomb" in caught.value.message
    assert peak < 3 * 1024 * 1024  # bytes held while refusing it [5 MB and more before]


def test_a_template_that_unpacks_to_more_than_50_mb_is_refused(tmp_path: Path) -> None:
    template = with_bomb(tmp_path, 200 * 1024 * 1024)
    with pytest.raises(ExportError, match=r"unpacks to 200\.\d MB, more than a template may"):
        safe_template(template)


def test_a_file_over_10_mb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    template = tmp_path / "huge.docx"
    with template.open("wb") as sparse:
        sparse.truncate(MAX_FILE + 1)
    with pytest.raises(
        ExportError, match=r"is too large \(10.1 MB; a template may be at most 10 MB\)"
    ):
        safe_template(template)


def test_more_parts_than_a_template_has_are_refused(tmp_path: Path) -> None:
    template = base_template(tmp_path)
    with zipfile.ZipFile(template, "a") as package:
        for i in range(MAX_ENTRIES):
            package.writestr(f"customXml/extra{i}.xml", b"<x/>")
    with pytest.raises(ExportError, match=r"holds 1,0\d\d parts"):
        export_with(template)


# ---- what cannot be made safe -----------------------------------------------------------------


def test_a_macro_enabled_template_is_refused(tmp_path: Path) -> None:
    template = base_template(tmp_path, "company.dotm")
    main = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

    def edit(name, data):
        if name is None:
            return {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macros"}
        if name == "[Content_Types].xml":
            return data.replace(
                main, b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml"
            )
        return data

    rewrite(template, edit)
    with pytest.raises(ExportError, match="contains macros") as caught:
        export_with(template)
    assert "Word Template (.dotx)" in caught.value.message


def test_an_encrypted_template_is_refused(tmp_path: Path) -> None:
    protected = tmp_path / "protected.docx"  # Word's password protection: an OLE file
    protected.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    with pytest.raises(ExportError, match="password-protected"):
        export_with(protected)
    zipped = base_template(tmp_path, "zip-encrypted.docx")
    data = bytearray(zipped.read_bytes())
    at = data.find(b"PK\x01\x02")  # the first entry of the central directory
    data[at + 8] |= 0x01  # "encrypted"
    zipped.write_bytes(bytes(data))
    with pytest.raises(ExportError, match="is encrypted"):
        export_with(zipped)


def test_a_file_that_is_no_zip_is_not_a_word_document(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.docx"
    bogus.write_bytes(b"PK\x03\x04 but nothing after")
    with pytest.raises(ExportError, match="not a Word document") as caught:
        export_with(bogus)
    assert caught.value.path == bogus


def test_a_good_template_is_left_as_it_was_but_for_its_thumbnail(tmp_path: Path) -> None:
    template = base_template(tmp_path)  # python-docx's own template has a thumbnail
    safe, report = clean_template(template.read_bytes(), template)
    assert report.external == [] and not report.attached_template
    assert report.dropped_parts == ["docProps/thumbnail.jpeg"]
    before, after = parts_of(template.read_bytes()), parts_of(safe)
    same = set(before) - {"docProps/thumbnail.jpeg", "_rels/.rels", "[Content_Types].xml"}
    assert set(after) == same | {"_rels/.rels", "[Content_Types].xml"}
    assert all(after[name] == before[name] for name in same)

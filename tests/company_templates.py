"""Company Word templates for the tests: a plain one, and hostile ones — links to the
outside of every kind, a huge thumbnail, a zip bomb (tests/export/test_company_template.py,
tests/ui/test_company_template_limits.py) and the ACME template the settings tests choose
(tests/ui/views/test_settings_dialog.py, tests/ui/test_company_template_everywhere.py)."""

from __future__ import annotations

import os
import re
import zipfile
from io import BytesIO
from pathlib import Path

import docx
from docx.shared import Cm, RGBColor
from PIL import Image

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OUTSIDE = (
    "http://templates.example.com/acme.dotm",
    "file:///C:/Users/Public/logo.png",
    "\\\\fileserver\\share\\logo.png",
    "http://intranet.example.com/sales",
    "file://///fileserver/share/handbook.docx",
    "https://tracker.example.com/pixel.png",
)


def logo() -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (120, 40), (0, 90, 156)).save(buffer, format="PNG")
    return buffer.getvalue()


def base_template(folder: Path, name: str = "company.docx") -> Path:
    """A company template: a header with its name and an embedded logo, some body text."""
    doc = docx.Document()
    header = doc.sections[0].header
    header.paragraphs[0].text = "ACME Corp — internal"
    header.add_paragraph().add_run().add_picture(BytesIO(logo()), width=Cm(3))
    doc.add_paragraph("Template body text.")
    path = folder / name
    doc.save(str(path))
    return path


ACME_BLUE = RGBColor(0x00, 0x5A, 0x9C)
ACME_RED = RGBColor(0xC0, 0x10, 0x2A)


def logo_png() -> bytes:
    image = Image.new("RGB", (240, 80), (0, 90, 156))
    for x in range(20, 60):
        for y in range(20, 60):
            image.putpixel((x, y), (255, 200, 0))
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def make_company_template(folder: Path) -> Path:
    """What a company's Word template holds: a header with its name and logo, its own
    heading colour and font, and some body text that is not meant for the minutes."""
    doc = docx.Document()
    header = doc.sections[0].header
    header.paragraphs[0].text = "ACME Corp — Sales & Marketing"
    header.add_paragraph().add_run().add_picture(BytesIO(logo_png()), width=Cm(3))
    heading = doc.styles["Heading 1"]
    heading.font.color.rgb = ACME_RED
    heading.font.name = "Liberation Serif"
    doc.styles["Title"].font.color.rgb = ACME_BLUE
    doc.add_paragraph("Delete this sample text before use.")
    path = folder / "ACME minutes template.docx"
    doc.save(str(path))
    return path


def rewrite(path: Path, edit) -> Path:
    """Rewrite the zip at `path`, each part through `edit` (None drops it); `edit` may
    return extra parts under the key None as a dict."""
    with zipfile.ZipFile(path) as src:
        parts = {info.filename: src.read(info) for info in src.infolist()}
    out = {}
    for name, data in parts.items():
        new = edit(name, data)
        if new is not None:
            out[name] = new
    extra = edit(None, b"")
    if isinstance(extra, dict):
        out.update(extra)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in out.items():
            dst.writestr(name, data)
    return path


def add_rels(xml: bytes, *rels: str) -> bytes:
    return xml.replace(b"</Relationships>", "".join(rels).encode() + b"</Relationships>")


def external(rid: str, kind: str, target: str) -> str:
    return f'<Relationship Id="{rid}" Type="{R}/{kind}" Target="{target}" TargetMode="External"/>'


def hostile_template(folder: Path) -> Path:
    """Links to the outside of every kind, in the template's own parts."""
    path = base_template(folder)
    header_links = (
        f'<w:p xmlns:w="{W}" xmlns:r="{R}">'
        '<w:hyperlink r:id="rIdX10"><w:r><w:t>Intranet</w:t></w:r></w:hyperlink>'
        '<w:hyperlink r:id="rIdX11"><w:r><w:t>Handbook</w:t></w:r></w:hyperlink>'
        "</w:p>"
    )

    def edit(name, data):
        if name is None:
            return {
                "word/_rels/settings.xml.rels": (
                    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                    f'<Relationships xmlns="{RELS}">'
                    + external("rIdX1", "attachedTemplate", OUTSIDE[0])
                    + "</Relationships>"
                ).encode()
            }
        if name == "word/settings.xml":
            return data.replace(
                b"<w:zoom ",
                b'<w:attachedTemplate xmlns:r="' + R.encode() + b'" r:id="rIdX1"/><w:zoom ',
                1,
            )
        if re.fullmatch(r"word/header\d+\.xml", name):
            data = data.replace(b"<a:blip ", b'<a:blip r:link="rIdX2" ', 1)
            return data.replace(b"</w:hdr>", header_links.encode() + b"</w:hdr>")
        if re.fullmatch(r"word/_rels/header\d+\.xml\.rels", name):
            return add_rels(
                data,
                external("rIdX2", "image", OUTSIDE[2]),
                external("rIdX10", "hyperlink", OUTSIDE[3]),
                external("rIdX11", "hyperlink", OUTSIDE[4]),
            )
        if name == "word/_rels/document.xml.rels":
            return add_rels(
                data,
                external("rIdX20", "hyperlink", OUTSIDE[1]),
                external("rIdX21", "image", OUTSIDE[5]),
            )
        return data

    return rewrite(path, edit)


def with_thumbnail(folder: Path, size: int) -> Path:
    path = base_template(folder, "thumbnail.docx")
    picture = os.urandom(size)  # does not pack: the file is as large as the thumbnail

    def edit(name, data):
        if name is None:
            return {"docProps/thumbnail.jpeg": picture}
        if name == "_rels/.rels":
            return add_rels(
                data,
                f'<Relationship Id="rIdT" Type="{RELS}/metadata/thumbnail" '
                'Target="docProps/thumbnail.jpeg"/>',
            )
        if name == "[Content_Types].xml" and b'Extension="jpeg"' not in data:
            return data.replace(
                b"</Types>", b'<Default Extension="jpeg" ContentType="image/jpeg"/></Types>'
            )
        return data

    return rewrite(path, edit)


def with_bomb(folder: Path, unpacked: int, *, name: str = "bomb.docx") -> Path:
    """A template whose header picture unpacks to `unpacked` bytes of zeros."""
    path = base_template(folder, name)
    with zipfile.ZipFile(path) as src:
        parts = {info.filename: src.read(info) for info in src.infolist()}
    image = next(n for n in parts if n.startswith("word/media/"))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for part, data in parts.items():
            if part != image:
                dst.writestr(part, data)
        entry = zipfile.ZipInfo(image)
        entry.compress_type = zipfile.ZIP_DEFLATED
        with dst.open(entry, "w") as stream:
            zeros = bytes(1 << 20)
            for _ in range(unpacked >> 20):
                stream.write(zeros)
    return path

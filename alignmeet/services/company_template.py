"""The company Word template, checked where it is chosen (Edit › Settings) with the same
limits and cleaning every export applies again (alignmeet/export/template.py): a file
changed since it was chosen is caught at the export too."""

from __future__ import annotations

from pathlib import Path

__all__ = ["template_problem"]


def template_problem(path: Path) -> str:
    """Why the Word file at `path` cannot serve as the company template, in words for the
    person choosing it; "" when it can."""
    from alignmeet.export import ExportError
    from alignmeet.export.docx_xml import open_template

    try:
        open_template(Path(path))
    except ExportError as exc:
        return exc.message
    return ""

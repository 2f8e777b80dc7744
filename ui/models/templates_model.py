"""Agenda templates for the template pickers."""

from __future__ import annotations

from alignmeet.domain.records import TemplateRecord
from ui.models.record_table_model import Column, RecordTableModel, plain_tooltip

COL_TEMPLATE = 0


def template_label(template: TemplateRecord) -> str:
    """ "Lead hand-off review — 4 items, 40 min" """
    n = len(template.items)
    items = "1 item" if n == 1 else f"{n} items"
    return f"{template.name} — {items}, {template.total_minutes} min"


def template_tooltip(template: TemplateRecord) -> str | None:
    lines = [template.description] if template.description else []
    lines += [f"• {i.title} ({i.minutes} min)" for i in template.items]
    return plain_tooltip("\n".join(lines))


class TemplatesModel(RecordTableModel[TemplateRecord]):
    COLUMNS = (
        Column("Template", template_label, lambda t: t.name.casefold(), tooltip=template_tooltip),
    )

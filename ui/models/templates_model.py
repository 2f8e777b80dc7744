"""Agenda templates for the template pickers."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from alignmeet.domain.records import TemplateRecord
from ui.models.record_table_model import Column, RecordTableModel, plain_tooltip

COL_TEMPLATE = 0


def template_label(template: TemplateRecord) -> str:
    """ "Lead hand-off review — 4 items, 40 min" """
    n = len(template.items)
    if n == 1:
        items = QCoreApplication.translate("TemplatesModel", "1 item")
    else:
        items = QCoreApplication.translate("TemplatesModel", "{count} items").format(count=n)
    return QCoreApplication.translate("TemplatesModel", "{name} — {items}, {minutes} min").format(
        name=template.name, items=items, minutes=template.total_minutes
    )


def template_tooltip(template: TemplateRecord) -> str | None:
    lines = [template.description] if template.description else []
    line = QCoreApplication.translate("TemplatesModel", "• {title} ({minutes} min)")
    lines += [line.format(title=i.title, minutes=i.minutes) for i in template.items]
    return plain_tooltip("\n".join(lines))


class TemplatesModel(RecordTableModel[TemplateRecord]):
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Template"),
            template_label,
            lambda t: t.name.casefold(),
            tooltip=template_tooltip,
        ),
    )

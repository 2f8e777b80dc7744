"""The record table models (ui/models/record_table_model.py): tooltips show user text
literally with its line breaks; a model sorts its own rows as Qt's proxy would."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QTextDocument

from ui.models import follow_ups_model, record_table_model
from ui.models.record_table_model import (
    RECORD_ROLE,
    SORT_ROLE,
    Column,
    RecordTableModel,
    SourceSortProxy,
    plain_tooltip,
)


def test_plain_tooltips_escape_user_text_and_keep_its_line_breaks() -> None:
    assert follow_ups_model.plain_tooltip is record_table_model.plain_tooltip
    tip = plain_tooltip("<b>Big</b> & co\nsecond line")
    assert tip is not None
    document = QTextDocument()
    document.setHtml(tip)
    assert document.toPlainText().splitlines() == ["<b>Big</b> & co", "second line"]
    assert plain_tooltip("") is None


# ---- sorting in the model (SourceSortProxy) ---------------------------------------------
@dataclass(frozen=True)
class _Row:
    id: int
    title: str
    when: datetime
    score: int | None


class _Model(RecordTableModel[_Row]):
    COLUMNS = (
        Column("Title", lambda r: r.title),
        Column("When", lambda r: r.when.isoformat(), lambda r: r.when.isoformat()),
        Column("Score", lambda r: str(r.score), lambda r: -1 if r.score is None else r.score),
    )


_rows = st.lists(
    st.builds(
        _Row,
        id=st.integers(0, 10_000),
        title=st.text(alphabet="abcABC é", max_size=4),
        when=st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2020, 1, 3)),
        score=st.none() | st.integers(0, 3),
    ),
    max_size=40,
)


def _shown(proxy: QSortFilterProxyModel) -> list[_Row]:
    return [proxy.index(r, 0).data(RECORD_ROLE) for r in range(proxy.rowCount())]


@settings(max_examples=120, deadline=None)
@given(
    rows=_rows,
    column=st.integers(0, 2),
    order=st.sampled_from([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder]),
    filter_text=st.sampled_from(["", "a", "B"]),
)
def test_the_model_sorts_rows_as_qts_own_proxy_would_equal_keys_in_the_given_order(
    qapp: object, rows: list[_Row], column: int, order: Qt.SortOrder, filter_text: str
) -> None:
    """The same rows, sort and filter through Qt's proxy (which sorts by calling data())
    and through SourceSortProxy (the model sorts, each key read once): the same order,
    also for rows set after the sort (a refresh)."""
    ours_model, theirs_model = _Model(), _Model()
    ours, theirs = SourceSortProxy(), QSortFilterProxyModel()
    for proxy, model in ((ours, ours_model), (theirs, theirs_model)):
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        proxy.setFilterKeyColumn(0)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        model.set_rows(rows[: len(rows) // 2])
        proxy.sort(column, order)
        model.set_rows(rows)  # a refresh keeps the sort
        proxy.setFilterFixedString(filter_text)
    assert _shown(ours) == _shown(theirs)

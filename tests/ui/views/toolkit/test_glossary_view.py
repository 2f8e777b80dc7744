"""The glossary: the Alignment tab, the panel of a running meeting, and the lookup window.

A facilitator proposes wordings anywhere, but only a meeting approves them.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import Attendance, ItemKind, Phase
from alignmeet.domain.glossary import VersionStatus
from alignmeet.services import Services
from ui.controller import Controller
from ui.models.glossary_terms_model import COL_TERM, GlossaryLookupModel, GlossaryTermsModel
from ui.models.glossary_versions_model import GlossaryProposalsModel, GlossaryVersionsModel
from ui.views.toolkit.glossary_lookup import GlossaryLookup, show_glossary_lookup
from ui.views.toolkit.glossary_view import GlossaryPanel, GlossaryView

MQL_V1 = "A lead whose score reaches 60 points."
MQL_V2 = "A contact at an ICP company whose score reaches 60 points."


@pytest.fixture
def item_id(services: Services, meeting_id: int) -> int:
    return services.agenda.add_item(
        meeting_id=meeting_id, title="What counts as an MQL", kind=ItemKind.GLOSSARY
    ).id


@pytest.fixture
def glossary(services: Services, item_id: int, people: dict[str, int]) -> dict[str, int]:
    """MQL v1 and ICP agreed, MQL v2 and SQL proposed; term ids by name."""
    gl = services.glossary
    for term, text in (("MQL", MQL_V1), ("ICP", "B2B SaaS with 200–2,000 employees.")):
        v = gl.propose(term=term, definition=text, proposed_by_id=people["Maya Rossi"])
        gl.approve(version_id=v.id, item_id=item_id)
    gl.propose(term="MQL", definition=MQL_V2, proposed_by_id=people["Ben Okafor"])
    gl.propose(term="SQL", definition="An MQL that Sales accepted.")
    return {t.term: t.id for t in gl.terms()}


@pytest.fixture
def view(qtbot: QtBot, controller: Controller, glossary) -> GlossaryView:
    widget = GlossaryView(controller)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    return widget


def terms(view: GlossaryView) -> list[str]:
    return [view.proxy.index(r, COL_TERM).data() for r in range(view.proxy.rowCount())]


# ---- models ---------------------------------------------------------------------------
def test_the_models_pass_qt_model_tester(qtmodeltester, services: Services, glossary) -> None:
    gl = services.glossary
    for model, rows in (
        (GlossaryTermsModel(), gl.terms()),
        (GlossaryLookupModel(), gl.current_definitions()),
        (GlossaryVersionsModel(), gl.term_history(glossary["MQL"])),
        (GlossaryProposalsModel(), gl.open_proposals()),
    ):
        model.set_rows(rows)
        qtmodeltester.check(model)
    terms_model = GlossaryTermsModel()
    terms_model.set_rows(gl.terms())
    sql = terms_model.row_of(lambda t: t.term == "SQL")
    assert terms_model.index(sql, 1).data() == "Not agreed yet — 1 proposal to decide"
    mql = terms_model.row_of(lambda t: t.term == "MQL")
    assert terms_model.index(mql, 2).data() == "v1 (+1 proposed)"


# ---- the tab --------------------------------------------------------------------------
def test_the_tab_lists_terms_and_shows_the_selected_ones_history(view: GlossaryView) -> None:
    assert terms(view) == ["ICP", "MQL", "SQL"]
    assert view.count_label.text() == "(2 agreed of 3)"
    view.select_term("mql")
    assert view.term_label.text() == "MQL"
    assert view.definition_label.text() == MQL_V1
    assert view.agreed_label.text().startswith("Version 1 · agreed in Sales & Marketing sync")
    history = [(v.number, v.status) for v in view.history_model.rows()]
    assert history == [(2, VersionStatus.PROPOSED), (1, VersionStatus.CURRENT)]
    assert view.withdraw_button.isEnabled()  # the open proposal is selected


def test_search_filters_terms_and_definitions(qtbot: QtBot, view: GlossaryView) -> None:
    qtbot.keyClicks(view.search_edit, "employees")
    assert terms(view) == ["ICP"]
    assert view.term_label.text() == "ICP"
    view.search_edit.clear()
    qtbot.keyClicks(view.search_edit, "nothing like this")
    assert terms(view) == []
    assert not view.empty_label.isVisible()  # "no terms yet" is for an empty glossary only


# Typing a term opens the completer's pop-up, which offscreen Qt cannot give the keyboard.
@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_proposing_a_new_term_keeps_what_was_typed_until_it_is_valid(
    qtbot: QtBot, view: GlossaryView, services: Services, meeting_id: int
) -> None:
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.meeting_combo.currentData() == meeting_id  # the next planned meeting
    qtbot.keyClicks(dialog.term_edit, "Speed to lead")
    qtbot.mouseClick(dialog.propose_button, Qt.MouseButton.LeftButton)
    error = dialog.field_errors["definition"]
    assert error.isVisible() and error.text() == "Definition cannot be empty."
    assert dialog.isVisible() and dialog.term_edit.text() == "Speed to lead"
    qtbot.keyClicks(dialog.definition_edit, "Minutes from a demo request to the first call.")
    qtbot.mouseClick(dialog.propose_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert "Speed to lead" in terms(view)
    assert view.term_label.text() == "Speed to lead"
    assert view.definition_label.text() == "Not agreed yet."
    [proposal] = [v for v in services.glossary.open_proposals() if v.term == "Speed to lead"]
    assert proposal.meeting_id == meeting_id
    assert services.glossary.current_definitions(search="speed") == []


def test_propose_a_change_starts_from_the_current_wording(
    qtbot: QtBot, view: GlossaryView, services: Services
) -> None:
    view.select_term("ICP")
    view.propose_button.click()
    dialog = view.dialog
    assert dialog.term_edit.text() == "ICP"
    assert dialog.definition_edit.toPlainText() == "B2B SaaS with 200–2,000 employees."
    dialog.propose_button.click()  # unchanged: refused, at the definition
    assert "already the current definition" in dialog.field_errors["definition"].text()
    dialog.definition_edit.setPlainText("B2B SaaS with 200–5,000 employees.")
    dialog.propose_button.click()
    assert not dialog.isVisible()
    assert view.history_model.rows()[0].status is VersionStatus.PROPOSED
    assert services.glossary.current_definitions(search="ICP")[0].definition.endswith(
        "200–2,000 employees."
    )


def test_withdrawing_a_proposal(view: GlossaryView, services: Services, message_boxes) -> None:
    view.select_term("MQL")
    view.withdraw_button.click()
    assert message_boxes.shown[-1].text == "Withdraw the proposed wording v2 of “MQL”?"
    assert [v.number for v in view.history_model.rows()] == [1]
    assert not view.withdraw_button.isEnabled()


def test_exporting_the_appendix(view: GlossaryView, tmp_path: Path, message_boxes) -> None:
    path = view.export_to(tmp_path / "glossary")
    assert path == tmp_path / "glossary.docx"
    headings = [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "Heading 2"]
    assert headings == ["ICP", "MQL"]
    assert message_boxes.shown[-1].title == "Glossary exported"
    assert view.export_to(tmp_path / "missing" / "g.docx") is None
    assert message_boxes.shown[-1].title == "Export failed"


# ---- the panel of a running meeting ---------------------------------------------------
@pytest.fixture
def panel(
    qtbot: QtBot,
    controller: Controller,
    services: Services,
    meeting_id: int,
    item_id: int,
    glossary,
) -> GlossaryPanel:
    services.meetings.set_phase(meeting_id=meeting_id, phase=Phase.AGENDA)
    widget = GlossaryPanel(controller, meeting_id=meeting_id, item_id=item_id)
    qtbot.addWidget(widget)
    widget.resize(900, 420)
    widget.show()
    return widget


def proposal_terms(panel: GlossaryPanel) -> list[str]:
    return [v.term for v in panel.proposals_model.rows()]


def test_the_panel_shows_the_proposals_with_the_wording_they_replace(panel: GlossaryPanel) -> None:
    assert proposal_terms(panel) == ["MQL", "SQL"]
    assert panel.tabs.tabText(0) == "On the table (2)"
    assert panel.tabs.tabText(1) == "Current definitions (2)"
    panel.proposals.selectRow(0)
    assert panel.now_label.text() == MQL_V1
    assert panel.proposed_label.text() == MQL_V2
    panel.proposals.selectRow(1)
    assert panel.now_label.text() == "(a new term)"


def test_approving_records_the_decision_on_this_agenda_item(
    qtbot: QtBot, panel: GlossaryPanel, services: Services, item_id: int
) -> None:
    panel.proposals.selectRow(0)
    with qtbot.waitSignal(panel.controller.item_changed) as changed:
        qtbot.mouseClick(panel.approve_button, Qt.MouseButton.LeftButton)
    assert changed.args == [item_id]
    decisions = [d.text for d in services.agenda.decisions(item_id)]
    assert decisions[-1] == f"Glossary: “MQL” now means: {MQL_V2}"
    assert services.glossary.current_definitions(search="MQL")[0].definition == MQL_V2
    assert proposal_terms(panel) == ["SQL"]
    assert panel.note_label.text() == "Approved: “MQL” v2 is now the current definition."
    mql = panel.current_model.row_of(lambda t: t.term == "MQL")
    assert panel.current_model.index(mql, 1).data() == MQL_V2


def test_rejecting_keeps_the_definition_and_records_why(
    panel: GlossaryPanel, services: Services, item_id: int
) -> None:
    panel.proposals.selectRow(0)
    panel.reject_button.click()
    assert services.glossary.current_definitions(search="MQL")[0].definition == MQL_V1
    assert "was not adopted" in services.agenda.decisions(item_id)[-1].text
    assert panel.note_label.text() == "Rejected: v2 of “MQL”; the definition stays."


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_a_proposal_made_in_the_meeting_is_on_its_table(
    qtbot: QtBot, panel: GlossaryPanel, services: Services, meeting_id: int, people
) -> None:
    services.meetings.set_attendance(
        meeting_id=meeting_id, member_id=people["Leo Novak"], attendance=Attendance.PRESENT
    )
    dialog = panel.open_propose_dialog()
    assert not dialog.meeting_combo.isEnabled()
    assert [dialog.by_combo.itemText(i) for i in range(dialog.by_combo.count())] == [
        "—",
        "Leo Novak (Marketing)",
    ]
    qtbot.keyClicks(dialog.term_edit, "Lead recycling")
    qtbot.keyClicks(dialog.definition_edit, "Good fit, wrong timing: back to nurture.")
    dialog.by_combo.setCurrentIndex(1)
    dialog.propose_button.click()
    assert proposal_terms(panel) == ["Lead recycling", "MQL", "SQL"]
    assert panel.selected_proposal().term == "Lead recycling"
    new = panel.selected_proposal()
    assert (new.meeting_id, new.proposed_by_name) == (meeting_id, "Leo Novak")


def test_a_closed_meeting_cannot_decide(
    panel: GlossaryPanel, controller: Controller, meeting_id: int
) -> None:
    controller.services.meetings.close_meeting(meeting_id=meeting_id)
    controller.meeting_changed.emit(meeting_id)
    assert not panel.approve_button.isEnabled()
    assert not panel.reject_button.isEnabled()
    assert not panel.propose_button.isEnabled()
    assert panel.closed_label.isVisibleTo(panel)


def test_a_refusal_is_shown_in_the_panel_not_as_a_traceback(
    panel: GlossaryPanel, controller: Controller, meeting_id: int
) -> None:
    panel.proposals.selectRow(0)
    controller.services.meetings.close_meeting(meeting_id=meeting_id)  # closed elsewhere
    panel.approve_button.click()
    assert "is closed" in panel.status_label.text()
    assert panel.status_label.isVisible()


# ---- the lookup window ----------------------------------------------------------------
def test_the_lookup_is_one_window_per_parent_with_the_search_focused(
    qtbot: QtBot, controller: Controller, glossary
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    lookup = show_glossary_lookup(controller, parent)
    assert isinstance(lookup, GlossaryLookup)
    assert lookup.isVisible() and lookup.isWindow() and not lookup.isModal()
    assert lookup.visible_terms() == ["ICP", "MQL"]  # agreed terms only
    qtbot.keyClicks(lookup.search_edit, "60 points")
    assert lookup.visible_terms() == ["MQL"]
    lookup.close()
    again = show_glossary_lookup(controller, parent)
    assert again is lookup and again.isVisible()
    assert lookup.search_edit.selectedText() == "60 points"  # ready to type over
    QApplication.processEvents()


def test_the_lookup_follows_approvals_and_says_when_nothing_matches(
    qtbot: QtBot, controller: Controller, services: Services, glossary, item_id: int
) -> None:
    lookup = GlossaryLookup(controller)
    qtbot.addWidget(lookup)
    lookup.present()
    sql = next(v for v in services.glossary.open_proposals() if v.term == "SQL")
    controller.perform("approve", lambda s: s.glossary.approve(version_id=sql.id, item_id=item_id))
    assert lookup.visible_terms() == ["ICP", "MQL", "SQL"]
    account = services.glossary.propose(term="Account", definition="A company with an MQL.")
    controller.perform(
        "approve", lambda s: s.glossary.approve(version_id=account.id, item_id=item_id)
    )
    qtbot.keyClicks(lookup.search_edit, "mql")  # the term itself first, then definitions
    assert lookup.visible_terms() == ["MQL", "Account", "SQL"]
    lookup.search_edit.clear()
    assert lookup.visible_terms() == ["Account", "ICP", "MQL", "SQL"]
    qtbot.keyClicks(lookup.search_edit, "zebra")
    assert lookup.empty_label.text() == "No agreed term matches “zebra”."
    assert lookup.empty_label.isVisible()
    qtbot.keyClick(lookup.search_edit, Qt.Key.Key_Escape)
    assert not lookup.isVisible()

"""The minutes on screen before they go out: the HTML from `templates/minutes.html.j2`, with
Print…, Save as PDF… (the same layout as the printout) and Save as Word… (with the company
template from the settings).

Open it with `show_minutes_preview(controller, meeting_id, parent)` (Close phase, File menu).
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.bidi import bidi_safe
from alignmeet.domain.rules import ValidationError
from alignmeet.services import MinutesRecordError, NotFoundError
from ui.controller import Controller
from ui.save_paths import ask_save_path, safe_name
from ui.views.phases import on_minutes_changed
from ui.widgets import ask_yes_no, plain_label, warn

__all__ = [
    "MinutesPreview",
    "ask_print",
    "ask_save_path",
    "export_minutes_docx",
    "minutes_pdf_bytes",
    "print_minutes",
    "show_minutes_preview",
]

# QTextDocument.print_ lays the page out inside a 2 cm margin of its own (and puts the page
# number in it): the printer adds none, beyond what the device cannot print on.
_PRINTER_MARGIN_MM = 0


# ---- asking the user (tests replace these functions) ------------------------------------------


def ask_print(printer: QPrinter, parent: QWidget) -> bool:
    """The system's print dialog; True when the user chose to print."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("MinutesPreview", "Print the minutes"))
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_export_without_template(parent: QWidget, message: str) -> bool:
    return ask_yes_no(
        parent,
        QCoreApplication.translate("MinutesPreview", "Company template not usable"),
        QCoreApplication.translate(
            "MinutesPreview", "{message}\n\nSave the minutes with AlignMeet's own styles instead?"
        ).format(message=message),
    )


# ---- printing and PDF -------------------------------------------------------------------------


def _document(html: str) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(html)
    # No Latin ligatures ("tti", "ffi") on paper: PDF readers copy and search a ligature
    # glyph as nothing, so "Marketing" would be found as "Marke ng". Scripts that need
    # their ligatures (Arabic's lam-alef is "rlig") keep them.
    no_ligatures = QTextCharFormat()
    no_ligatures.setFontFeatures({QFont.Tag("liga"): 0, QFont.Tag("clig"): 0})
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.mergeCharFormat(no_ligatures)
    return document


def _page_set_up(printer: QPrinter, title: str) -> None:
    printer.setDocName(title)
    printer.setCreator("AlignMeet")
    margin = _PRINTER_MARGIN_MM
    printer.setPageMargins(QMarginsF(margin, margin, margin, margin), QPageLayout.Unit.Millimeter)


def print_minutes(html: str, printer: QPrinter) -> None:
    """Lay the minutes out on `printer`'s pages (page numbers at the foot of each page)."""
    _document(html).print_(printer)


def minutes_pdf_bytes(html: str, *, title: str = "Minutes") -> bytes:
    """The minutes as a PDF, laid out exactly as they print (QPrinter in PDF mode)."""
    with tempfile.TemporaryDirectory(prefix="alignmeet-pdf-") as folder:
        target = Path(folder) / "minutes.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        _page_set_up(printer, title)
        print_minutes(html, printer)
        del printer  # finishes the file
        return target.read_bytes()


# ---- Word -------------------------------------------------------------------------------------


def _file_stem(title: str, when: str, *, agenda: bool = False) -> str:
    safe = safe_name(title)
    if agenda:
        if not safe:
            safe = QCoreApplication.translate("MinutesPreview", "agenda")
        return QCoreApplication.translate("MinutesPreview", "{title} {date} agenda").format(
            title=safe, date=when
        )
    if not safe:
        safe = QCoreApplication.translate("MinutesPreview", "minutes")
    return QCoreApplication.translate("MinutesPreview", "{title} {date} minutes").format(
        title=safe, date=when
    )


def export_minutes_docx(
    controller: Controller, meeting_id: int, parent: QWidget, *, agenda: bool = False
) -> Path | None:
    """Ask where, then save the minutes as .docx with the company template from the settings.

    When that template cannot be used (moved, not a Word file), the user is told why and
    may save with AlignMeet's own styles instead. Returns the file written, or None.
    """
    from alignmeet.services import ExportError

    meeting = controller.services.meetings.get_meeting(meeting_id)
    settings = QSettings()
    folder = Path(str(settings.value("export/folder", str(Path.home()))))
    stem = _file_stem(meeting.title, f"{meeting.starts_at:%Y-%m-%d}", agenda=agenda)
    suggested = folder / f"{stem}.docx"
    path = ask_save_path(
        parent,
        QCoreApplication.translate("MinutesPreview", "Export minutes"),
        suggested,
        QCoreApplication.translate("MinutesPreview", "Word document (*.docx)"),
    )
    if path is None:
        return None
    template = controller.services.exports.company_template()
    try:
        try:
            written = _export_docx(controller, meeting_id, path)
        except ExportError as exc:
            if template is None or exc.path != template:
                raise
            if not ask_export_without_template(parent, exc.message):
                return None
            written = _export_docx(controller, meeting_id, path, own_styles=True)
    except (ExportError, ValidationError) as exc:
        warn(parent, QCoreApplication.translate("MinutesPreview", "Minutes not saved"), str(exc))
        return None
    settings.setValue("export/folder", str(path.parent))
    return written


def _export_docx(
    controller: Controller, meeting_id: int, path: Path, *, own_styles: bool = False
) -> Path:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return controller.export_minutes(meeting_id=meeting_id, path=path, own_styles=own_styles)
    finally:
        QGuiApplication.restoreOverrideCursor()


# ---- the dialog -------------------------------------------------------------------------------

# The dialog's size when the screen has room for it: about an A4 page's width of text.
_DEFAULT_SIZE = (900, 980)
# Room kept free around it for the window frame and the desktop's panels.
_SCREEN_ROOM = (40, 80)


class _Page(QTextBrowser):
    """The page: lines wrap one pixel short of the viewport's width.

    Qt's rich-text layout rounds a table of `width="100%"` up by a pixel at some widths, and
    that pixel alone brought a horizontal scroll bar under the page (at 900 px, among
    others). Content that really is wider (a picture in a narrow window) still scrolls.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setLineWrapMode(QTextBrowser.LineWrapMode.FixedPixelWidth)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.setLineWrapColumnOrWidth(max(1, self.viewport().width() - 1))
        # QTextEdit skips its scroll-bar update after a narrower relayout that is only laid
        # out as far as the screen shows: the sideways range is set from the new width here.
        width = math.ceil(self.document().size().width())
        self.horizontalScrollBar().setRange(0, max(0, width - self.viewport().width()))


class MinutesPreview(QDialog):
    """The minutes as they will read, kept up to date while the meeting goes on."""

    def __init__(
        self, controller: Controller, meeting_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.meeting_id = meeting_id
        self._html = ""
        self._title = self.tr("Minutes")
        self._agenda = False  # a meeting not started yet: the page is its agenda
        self.setWindowTitle(self.tr("Minutes preview"))
        self._fit_to_screen(parent)

        self.browser = _Page()
        self.browser.setAccessibleName(self.tr("Minutes preview"))
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.document().setDocumentMargin(28)
        self.browser.setObjectName("MinutesPage")
        # A page of paper: dark text on white whatever the system's colour scheme.
        palette = self.browser.palette()
        palette.setColor(palette.ColorRole.Base, Qt.GlobalColor.white)
        palette.setColor(palette.ColorRole.Text, Qt.GlobalColor.black)
        self.browser.setPalette(palette)

        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"))
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)
        self.word_button = QPushButton(self.tr("Save as &Word…"))
        self.word_button.clicked.connect(self._on_word_button_clicked)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        self.template_label = plain_label(object_name="Hint", wrap=True)

        buttons = QHBoxLayout()
        for button in (self.print_button, self.pdf_button, self.word_button):
            buttons.addWidget(button)
        buttons.addWidget(self.template_label, 1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(300)
        self._reload_timer.timeout.connect(self._on_reload_timer_timeout)
        on_minutes_changed(controller, self._on_controller_changed)
        controller.item_changed.connect(self._on_controller_item_changed)
        controller.toolkit_changed.connect(self._on_controller_item_changed)
        controller.meetings_changed.connect(self._on_controller_item_changed)  # deleted?
        self.refresh()

    def _fit_to_screen(self, parent: QWidget | None) -> None:
        """The default size, or less on a small screen (a projector's 1280×800)."""
        screen = (parent.screen() if parent else None) or QGuiApplication.primaryScreen()
        width, height = _DEFAULT_SIZE
        if screen is not None:
            free = screen.availableGeometry()
            width = min(width, free.width() - _SCREEN_ROOM[0])
            height = min(height, free.height() - _SCREEN_ROOM[1])
        self.resize(width, height)

    # ---- content ----------------------------------------------------------------------
    def html(self) -> str:
        return self._html

    def refresh(self) -> None:
        """Render the minutes again, keeping the reader's place on the page."""
        page = self.controller.services.exports.minutes_page(self.meeting_id)
        self._agenda = page.agenda
        if page.agenda:
            self._title = page.title or self.tr("Agenda")
            heading = self.tr("Agenda preview — {title}")
            self.browser.setAccessibleName(self.tr("Agenda preview"))
        else:
            self._title = page.title or self.tr("Minutes")
            heading = self.tr("Minutes preview — {title}")
            self.browser.setAccessibleName(self.tr("Minutes preview"))
        self.setWindowTitle(heading.format(title=bidi_safe(self._title)))
        self._html = page.html
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        self.browser.setHtml(self._html)
        bar.setValue(position)
        template = self.controller.services.exports.company_template()
        self.template_label.setText(
            self.tr("Word: with {name}").format(name=template.name)
            if template
            else self.tr("Word: AlignMeet's own styles")
        )
        self.template_label.setToolTip(
            str(template) if template else self.tr("Choose a company template in the settings")
        )

    def _on_reload_timer_timeout(self) -> None:
        try:
            self.refresh()
        except NotFoundError:  # the meeting was deleted while its preview was open
            self.close()
        except MinutesRecordError as exc:  # its record fails its check: never shown
            warn(self, self.tr("No minutes to show"), exc.message)
            self.close()

    def _on_controller_changed(self, meeting_id: int) -> None:
        if meeting_id == self.meeting_id:
            self._reload_timer.start()

    def _on_controller_item_changed(self, *_args: object) -> None:
        self._reload_timer.start()

    # ---- out ---------------------------------------------------------------------------
    def print_to(self, printer: QPrinter) -> None:
        _page_set_up(printer, self._title)
        print_minutes(self._html, printer)

    def _on_print_button_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if ask_print(printer, self):
            self.print_to(printer)

    def save_pdf(self, path: Path) -> Path:
        """Write the PDF atomically (an existing file is kept if this fails)."""
        self.controller.services.exports.save_bytes(
            path, minutes_pdf_bytes(self._html, title=self._title)
        )
        self.controller.status_shown.emit(
            self.tr("Minutes saved as PDF to {path}").format(path=path)
        )
        return path

    def _on_pdf_button_clicked(self) -> None:
        from alignmeet.services import ExportError

        meeting = self.controller.services.meetings.get_meeting(self.meeting_id)
        folder = Path(str(QSettings().value("export/folder", str(Path.home()))))
        stem = _file_stem(meeting.title, f"{meeting.starts_at:%Y-%m-%d}", agenda=self._agenda)
        caption = (
            self.tr("Save the agenda as PDF")
            if self._agenda
            else self.tr("Save the minutes as PDF")
        )
        path = ask_save_path(self, caption, folder / f"{stem}.pdf", self.tr("PDF (*.pdf)"))
        if path is None:
            return
        try:
            self.save_pdf(path)
        except ExportError as exc:
            warn(self, self.tr("PDF not saved"), str(exc))
            return
        QSettings().setValue("export/folder", str(path.parent))

    def _on_word_button_clicked(self) -> None:
        export_minutes_docx(self.controller, self.meeting_id, self, agenda=self._agenda)


def show_minutes_preview(
    controller: Controller, meeting_id: int, parent: QWidget | None = None
) -> MinutesPreview | None:
    """Open the preview of a meeting's minutes (after saving what is being typed)."""
    controller.flush_pending()
    try:
        dialog = MinutesPreview(controller, meeting_id, parent)
    except (NotFoundError, MinutesRecordError) as exc:
        warn(parent, QCoreApplication.translate("MinutesPreview", "No minutes to show"), str(exc))
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    return dialog

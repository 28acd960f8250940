"""UploadWizard: certificate files matched to a course's learners, checked, then sent as a queue."""
from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from lms365_desktop.api.errors import error_message
from lms365_desktop.core.certificate_matching import (
    DEFAULT_PATTERN,
    FileMatch,
    Learner,
    MatchStatus,
    PatternError,
    compile_pattern,
    match_file,
    mark_duplicates,
)
from lms365_desktop.core.certificate_uploads import CertificateUploadService, ExistingPolicy
from lms365_desktop.core.file_checks import FileCheck, check_file
from lms365_desktop.core.upload_queue import UploadQueue
from lms365_desktop.ui.tasks import TaskRunner
from lms365_desktop.ui.widgets.file_drop import FileDropArea
from lms365_desktop.ui.wizards.form_support import ERROR_STYLE
from lms365_desktop.ui.wizards.form_messages import file_problem
from lms365_desktop.ui.wizards.upload_queue_view import UploadQueueWidget, format_size

COLUMNS = (QT_TRANSLATE_NOOP("MatchPage", "File"), QT_TRANSLATE_NOOP("MatchPage", "Type"),
           QT_TRANSLATE_NOOP("MatchPage", "Size"), QT_TRANSLATE_NOOP("MatchPage", "Learner"),
           QT_TRANSLATE_NOOP("MatchPage", "Match"))
LEARNER_COLUMN, MATCH_COLUMN = 3, 4
STATUS_COLOURS = {
    MatchStatus.MATCHED: "#107c10", MatchStatus.MANUAL: "#107c10",
    MatchStatus.UNMATCHED: "#c42b1c", MatchStatus.AMBIGUOUS: "#ca5010", MatchStatus.DUPLICATE: "#ca5010",
}


def learner_label(learner: Learner) -> str:
    suffix = " ✓" if learner.has_certificate_file else ""
    return f"{learner.name} <{learner.email or learner.upn}>{suffix}"


class MatchPage(QWizardPage):
    """Files in, each matched to a learner; what cannot be sent is marked and left out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Certificate files"))
        self.setSubTitle(self.tr("Each file is matched to a learner by the login, e-mail or name in its file name. "
                                 "Resolve the marked rows by choosing the learner."))
        self.learners: list[Learner] = []
        self.matches: list[FileMatch] = []
        self.checks: list[FileCheck] = []
        self.drop_area = FileDropArea()
        self.add_button = QPushButton(self.tr("Add files…"), objectName="addFilesButton")
        self.pattern = QLineEdit(DEFAULT_PATTERN, objectName="patternEdit")
        self.pattern.setToolTip(self.tr("{learner} marks where the learner is named; * stands for anything."))
        self.pattern_error = QLabel(objectName="patternError")
        self.pattern_error.setStyleSheet(ERROR_STYLE)
        self.policy = QComboBox(objectName="existingPolicyCombo")
        self.policy.addItem(self.tr("Skip the file (keep the learner's certificate)"), ExistingPolicy.SKIP.value)
        self.policy.addItem(self.tr("Replace the learner's certificate"), ExistingPolicy.REPLACE.value)
        self.policy.addItem(self.tr("Ask me for each one"), ExistingPolicy.ASK.value)
        self.table = QTableWidget(0, len(COLUMNS), objectName="matchTable")
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("MatchPage", c) for c in COLUMNS])
        self.table.setAccessibleName(self.tr("Files and their learners"))
        self.table.setAccessibleDescription(self.tr("Each file with its type, size, the learner it goes to "
                                                    "and how it was matched; choose the learner in its row."))
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((200, 60, 70, 260)):
            self.table.horizontalHeader().resizeSection(column, width)
        self.summary = QLabel(objectName="matchSummary")
        self.summary.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("File name pattern"), self.pattern)
        form.addRow("", self.pattern_error)
        form.addRow(self.tr("If a learner has a certificate"), self.policy)
        top = QHBoxLayout()
        top.addWidget(self.drop_area, 1)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.pattern_error.hide()

        self.drop_area.files_dropped.connect(self.add_files)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.pattern.textChanged.connect(lambda _text: self.rematch())
        self.policy.currentIndexChanged.connect(self._on_policy_current_index_changed)

    def set_learners(self, learners: list[Learner]) -> None:
        self.learners = learners
        self.rematch()

    def add_files(self, paths: list[Path]) -> None:
        known = {m.path for m in self.matches}
        for path in paths:
            path = Path(path)
            if path in known:
                continue
            known.add(path)
            self.checks.append(check_file(path))
            self.matches.append(FileMatch(path, MatchStatus.UNMATCHED))
        self.rematch()

    def rematch(self) -> None:
        try:
            regex = compile_pattern(self.pattern.text())
        except PatternError as exc:
            self.pattern_error.setText(str(exc))
            self.pattern_error.show()
            return
        self.pattern_error.hide()
        for index, old in enumerate(self.matches):
            if old.status is not MatchStatus.MANUAL:
                self.matches[index] = match_file(old.path, self.learners, regex)
        mark_duplicates(self.matches)
        self._fill_table()

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.matches))
        for row, (match, check) in enumerate(zip(self.matches, self.checks)):
            self.table.setItem(row, 0, QTableWidgetItem(match.path.name))
            self.table.item(row, 0).setToolTip(str(match.path))
            self.table.setItem(row, 1, QTableWidgetItem(check.kind))
            self.table.setItem(row, 2, QTableWidgetItem(format_size(check.size)))
            combo = self.table.cellWidget(row, LEARNER_COLUMN)
            if not isinstance(combo, QComboBox):
                combo = QComboBox()
                combo.setObjectName(f"learnerCombo{row}")
                combo.setAccessibleName(self.tr("Learner for {file}").format(file=match.path.name))
                combo.currentIndexChanged.connect(lambda _i, r=row: self._on_learner_combo_changed(r))
                self.table.setCellWidget(row, LEARNER_COLUMN, combo)
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(leave out)"), None)
            ordered = match.candidates + [x for x in self.learners if x not in match.candidates]
            for learner in ordered:
                combo.addItem(learner_label(learner), learner.enrollment_id)
            combo.setCurrentIndex(max(0, combo.findData(match.learner.enrollment_id)) if match.learner else 0)
            combo.setEnabled(check.ok)
            combo.blockSignals(False)
            self.table.setItem(row, MATCH_COLUMN, self._status_item(match, check))
        self._update_summary()

    def _status_item(self, match: FileMatch, check: FileCheck) -> QTableWidgetItem:
        if not check.ok:
            item = QTableWidgetItem(self.tr("Not sent: {problem}").format(problem=file_problem(check.reason)))
            item.setForeground(QColor("#c42b1c"))
            return item
        texts = {
            MatchStatus.MATCHED: self.tr("Matched by {how}").format(how=match.matched_on),
            MatchStatus.MANUAL: self.tr("Chosen by hand"),
            MatchStatus.UNMATCHED: self.tr("Unmatched: choose the learner"),
            MatchStatus.AMBIGUOUS: self.tr("Ambiguous: %n learners fit", "", len(match.candidates)),
            MatchStatus.DUPLICATE: self.tr("Duplicate: another file goes to this learner"),
        }
        text, colour = texts[match.status], STATUS_COLOURS[match.status]
        tip = text
        if match.learner is not None and match.learner.has_certificate_file:
            policy = self.policy.currentData()
            outcome = {
                ExistingPolicy.SKIP.value: self.tr("will be skipped"),
                ExistingPolicy.REPLACE.value: self.tr("will be replaced"),
                ExistingPolicy.ASK.value: self.tr("you will be asked"),
            }[policy]
            # The outcome first: the cell is narrow and the match detail matters less.
            tip = self.tr("{match}; the learner already has a certificate: {outcome}.").format(
                match=text, outcome=outcome)
            if match.status in (MatchStatus.MATCHED, MatchStatus.MANUAL):
                text = self.tr("Already has a certificate: {outcome}").format(outcome=outcome)
                if policy == ExistingPolicy.SKIP.value:
                    colour = "#ca5010"
        item = QTableWidgetItem(text)
        item.setForeground(QColor(colour))
        item.setToolTip(tip)
        return item

    def _on_policy_current_index_changed(self, *_: object) -> None:
        for index, match in enumerate(self.matches):
            self.table.setItem(index, MATCH_COLUMN, self._status_item(match, self.checks[index]))
        self._update_summary()

    def _on_learner_combo_changed(self, row: int) -> None:
        combo = self.table.cellWidget(row, LEARNER_COLUMN)
        enrollment_id = combo.currentData()
        learner = next((x for x in self.learners if x.enrollment_id == enrollment_id), None)
        self.matches[row].assign(learner)
        mark_duplicates(self.matches)
        for index, match in enumerate(self.matches):
            self.table.setItem(index, MATCH_COLUMN, self._status_item(match, self.checks[index]))
        self._update_summary()

    def sendable(self) -> list[tuple[FileMatch, FileCheck]]:
        return [(m, c) for m, c in zip(self.matches, self.checks)
                if c.ok and m.learner is not None and m.status in (MatchStatus.MATCHED, MatchStatus.MANUAL)]

    def _update_summary(self) -> None:
        ready = self.sendable()
        problems = sum(1 for c in self.checks if not c.ok)
        unresolved = len(self.matches) - len(ready) - problems
        existing = [(m, c) for m, c in ready if m.learner.has_certificate_file]
        policy = self.policy.currentData()
        # What the queue will really do: with "skip", files for learners with a certificate go nowhere.
        sent = [(m, c) for m, c in ready if not (policy == ExistingPolicy.SKIP.value and m.learner.has_certificate_file)]
        number = QLocale().toString
        count = len(self.matches)
        # Two literal sources, so English reads right without a catalogue of its own.
        text = (self.tr("{sent} of %n file will be sent ({size})", "", count) if count == 1
                else self.tr("{sent} of %n files will be sent ({size})", "", count)).format(
            sent=number(len(sent)), size=format_size(sum(c.size for _, c in sent)))
        if existing:
            count = len(existing)
            text += {
                ExistingPolicy.SKIP.value: self.tr(", %n skipped (already have a certificate)", "", count),
                ExistingPolicy.REPLACE.value: (
                    self.tr(", %n replaces a certificate the learner already has", "", count) if count == 1
                    else self.tr(", %n replace a certificate the learner already has", "", count)),
                ExistingPolicy.ASK.value: self.tr(" (you will be asked about %n whose learner already has one)", "",
                                                  count),
            }[policy]
        text += self.tr("; {unresolved} unresolved, {problems} cannot be sent.").format(
            unresolved=number(unresolved), problems=number(problems))
        self.summary.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return bool(self.sendable())

    def _on_add_button_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose certificate files"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilter(self.tr("Certificates (*.pdf *.png *.jpg *.jpeg);;All files (*)"))
        dialog.filesSelected.connect(lambda files: self.add_files([Path(f) for f in files]))
        dialog.open()


class QueuePage(QWizardPage):
    def __init__(self, queue: UploadQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Uploading"))
        self.setSubTitle(self.tr("Files go a few at a time through the connection's limit."))
        self.view = UploadQueueWidget(queue)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        self.running = False

    def set_running(self, running: bool) -> None:
        self.running = running
        self.view.model.flush()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return not self.running


class UploadWizard(QWizard):
    """Upload certificates… for one course: match, check, send, retry, report."""

    uploads_finished = Signal(object)

    def __init__(self, service: CertificateUploadService, course: dict, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("uploadWizard")
        self.setWindowTitle(self.tr("Upload certificates — {course}").format(course=course.get("Title", "")))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setAcceptDrops(True)
        self.resize(900, 620)
        self.service = service
        self.course = course
        self.tasks = TaskRunner(self)
        self.queue = UploadQueue(concurrency=3)
        self.match_page = MatchPage()
        self.queue_page = QueuePage(self.queue)
        self.addPage(self.match_page)
        self.addPage(self.queue_page)
        self.match_page.setCommitPage(True)
        self.match_page.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Upload"))
        self.queue_page.view.retry_requested.connect(self._on_queue_retry_requested)
        self.currentIdChanged.connect(self._on_current_id_changed)
        self._ask_all: bool | None = None
        self._ask_lock: asyncio.Lock | None = None
        self.learners_task = self.tasks.run(service.learners(course["Id"]), on_done=self.match_page.set_learners,
                                            on_error=self._on_learners_failed)

    def add_files(self, paths: list[Path]) -> None:
        self.match_page.add_files(paths)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.match_page.drop_area.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.currentPage() is self.match_page:
            self.match_page.drop_area.dropEvent(event)

    def _on_learners_failed(self, exc: BaseException) -> None:
        self.match_page.summary.setText(self.tr("Could not load the enrollments: {message}").format(
            message=error_message(exc)))

    def _on_current_id_changed(self, page_id: int) -> None:
        if self.page(page_id) is self.queue_page and not self.queue.items:
            policy = ExistingPolicy(self.match_page.policy.currentData())
            for match, check in self.match_page.sendable():
                send = self.service.certificate_sender(self.course["Id"], match.learner, policy, self._ask_replace)
                self.queue.add(match.path, learner_label(match.learner).removesuffix(" ✓"), send, size=check.size)
            self._run_queue()

    def _run_queue(self) -> None:
        self.queue_page.set_running(True)
        self.run_task = self.tasks.run(self.queue.run(), on_done=self._on_queue_done,
                                       on_error=lambda exc: self._on_queue_done(None))

    def _on_queue_done(self, totals) -> None:
        self.queue_page.set_running(False)
        self.queue_page.view.refresh_totals()
        self.uploads_finished.emit(totals)

    def _on_queue_retry_requested(self) -> None:
        if self.queue.retry_failed() and not self.queue.running:
            self._run_queue()

    async def _ask_replace(self, learner: Learner, path: Path) -> bool:
        """The "ask" policy: one question per learner with a certificate, or once for all."""
        if self._ask_lock is None:
            self._ask_lock = asyncio.Lock()
        async with self._ask_lock:  # several uploads run at once; one question at a time
            if self._ask_all is not None:
                return self._ask_all
            return await self._question(learner, path)

    async def _question(self, learner: Learner, path: Path) -> bool:
        answer: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Replace certificate?"), self.tr(
            "{learner} already has a certificate file. Replace it with {file}?").format(
            learner=learner.name, file=path.name), parent=self)
        box.setObjectName("replaceCertificateBox")
        replace = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.YesRole)
        skip = box.addButton(self.tr("Skip"), QMessageBox.ButtonRole.NoRole)
        replace_all = box.addButton(self.tr("Replace all"), QMessageBox.ButtonRole.YesRole)
        box.addButton(self.tr("Skip all"), QMessageBox.ButtonRole.NoRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def on_finished(_result: int) -> None:
            clicked = box.clickedButton()
            decision = clicked in (replace, replace_all)
            if clicked not in (replace, skip):
                self._ask_all = decision
            if not answer.done():
                answer.set_result(decision)

        box.finished.connect(on_finished)
        box.open()
        return await answer

"""Background jobs: a dock with progress, cancel, retry and a per-item result list; a status-bar gauge."""
from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lms365_desktop.api.odata import is_guid
from lms365_desktop.core.bulk_operations import (
    APPROVE,
    CANCEL,
    COMPLETE,
    ENROLL,
    REJECT,
    RETAKE,
)
from lms365_desktop.core.job_journal import ItemState, JobState
from lms365_desktop.core.jobs import (
    ALREADY_DONE_NOTE,
    ItemOutcome,
    JobProgress,
    JobResult,
)
from lms365_desktop.ui.job_manager import JobManager
from lms365_desktop.ui.theme import icon
from lms365_desktop.ui.widgets.progress_strip import ProgressStrip

_STATE_ICONS = {ItemState.DONE: "approve", ItemState.FAILED: "error"}
REFRESH_MS = 100
CARD_MIN_HEIGHT = 200
ENROLLMENT_ROLE = Qt.ItemDataRole.UserRole  # the enrollment a result row is about ("" when none)


def _enrollment_of(outcome: ItemOutcome) -> str:
    """The enrollment an item is about: the item itself (approve, cancel...) or the one an enroll made."""
    if is_guid(str(outcome.item)):
        return str(outcome.item)
    return outcome.message if outcome.ok and is_guid(outcome.message or "") else ""


class JobCard(QWidget):
    """One job: label, progress, counts, Cancel / Retry failed, and what happened to each item."""

    enrollment_opened = Signal(str, str)  # (enrollment id, the row's label): Enter or a double-click on a row

    def __init__(self, manager: JobManager, job_id: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"job_{job_id}")
        self.manager = manager
        self.job_id = job_id
        self.title = QLabel(f"<b>{label}</b>")
        self.title.setObjectName("jobTitle")
        self.progress = ProgressStrip()
        self.progress.setObjectName("jobProgressBar")
        self.counts = QLabel()
        self.counts.setObjectName("jobCounts")
        self.cancel_button = QPushButton(icon("stop"), self.tr("Cancel"))
        self.cancel_button.setObjectName("jobCancel")
        self.cancel_button.clicked.connect(lambda: manager.cancel(job_id))
        self.retry_button = QPushButton(icon("retry"), self.tr("Retry failed"))
        self.retry_button.setObjectName("jobRetryFailed")
        self.retry_button.setEnabled(False)
        self.retry_button.clicked.connect(self._on_retry_button_clicked)
        self.continue_button = QPushButton(icon("refresh"), self.tr("Continue"))
        self.continue_button.setObjectName("jobContinue")
        self.continue_button.setToolTip(self.tr("Run the items that were not done yet"))
        self.continue_button.setVisible(False)
        self.continue_button.clicked.connect(self._on_continue_button_clicked)
        self.result: JobResult | None = None
        self.results = QTreeWidget()
        self.results.setObjectName("jobResults")
        self.results.setAccessibleName(self.tr("Job results"))
        self.results.setAccessibleDescription(self.tr("What happened to each item of the job"))
        self.results.setHeaderLabels([self.tr("Item"), self.tr("Result"), self.tr("Message")])
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.setMinimumHeight(110)  # a few rows stay readable; the dock scrolls the cards
        self.results.setColumnWidth(0, 320)
        self.results.setColumnWidth(1, 90)
        # A row names a learner and a course: it leads to that enrollment, as a pane's row does.
        self.results.itemActivated.connect(lambda item, _column: self._open(item))
        self.open_action = QAction(icon("enrollment"), self.tr("Open enrollment") + "\t" + self.tr("Enter"),
                                   self.results)
        self.open_action.setObjectName("jobResultsOpen")
        self.open_action.triggered.connect(lambda: self._open(self.results.currentItem()))
        self.results.addAction(self.open_action)
        self.results.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.results.currentItemChanged.connect(
            lambda item, _previous: self.open_action.setEnabled(bool(item and item.data(0, ENROLLMENT_ROLE))))
        self.open_action.setEnabled(False)
        self._items: dict[int, QTreeWidgetItem] = {}
        # Progress arrives per item (hundreds a minute): gathered and shown ten times a second.
        self._progress: JobProgress | None = None
        self._outcomes: list[ItemOutcome] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

        row = QHBoxLayout()
        row.addWidget(self.title, 1)
        row.addWidget(self.counts)
        row.addWidget(self.continue_button)
        row.addWidget(self.retry_button)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.results, 1)

    def update_progress(self, progress: JobProgress, outcome: ItemOutcome | None) -> None:
        self._progress = progress
        if outcome is not None:
            self._outcomes.append(outcome)
        if not self._timer.isActive():
            self._timer.start()

    def _on_timer_timeout(self) -> None:
        progress, self._progress = self._progress, None
        outcomes, self._outcomes = self._outcomes, []
        self.results.setUpdatesEnabled(False)
        for outcome in outcomes:
            self._show_outcome(outcome)
        self.results.setUpdatesEnabled(True)
        if progress is not None:
            self._show_progress(progress)

    def _show_progress(self, progress: JobProgress) -> None:
        self.progress.setRange(0, max(progress.total, 1))
        self.progress.setValue(progress.finished_count)
        number = QLocale().toString
        self.counts.setText(self.tr("{done} done · {failed} failed · {left} left").format(
            done=number(progress.done), failed=number(progress.failed), left=number(progress.remaining)))

    def finish(self, result: JobResult) -> None:
        self._timer.stop()
        self._progress, self._outcomes = None, []
        total = len(result.outcomes)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(len(result.succeeded) + len(result.failed))
        for outcome in result.outcomes:
            if outcome.state in (ItemState.DONE, ItemState.FAILED):
                self._show_outcome(outcome)
        self.result = result
        self.cancel_button.setEnabled(False)
        # Only failures a retry may fix (network, 5xx, 429): a 409 "already enrolled" would fail again.
        self.retry_button.setEnabled(bool(result.retryable))
        retryable = len(result.retryable)
        self.retry_button.setToolTip(
            self.tr("Run again the %Ln item(s) that failed for a passing reason", "", retryable) if retryable
            else self.tr("No failure here would pass on a retry"))
        self.continue_button.setVisible(result.continuable)
        self.continue_button.setEnabled(result.continuable)
        state = {JobState.FINISHED: self.tr("Finished"), JobState.PAUSED: self.tr("Stopped"),
                 JobState.INTERRUPTED: self.tr("Interrupted")}.get(result.state, result.state.value)
        number = QLocale().toString
        self.counts.setText(self.tr("{state}: {done} done · {failed} failed · {left} left").format(
            state=state, done=number(len(result.succeeded)), failed=number(len(result.failed)),
            left=number(len(result.unfinished))))
        self.layout().activate()  # Continue appeared and the counts grew: lay out now, not clipped

    def _show_outcome(self, outcome: ItemOutcome) -> None:
        item = self._items.get(outcome.seq)
        if item is None:
            item = QTreeWidgetItem(self.results)
            self._items[outcome.seq] = item
        item.setText(0, self.manager.item_label(self.job_id, outcome.item))
        item.setData(0, ENROLLMENT_ROLE, _enrollment_of(outcome))
        item.setToolTip(0, item.text(0))  # the course comes after the e-mail: often past the column's edge
        item.setText(1, self.tr("Done") if outcome.ok else self.tr("Failed"))
        item.setIcon(1, icon(_STATE_ICONS.get(outcome.state, "pending")))
        item.setText(2, self._message(outcome))
        # The raw note (e.g. the new enrollment's id) stays reachable for support.
        item.setToolTip(2, outcome.message or "")

    def _open(self, item: QTreeWidgetItem | None) -> None:
        enrollment_id = item.data(0, ENROLLMENT_ROLE) if item is not None else ""
        if enrollment_id:
            self.enrollment_opened.emit(enrollment_id, item.text(0))

    def _message(self, outcome: ItemOutcome) -> str:
        if not outcome.ok:
            return outcome.message or ""
        if outcome.message == ALREADY_DONE_NOTE:
            return self.tr("Already done (found on the server)")
        verbs = {APPROVE: self.tr("Approved"), REJECT: self.tr("Rejected"), CANCEL: self.tr("Cancelled"),
                 COMPLETE: self.tr("Marked completed"), RETAKE: self.tr("Retake forced"), ENROLL: self.tr("Enrolled")}
        return verbs.get(self.manager.kind(self.job_id), outcome.message or self.tr("Done"))

    @property
    def finished(self) -> bool:
        return not self.manager.running(self.job_id)

    def restart(self) -> None:
        """The job runs again (continue, retry, resume): only Cancel applies until it ends."""
        self.result = None
        self.cancel_button.setEnabled(True)
        self.retry_button.setEnabled(False)
        self.continue_button.setVisible(False)

    def _on_retry_button_clicked(self) -> None:
        self.manager.retry_failed(self.job_id)

    def _on_continue_button_clicked(self) -> None:
        self.manager.continue_job(self.job_id)


class JobPanel(QDockWidget):
    """The Jobs dock: newest job on top; hidden at start unless a job runs; "Clear finished" empties it."""

    enrollment_opened = Signal(str, str)  # (enrollment id, label) from any card's result rows

    def __init__(self, manager: JobManager, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Jobs"), parent)
        self.setObjectName("jobsDock")
        self.manager = manager
        self.cards: dict[str, JobCard] = {}
        body = QWidget()
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 0)
        self.empty_label = QLabel(self.tr("No jobs. Actions on many rows run here."))
        self.empty_label.setObjectName("jobsEmpty")
        self.clear_button = QPushButton(icon("close"), self.tr("Clear finished"))
        self.clear_button.setObjectName("jobsClearFinished")
        self.clear_button.clicked.connect(self.clear_finished)
        bar.addWidget(self.empty_label, 1)
        bar.addStretch(0)
        bar.addWidget(self.clear_button)
        outer.addLayout(bar)
        cards = QWidget()
        self._layout = QVBoxLayout(cards)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("jobsScroll")
        scroll.setAccessibleName(self.tr("Jobs"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(cards)
        # A scroll area asks for almost no height: the dock opened so short that a job's result rows
        # (who, which course) were hidden under its header. One card's title, bar and a few rows stay in view.
        scroll.setMinimumHeight(CARD_MIN_HEIGHT)
        outer.addWidget(scroll, 1)
        self.setWidget(body)
        self._render_bar()
        # The window restores the dock as the last session left it; an empty dock would only take
        # room, so it hides once the layout is restored unless a job has started by then.
        QTimer.singleShot(0, self, self._hide_if_empty)
        manager.job_started.connect(self._on_manager_job_started)
        manager.job_progressed.connect(self._on_manager_job_progressed)
        manager.job_finished.connect(self._on_manager_job_finished)

    def card(self, job_id: str) -> JobCard:
        return self.cards[job_id]

    def clear_finished(self) -> None:
        """Remove the cards of jobs that are not running (the journal keeps their records)."""
        for job_id, card in list(self.cards.items()):
            if card.finished:
                del self.cards[job_id]
                self._layout.removeWidget(card)
                card.deleteLater()
                self.manager.forget(job_id)
        self._render_bar()
        if not self.cards:
            self.hide()

    def _hide_if_empty(self) -> None:
        if not self.cards:
            self.hide()

    def _render_bar(self) -> None:
        self.empty_label.setVisible(not self.cards)
        self.clear_button.setVisible(bool(self.cards))
        self.clear_button.setEnabled(any(card.finished for card in self.cards.values()))

    def _on_manager_job_started(self, job_id: str) -> None:
        card = self.cards.get(job_id)
        if card is None:
            record = self.manager.journal.job(job_id)
            card = JobCard(self.manager, job_id, record.label)
            card.enrollment_opened.connect(self.enrollment_opened)
            self.cards[job_id] = card
            self._layout.insertWidget(0, card)
        card.restart()
        self._render_bar()
        self.show()
        self.raise_()

    def _on_manager_job_progressed(self, job_id: str, progress: JobProgress, outcome: ItemOutcome | None) -> None:
        card = self.cards.get(job_id)
        if card is not None:
            card.update_progress(progress, outcome)

    def _on_manager_job_finished(self, job_id: str, result: JobResult) -> None:
        card = self.cards.get(job_id)
        if card is not None:
            card.finish(result)
        self._render_bar()


class JobStatus(QWidget):
    """Status-bar gauge of the running jobs; a click shows the Jobs dock."""

    clicked = Signal()

    def __init__(self, manager: JobManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jobStatus")
        self.manager = manager
        self.bar = ProgressStrip()
        self.bar.setFixedWidth(110)
        self.label = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self._progress: dict[str, JobProgress] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._render)
        self.setVisible(False)
        manager.job_progressed.connect(self._on_manager_job_progressed)
        manager.job_finished.connect(self._on_manager_job_finished)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.clicked.emit()
        super().mousePressEvent(event)

    def _on_manager_job_progressed(self, job_id: str, progress: JobProgress, _outcome: ItemOutcome | None) -> None:
        self._progress[job_id] = progress
        if not self._timer.isActive():
            self._timer.start()

    def _on_manager_job_finished(self, job_id: str, _result: JobResult) -> None:
        self._progress.pop(job_id, None)
        self._render()

    def _render(self) -> None:
        total = sum(p.total for p in self._progress.values())
        finished = sum(p.finished_count for p in self._progress.values())
        self.setVisible(bool(self._progress))
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(finished)
        self.label.setText(self.tr("Jobs: {finished}/{total}").format(
            finished=QLocale().toString(finished), total=QLocale().toString(total)))

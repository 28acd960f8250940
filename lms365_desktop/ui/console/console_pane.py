"""The raw OData console pane: compose a request, send it through the connection, explore the answer."""
from __future__ import annotations

import asyncio
import json
from typing import Any

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lms365_desktop.api.client import Lms365Client
from lms365_desktop.api.errors import UnsafeRequestError, error_message
from lms365_desktop.core.console_history import ConsoleHistory, ResponseSummary
from lms365_desktop.core.paths import AppPaths
from lms365_desktop.core.metadata_catalog import MetadataCatalog
from lms365_desktop.core.request_snippets import (
    ODATA_ROOT,
    SECRET_PLACEHOLDER,
    WRITE_METHODS,
    ConsoleRequest,
    ForeignHostError,
    Header,
    parse_curl,
    resolve,
    to_curl,
    to_powershell,
    to_python,
)
from lms365_desktop.ui.console.completion import ContextCompleter, QueryOptionDelegate
from lms365_desktop.ui.console.console_files import ConsoleFiles
from lms365_desktop.ui.console.history_sidebar import HistorySidebar
from lms365_desktop.ui.console.paging import fetch_all_pages, follow_next_page
from lms365_desktop.ui.console.request_editor import RequestEditor
from lms365_desktop.ui.console.response_content import ResponseContent, interpret
from lms365_desktop.ui.console.response_view import ResponseView
from lms365_desktop.ui.context import AppContext

FETCH_ALL_CAP = 50_000  # rows; past this "Fetch all" stops and says so


class ConsolePane(QWidget):
    """Every request goes through `context.client` (its scheduler and throttle); nothing else sends."""

    request_started = Signal(str)  # a call is handed to the client (URL without query)
    request_finished = Signal()  # a send, next page or fetch-all ended (done, failed or cancelled)
    history_refreshed = Signal()  # the sidebar lists show the store's current content

    def __init__(self, context: AppContext, history: ConsoleHistory | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consolePane")
        self.context = context
        self._history = history
        self.catalog: MetadataCatalog | None = None
        self.confirm_writes = True
        self._task: asyncio.Task | None = None
        self._metadata_task: asyncio.Task | None = None
        self._current: ResponseContent | None = None
        self._page = 0
        # The first page of the last request sent, and every row shown since (Next page, Fetch all).
        self.first_page: ResponseContent | None = None
        self.shown_rows: list[dict] = []

        self.editor = RequestEditor()
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setObjectName("consoleSend")
        self.send_button.setToolTip(self.tr("Send (Ctrl+Enter); while running, cancel"))
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self._on_send_button_clicked)
        self.editor.line.addWidget(self.send_button)

        self.copy_as = QToolButton()
        self.copy_as.setObjectName("consoleCopyAs")
        self.copy_as.setText(self.tr("Copy as"))
        self.copy_as.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.copy_as)
        menu.addAction(self.tr("curl"), lambda: self.copy_snippet("curl"))
        menu.addAction(self.tr("PowerShell"), lambda: self.copy_snippet("powershell"))
        menu.addAction(self.tr("Python (httpx)"), lambda: self.copy_snippet("python"))
        self.copy_as.setMenu(menu)
        self.paste_curl = QPushButton(self.tr("Paste curl"))
        self.paste_curl.setObjectName("consolePasteCurl")
        self.paste_curl.clicked.connect(self._on_paste_curl_clicked)
        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.setObjectName("consoleSaveRequest")
        self.confirm_box = QCheckBox(self.tr("Confirm writes"))
        self.confirm_box.setObjectName("consoleConfirmWrites")
        self.confirm_box.setToolTip(self.tr("Ask before POST, PUT, PATCH and DELETE (for this session)"))
        self.confirm_box.setChecked(True)
        self.confirm_box.toggled.connect(self._on_confirm_box_toggled)
        self.notice = QLabel()
        self.notice.setObjectName("consoleNotice")
        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        for widget in (self.copy_as, self.paste_curl, self.save_button, self.confirm_box):
            tools.addWidget(widget)
        tools.addWidget(self.notice, 1)

        self.response = ResponseView()
        self.response.fetch_cap.setValue(FETCH_ALL_CAP)
        self.sidebar = HistorySidebar()
        self.files = ConsoleFiles(self, self)
        self.save_button.clicked.connect(self.files.ask_save_name)

        request_side = QWidget()
        request_layout = QVBoxLayout(request_side)
        request_layout.setContentsMargins(0, 0, 0, 0)
        request_layout.addWidget(self.editor, 1)
        request_layout.addLayout(tools)
        work = QSplitter(Qt.Orientation.Vertical)
        work.addWidget(request_side)
        work.addWidget(self.response)
        work.setStretchFactor(0, 0)
        work.setStretchFactor(1, 1)
        work.setSizes([220, 520])
        self.work_splitter = work
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("consoleSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(work)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)

        self.uri_completer = ContextCompleter(self.editor.uri, lambda: self.catalog)
        self.editor.query.setItemDelegate(QueryOptionDelegate(
            self.editor.query, lambda: self.catalog, lambda: self.editor.request().split_uri()[0]))
        self.editor.uri.textEdited.connect(self._on_uri_text_edited)
        # No send on plain Enter: Enter also picks a completion, and QCompleter passes it on.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._on_send_button_clicked)
        self.response.next_page_requested.connect(self.next_page)
        self.response.fetch_all_requested.connect(self.fetch_all)
        self.response.export_csv_requested.connect(self.files.ask_csv_path)
        self.response.save_body_requested.connect(self.files.ask_body_path)
        self.sidebar.search_changed.connect(self.refresh_history)
        self.sidebar.entry_opened.connect(self._on_sidebar_entry_opened)
        self.sidebar.saved_opened.connect(lambda saved: self._fill(saved.request))
        self.sidebar.saved_delete_requested.connect(self._on_sidebar_saved_delete_requested)
        self.sidebar.clear_requested.connect(self.files.ask_clear_history)
        context.connection_changed.connect(self._on_context_connection_changed)
        self._history_loaded = False

    # -- collaborators -------------------------------------------------------------------------

    @property
    def confirmation(self) -> QMessageBox | None:
        """The write confirmation while it is open."""
        return self.files.confirmation

    @property
    def history(self) -> ConsoleHistory:
        """Opened on first use, so building the window touches no file."""
        if self._history is None:
            self._history = ConsoleHistory()
        return self._history

    def use_history(self, history: ConsoleHistory) -> None:
        """Use another history store (tests, or a profile-specific file)."""
        self._history = history
        if self._history_loaded:
            self.refresh_history()

    @property
    def base_url(self) -> str:
        profile = self.context.profile
        return profile.base_url if profile is not None else ""

    @property
    def username(self) -> str:
        profile = self.context.profile
        return (profile.username if profile is not None else "") or "api"

    @property
    def response_content(self) -> ResponseContent | None:
        """The response (page) the views show now."""
        return self._current

    @property
    def fetch_all_cap(self) -> int:
        return self.response.fetch_cap.value()

    @fetch_all_cap.setter
    def fetch_all_cap(self, rows: int) -> None:
        self.response.fetch_cap.setValue(rows)

    @property
    def page(self) -> int:
        return self._page

    def set_current(self, content: ResponseContent, page: int) -> None:
        """The response the views show now and its page number (paging continues from it)."""
        self._current, self._page = content, page

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self._history_loaded:
            self._history_loaded = True
            self.refresh_history()
        if self.catalog is None:
            self.load_metadata()
        self.editor.uri.setFocus()

    # -- what the window's View verbs and layout call on the current pane ----------------------

    def save_state(self, settings) -> None:
        settings.setValue("console/splitter", self.splitter.saveState())
        settings.setValue("console/workSplitter", self.work_splitter.saveState())

    def restore_state(self, settings) -> None:
        for key, splitter in (("console/splitter", self.splitter), ("console/workSplitter", self.work_splitter)):
            state = settings.value(key)
            if isinstance(state, QByteArray):
                splitter.restoreState(state)

    def refresh(self) -> None:
        """F5 sends the form again (a write still asks first)."""
        self.send()

    def focus_find(self) -> None:
        self.sidebar.search.setFocus()
        self.sidebar.search.selectAll()

    def export_csv(self) -> None:
        if self.response.table_model.rows:
            self.files.ask_csv_path()

    def refresh_history(self, _text: str | None = None) -> asyncio.Task:
        """Reload the sidebar lists; the search runs off the GUI thread (it scans every body)."""
        return self.context.tasks.run(self._refresh_history(self.sidebar.search.text()))

    async def _refresh_history(self, text: str) -> None:
        if self._history is None and not AppPaths.default().console_history.exists():
            # Nothing stored yet: showing the pane creates no file; the first send will.
            self.sidebar.set_entries([])
            self.sidebar.set_saved([])
            self.history_refreshed.emit()
            return
        history = self.history
        entries, saved = await self.context.tasks.in_worker(lambda: (history.search(text), history.saved()))
        if text == self.sidebar.search.text():  # a newer search is on its way otherwise
            self.sidebar.set_entries(entries)
        self.sidebar.set_saved(saved)
        self.history_refreshed.emit()

    # -- metadata --------------------------------------------------------------------------------

    def _on_context_connection_changed(self, _context: AppContext) -> None:
        self.catalog = None
        if self.isVisible():
            self.load_metadata()

    def load_metadata(self) -> asyncio.Task | None:
        client = self.context.client
        if client is None or not self.base_url or (self._metadata_task and not self._metadata_task.done()):
            return self._metadata_task
        self._metadata_task = self.context.tasks.run(self._load_metadata(client),
                                                     on_error=self._on_metadata_failed)
        return self._metadata_task

    async def _load_metadata(self, client: Lms365Client) -> None:
        raw = await client.request("GET", self.base_url.rstrip("/") + ODATA_ROOT + "$metadata")
        if raw.status != 200:
            raise RuntimeError(self.tr("$metadata answered {0}").format(raw.status))
        catalog = await self.context.tasks.in_worker(MetadataCatalog.from_xml, raw.body)
        if client is self.context.client:
            self.catalog = catalog
            self.editor.uri.setToolTip(self.tr("Completion knows {0} entity sets").format(len(catalog.entity_sets)))

    def _on_metadata_failed(self, exc: BaseException) -> None:
        self.editor.uri.setToolTip(self.tr("No completion: could not read $metadata ({0})").format(exc))

    # -- sending ---------------------------------------------------------------------------------

    def _on_send_button_clicked(self) -> None:
        if self.busy:
            self._task.cancel()
        else:
            self.send()

    def send(self, *, confirmed: bool = False) -> None:
        """Check the form, ask about writes, then send; problems show where the user looks."""
        if self.busy:
            return
        request = self.editor.request()
        if not request.uri:
            self.response.show_message(self.tr("Nothing to send"), self.tr("Type a URI, e.g. Courses?$top=10."))
            return
        client = self.context.client
        if client is None or not self.base_url:
            self.response.show_message(self.tr("Not connected"), self.tr("Connect to a tenant or the sandbox first."))
            return
        try:
            url, params = resolve(self.base_url, request)
        except ForeignHostError as refusal:
            self.response.show_message(self.tr("Refused"), str(refusal))
            return
        missing = next((h.name for h in request.headers if h.is_secret and h.value in ("", SECRET_PLACEHOLDER)), None)
        if missing:
            self.editor.tabs.setCurrentIndex(1)
            self.response.show_message(self.tr("Not sent"), self.tr(
                "Enter the value of the secret header {0}: secrets are never kept, so it must be typed "
                "again.").format(missing))
            return
        sent_body = request.as_sent().body  # a GET's body is never sent, so never blocks it
        if any(SECRET_PLACEHOLDER in value for _name, value in params) or SECRET_PLACEHOLDER in sent_body:
            self.editor.tabs.setCurrentIndex(2 if SECRET_PLACEHOLDER in sent_body else 0)
            self.response.show_message(self.tr("Not sent"), self.tr(
                "Replace {0} in the query options or the body with the real value: secrets are never kept, "
                "so they must be typed again.").format(SECRET_PLACEHOLDER))
            return
        if sent_body.strip() and not self.editor.body_is_valid and self._body_is_json(request):
            self.editor.tabs.setCurrentIndex(2)
            self.response.show_message(self.tr("Not sent"),
                                       self.tr("The body is not valid JSON: {0}").format(self.editor.body.error))
            return
        if request.method in WRITE_METHODS and self.confirm_writes and not confirmed:
            self.files.ask_write_confirmation(request.method, url)
            return
        self._start(self._send(client, request, url, params))

    @staticmethod
    def _body_is_json(request: ConsoleRequest) -> bool:
        content_type = next((h.value for h in request.headers if h.name.lower() == "content-type"), "")
        return not content_type or "json" in content_type.lower()

    def _on_confirm_box_toggled(self, checked: bool) -> None:
        self.confirm_writes = checked

    def _start(self, coro) -> asyncio.Task:
        self.send_button.setText(self.tr("Cancel"))
        self.response.show_message(self.tr("Sending…"), "", error=False)
        self._task = self.context.tasks.run(coro, on_error=self._on_task_failed)
        self._task.add_done_callback(self._on_task_done)
        return self._task

    def _on_task_done(self, task: asyncio.Task) -> None:
        self.send_button.setText(self.tr("Send"))
        self.response.progress.setVisible(False)
        if task.cancelled():
            self.response.show_message(self.tr("Cancelled"), self.tr("The request was cancelled."), error=False)
        self.request_finished.emit()

    def _on_task_failed(self, exc: BaseException) -> None:
        title = self.tr("Refused") if isinstance(exc, UnsafeRequestError) else self.tr("Failed")
        self.response.show_message(title, f"{type(exc).__name__}: {error_message(exc)}")

    async def fetch(self, client: Lms365Client, request: ConsoleRequest, url: str, params: list[tuple[str, str]]
                     ) -> ResponseContent:
        """One call through the client, recorded in history whatever happens."""
        request = request.as_sent()  # a GET's body is never sent, so not kept in history either
        headers = {h.name: h.value for h in request.headers if h.name}
        content = request.body.encode("utf-8") if request.body else None
        if content is not None and not any(name.lower() == "content-type" for name in headers):
            headers["Content-Type"] = "application/json"
        self.request_started.emit(url)
        try:
            raw = await client.request(request.method, url, params=dict(params) or None,
                                       headers=headers or None, content=content)
        except asyncio.CancelledError:
            # Recorded without waiting, by the window's runner: this task is going away (maybe with the pane).
            tasks = self.context.tasks
            tasks.run(tasks.in_worker(self.history.record, request, ResponseSummary(error=self.tr("Cancelled"))))
            raise
        except Exception as exc:
            await self._record(request, ResponseSummary(
                error=f"{type(exc).__name__}: {error_message(exc)}"))
            raise
        result = await self.context.tasks.in_worker(interpret, raw.status, raw.headers, bytes(raw.body or b""), raw.elapsed_ms)
        await self._record(request, ResponseSummary(
            result.status, result.elapsed_ms, result.size, result.content_type,
            "" if result.is_binary else result.text[:20_000],
            f"{result.error_code}: {result.error_message}" if result.error_code or result.error_message else ""))
        return result

    async def _record(self, request: ConsoleRequest, summary: ResponseSummary) -> None:
        # Off the GUI thread: a commit waits for the disk.
        await self.context.tasks.in_worker(self.history.record, request, summary)
        if self._history_loaded:
            self.refresh_history()

    async def _send(self, client: Lms365Client, request: ConsoleRequest, url: str, params: list[tuple[str, str]]) -> None:
        result = await self.fetch(client, request, url, params)
        self.set_current(result, 1)
        self.first_page, self.shown_rows = result, list(result.rows or [])  # what Fetch all starts from
        self.response.show_response(result)
        self.response.set_page_info(self.tr("page 1") if result.next_link else "")
        self.notice.clear()

    def next_page(self) -> asyncio.Task | None:
        link = self._current.next_link if self._current else ""
        client = self.context.client
        if self.busy or not link or client is None:
            return None
        return self._start(follow_next_page(self, client, link))

    def fetch_all(self) -> asyncio.Task | None:
        client = self.context.client
        if self.busy or not self._current or not self._current.next_link or client is None:
            return None
        return self._start(fetch_all_pages(self, client, self._current))

    # -- snippets, paste, reopen -------------------------------------------------------------------

    def snippet(self, kind: str) -> str:
        export = {"curl": to_curl, "powershell": to_powershell, "python": to_python}[kind]
        return export(self.base_url or "https://api.365.systems", self.editor.request(), username=self.username)

    def copy_snippet(self, kind: str) -> None:
        try:
            text = self.snippet(kind)
        except ForeignHostError as refusal:
            self.notice.setText(str(refusal))
            return
        QGuiApplication.clipboard().setText(text)
        self.notice.setText(self.tr("Copied; the key is read from $LMS365_API_KEY, never included."))

    def fill_from_curl(self, command: str) -> bool:
        try:
            parsed = parse_curl(command, self.base_url or "https://api.365.systems")
        except ValueError as error:
            self.notice.setText(str(error))
            return False
        self._fill(parsed.request)
        self.notice.setText(self.tr("Filled from curl; its credentials were not taken over.")
                            if parsed.dropped_credentials else self.tr("Filled from curl."))
        return True

    def _on_paste_curl_clicked(self) -> None:
        self.fill_from_curl(QGuiApplication.clipboard().text())

    def _on_uri_text_edited(self, text: str) -> None:
        if text.lstrip().startswith("curl "):
            self.fill_from_curl(text)

    def _fill(self, request: ConsoleRequest) -> None:
        # A secret kept as the placeholder must be typed again, never sent as "<secret>".
        headers = tuple(Header(h.name, "", True) if h.value == SECRET_PLACEHOLDER else h for h in request.headers)
        self.editor.set_request(ConsoleRequest(request.method, request.uri, request.params, headers,
                                               request.body, request.relative_to_host))

    def _on_sidebar_entry_opened(self, entry) -> None:
        self._fill(entry.request)
        summary = entry.summary
        self.response.show_message(
            self.tr("{0} (from history)").format(summary.status if summary.status is not None else self.tr("no response")),
            summary.error, error=bool(summary.error))
        self.response.text.show_text(summary.preview)

    def _on_sidebar_saved_delete_requested(self, name: str) -> None:
        self.history.delete_saved(name)
        self.refresh_history()

    def open_in_console(self, method: str, path: str, params: dict | None = None,
                        headers: dict | None = None, body: Any = None) -> None:
        """Pre-fill the form with a call another part of the app would make (not sent)."""
        relative_to_host = False
        if path.startswith(ODATA_ROOT):
            path = path[len(ODATA_ROOT):]
        elif path.startswith("/"):
            path, relative_to_host = path.lstrip("/"), True
        if body is None:
            text = ""
        elif isinstance(body, (str, bytes)):
            text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
        else:
            text = json.dumps(body, indent=2, ensure_ascii=False, default=str)
        # The connection authenticates every call itself; a caller's Authorization is not kept.
        header_list = tuple(Header(str(name), str(value)) for name, value in (headers or {}).items()
                            if str(name).strip().lower() != "authorization")
        self._fill(ConsoleRequest(method.upper(), path, tuple((str(k), str(v)) for k, v in (params or {}).items()),
                                  header_list, text, relative_to_host))
        self.context.window.show_pane(self)
        self.editor.uri.setFocus()

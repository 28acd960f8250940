"""Following @odata.nextLink in the console: one more page, or every page up to a cap."""
from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, QLocale

from lms365_desktop.api.client import Lms365Client
from lms365_desktop.core.request_snippets import ConsoleRequest, resolve
from lms365_desktop.ui.console.response_content import ResponseContent, merged_document, pretty_json
from lms365_desktop.ui.console.response_view import ResponseView
from lms365_desktop.ui.context import AppContext

# Shown in the console pane: its context, so the pane's own strings and these translate together.
translate = QCoreApplication.translate


def number(n: int) -> str:
    return QLocale().toString(n)


class PagingPane(Protocol):
    """What paging needs of the console pane (ConsolePane), so this module does not import it back."""

    context: AppContext
    response: ResponseView
    first_page: ResponseContent | None  # the first page of the last request sent
    shown_rows: list[dict]  # every row shown since (Next page, Fetch all)

    @property
    def base_url(self) -> str: ...

    @property
    def page(self) -> int: ...

    @property
    def fetch_all_cap(self) -> int: ...

    async def fetch(self, client: Lms365Client, request: ConsoleRequest, url: str,
                    params: list[tuple[str, str]]) -> ResponseContent: ...

    def set_current(self, content: ResponseContent, page: int) -> None: ...


async def follow_next_page(pane: PagingPane, client: Lms365Client, link: str) -> None:
    request = ConsoleRequest("GET", link)
    url, params = resolve(pane.base_url, request)  # a nextLink elsewhere is refused like any URL
    result = await pane.fetch(client, request, url, params)
    pane.set_current(result, pane.page + 1)
    pane.shown_rows.extend(result.rows or [])
    pane.response.show_response(result)
    pane.response.set_page_info(translate("ConsolePane", "page {0}").format(QLocale().toString(pane.page)))


async def fetch_all_pages(pane: PagingPane, client: Lms365Client, current: ResponseContent) -> None:
    """Every page from the first: those already shown (Next page) and the rest; the table and the
    merged document in text and tree hold them all, and the counts say so."""
    view = pane.response
    first = pane.first_page or current
    rows = list(pane.shown_rows) if pane.first_page is not None else list(current.rows or [])
    if len(rows) > len(current.rows or []):
        view.table_model.set_rows(rows)  # the pages before this one, back in the table
    cap = pane.fetch_all_cap
    bar = view.progress
    bar.setVisible(True)
    bar.setRange(0, first.count or current.count or cap)
    bar.setValue(len(rows))
    link, pages, last = current.next_link, pane.page, current
    capped = False
    view.show_message(translate("ConsolePane", "Fetching all…"), "", error=False)
    while link:
        if len(rows) >= cap:
            capped = True
            break
        request = ConsoleRequest("GET", link)
        url, params = resolve(pane.base_url, request)
        page = await pane.fetch(client, request, url, params)
        if page.is_error or page.rows is None:
            view.show_response(page)
            return
        pages += 1
        rows.extend(page.rows)
        pane.shown_rows.extend(page.rows)
        view.append_rows(page.rows)
        bar.setValue(min(len(rows), bar.maximum()))
        view.set_page_info(translate("ConsolePane", "{0} rows, {1} pages").format(
            number(len(rows)), number(pages)))
        link = page.next_link
        last = page
    document = merged_document(first, rows)
    text = await pane.context.tasks.in_worker(pretty_json, document)
    pane.set_current(last, pages)
    view.show_message(f"{last.status} {last.reason}", "", error=False)
    view.show_merged(document, text)
    view.set_next_link(link if capped else "")
    view.set_page_info(
        translate("ConsolePane", "{0} rows from {1} pages; stopped at the cap of {2} rows").format(
            number(len(rows)), number(pages), number(cap))
        if capped else translate("ConsolePane", "all {0} rows from {1} pages").format(
            number(len(rows)), number(pages)))

"""EntityTableModel as an adapter: paging, counts, quick filter, local and server sort, in-place updates."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QWidget

from lms365_desktop.api.odata import Page
from lms365_desktop.ui.itemmodels.columns import Column
from lms365_desktop.ui.itemmodels.entity_model import EntityTableModel
from lms365_desktop.ui.tasks import TaskRunner

ROWS = [{"Id": f"id-{i:04d}", "Title": f"Person {i:04d}", "Country": ["Denmark", "Japan", "Chile"][i % 3]}
        for i in range(1050)]
COLUMNS = [Column("Title", "Name"), Column("Country", "Country"), Column("Id", "Id", sortable=False)]


class ListSource:
    """Answers $top/$skip/$orderby over a list, recording each query, like a tiny server."""

    def __init__(self, rows):
        self.rows = rows
        self.queries = []

    async def __call__(self, query, next_link):
        self.queries.append(query.params())
        rows = self.rows
        for item in reversed(query.orderings):
            name, _, direction = item.partition(" ")
            rows = sorted(rows, key=lambda r: r[name], reverse=direction == "desc")
        skip, top = query.skip_n or 0, query.top_n or len(rows)
        return Page(rows[skip:skip + top], None, len(rows))


def make_model(qtbot, source, **kwargs):
    owner = QWidget()
    qtbot.addWidget(owner)
    model = EntityTableModel(COLUMNS, source, TaskRunner(owner), first_page=100, page_size=400, **kwargs)
    return model


def wait_loaded(qtbot, model):
    qtbot.waitUntil(lambda: not model.loading)


def test_pages_counts_and_modeltester(qtbot, qasync_loop, qtmodeltester):
    source = ListSource(ROWS)
    model = make_model(qtbot, source)
    model.reload()
    wait_loaded(qtbot, model)
    assert (model.loaded_count, model.total_count) == (100, 1050)
    assert model.canFetchMore(QModelIndex())
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        wait_loaded(qtbot, model)
    assert model.loaded_count == 1050 and model.all_loaded
    assert [q["$skip"] for q in source.queries] == ["0", "100", "500", "900"]
    assert source.queries[0]["$select"] == "Id,Title,Country"
    qtmodeltester.check(model, force_py=True)


def test_quick_filter_narrows_loaded_rows(qtbot, qasync_loop, qtmodeltester):
    model = make_model(qtbot, ListSource(ROWS))
    model.reload()
    wait_loaded(qtbot, model)
    model.set_quick_filter("JAPAN")
    assert model.rowCount() == 33
    assert all(model.index(r, 1).data() == "Japan" for r in range(model.rowCount()))
    qtmodeltester.check(model, force_py=True)
    model.fetchMore(QModelIndex())  # new pages are filtered as they arrive
    wait_loaded(qtbot, model)
    assert model.rowCount() == 500 // 3 + (1 if 500 % 3 > 1 else 0)
    model.set_quick_filter("")
    assert model.rowCount() == 500


def test_sort_goes_to_server_until_everything_is_loaded(qtbot, qasync_loop):
    source = ListSource(ROWS)
    model = make_model(qtbot, source)
    model.reload()
    wait_loaded(qtbot, model)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    wait_loaded(qtbot, model)
    assert source.queries[-1]["$orderby"] == "Title desc,Id"
    assert model.index(0, 0).data() == "Person 1049"

    small = ListSource(ROWS[:50])
    local = make_model(qtbot, small)
    local.reload()
    wait_loaded(qtbot, local)
    assert local.all_loaded
    calls = len(small.queries)
    local.sort(0, Qt.SortOrder.DescendingOrder)
    assert len(small.queries) == calls  # sorted in place, no request
    assert local.index(0, 0).data() == "Person 0049"


def test_replace_row_updates_in_place(qtbot, qasync_loop):
    model = make_model(qtbot, ListSource(ROWS))
    model.reload()
    wait_loaded(qtbot, model)
    with qtbot.waitSignal(model.dataChanged):
        assert model.replace_row({"Id": "id-0003", "Title": "Renamed", "Country": "Peru"})
    assert model.index(3, 0).data() == "Renamed"
    assert not model.replace_row({"Id": "nope", "Title": "x", "Country": "y"})


def test_multi_data_answers_what_data_answers_for_every_role(qtbot, qasync_loop):
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan
    from PySide6.QtWidgets import QTableView

    coloured = [*COLUMNS[:1], Column("Country", "Country", colour=lambda row: "#d1242f" if row["Country"] == "Japan" else None)]
    owner = QWidget()
    qtbot.addWidget(owner)
    model = EntityTableModel(coloured, ListSource(ROWS), TaskRunner(owner), first_page=100)
    model.reload()
    wait_loaded(qtbot, model)
    roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole,
             Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.BackgroundRole,
             Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.UserRole + 1]
    for row in (0, 1, 2, 57):
        for column in (0, 1):
            index = model.index(row, column)
            for role in roles:
                slot = QModelRoleData(role)
                slot.setData("stale")  # what a reused span may hold: every role must be answered
                model.multiData(index, QModelRoleDataSpan(slot))  # a span of one (PySide has no arrays)
                got, want = slot.data(), model.data(index, role)
                if hasattr(want, "color"):
                    assert got.color() == want.color()
                else:
                    assert got == want, (row, column, role)
    # The view paints through it.
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    assert not view.grab().isNull()


def test_quick_filter_finds_a_date_as_its_cell_reads_not_as_the_wire_writes_it(qtbot, qasync_loop, monkeypatch):
    from lms365_desktop.ui.itemmodels.columns import date_column
    from tests.ui.helpers import machine_clock

    rows = [{"Id": "a", "Title": "Fire safety", "Due": "2031-03-10T23:59:59Z", "Done": "2031-03-09T22:30:00Z"},
            {"Id": "b", "Title": "First aid", "Due": "2031-04-02T23:59:59Z", "Done": None}]
    columns = [Column("Title", "Course"), date_column("Due", "Due", days=True), date_column("Done", "Completed")]
    with machine_clock(monkeypatch, "Europe/Copenhagen", "en_GB"):
        owner = QWidget()
        qtbot.addWidget(owner)
        model = EntityTableModel(columns, ListSource(rows), TaskRunner(owner))
        model.reload()
        wait_loaded(qtbot, model)
        assert model.index(0, 1).data() == "10/03/2031" and model.index(0, 2).data() == "09/03/2031 23:30"

        def titles(needle):
            model.set_quick_filter(needle)
            return [model.index(r, 0).data() for r in range(model.rowCount())]

        assert titles("10/03/2031") == ["Fire safety"]   # the due day as shown
        assert titles("23:30") == ["Fire safety"]        # the completion on this computer's clock
        assert titles("02/04") == ["First aid"]
        assert titles("2031-03") == [] and titles("22:30") == []  # the wire's text is not what anyone sees


def test_names_learned_later_are_found_and_row_only_texts_are_not_made_again(qtbot, qasync_loop):
    names: dict[str, str] = {}
    made = []

    def status(row):
        made.append(row["Id"])
        return "Deleted" if row["Country"] == "Chile" else ""

    columns = [Column("Title", "Name"),
               Column("ManagerLoginName", "Manager", text=lambda row: names.get(row["Id"], "")),
               Column("Country", "Account", text=status, row_only=True)]
    owner = QWidget()
    qtbot.addWidget(owner)
    model = EntityTableModel(columns, ListSource(ROWS[:30]), TaskRunner(owner))
    model.reload()
    wait_loaded(qtbot, model)
    names["id-0004"] = "Maja Singh"  # the directory learned a manager's name
    model.refresh_display()
    model.set_quick_filter("maja")
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Person 0004"]

    only_row = EntityTableModel([Column("Title", "Name"), Column("Country", "Account", text=status, row_only=True)],
                                ListSource(ROWS[:30]), TaskRunner(owner))
    only_row.reload()
    wait_loaded(qtbot, only_row)
    before = len(made)
    only_row.refresh_display()  # names arrived: nothing this table searches reads them
    only_row.set_quick_filter("deleted")
    assert only_row.rowCount() == 10 and len(made) == before

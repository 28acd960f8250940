"""Runs checked QueryOptions against the store: one SELECT per level, expansions batched by key."""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterable

from sqlalchemy import bindparam, func, inspect as sa_inspect, select
from sqlalchemy.exc import SQLAlchemyError, StatementError
from sqlalchemy.orm import Session

from .edm import EntityType
from .errors import bad_request
from .odata_query import Expand, QueryOptions


@dataclass
class Page:
    rows: list[dict]
    count: int | None
    more: bool
    last_key: Any = None  # the key of the page's last row when `more` (where the next page reads on)


def _relationship(etype: EntityType, name: str):
    return sa_inspect(etype.model).relationships[name]


def _table_columns(etype: EntityType, keys: list[str]) -> list:
    # Plain table columns, not ORM attributes: SQLAlchemy matches cached result metadata to them
    # by identity instead of building comparison expressions (a third of a page's CPU time).
    table = etype.model.__table__
    return [table.c[key] for key in keys]


def _column_keys(opts: QueryOptions) -> list[str]:
    """Columns to read: the output properties, the key and the local ends of expansions."""
    etype = opts.etype
    keys: list[str] = []
    for prop in opts.output_properties():
        if prop in etype.complex:
            keys.extend(etype.complex[prop].columns.values())
        else:
            keys.append(prop)
    keys.append(etype.key)
    for expand in opts.expand:
        rel = _relationship(etype, expand.nav)
        if rel.secondary is None:
            keys.extend(local.key for local, _ in rel.local_remote_pairs)
    return list(dict.fromkeys(keys))


_COMPLEX = object()  # marks a complex-typed property, built from several columns


class _Shape:
    """How rows of one SELECT become OData objects; worked out once per query, not per row."""

    def __init__(self, opts: QueryOptions, keys: list[str]):
        etype = opts.etype
        self.keys = keys
        self.index = {key: position for position, key in enumerate(keys)}
        # (name, converter or None or _COMPLEX, position or the complex type's (wire, position)s)
        self.fields: list[tuple[str, Any, Any]] = []
        for prop in opts.output_properties():
            complex_type = etype.complex.get(prop)
            if complex_type is not None:
                parts = tuple((wire, self.index[attr]) for wire, attr in complex_type.columns.items())
                self.fields.append((prop, _COMPLEX, parts))
            else:
                self.fields.append((prop, etype.converters.get(prop), self.index[prop]))

    def build(self, row) -> dict:
        out = {}
        for name, convert, where in self.fields:
            if convert is None:
                out[name] = row[where]
            elif convert is _COMPLEX:
                values = {wire: row[position] for wire, position in where}
                out[name] = values if any(v is not None for v in values.values()) else None
            else:
                out[name] = convert(row[where])
        return out

    def value(self, row, key: str):
        return row[self.index[key]]


def _build_all(opts: QueryOptions, keys: list[str], rows) -> list[tuple[dict, Any, _Shape]]:
    shape = _Shape(opts, keys)
    return [(shape.build(row), row, shape) for row in rows]


def _filtered(opts: QueryOptions, stmt, where: Iterable = ()):
    # Each option joins its own aliases (see odata_query._NavJoins); a navigation named in both
    # $filter and $orderby is joined twice, which is harmless for single-valued navigations.
    for join in opts.joins + opts.orderby_joins:
        stmt = stmt.outerjoin(join)
    for clause in where:
        stmt = stmt.where(clause)
    if opts.filter is not None:
        stmt = stmt.where(opts.filter)
    return stmt


def _ordered(opts: QueryOptions, stmt):
    for column, descending in opts.orderby:
        stmt = stmt.order_by(column.desc() if descending else column.asc())
    # The key last, so pages never overlap or skip rows.
    return stmt.order_by(opts.etype.model.__table__.c[opts.etype.key])


def _text_function(method):
    return lambda value: getattr(value, method)() if isinstance(value, str) else value


def _index_of(text, part):
    return text.find(part) if isinstance(text, str) and isinstance(part, str) else None


# OData's string functions with Python's Unicode semantics, for the $filter translator.
SQL_FUNCTIONS = {"odata_fold": (1, _text_function("casefold")),  # case-insensitive text, see odata_query._fold
                 "odata_upper": (1, _text_function("upper")),
                 "odata_lower": (1, _text_function("lower")),
                 "odata_indexof": (2, _index_of)}


def _register_functions(connection) -> None:
    # The pool's per-DBAPI-connection `info` remembers the registration: sqlite3.Connection takes
    # no attributes, and registering on every query cost ~25 us a request.
    pooled = connection.connection
    if pooled.info.get("odata_functions"):
        return
    raw = pooled.dbapi_connection
    if not isinstance(raw, sqlite3.Connection):
        return
    for name, (arity, function) in SQL_FUNCTIONS.items():
        raw.create_function(name, arity, function, deterministic=True)
    pooled.info["odata_functions"] = True


def _execute(session: Session, stmt, parameters: dict | None = None):
    try:
        # Core execution: the rows are plain tuples, without the ORM's per-row loading cost.
        connection = session.connection() if isinstance(session, Session) else session
        _register_functions(connection)
        return connection.execute(stmt, parameters).all()
    except StatementError as exc:
        # A literal the column type refused, or SQLite rejecting an expression the client wrote.
        raise bad_request(f"The query could not be run: {exc.orig or exc}") from None
    except (SQLAlchemyError, ValueError, TypeError) as exc:
        # Only client-written expressions vary between requests, so a failure here is theirs.
        raise bad_request(f"The query could not be run: {exc}") from None


@dataclass(frozen=True)
class CollectionPlan:
    """Everything about a collection read that does not depend on the data: built once per
    distinct query (see plan_cache), it spares a request building and hashing the SELECT."""

    opts: QueryOptions
    keys: list[str]
    shape: _Shape
    stmt: Any
    count_stmt: Any  # None unless $count=true
    limit: int
    wanted: int | None
    # The same page read on after a key instead of skipping (None when the order is not the key
    # alone): what a nextLink's $skip selects, found without stepping over every row before it.
    after_stmt: Any = None


def plan_collection(opts: QueryOptions, *, where: Iterable = (), page_size: int) -> CollectionPlan:
    where = list(where)
    wanted = opts.top if opts.top is not None else None
    limit = page_size if wanted is None else min(wanted, page_size)
    keys = _column_keys(opts)
    columns = _table_columns(opts.etype, keys)
    stmt = _ordered(opts, _filtered(opts, select(*columns), where))
    stmt = stmt.limit(limit + 1).offset(opts.skip)
    count_stmt = _count_statement(opts, where) if opts.count else None
    after_stmt = None
    if not opts.orderby and not opts.joins and not opts.orderby_joins:  # ordered by the unique key alone
        key = opts.etype.model.__table__.c[opts.etype.key]
        after = key > bindparam("after_key", type_=key.type)
        after_stmt = _ordered(opts, _filtered(opts, select(*columns), [*where, after])).limit(limit + 1)
    return CollectionPlan(opts, keys, _Shape(opts, keys), stmt, count_stmt, limit, wanted, after_stmt)


_NO_KEY = object()


def run_plan(session: Session, plan: CollectionPlan, *, after: Any = _NO_KEY) -> Page:
    """One page of a collection: at most `page_size` rows, `more` when the server cut it short.

    ``after``: the key of the row just before this page (``plan.after_stmt`` reads on from it);
    the caller vouches that the rows have not changed since that row was served at ``$skip - 1``.
    """
    count = None
    if plan.count_stmt is not None:
        count = _execute(session, plan.count_stmt)[0][0]
    if after is not _NO_KEY and plan.after_stmt is not None:
        rows = _execute(session, plan.after_stmt, {"after_key": after})
    else:
        rows = _execute(session, plan.stmt)
    limit = plan.limit
    more = len(rows) > limit and (plan.wanted is None or plan.wanted > limit)
    shape = plan.shape
    built = [(shape.build(row), row, shape) for row in rows[:limit]]
    _expand(session, plan.opts, built)
    last_key = shape.value(rows[limit - 1], plan.opts.etype.key) if more else None
    return Page([out for out, _, _ in built], count, more, last_key)


def run_collection(session: Session, opts: QueryOptions, *, where: Iterable = (),
                   page_size: int) -> Page:
    return run_plan(session, plan_collection(opts, where=where, page_size=page_size))


def _count_statement(opts: QueryOptions, where: Iterable = ()):
    key = getattr(opts.etype.model, opts.etype.key)
    return _filtered(opts, select(func.count(func.distinct(key))), where)


def count_rows(session: Session, opts: QueryOptions, where: Iterable = ()) -> int:
    return _execute(session, _count_statement(opts, where))[0][0]


def run_single(session: Session, opts: QueryOptions, where: Iterable) -> dict | None:
    keys = _column_keys(opts)
    columns = _table_columns(opts.etype, keys)
    stmt = select(*columns)
    for clause in where:
        stmt = stmt.where(clause)
    rows = _execute(session, stmt.limit(1))
    if not rows:
        return None
    built = _build_all(opts, keys, rows[:1])
    _expand(session, opts, built)
    return built[0][0]


def _expand(session: Session, opts: QueryOptions, built: list[tuple[dict, dict]]) -> None:
    if not built:
        return
    for expand in opts.expand:
        rel = _relationship(opts.etype, expand.nav)
        if rel.secondary is not None:
            _expand_many_to_many(session, opts.etype, expand, rel, built)
        else:
            _expand_by_columns(session, expand, rel, built)


def _expand_many_to_many(session, parent: EntityType, expand: Expand, rel, built) -> None:
    (parent_col, link_parent), = rel.synchronize_pairs
    (target_col, link_target), = rel.secondary_synchronize_pairs
    nested = expand.options
    keys = _column_keys(nested)
    columns = _table_columns(nested.etype, keys)
    parent_values = list({shape.value(row, parent_col.key) for _, row, shape in built})
    stmt = select(*columns, link_parent).join(rel.secondary, link_target == target_col)
    stmt = _filtered(nested, stmt, [link_parent.in_(parent_values), *nested.etype.default_where()])
    rows = _execute(session, _ordered(nested, stmt))
    groups: dict[Any, list] = defaultdict(list)
    shape = _Shape(nested, keys)
    for row in rows:
        groups[row[-1]].append((shape.build(row), row, shape))
    _attach_many(session, expand, built, groups, parent_col.key)


def _expand_by_columns(session, expand: Expand, rel, built) -> None:
    (local, remote), = rel.local_remote_pairs
    nested = expand.options
    keys = _column_keys(nested)
    if remote.key not in keys:
        keys.append(remote.key)
    columns = _table_columns(nested.etype, keys)
    values = list({shape.value(row, local.key) for _, row, shape in built} - {None})
    groups: dict[Any, list] = defaultdict(list)
    if values:
        remote_attr = getattr(nested.etype.model, remote.key)
        stmt = _filtered(nested, select(*columns),
                         [remote_attr.in_(values), *nested.etype.default_where()])
        index = keys.index(remote.key)
        nested_shape = _Shape(nested, keys)
        for row in _execute(session, _ordered(nested, stmt)):
            groups[row[index]].append((nested_shape.build(row), row, nested_shape))
    if rel.uselist:
        _attach_many(session, expand, built, groups, local.key)
        return
    everything = [item for items in groups.values() for item in items]
    _expand(session, nested, everything)
    for out, row, shape in built:
        match = groups.get(shape.value(row, local.key))
        out[expand.nav] = match[0][0] if match else None


def _attach_many(session, expand: Expand, built, groups, parent_key: str) -> None:
    nested = expand.options
    kept = []
    for out, row, shape in built:
        items = groups.get(shape.value(row, parent_key), [])
        if nested.count:
            out[f"{expand.nav}@odata.count"] = len(items)
        end = None if nested.top is None else nested.skip + nested.top
        items = items[nested.skip:end]
        out[expand.nav] = [item_out for item_out, _, _ in items]
        kept.extend(items)
    _expand(session, nested, kept)

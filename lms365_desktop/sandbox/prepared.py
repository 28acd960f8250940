"""A kept SELECT compiled once to SQL text, bound values and result converters, run on the raw cursor."""
from __future__ import annotations

from typing import Any, Callable


class Prepared:
    """What SQLAlchemy works out again on every execution of a statement, worked out once.

    For a kept plan (plan_cache) the SQL, its parameters and the column types never change, so
    running it straight on the DBAPI cursor skips SQLAlchemy's execution context and Row objects.
    Anything unusual is refused by `prepare` and runs the usual way."""

    __slots__ = ("sql", "parameters", "converters")

    def __init__(self, sql: str, parameters: tuple,
                 converters: tuple[tuple[int, Callable[[Any], Any]], ...]) -> None:
        self.sql = sql
        self.parameters = parameters
        self.converters = converters

    def rows(self, dbapi_connection) -> list:
        cursor = dbapi_connection.cursor()
        try:
            rows = cursor.execute(self.sql, self.parameters).fetchall()
        finally:
            cursor.close()
        if not self.converters:
            return rows
        converted = []
        for row in rows:
            row = list(row)
            for position, convert in self.converters:
                row[position] = convert(row[position])
            converted.append(row)
        return converted


def prepare(stmt, dialect) -> Prepared | None:
    """The statement ready to run on `dialect`'s cursor, or None to leave it to SQLAlchemy."""
    if dialect.paramstyle != "qmark":
        return None
    try:
        compiled = stmt.compile(dialect=dialect)
        # Expanding IN lists and literal-rendered values are finished per execution by
        # SQLAlchemy; those statements keep its path.
        if compiled.post_compile_params or compiled.literal_execute_params \
                or compiled.positiontup is None:
            return None
        values = compiled.construct_params()
        parameters = []
        for name in compiled.positiontup:
            value = values[name]
            process = compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
            parameters.append(value if process is None else process(value))
        converters = []
        for position, column in enumerate(stmt.selected_columns):
            convert = column.type.dialect_impl(dialect).result_processor(dialect, None)
            if convert is not None:
                converters.append((position, convert))
    except Exception:  # e.g. a literal a type refuses: SQLAlchemy's path reports it as it always has
        return None
    return Prepared(compiled.string, tuple(parameters), tuple(converters))

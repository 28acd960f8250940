"""OData v4 query options ($filter, $select, $expand, $orderby, $top, $skip, $count) parsed and checked."""
from __future__ import annotations

import datetime as dt
import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Mapping

from odata_query import ast as odata_ast
from odata_query import exceptions as odata_exc
from odata_query import utils as odata_utils
from odata_query.grammar import ODataLexer, ODataParser
from odata_query.sqlalchemy.orm import AstToSqlAlchemyOrmVisitor
from sqlalchemy import String, and_, func, literal, or_
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import BindParameter, ColumnElement

from . import enums, store
from .edm import NAMESPACE, TYPES, EntityType
from .errors import bad_request
from .filter_terms import TYPED as _TYPED
from .filter_terms import check_comparable as _check_comparable
from .filter_terms import equalities_as_in as _equalities_as_in
from .filter_terms import text_operand as _text_operand

# Terms one and/or chain may have. Chains of `eq` on one property become a single IN, so a
# 2,000-id lookup is cheap; the cap keeps the SQL within SQLite's expression-depth limit.
MAX_FILTER_TERMS = 5000
INT64_MIN, INT64_MAX = -2**63, 2**63 - 1
MAX_EXPAND_DEPTH = 2  # Web API OData's default MaxExpansionDepth
KNOWN_OPTIONS = {"$filter", "$select", "$expand", "$orderby", "$top", "$skip", "$count",
                 "$format"}


@dataclass
class Expand:
    nav: str
    target: EntityType
    options: QueryOptions


@dataclass
class QueryOptions:
    etype: EntityType
    filter: ColumnElement | None = None
    joins: list = field(default_factory=list)  # relationship attributes the filter needs
    select: list[str] | None = None  # None = all properties
    expand: list[Expand] = field(default_factory=list)
    orderby: list[tuple[object, bool]] = field(default_factory=list)  # (column, descending)
    orderby_joins: list = field(default_factory=list)
    top: int | None = None
    skip: int = 0
    count: bool = False

    def output_properties(self) -> list[str]:
        props = list(self.etype.properties) + list(self.etype.complex)
        return props if self.select is None else [p for p in props if p in self.select]


def parse_options(etype: EntityType, params: Mapping[str, str], depth: int = 0) -> QueryOptions:
    """Turn query parameters into checked QueryOptions; raise a 400 naming the bad part."""
    for name in params:
        if name.startswith("$") and name.lower() not in KNOWN_OPTIONS:
            raise bad_request(f"The query parameter '{name}' is not supported.")
    # Option names are matched case-insensitively, so `$Filter` is applied, never ignored.
    params = {(name.lower() if name.startswith("$") else name): value
              for name, value in params.items()}
    opts = QueryOptions(etype)
    if (text := params.get("$format")) is not None and \
            text.split(";")[0].strip().lower() not in ("json", "application/json"):
        raise bad_request(f"The $format '{text}' is not supported; only json is served.")
    if (text := params.get("$filter")) is not None:
        opts.filter, opts.joins = parse_filter(etype, text)
    if (text := params.get("$select")) is not None:
        opts.select = _parse_select(etype, text)
    if (text := params.get("$expand")) is not None:
        opts.expand = _parse_expand(etype, text, depth)
    if (text := params.get("$orderby")) is not None:
        opts.orderby, opts.orderby_joins = _parse_orderby(etype, text)
    if (text := params.get("$top")) is not None:
        opts.top = _non_negative("$top", text)
    if (text := params.get("$skip")) is not None:
        opts.skip = _non_negative("$skip", text)
    if (text := params.get("$count")) is not None:
        if text.strip().lower() not in ("true", "false"):
            raise bad_request(f"The value '{text}' for $count is not valid; use true or false.")
        opts.count = text.strip().lower() == "true"
    return opts


def _non_negative(option: str, text: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise bad_request(f"The value '{text}' for {option} is not a valid integer.") from None
    if value < 0 or value > 2**31 - 1:
        raise bad_request(f"The value '{text}' for {option} must be a non-negative integer.")
    return value


def _split_top_level(text: str, separator: str) -> list[str]:
    """Split on `separator` outside parentheses and quoted strings."""
    parts, depth, quoted, current = [], 0, False, []
    for char in text:
        if char == "'":
            quoted = not quoted
        elif not quoted and char == "(":
            depth += 1
        elif not quoted and char == ")":
            depth -= 1
            if depth < 0:
                raise bad_request(f"Unbalanced parentheses in '{text}'.")
        if char == separator and depth == 0 and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    if depth != 0 or quoted:
        raise bad_request(f"Unbalanced parentheses or quotes in '{text}'.")
    parts.append("".join(current))
    return [p.strip() for p in parts]


def linq_error(name: str):
    """What the EF6 backend says about a computed (unmapped) member in a query (HC-NF)."""
    return bad_request(f"The specified type member '{name}' is not supported in LINQ to Entities. "
                       f"Only initializers, entity members, and entity navigation properties are "
                       f"supported.")


def _parse_select(etype: EntityType, text: str) -> list[str]:
    names = []
    for item in _split_top_level(text, ","):
        if item in etype.non_selectable:
            raise linq_error(item)
        if item == "*":
            return list(etype.properties) + list(etype.complex)
        if item in etype.properties or item in etype.complex:
            names.append(item)
        elif item in etype.navigations:
            continue  # selecting a navigation only matters together with $expand
        else:
            raise bad_request(f"Could not find a property named '{item}' on type "
                              f"'{etype.qualified_name}' ($select).")
    return names


def _parse_expand(etype: EntityType, text: str, depth: int) -> list[Expand]:
    if depth >= MAX_EXPAND_DEPTH:
        raise bad_request(f"The request includes a $expand path which is too deep. The maximum "
                          f"depth allowed is {MAX_EXPAND_DEPTH}.")
    result: list[Expand] = []
    for item in _split_top_level(text, ","):
        if not item:
            raise bad_request(f"Empty item in $expand '{text}'.")
        name, _, rest = item.partition("(")
        name = name.strip()
        if "/" in name:
            raise bad_request(f"$expand path '{name}' is not supported; use nested "
                              f"$expand options instead.")
        if name == "*":
            for nav in etype.navigations.values():
                result.append(Expand(nav.name, TYPES[nav.target], QueryOptions(TYPES[nav.target])))
            continue
        nav = etype.navigations.get(name)
        if nav is None:
            raise bad_request(f"Could not find a navigation property named '{name}' on type "
                              f"'{etype.qualified_name}' ($expand).")
        target = TYPES[nav.target]
        nested: dict[str, str] = {}
        if rest:
            if not rest.rstrip().endswith(")"):
                raise bad_request(f"Malformed $expand item '{item}'.")
            for option in _split_top_level(rest.rstrip()[:-1], ";"):
                key, eq, value = option.partition("=")
                if not eq:
                    raise bad_request(f"Malformed option '{option}' in $expand of '{name}'.")
                nested[key.strip()] = value
        options = parse_options(target, nested, depth + 1)
        if not nav.many and (options.filter is not None or options.orderby or options.top
                             is not None or options.skip or options.count):
            raise bad_request(f"Only $select and $expand apply to the single-valued "
                              f"navigation '{name}'.")
        result.append(Expand(name, target, options))
    return result


def _parse_orderby(etype: EntityType, text: str):
    keys, navs = [], _NavJoins(etype)
    for item in _split_top_level(text, ","):
        words = item.split()
        if not words or len(words) > 2 or (len(words) == 2 and words[1].lower()
                                            not in ("asc", "desc")):
            raise bad_request(f"Malformed $orderby item '{item}'.")
        column = _resolve_path(etype, words[0], "$orderby", navs)
        keys.append((_fold(column) if _is_text(column) else column, len(words) == 2 and words[1].lower() == "desc"))
    return keys, navs.joins()


class _NavJoins:
    """One aliased outer join per single-valued navigation a query option names.

    Each navigation gets its own alias, so two of them (User/..., Course/...) or one that points
    back at its own table (Manager/...) each read the related row, never the row itself; and
    joins are told apart by name, because SQLAlchemy relationship attributes overload `==`."""

    def __init__(self, etype: EntityType):
        self.etype = etype
        self._by_name: dict[str, tuple[object, object]] = {}

    def column(self, nav_name: str, prop: str, option: str):
        nav = self.etype.navigations[nav_name]
        target = TYPES[nav.target]
        column = _property(target, prop, option)
        if nav_name not in self._by_name:
            alias = aliased(target.model)
            self._by_name[nav_name] = (alias, self.etype.relationship(nav_name).of_type(alias))
        alias, _ = self._by_name[nav_name]
        return getattr(alias, column.key)

    def joins(self) -> list:
        return [join for _, join in self._by_name.values()]


def _resolve_path(etype: EntityType, path: str, option: str, navs: _NavJoins):
    """A property, or one single-valued navigation then a property (joined through `navs`)."""
    head, _, tail = path.partition("/")
    if not tail:
        return _property(etype, head, option)
    nav = etype.navigations.get(head)
    if nav is None or nav.many or "/" in tail:
        raise bad_request(f"The path '{path}' in {option} is not supported on type "
                          f"'{etype.qualified_name}'.")
    return navs.column(head, tail, option)


def _property(etype: EntityType, name: str, option: str):
    if name in etype.non_filterable or name in etype.complex:
        raise linq_error(name)
    column = etype.properties.get(name)
    if column is None:
        raise bad_request(f"Could not find a property named '{name}' on type "
                          f"'{etype.qualified_name}' ({option}).")
    return column


def _wall_clock() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


# What now() means in $filter; the router sets the sandbox's clock per request, so tests that
# move time see now() move with the CreatedAt stamps the sandbox writes.
FILTER_NOW: ContextVar = ContextVar("filter_now", default=_wall_clock)

_LEXER = ODataLexer()
_PARSER = ODataParser()


def parse_filter(etype: EntityType, text: str):
    """Parse `$filter` with odata-query and translate it for `etype`; returns (clause, joins)."""
    if not text.strip():
        raise bad_request("The $filter option is empty.")
    source = _unqualify_enum_literals(text)
    try:
        tree = _PARSER.parse(_LEXER.tokenize(source))
    except (odata_exc.TokenizingException, odata_exc.ParsingException) as exc:
        raise bad_request(f"Syntax error in $filter '{text}': "
                          f"{_where_it_broke(source, exc.token)}") from None
    except odata_exc.ODataException as exc:
        raise bad_request(f"Syntax error in $filter '{text}': {_describe(exc)}") from None
    except Exception as exc:  # the lexer/parser raise plain errors for some garbage
        raise bad_request(f"Syntax error in $filter '{text}': {exc}") from None
    visitor = _FilterVisitor(etype)
    try:
        clause = visitor.visit(tree)
    except odata_exc.ODataException as exc:
        raise bad_request(f"Invalid $filter '{text}': {_describe(exc)}") from None
    except (ValueError, TypeError, AttributeError, NotImplementedError, SQLAlchemyError) as exc:
        raise bad_request(f"Invalid $filter '{text}': {exc}") from None
    if not isinstance(clause, ColumnElement):
        raise bad_request(f"Invalid $filter '{text}': it is not a boolean expression.")
    return clause, visitor.navs.joins()


_QUOTED = re.compile(r"('(?:[^']|'')*')")
_QUALIFIER = re.compile(r"((?:[A-Za-z_]\w*\.)+)([A-Za-z_]\w*)$")


def _unqualify_enum_literals(text: str) -> str:
    """`LMS365.Api.CourseType'Webinar'` (OData v4 enum literal) -> `'Webinar'`, which odata-query
    parses; the column type then checks the name."""
    parts = _QUOTED.split(text)
    for index in range(0, len(parts) - 1, 2):
        match = _QUALIFIER.search(parts[index])
        if match and match.group(1) == f"{NAMESPACE}." and match.group(2) in enums.ALL_ENUMS:
            parts[index] = parts[index][:match.start()]
    return "".join(parts)


def _where_it_broke(source: str, token) -> str:
    """The text where parsing stopped and its 1-based position, instead of the lexer's Token."""
    index = getattr(token, "index", None)
    if index is None:
        return ("the expression ends too early (an unclosed parenthesis or quote, or an "
                "operator without its operand).")
    while index < len(source) and source[index].isspace():
        index += 1  # the parser stops at the blank before the word it cannot use
    if index >= len(source):
        return "the expression ends too early (an operator without its operand)."
    words = source[index:].split()
    snippet = words[0] if words else source[index:]
    if len(snippet) > 40:
        snippet = snippet[:40] + "..."
    return f"unexpected '{snippet}' at position {index + 1}."


def _describe(exc: Exception) -> str:
    return str(exc) or exc.__class__.__name__


class _FilterVisitor(AstToSqlAlchemyOrmVisitor):
    """odata-query's ORM visitor held to the served EDM: only exposed, filterable properties."""

    def __init__(self, etype: EntityType):
        super().__init__(etype.model)
        self.etype = etype
        self.navs = _NavJoins(etype)

    def visit_BoolOp(self, node: odata_ast.BoolOp):
        # odata-query builds `a or b or c` as a left-deep tree; walking it recursively overflows
        # Python's stack at ~450 terms, so the chain is flattened with an explicit stack.
        kind = type(node.op)
        terms, pending = [], [node]
        while pending:
            current = pending.pop()
            if isinstance(current, odata_ast.BoolOp) and type(current.op) is kind:
                pending.extend((current.right, current.left))
            else:
                terms.append(current)
        if len(terms) > MAX_FILTER_TERMS:
            raise ValueError(f"an '{kind.__name__.lower()}' chain has {len(terms)} terms; at most "
                             f"{MAX_FILTER_TERMS} are allowed (use the 'in' operator or split "
                             f"the request)")
        if kind is odata_ast.Or:
            terms = _equalities_as_in(terms)
        clauses = [self.visit(term) for term in terms]
        return or_(*clauses) if kind is odata_ast.Or else and_(*clauses)

    def visit_Integer(self, node: odata_ast.Integer):
        # Edm.Int64 is the widest integer OData has; SQLite cannot bind anything wider either.
        value = node.py_val
        if not INT64_MIN <= value <= INT64_MAX:
            raise ValueError(f"the integer literal '{node.val}' is out of the Edm.Int64 range")
        return literal(value)

    def visit_Identifier(self, node: odata_ast.Identifier):
        nav = self.etype.navigations.get(node.name)
        if nav is not None:
            hint = f"{nav.name}/any(...)" if nav.many else f"{nav.name}/<property>"
            raise ValueError(f"'{nav.name}' is a navigation property; use {hint}")
        return _property(self.etype, node.name, "$filter")

    def visit_Attribute(self, node: odata_ast.Attribute):
        if not isinstance(node.owner, odata_ast.Identifier):
            raise ValueError("navigation paths deeper than one level are not supported")
        nav = self.etype.navigations.get(node.owner.name)
        if nav is None:
            raise ValueError(f"'{node.owner.name}' is not a navigation property of "
                             f"'{self.etype.qualified_name}'")
        if nav.many:
            raise ValueError(f"'{nav.name}' is a collection; use {nav.name}/any(...) or "
                             f"{nav.name}/all(...)")
        return self.navs.column(nav.name, node.attr, "$filter")

    def visit_CollectionLambda(self, node: odata_ast.CollectionLambda):
        if not isinstance(node.owner, odata_ast.Identifier):
            raise ValueError("any/all must follow a collection navigation property")
        nav = self.etype.navigations.get(node.owner.name)
        if nav is None or not nav.many:
            raise ValueError(f"'{node.owner.name}' is not a collection navigation of "
                             f"'{self.etype.qualified_name}'")
        relationship = self.etype.relationship(nav.name)
        condition = None
        if node.lambda_:
            expression = odata_utils.expression_relative_to_identifier(
                node.lambda_.identifier, node.lambda_.expression)
            inner = _FilterVisitor(TYPES[nav.target])
            condition = inner.visit(expression)
            if inner.navs.joins():
                raise ValueError("navigation paths inside any/all are not supported")
        if isinstance(node.operator, odata_ast.Any):
            return relationship.any(condition)
        return ~relationship.any(~condition) if condition is not None else ~relationship.any()

    def visit_Compare(self, node: odata_ast.Compare):
        left = self.visit(node.left)
        right = self.visit(node.right)
        op = self.visit(node.comparator)
        if isinstance(node.comparator, odata_ast.In):
            for item in right:
                _check_comparable(left, item, node.left)
            right = [_coerce(left, item, node.left) for item in right]
        else:
            _check_comparable(left, right, node.left)
            _check_comparable(right, left, node.right)
            right = _coerce(left, right, node.left)
            left = _coerce(right, left, node.right)
        if isinstance(node.comparator, odata_ast.In):
            if _is_text(left):
                left, right = _fold(left), [_fold(item) for item in right]
        elif _is_text(left) and _is_text(right):
            left, right = _fold(left), _fold(right)
        return op(left, right)

    # Date-times are stored as `YYYY-MM-DDTHH:MM:SSZ` text (store.UtcDateTime): odata-query's
    # now(), date() and duration arithmetic assume native date types and compared or added text.
    def func_now(self):
        return literal(FILTER_NOW.get()(), type_=store.UtcDateTime)

    def func_date(self, field):
        return func.substr(self.visit(field), 1, 10, type_=String)

    def func_time(self, field):
        return func.substr(self.visit(field), 12, 8, type_=String)

    def visit_Time(self, node: odata_ast.Time):
        # Compared with time(...) above, which is the stored text's HH:MM:SS.
        try:
            return literal(node.py_val.strftime("%H:%M:%S"))
        except ValueError:
            raise ValueError(f"'{node.val}' is not a valid time of day") from None

    def visit_BinOp(self, node: odata_ast.BinOp):
        if not isinstance(node.op, (odata_ast.Add, odata_ast.Sub)) or not isinstance(
                node.right, odata_ast.Duration):
            if isinstance(node.left, odata_ast.Duration):
                raise ValueError("a duration must follow the date-time it is added to")
            return super().visit_BinOp(node)
        moment = self.visit(node.left)
        if not isinstance(getattr(moment, "type", None), store.UtcDateTime):
            raise ValueError("durations can only be added to or subtracted from date-times")
        seconds = node.right.py_val.total_seconds()
        if isinstance(node.op, odata_ast.Sub):
            seconds = -seconds
        # SQLite's date functions read the stored form (a trailing Z is a valid zone suffix).
        return func.strftime("%Y-%m-%dT%H:%M:%SZ", moment, f"{seconds:+.0f} seconds",
                             type_=store.UtcDateTime)

    # SQLite's upper()/lower() change ASCII letters only; these run Python's Unicode mappings
    # (registered on every connection by query_runner).
    def func_toupper(self, field):
        return func.odata_upper(_text_operand(self.visit(field), field, "toupper"), type_=String)

    def func_tolower(self, field):
        return func.odata_lower(_text_operand(self.visit(field), field, "tolower"), type_=String)

    def func_indexof(self, field, substr):
        return func.odata_indexof(_text_operand(self.visit(field), field, "indexof"),
                                  _text_operand(self.visit(substr), substr, "indexof"))

    def _substr_function(self, field, substr, func):
        # odata-query only accepts bare identifiers here; OData allows any string expression
        # (tolower(Title), Manager/Title), and % or _ in the text must stay literal.
        target = _text_operand(self.visit(field), field, func)
        text = self.visit(substr)
        if not isinstance(text, BindParameter) or not isinstance(text.value, str):
            raise ValueError(f"{func}() needs a string literal as its second argument")
        return getattr(_fold(target), func)(text.value.casefold(), autoescape=True)




def _is_text(expression) -> bool:
    """A plain Edm.String column, function result or string literal (not a GUID, date or enum)."""
    if isinstance(expression, BindParameter):
        return isinstance(expression.value, str)
    kind = getattr(expression, "type", None)
    return isinstance(kind, String) and not isinstance(kind, _TYPED)


def _fold(expression):
    """Text as SQL Server's default collation (SQL_Latin1_General_CP1_CI_AS) compares it: case ignored.

    The real service's `eq`, `contains`, `startswith`, `endswith` and `$orderby` on text ignore
    case (API notes section 3), so `contains(Title,'safety')` finds "Fire Safety" there. Both
    sides are folded with Python's casefold (query_runner registers odata_fold), which also
    folds non-ASCII letters as the collation does; a literal is folded here, once.
    """
    if isinstance(expression, BindParameter):
        return literal(expression.value.casefold(), type_=String) if isinstance(expression.value, str) else expression
    return func.odata_fold(expression, type_=String)


def _coerce(column, value, column_node):
    """Bind a literal with the column's type, checking it now so a bad one is a clear 400."""
    if not isinstance(value, BindParameter) or value.value is None:
        return value
    column_type = getattr(column, "type", None)
    if not isinstance(column_type, _TYPED):
        return value
    name = getattr(column_node, "name", None) or getattr(column_node, "attr", "?")
    try:
        column_type.process_bind_param(value.value, None)
    except ValueError as exc:
        raise ValueError(f"bad value for '{name}': {exc}") from None
    return literal(value.value, type_=column_type)

"""$filter term helpers: or-chains folded into IN, and the type checks Web API OData makes."""
from __future__ import annotations

from odata_query import ast as odata_ast
from sqlalchemy.sql.elements import BindParameter

from . import store

TYPED = (store.Guid, store.UtcDateTime, store.NamedEnum)


def equalities_as_in(terms: list) -> list:
    """`P eq 1 or P eq 2 or Q eq 3` -> `P in (1, 2) or Q eq 3`: the same rows, one flat SQL IN
    instead of an OR nested thousands deep (SQLite stops at an expression depth of 1,000)."""
    groups: dict[str, list] = {}
    order: list = []
    for term in terms:
        if (isinstance(term, odata_ast.Compare) and isinstance(term.comparator, odata_ast.Eq)
                and isinstance(term.left, (odata_ast.Identifier, odata_ast.Attribute))
                and isinstance(term.right, odata_ast._Literal)
                and not isinstance(term.right, (odata_ast.Null, odata_ast.List,
                                                odata_ast.Boolean))):
            key = repr(term.left)
            if key not in groups:
                groups[key] = []
                order.append(key)
            groups[key].append(term)
        else:
            order.append(term)
    out = []
    for item in order:
        if not isinstance(item, str):
            out.append(item)
        elif len(groups[item]) == 1:
            out.append(groups[item][0])
        else:
            same = groups[item]
            out.append(odata_ast.Compare(odata_ast.In(), same[0].left,
                                         odata_ast.List([term.right for term in same])))
    return out


def _edm_type(expression) -> str | None:
    """The Edm type of a column or literal, for the messages Web API OData gives on mismatches."""
    if isinstance(expression, BindParameter):
        value = expression.value
        if isinstance(value, bool):
            return "Edm.Boolean"
        if isinstance(value, int):
            return "Edm.Int32" if -2**31 <= value < 2**31 else "Edm.Int64"
        if isinstance(value, float):
            return "Edm.Double"
        if isinstance(value, str):
            return "Edm.String"
        return None
    column_type = getattr(expression, "type", None)
    if column_type is None or isinstance(column_type, TYPED):
        return None  # GUIDs, date-times and enums check their literals in _coerce
    python_type = None
    try:
        python_type = column_type.python_type
    except NotImplementedError:
        return None
    return {str: "Edm.String", bool: "Edm.Boolean", int: "Edm.Int32",
            float: "Edm.Double"}.get(python_type, "Edm.Decimal" if python_type.__name__ ==
                                     "Decimal" else None)


_NUMBERS = {"Edm.Int32", "Edm.Int64", "Edm.Double", "Edm.Decimal"}


def check_comparable(column, value, column_node) -> None:
    """`Title eq 5` or `IsPublished eq 'yes'`: a 400 like Web API OData's, not an empty result."""
    if not isinstance(value, BindParameter) or value.value is None or isinstance(column, BindParameter):
        return
    expected, given = _edm_type(column), _edm_type(value)
    if expected is None or given is None or expected == given or (
            expected in _NUMBERS and given in _NUMBERS):
        return
    name = getattr(column_node, "name", None) or getattr(column_node, "attr", None)
    what = f"The property '{name}'" if name else "The expression"
    raise ValueError(f"{what} is {expected} and cannot be compared with the {given} literal "
                     f"{value.value!r}")


def text_operand(expression, node, function: str):
    """OData's string functions take Edm.String; anything else is a 400 naming the function."""
    kind = _edm_type(expression)
    if kind is not None and kind != "Edm.String":
        name = getattr(node, "name", None) or getattr(node, "attr", None) or getattr(
            node, "val", "?")
        raise ValueError(f"{function}() needs an Edm.String argument; '{name}' is {kind}")
    return expression

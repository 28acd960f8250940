"""The OData $metadata (CSDL XML) read into entity sets, properties, navigations and functions for completion."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field

QUERY_OPTIONS = (
    "$select", "$filter", "$orderby", "$expand", "$top", "$skip", "$count", "$search", "$format",
)
# Options whose value is a comma-separated list of property (or navigation) names.
_PROPERTY_LIST_OPTIONS = {"$select", "$orderby"}
_FILTER_KEYWORDS = (
    "eq", "ne", "gt", "ge", "lt", "le", "and", "or", "not", "null", "true", "false",
    "contains(", "startswith(", "endswith(", "any(", "all(",
)


@dataclass(frozen=True)
class EntityType:
    """One EntityType of the schema: its key, plain properties and navigation properties."""

    name: str
    keys: tuple[str, ...]
    properties: dict[str, str]
    navigations: dict[str, str]  # name -> target entity type name (collections unwrapped)


@dataclass(frozen=True)
class Operation:
    """A function or action; bound ones name the entity type (and whether a collection) they hang on."""

    name: str
    is_action: bool
    bound_to: str | None = None
    bound_to_collection: bool = False


@dataclass
class MetadataCatalog:
    """What completion needs to know about the service, read from its CSDL."""

    entity_sets: dict[str, str] = field(default_factory=dict)  # set name -> entity type name
    entity_types: dict[str, EntityType] = field(default_factory=dict)
    operations: list[Operation] = field(default_factory=list)
    imports: list[str] = field(default_factory=list)  # unbound function/action imports

    @classmethod
    def from_xml(cls, xml: bytes | str) -> "MetadataCatalog":
        """Parse a CSDL document (OData v4 edmx); namespaces are matched by local name only."""
        root = ElementTree.fromstring(xml)
        catalog = cls()
        for element in root.iter():
            tag = _local(element.tag)
            if tag == "EntityType":
                catalog._add_entity_type(element)
            elif tag == "EntitySet":
                catalog.entity_sets[element.get("Name", "")] = _short(element.get("EntityType", ""))
            elif tag in ("Function", "Action"):
                catalog._add_operation(element, is_action=tag == "Action")
            elif tag in ("FunctionImport", "ActionImport"):
                catalog.imports.append(element.get("Name", ""))
        return catalog

    def _add_entity_type(self, element: ElementTree.Element) -> None:
        keys: list[str] = []
        properties: dict[str, str] = {}
        navigations: dict[str, str] = {}
        for child in element:
            tag = _local(child.tag)
            if tag == "Key":
                keys += [ref.get("Name", "") for ref in child if _local(ref.tag) == "PropertyRef"]
            elif tag == "Property":
                properties[child.get("Name", "")] = child.get("Type", "")
            elif tag == "NavigationProperty":
                navigations[child.get("Name", "")] = _short(_unwrap(child.get("Type", "")))
        name = element.get("Name", "")
        self.entity_types[name] = EntityType(name, tuple(keys), properties, navigations)

    def _add_operation(self, element: ElementTree.Element, *, is_action: bool) -> None:
        bound_to = None
        collection = False
        if element.get("IsBound", "false").lower() == "true":
            first = next((p for p in element if _local(p.tag) == "Parameter"), None)
            if first is not None:
                raw = first.get("Type", "")
                collection = raw.startswith("Collection(")
                bound_to = _short(_unwrap(raw))
        self.operations.append(Operation(element.get("Name", ""), is_action, bound_to, collection))

    # -- lookups ----------------------------------------------------------------------------

    def entity_type_of_set(self, entity_set: str) -> EntityType | None:
        type_name = self.entity_sets.get(entity_set)
        return self.entity_types.get(type_name) if type_name else None

    def property_names(self, entity_set: str) -> list[str]:
        entity = self.entity_type_of_set(entity_set)
        return list(entity.properties) if entity else []

    def navigation_names(self, entity_set: str) -> list[str]:
        entity = self.entity_type_of_set(entity_set)
        return list(entity.navigations) if entity else []

    def key_names(self, entity_set: str) -> list[str]:
        entity = self.entity_type_of_set(entity_set)
        return list(entity.keys) if entity else []

    def bound_operations(self, type_name: str, *, collection: bool) -> list[str]:
        return [
            op.name for op in self.operations
            if op.bound_to == type_name and op.bound_to_collection == collection
        ]

    # -- completion -------------------------------------------------------------------------

    def suggest(self, text: str) -> tuple[int, list[str]]:
        """Completions for the end of `text` (a URI relative to the OData root, maybe with a query).

        Returns (start, candidates): the candidates replace `text[start:]`.
        """
        path, question, query = text.partition("?")
        if question:
            return self._suggest_query(len(path) + 1, path, query)
        return self._suggest_path(path)

    def _suggest_path(self, path: str) -> tuple[int, list[str]]:
        segments = path.split("/")
        start = len(path) - len(segments[-1])
        if len(segments) == 1:
            token = segments[0]
            if "(" in token:
                entity_set, _, inside = token.partition("(")
                if ")" not in inside:
                    # Named keys (`Courses(Id=...)`) are valid OData v4 for single keys too.
                    return len(entity_set) + 1, [f"{key}=" for key in self.key_names(entity_set)]
                return len(path), []
            return start, sorted(self.entity_sets) + sorted(set(self.imports))
        type_name, collection = self._resolve_path_type(segments[:-1])
        if type_name is None:
            return start, []
        entity = self.entity_types.get(type_name)
        candidates: list[str] = []
        if collection:
            candidates.append("$count")
        elif entity is not None:
            candidates += list(entity.navigations) + list(entity.properties)
        candidates += self.bound_operations(type_name, collection=collection)
        return start, candidates

    def _resolve_path_type(self, segments: list[str]) -> tuple[str | None, bool]:
        """Entity type and whether the path so far addresses a collection of it."""
        type_name: str | None = None
        collection = False
        for index, segment in enumerate(segments):
            name, has_key, _ = segment.partition("(")
            if index == 0:
                type_name = self.entity_sets.get(name)
                collection = not has_key
                continue
            entity = self.entity_types.get(type_name or "")
            if entity is None or name not in entity.navigations:
                return None, False
            type_name = entity.navigations[name]
            collection = not has_key
        return type_name, collection

    def _suggest_query(self, offset: int, path: str, query: str) -> tuple[int, list[str]]:
        option_start = query.rfind("&") + 1
        current = query[option_start:]
        base = offset + option_start
        if "=" not in current:
            return base, list(QUERY_OPTIONS)
        name, _, value = current.partition("=")
        type_name, _ = self._resolve_path_type(path.split("/"))
        entity = self.entity_types.get(type_name or "")
        if entity is None:
            return len(path) + 1 + len(query), []
        value_start = base + len(name) + 1
        if name in _PROPERTY_LIST_OPTIONS or name == "$expand":
            token_start = max(value.rfind(","), value.rfind("(")) + 1
            token = value[token_start:]
            names = list(entity.navigations) if name == "$expand" else list(entity.properties)
            if name == "$orderby" and " " in token.strip():
                return value_start + len(value) - len(token.split(" ")[-1]), ["asc", "desc"]
            return value_start + token_start + (len(token) - len(token.lstrip())), names
        if name == "$filter":
            match = re.search(r"[A-Za-z_$][\w/]*$", value)
            token_start = match.start() if match else len(value)
            names = list(entity.properties) + list(entity.navigations) + list(_FILTER_KEYWORDS)
            return value_start + token_start, names
        return value_start + len(value), []


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _unwrap(type_name: str) -> str:
    if type_name.startswith("Collection(") and type_name.endswith(")"):
        return type_name[len("Collection("):-1]
    return type_name


def _short(qualified: str) -> str:
    """`Namespace.Type` -> `Type` (entity set types are referenced qualified)."""
    return qualified.rsplit(".", 1)[-1]

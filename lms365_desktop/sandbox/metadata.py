"""CSDL ($metadata) generated from the served EDM and the registered actions and functions."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Float, Integer, LargeBinary

from . import edm, enums, store

if TYPE_CHECKING:
    from .routing import Router

EDMX_NS = "http://docs.oasis-open.org/odata/ns/edmx"
EDM_NS = "http://docs.oasis-open.org/odata/ns/edm"
NS = edm.NAMESPACE

# Properties whose wire type is not what their column suggests.
_TYPE_OVERRIDES = {("Enrollment", "Roles"): "Collection(Edm.String)",
                   ("LearningModule", "Configuration"): f"{NS}.LearningModuleConfiguration",
                   ("CompetencyScaleSet", "Levels"): f"Collection({NS}.CompetencyScaleLevel)",
                   ("ExternalApp", "CustomFields"): "Edm.Untyped"}

# Complex types stored as JSON text (no columns to derive them from): name -> [(property, type)].
_JSON_COMPLEX_TYPES = {
    "LearningModuleItem": [("Id", "Edm.String"), ("Title", "Edm.String"), ("Content", "Edm.String"),
                           ("ItemType", "Edm.Int32"), ("Type", "Edm.Int32"), ("EmbedType", "Edm.Int32"),
                           ("ConfirmationMessage", "Edm.String"), ("CheckMarkMessage", "Edm.String")],
    "LearningModuleConfiguration": [("LearningModuleId", "Edm.Guid"),
                                    ("Items", f"Collection({NS}.LearningModuleItem)")],
    "CompetencyScaleLevel": [("Level", "Edm.Int32"), ("Title", "Edm.String")],
    "UserFieldValueInput": [("FieldId", "Edm.Guid"), ("FieldTitle", "Edm.String"), ("Value", "Edm.String")],
}


def edm_type(column_type) -> str:
    if isinstance(column_type, store.Guid):
        return "Edm.Guid"
    if isinstance(column_type, store.UtcDateTime):
        return "Edm.DateTimeOffset"
    if isinstance(column_type, store.NamedEnum):
        return f"{NS}.{column_type.enum_cls.__name__}"
    if isinstance(column_type, Boolean):
        return "Edm.Boolean"
    if isinstance(column_type, Integer):
        return "Edm.Int32"
    if isinstance(column_type, Float):
        return "Edm.Double"
    if isinstance(column_type, LargeBinary):
        return "Edm.Binary"
    return "Edm.String"


def csdl(router: "Router | None" = None) -> bytes:
    ET.register_namespace("edmx", EDMX_NS)
    root = ET.Element(f"{{{EDMX_NS}}}Edmx", Version="4.0")
    services = ET.SubElement(root, f"{{{EDMX_NS}}}DataServices")
    schema = ET.SubElement(services, "Schema", xmlns=EDM_NS, Namespace=NS)
    for name, enum_cls in enums.ALL_ENUMS.items():
        element = ET.SubElement(schema, "EnumType", Name=name, UnderlyingType="Edm.Int32")
        for member in enum_cls:
            ET.SubElement(element, "Member", Name=member.name, Value=str(member.value))
    complex_done: set[str] = set()
    for etype in edm.TYPES.values():
        for complex_type in etype.complex.values():
            if complex_type.type_name in complex_done:
                continue
            complex_done.add(complex_type.type_name)
            element = ET.SubElement(schema, "ComplexType", Name=complex_type.type_name)
            for wire, attr in complex_type.columns.items():
                column = etype.model.__table__.c[attr]
                ET.SubElement(element, "Property", Name=wire, Type=edm_type(column.type))
    for name, properties in _JSON_COMPLEX_TYPES.items():
        element = ET.SubElement(schema, "ComplexType", Name=name)
        for property_name, type_name in properties:
            ET.SubElement(element, "Property", Name=property_name, Type=type_name)
    for etype in edm.TYPES.values():
        element = ET.SubElement(schema, "EntityType", Name=etype.name)
        key = ET.SubElement(element, "Key")
        ET.SubElement(key, "PropertyRef", Name=etype.key)
        table = etype.model.__table__
        for name in etype.properties:
            column = table.c[name]
            type_name = _TYPE_OVERRIDES.get((etype.name, name), edm_type(column.type))
            attrs = {"Name": name, "Type": type_name}
            if not column.nullable or column.primary_key:
                attrs["Nullable"] = "false"
            ET.SubElement(element, "Property", attrs)
        for name, complex_type in etype.complex.items():
            ET.SubElement(element, "Property", Name=name, Type=f"{NS}.{complex_type.type_name}")
        for nav in etype.navigations.values():
            target = f"{NS}.{nav.target}"
            attrs = {"Name": nav.name, "Type": f"Collection({target})" if nav.many else target}
            if edm.set_of_type(nav.target) is None:
                attrs["ContainsTarget"] = "true"  # no entity set of its own: reached only through this one
            ET.SubElement(element, "NavigationProperty", attrs)
    if router is not None:
        _operations(schema, router)
    container = ET.SubElement(schema, "EntityContainer", Name="Default")
    for set_name, type_name in edm.ENTITY_SETS.items():
        element = ET.SubElement(container, "EntitySet", Name=set_name,
                                EntityType=f"{NS}.{type_name}")
        for nav in edm.TYPES[type_name].navigations.values():
            target_set = edm.set_of_type(nav.target)
            if target_set:
                ET.SubElement(element, "NavigationPropertyBinding", Path=nav.name,
                              Target=target_set)
    return b'<?xml version="1.0" encoding="utf-8"?>' + ET.tostring(root, encoding="utf-8")


def _binding(set_name: str, collection: bool) -> str:
    type_name = f"{NS}.{edm.ENTITY_SETS[set_name]}"
    return f"Collection({type_name})" if collection else type_name


def _operations(schema: ET.Element, router: "Router") -> None:
    for (set_name, name) in sorted(router.functions):
        element = ET.SubElement(schema, "Function", Name=name, IsBound="true")
        ET.SubElement(element, "Parameter", Name="bindingParameter",
                      Type=_binding(set_name, True))
        ET.SubElement(element, "ReturnType", Type=_binding(set_name, True))
    seen: set[tuple[str, str]] = set()
    for (set_name, name, _method) in sorted(router.actions):
        if (set_name, name) not in seen:
            seen.add((set_name, name))
            element = ET.SubElement(schema, "Action", Name=name, IsBound="true")
            ET.SubElement(element, "Parameter", Name="bindingParameter",
                          Type=_binding(set_name, False))
            _signature(element, edm.ACTION_SIGNATURES.get((set_name, name)))
    for (set_name, name, _method) in sorted(router.collection_actions):
        if (set_name, f"*{name}") not in seen:
            seen.add((set_name, f"*{name}"))
            element = ET.SubElement(schema, "Action", Name=name, IsBound="true")
            ET.SubElement(element, "Parameter", Name="bindingParameter",
                          Type=_binding(set_name, True))


def _qualified(type_name: str) -> str:
    """Edm.* stays as it is; an entity type name gets the namespace."""
    return type_name if type_name.startswith(("Edm.", "Collection(")) else f"{NS}.{type_name}"


def _signature(element: ET.Element, signature: "edm.ActionSignature | None") -> None:
    if signature is None:
        return
    for parameter in signature.parameters:
        attrs = {"Name": parameter.name, "Type": _qualified(parameter.type)}
        if not parameter.nullable:
            attrs["Nullable"] = "false"
        ET.SubElement(element, "Parameter", attrs)
    if signature.returns is not None:
        ET.SubElement(element, "ReturnType", Type=_qualified(signature.returns))

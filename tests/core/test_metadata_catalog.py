"""Completion candidates read from a CSDL document."""
from __future__ import annotations

from lms365_desktop.core.metadata_catalog import QUERY_OPTIONS, MetadataCatalog

CSDL = """<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
 <edmx:DataServices>
  <Schema Namespace="LMS365" xmlns="http://docs.oasis-open.org/odata/ns/edm">
   <EntityType Name="Course">
    <Key><PropertyRef Name="Id"/></Key>
    <Property Name="Id" Type="Edm.Guid" Nullable="false"/>
    <Property Name="Title" Type="Edm.String"/>
    <Property Name="CourseType" Type="LMS365.CourseType"/>
    <NavigationProperty Name="CourseSessions" Type="Collection(LMS365.CourseSession)"/>
    <NavigationProperty Name="SharepointWeb" Type="LMS365.SharepointWeb"/>
   </EntityType>
   <EntityType Name="CourseSession">
    <Key><PropertyRef Name="Id"/></Key>
    <Property Name="Id" Type="Edm.Guid"/>
    <Property Name="StartDate" Type="Edm.DateTimeOffset"/>
   </EntityType>
   <EntityType Name="SharepointWeb"><Property Name="Url" Type="Edm.String"/></EntityType>
   <Action Name="Enroll" IsBound="true">
    <Parameter Name="bindingParameter" Type="LMS365.Course"/>
    <Parameter Name="userLoginName" Type="Edm.String"/>
   </Action>
   <Function Name="IncludeNotCreated" IsBound="true">
    <Parameter Name="bindingParameter" Type="Collection(LMS365.Course)"/>
    <ReturnType Type="Collection(LMS365.Course)"/>
   </Function>
   <EntityContainer Name="Container">
    <EntitySet Name="Courses" EntityType="LMS365.Course"/>
    <EntitySet Name="CourseSessions" EntityType="LMS365.CourseSession"/>
    <FunctionImport Name="Ping" Function="LMS365.Ping"/>
   </EntityContainer>
  </Schema>
 </edmx:DataServices>
</edmx:Edmx>"""


def _catalog() -> MetadataCatalog:
    return MetadataCatalog.from_xml(CSDL)


def test_entity_sets_keys_properties_and_navigations_are_read():
    catalog = _catalog()
    assert catalog.entity_sets == {"Courses": "Course", "CourseSessions": "CourseSession"}
    assert catalog.key_names("Courses") == ["Id"]
    assert catalog.property_names("Courses") == ["Id", "Title", "CourseType"]
    assert catalog.navigation_names("Courses") == ["CourseSessions", "SharepointWeb"]


def test_first_segment_offers_entity_sets_and_imports():
    assert _catalog().suggest("Cou") == (0, ["CourseSessions", "Courses", "Ping"])


def test_after_a_key_navigations_and_bound_actions_are_offered():
    start, names = _catalog().suggest("Courses(abc)/")
    assert start == len("Courses(abc)/")
    assert {"CourseSessions", "SharepointWeb", "Enroll"} <= set(names)
    start, names = _catalog().suggest("Courses/Inc")
    assert start == len("Courses/") and names == ["$count", "IncludeNotCreated"]
    start, names = _catalog().suggest("Courses(abc)/CourseSessions/")
    assert names == ["$count"]


def test_query_option_names_and_values_complete_per_option():
    catalog = _catalog()
    assert catalog.suggest("Courses?$to") == (len("Courses?"), list(QUERY_OPTIONS))
    assert catalog.suggest("Courses?$top=5&$se")[0] == len("Courses?$top=5&")
    text = "Courses?$select=Id,Ti"
    assert catalog.suggest(text) == (len("Courses?$select=Id,"), ["Id", "Title", "CourseType"])
    text = "Courses?$expand=Sh"
    assert catalog.suggest(text) == (len("Courses?$expand="), ["CourseSessions", "SharepointWeb"])
    text = "Courses?$filter=CourseType eq 'ELearning' and Ti"
    start, names = catalog.suggest(text)
    assert text[start:] == "Ti" and "Title" in names and "contains(" in names
    text = "Courses?$orderby=Title de"
    start, names = catalog.suggest(text)
    assert text[start:] == "de" and names == ["asc", "desc"]
    assert catalog.suggest("Courses(") == (len("Courses("), ["Id="])

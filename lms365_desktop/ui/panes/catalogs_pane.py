"""Catalogs pane: the tenant's course catalogs, with their categories and tags in the details."""
from __future__ import annotations

from typing import Any

from lms365_desktop.api.odata import Guid, Query
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.itemmodels.columns import Column, field_value
from lms365_desktop.ui.panes.details_panel import DetailsPanel
from lms365_desktop.ui.panes.entity_pane import EntityPane


class CatalogDetails(DetailsPanel):
    icon_name = "catalog"

    def __init__(self, context: AppContext, parent=None) -> None:
        self.fields = (("Id", self.tr("Id")),)
        super().__init__(context, parent)

    async def load_more(self, row: Any) -> None:
        client = self.context.client
        catalog = Guid(field_value(row, "Id"))
        in_catalog = Query().where(CourseCatalogId=catalog)
        courses = await client.count("Courses", in_catalog)
        categories = await client.get_course_categories(in_catalog)
        tags = await client.get_course_tags(in_catalog)
        self.add_section("summary", self.tr("Summary"), [
            self.tr("%Ln course", "", courses) if courses == 1 else self.tr("%Ln courses", "", courses),
            self.tr("%Ln category", "", len(categories)) if len(categories) == 1
            else self.tr("%Ln categories", "", len(categories)),
            self.tr("%Ln tag", "", len(tags)) if len(tags) == 1 else self.tr("%Ln tags", "", len(tags)),
        ])
        self.add_section("categories", self.tr("Categories"), sorted(c.name or "" for c in categories))
        self.add_section("tags", self.tr("Tags"), sorted(t.name or "" for t in tags))


class CatalogsPane(EntityPane):
    entity_set = "CourseCatalogs"
    icon_name = "catalog"
    search_fields = ("Title",)

    def __init__(self, context: AppContext, parent=None) -> None:
        self.title = self.tr("Catalogs")
        columns = [Column("Title", self.tr("Catalog"), width=320), Column("Id", self.tr("Id"), width=300, visible=False)]
        super().__init__(context, columns, object_name="catalogsPane", details=CatalogDetails(context), parent=parent)

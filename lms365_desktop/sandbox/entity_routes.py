"""Read side of /odata/v2: collections, entities by key, $count and navigation collections."""
from __future__ import annotations

import uuid
from typing import Any, Callable
from urllib.parse import unquote

from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import Response

from . import edm, metadata
from .edm import EntityType
from .errors import bad_request, not_found
from .odata_query import QueryOptions, parse_options
from .page_cursors import PageCursors, data_version, position_key
from .plan_cache import PlanCache, cacheable
from .query_runner import (
    CollectionPlan, _relationship, count_rows, plan_collection, run_collection, run_plan, run_single,
)
from .routing import ODATA_HEADERS, ODATA_ROOT, BuiltinHandlers, ODataRequest, Router, json_response
from .state import SandboxState
from .store import User


def service_root(request: Request) -> str:
    return str(request.base_url).rstrip("/") + ODATA_ROOT


def context_url(request: Request, fragment: str) -> str:
    return f"{service_root(request)}/$metadata#{fragment}"


def base_where(set_name: str) -> list:
    """Rows a plain collection GET leaves out (see EntityType.default_filter)."""
    return edm.entity_set(set_name).default_where()


def key_where(etype: EntityType, key: str) -> list:
    """The WHERE for an entity key; Users also accept their login name (`Users('i:0#.f|...')`)."""
    model = etype.model
    try:
        value = str(uuid.UUID(key))
    except ValueError:
        if model is User:
            return [User.LoginName == key]
        raise bad_request(f"The key '{key}' is not a valid GUID for '{etype.qualified_name}'.")
    return [getattr(model, etype.key) == value]


def entity_body(state: SandboxState, request: Request, set_name: str, key: str,
                params: dict[str, str] | None = None) -> dict[str, Any]:
    """The JSON of one entity as GET would answer it (for action handlers that return one)."""
    etype = edm.entity_set(set_name)
    opts = parse_options(etype, {k: v for k, v in (params or {}).items()
                                 if k in ("$select", "$expand")})
    with state.store.session() as session:
        row = run_single(session, opts, key_where(etype, key))
    if row is None:
        raise not_found(f"No {etype.name} with key '{key}' was found.")
    return _entity_document(request, set_name, row, opts)


def _entity_document(request: Request, set_name: str, row: dict, opts: QueryOptions) -> dict:
    document: dict[str, Any] = {"@odata.context": context_url(request, f"{set_name}/$entity")}
    for name, value in row.items():
        nav = opts.etype.navigations.get(name)
        if nav is not None and not nav.many:
            document[f"{name}@odata.context"] = context_url(
                request, f"{set_name}({row.get(opts.etype.key)})/{name}/$entity")
        document[name] = value
    return document


def next_link(request: Request, updates: list[str]) -> str:
    """The same URL with $skip/$top replaced, every other parameter kept byte for byte."""
    kept = [part for part in request.url.query.split("&")
            if part and unquote(part.partition("=")[0]).lower() not in ("$skip", "$top")]
    return str(request.url.replace(query="&".join(kept + updates)))


def _collection_document(ctx: ODataRequest, fragment: str, opts: QueryOptions, page) -> dict:
    request = ctx.request
    if opts.select is not None:
        fragment = f"{fragment}({','.join(opts.select)})"
    document: dict[str, Any] = {"@odata.context": context_url(request, fragment)}
    if page.count is not None:
        document["@odata.count"] = page.count
    document["value"] = page.rows
    if page.more:
        advance = len(page.rows)
        updates = [f"$skip={opts.skip + advance}"]
        if opts.top is not None:
            updates.append(f"$top={opts.top - advance}")
        document["@odata.nextLink"] = next_link(request, updates)
    return document


# Public name for handlers elsewhere that answer with a collection (e.g. IncludeNotCreated).
collection_document = _collection_document


class EntityRoutes(BuiltinHandlers):
    def __init__(self, router: Router) -> None:
        self.router = router  # what $metadata lists besides the entity sets
        self.plans = PlanCache()
        self.cursors = PageCursors()

    def _plan(self, ctx: ODataRequest, set_name: str, name: str,
              where: Callable[[], list]) -> CollectionPlan:
        """The plan of a collection read; the same query string reuses the parsed options and
        the built SELECT (~40% of a 100-row page's CPU time before it was kept)."""
        page_size = ctx.state.config.page_size

        def build() -> CollectionPlan:
            opts = parse_options(edm.entity_set(set_name), ctx.params)
            return plan_collection(opts, where=where(), page_size=page_size)

        query = ctx.request.scope.get("query_string", b"")
        if not cacheable(query):
            return build()
        return self.plans.get((name, query, page_size), build, len(query))

    def _page(self, ctx: ODataRequest, name: str, plan: CollectionPlan, connection: Any):
        """Run the plan; a nextLink's page reads on after the previous page's last key when it can
        (see page_cursors), which gives the same rows as $skip without stepping over them."""
        query = ctx.request.scope.get("query_string", b"")
        if plan.after_stmt is None or not cacheable(query):
            return run_plan(connection, plan)
        position = position_key(name, query)
        version = data_version(connection)
        found, after = self.cursors.start_after(position, plan.opts.skip, version) if plan.opts.skip \
            else (False, None)
        page = run_plan(connection, plan, after=after) if found else run_plan(connection, plan)
        if page.more:
            self.cursors.remember(position, plan.opts.skip + len(page.rows), page.last_key, version)
        return page

    def service_document(self, request: Request, state: SandboxState) -> Response:
        return json_response({
            "@odata.context": f"{service_root(request)}/$metadata",
            "value": [{"name": name, "kind": "EntitySet", "url": name}
                      for name in edm.ENTITY_SETS],
        })

    def metadata(self, request: Request, state: SandboxState) -> Response:
        return Response(metadata.csdl(self.router), media_type="application/xml",
                        headers=ODATA_HEADERS)

    def collection(self, ctx: ODataRequest) -> Response:
        set_name = ctx.entity_set
        plan = self._plan(ctx, set_name, set_name, lambda: base_where(set_name))
        with ctx.state.store.connection() as connection:
            page = self._page(ctx, set_name, plan, connection)
        return json_response(_collection_document(ctx, set_name, plan.opts, page))

    def enrollments_including_deleted_users(self, ctx: ODataRequest) -> Response:
        """GET Enrollments/IncludeDeletedUsers(): the collection without the deleted-user rule."""
        plan = self._plan(ctx, "Enrollments", "Enrollments/IncludeDeletedUsers", list)
        with ctx.state.store.connection() as connection:
            page = self._page(ctx, "Enrollments/IncludeDeletedUsers", plan, connection)
        return json_response(_collection_document(ctx, "Enrollments", plan.opts, page))

    def count(self, ctx: ODataRequest) -> Response:
        etype = edm.entity_set(ctx.entity_set)
        opts = parse_options(etype, {k: v for k, v in ctx.params.items() if k == "$filter"})
        with ctx.state.store.session() as session:
            total = count_rows(session, opts, base_where(ctx.entity_set))
        return Response(str(total), media_type="text/plain", headers=ODATA_HEADERS)

    def single(self, ctx: ODataRequest) -> Response:
        return json_response(entity_body(ctx.state, ctx.request, ctx.entity_set, ctx.key,
                                         ctx.params))

    def _parent_and_nav(self, ctx: ODataRequest):
        etype = edm.entity_set(ctx.entity_set)
        nav = etype.navigations[ctx.name]
        rel = _relationship(etype, ctx.name)
        with ctx.state.store.session() as session:
            columns = {local.key for local, _ in rel.local_remote_pairs} if rel.secondary is None \
                else {local.key for local, _ in rel.synchronize_pairs}
            keys = sorted(columns | {etype.key})
            stmt = select(*[getattr(etype.model, k) for k in keys])
            for clause in key_where(etype, ctx.key):
                stmt = stmt.where(clause)
            row = session.execute(stmt).first()
        if row is None:
            raise not_found(f"No {etype.name} with key '{ctx.key}' was found.")
        return etype, nav, rel, dict(zip(keys, row))

    def _nav_where(self, rel, parent: dict, target: EntityType) -> list:
        if rel.secondary is not None:
            (parent_col, link_parent), = rel.synchronize_pairs
            (target_col, link_target), = rel.secondary_synchronize_pairs
            ids = select(link_target).where(link_parent == parent[parent_col.key])
            return [getattr(target.model, target_col.key).in_(ids)]
        (local, remote), = rel.local_remote_pairs
        return [getattr(target.model, remote.key) == parent[local.key]]

    def navigation(self, ctx: ODataRequest) -> Response:
        etype, nav, rel, parent = self._parent_and_nav(ctx)
        target = edm.TYPES[nav.target]
        where = self._nav_where(rel, parent, target)
        target_set = edm.set_of_type(nav.target)
        if not nav.many:
            opts = parse_options(target, {k: v for k, v in ctx.params.items()
                                          if k in ("$select", "$expand")})
            (local, _), = rel.local_remote_pairs
            if parent[local.key] is None and rel.direction.name == "MANYTOONE":
                return Response(status_code=204)
            with ctx.state.store.session() as session:
                row = run_single(session, opts, where)
            if row is None:
                return Response(status_code=204)
            fragment = f"{target_set}/$entity" if target_set else \
                f"{ctx.entity_set}({ctx.key})/{ctx.name}/$entity"
            return json_response({"@odata.context": context_url(ctx.request, fragment), **row})
        opts = parse_options(target, ctx.params)
        where = where + target.default_where()
        with ctx.state.store.session() as session:
            page = run_collection(session, opts, where=where,
                                  page_size=ctx.state.config.page_size)
        fragment = target_set or f"{ctx.entity_set}({ctx.key})/{ctx.name}"
        return json_response(_collection_document(ctx, fragment, opts, page))

    def navigation_count(self, ctx: ODataRequest) -> Response:
        etype, nav, rel, parent = self._parent_and_nav(ctx)
        if not nav.many:
            raise bad_request(f"$count applies only to collections; '{ctx.name}' is single.")
        target = edm.TYPES[nav.target]
        opts = parse_options(target, {k: v for k, v in ctx.params.items() if k == "$filter"})
        with ctx.state.store.session() as session:
            total = count_rows(session, opts, self._nav_where(rel, parent, target))
        return Response(str(total), media_type="text/plain", headers=ODATA_HEADERS)

"""gemilang_tui.mockapi.web: the FastAPI-compatible layer the mock API runs on (without FastAPI's memory).

The same little app is built by `build(ns)` from a namespace of FastAPI-style names, so while FastAPI is still
installed the last tests check it answers and documents itself exactly as FastAPI does.
"""
# No `from __future__ import annotations`: the endpoints are defined inside `build`, so their annotations must be
# evaluated where they are written, not looked up in this module's globals later.

import threading
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from types import SimpleNamespace
from typing import Annotated, Any, Literal

import httpx
import jsonschema
import pytest
from pydantic import BaseModel, Field

from gemilang_tui.mockapi import web


class Kind(StrEnum):
    pupuk = "pupuk"
    benih = "benih"


class Item(BaseModel):
    """A thing for sale."""

    name: str = Field(min_length=2)
    price: int = Field(ge=0)
    note: str | None = None


class NewItem(BaseModel):
    model_config = {"extra": "forbid"}
    name: str = Field(min_length=2)
    price: int = Field(ge=0)
    tanggal: date


class Problem(BaseModel):
    detail: str


WEB = SimpleNamespace(App=web.App, APIRouter=web.APIRouter, APIRoute=web.APIRoute, Query=web.Query,
                      Header=web.Header, Path=web.Path, Request=web.Request, HTTPException=web.HTTPException,
                      JSONResponse=web.JSONResponse, PlainTextResponse=web.PlainTextResponse,
                      RequestValidationError=web.RequestValidationError)


def build(ns: Any = WEB) -> Any:
    """A small app using every feature the mock's route modules use."""

    class PoliteRoute(ns.APIRoute):
        """Like mockapi.idempotent.SubmissionRoute: validation errors answered with one sentence."""

        def get_route_handler(self):
            handler = super().get_route_handler()

            async def route_handler(request):
                try:
                    return await handler(request)
                except ns.RequestValidationError as problem:
                    first = problem.errors()[0]
                    return ns.JSONResponse({"detail": f"{first['type']} at {'.'.join(map(str, first['loc']))}"},
                                           status_code=422)

            return route_handler

    page = Annotated[int, ns.Query(ge=1)]  # shared between endpoints, as the route modules do
    router = ns.APIRouter(tags=["things"])
    submit = ns.APIRouter(tags=["submit"], route_class=PoliteRoute)

    @router.get("/v1/items", response_model=dict[str, Any])
    def items(
        request: ns.Request,
        q: str,
        page: page = 1,
        per_page: int = ns.Query(20, ge=1, le=100, description="rows per page"),
        kind: Annotated[Kind | None, ns.Query(description="pupuk or benih")] = None,
        level: Annotated[Literal["a", "b"] | None, ns.Query()] = None,
        since: Annotated[date | None, ns.Query(description="from this day")] = None,
        tag: Annotated[list[str], ns.Query()] = [],  # noqa: B006 - FastAPI's idiom
    ) -> dict[str, Any]:
        """Items matching `q`.

        More words.\fNot in the document."""
        return {"q": q, "page": page, "per_page": per_page, "kind": kind, "level": level, "since": since,
                "tag": tag, "thread": threading.current_thread() is threading.main_thread(),
                "mode": request.app.state.mode}

    @router.get("/v1/items/{item_id}", response_model=Item, responses={404: {"description": "unknown item"}})
    def item(item_id: str, request: ns.Request) -> Item:
        if item_id == "missing":
            raise ns.HTTPException(404, detail=f"Item {item_id} tidak ditemukan.")
        if item_id == "broken":
            return {"name": "x", "price": -1}  # type: ignore[return-value]  # refused by response_model
        if item_id == "raw":
            return ns.JSONResponse({"raw": True}, status_code=203)  # type: ignore[return-value]
        return {"name": item_id, "price": 5, "secret": "dropped by response_model"}  # type: ignore[return-value]

    @router.get("/v1/sparse", response_model=Item, response_model_exclude_none=True)
    async def sparse() -> Item:
        return Item(name="ab", price=1)

    @router.get("/v1/plain")
    async def plain(page: page = 5) -> dict[str, Any]:
        return {"page": page, "day": date(2026, 11, 28), "item": Item(name="ab", price=2)}

    @router.get("/v1/by-path/{nomor}", response_model=dict[str, int])
    def by_path(nomor: Annotated[int, ns.Path(ge=10)]) -> dict[str, int]:
        return {"nomor": nomor}

    @submit.post("/v1/items", status_code=201, response_model=Item,
                 responses={200: {"description": "replayed"}, 409: {"model": Problem, "description": "busy"}})
    def create(
        item: NewItem,
        request: ns.Request,
        idempotency_key: Annotated[str | None, ns.Header(alias="Idempotency-Key", description="a UUID")] = None,
        x_kiosk: Annotated[str | None, ns.Header()] = None,
    ) -> Item:
        """A new item."""
        if idempotency_key == "busy":
            return ns.JSONResponse({"detail": "sibuk"}, status_code=409)
        return Item(name=item.name, price=item.price, note=f"{idempotency_key}/{x_kiosk}")

    @router.post("/v1/strict", response_model=Item)
    def strict(item: NewItem) -> Item:
        return Item(name=item.name, price=item.price)

    app = ns.App(title="Test API", version="9.9", description="For the tests.")
    app.state.mode = "test"
    app.state.fault = ""
    app.include_router(router)
    app.include_router(submit)

    @app.middleware("http")
    async def faults(request, call_next):
        if request.app.state.fault == "down" and request.url.path.startswith("/v1/"):
            raise ConnectionError("mock is down")
        if request.app.state.fault == "garbage":
            return ns.PlainTextResponse("<html>", status_code=200)
        response = await call_next(request)
        response.headers["X-Seen"] = "1"
        return response

    return app


@pytest.fixture
def app():
    return build()


async def call(app: Any, method: str, url: str, **kwargs: Any) -> httpx.Response:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://mock") as client:
        return await client.request(method, url, **kwargs)


async def get(app: Any, url: str, **kwargs: Any) -> httpx.Response:
    return await call(app, "GET", url, **kwargs)


# -- parameters --------------------------------------------------------------------------------------------------

async def test_query_defaults_and_request_injection(app):
    r = await get(app, "/v1/items?q=padi")
    assert r.status_code == 200 and r.headers["x-seen"] == "1"
    assert r.json() == {"q": "padi", "page": 1, "per_page": 20, "kind": None, "level": None, "since": None,
                        "tag": [], "thread": False, "mode": "test"}  # a sync endpoint runs in the thread pool


async def test_query_values_are_converted():
    r = await get(build(), "/v1/items?q=x&page=3&per_page=100&kind=benih&level=b&since=2026-11-28&tag=a&tag=b")
    assert r.json() | {"thread": None} == {"q": "x", "page": 3, "per_page": 100, "kind": "benih", "level": "b",
                                           "since": "2026-11-28", "tag": ["a", "b"], "thread": None, "mode": "test"}


@pytest.mark.parametrize(("query", "loc", "kind"), [
    ("q=x&page=0", ["query", "page"], "greater_than_equal"),
    ("q=x&per_page=101", ["query", "per_page"], "less_than_equal"),
    ("q=x&page=abc", ["query", "page"], "int_parsing"),
    ("q=x&page=", ["query", "page"], "int_parsing"),
    ("q=x&kind=padi", ["query", "kind"], "enum"),
    ("q=x&level=c", ["query", "level"], "literal_error"),
    ("q=x&since=2026-13-01", ["query", "since"], "date_from_datetime_parsing"),
    ("page=1", ["query", "q"], "missing"),
])
async def test_bad_query_is_422_with_pydantic_errors(app, query, loc, kind):
    r = await get(app, f"/v1/items?{query}")
    assert r.status_code == 422
    [error] = r.json()["detail"]
    assert error["loc"] == loc and error["type"] == kind and error["msg"]
    assert "input" in error


async def test_every_bad_parameter_is_reported_at_once(app):
    r = await get(app, "/v1/items?page=0&per_page=0")
    assert [e["loc"][-1] for e in r.json()["detail"]] == ["q", "page", "per_page"]
    assert r.json()["detail"][0] == {"type": "missing", "loc": ["query", "q"], "msg": "Field required", "input": None}


async def test_path_parameters_are_validated(app):
    assert (await get(app, "/v1/by-path/12")).json() == {"nomor": 12}
    r = await get(app, "/v1/by-path/3")
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["path", "nomor"]


async def test_a_shared_annotated_parameter_keeps_each_default(app):
    assert (await get(app, "/v1/plain")).json()["page"] == 5
    assert (await get(app, "/v1/items?q=x")).json()["page"] == 1


# -- answers -----------------------------------------------------------------------------------------------------

async def test_response_model_validates_and_filters(app):
    r = await get(app, "/v1/items/pupuk")
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    assert r.json() == {"name": "pupuk", "price": 5, "note": None}
    assert (await get(app, "/v1/sparse")).json() == {"name": "ab", "price": 1}  # response_model_exclude_none


async def test_an_answer_refused_by_its_response_model_is_a_server_error(app):
    with pytest.raises(web.ResponseValidationError):
        await get(app, "/v1/items/broken")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app, raise_app_exceptions=False),
                                 base_url="http://mock") as client:
        assert (await client.get("/v1/items/broken")).status_code == 500


async def test_a_returned_response_is_sent_as_it_is(app):
    r = await get(app, "/v1/items/raw")
    assert (r.status_code, r.json()) == (203, {"raw": True})


async def test_without_response_model_the_answer_is_made_jsonable(app):
    r = await get(app, "/v1/plain?page=2")
    assert r.json() == {"page": 2, "day": "2026-11-28", "item": {"name": "ab", "price": 2, "note": None}}


async def test_http_errors_are_json(app):
    r = await get(app, "/v1/items/missing")
    assert (r.status_code, r.json()) == (404, {"detail": "Item missing tidak ditemukan."})
    r = await get(app, "/v1/nothing")
    assert (r.status_code, r.json()) == (404, {"detail": "Not Found"})
    r = await call(app, "DELETE", "/v1/items/x")
    assert (r.status_code, r.json(), r.headers["allow"]) == (405, {"detail": "Method Not Allowed"}, "GET")


# -- bodies and headers ------------------------------------------------------------------------------------------

NEW = {"name": "benih padi", "price": 7, "tanggal": "2026-11-28"}


async def test_body_model_and_headers(app):
    r = await call(app, "POST", "/v1/items", json=NEW, headers={"idempotency-key": "k1", "X-Kiosk": "K-01"})
    assert (r.status_code, r.json()) == (201, {"name": "benih padi", "price": 7, "note": "k1/K-01"})
    r = await call(app, "POST", "/v1/items", json=NEW)
    assert r.json()["note"] == "None/None"
    r = await call(app, "POST", "/v1/items", json=NEW, headers={"Idempotency-Key": "busy"})
    assert (r.status_code, r.json()) == (409, {"detail": "sibuk"})


@pytest.mark.parametrize(("content", "content_type", "loc", "kind"), [
    (b'{"name": ', "application/json", ["body", 9], "json_invalid"),
    (b"", "application/json", ["body"], "missing"),
    (b'{"name": "x", "price": 1, "tanggal": "2026-11-28"}', "application/json", ["body", "name"], "string_too_short"),
    (b'{"name": "xy", "price": 1, "tanggal": "2026-11-28", "x": 1}', "application/json", ["body", "x"],
     "extra_forbidden"),
    (b"[1]", "application/json", ["body"], "model_attributes_type"),
    (b'{"name": "xy", "price": 1, "tanggal": "2026-11-28"}', "text/plain", ["body"], "model_attributes_type"),
])
async def test_bad_body_is_422(app, content, content_type, loc, kind):
    r = await call(app, "POST", "/v1/strict", content=content, headers={"content-type": content_type})
    assert r.status_code == 422
    assert (r.json()["detail"][0]["loc"], r.json()["detail"][0]["type"]) == (loc, kind)


async def test_a_sequence_query_parameter_is_a_list():
    router = web.APIRouter()

    @router.get("/v1/tags")
    def tags(tag: Annotated[Sequence[str] | None, web.Query()] = None, name: str = "x") -> dict[str, Any]:
        return {"tag": tag, "name": name}

    app = web.App()
    app.include_router(router)
    assert (await get(app, "/v1/tags?tag=a&tag=b&name=yz")).json() == {"tag": ["a", "b"], "name": "yz"}
    assert (await get(app, "/v1/tags")).json() == {"tag": None, "name": "x"}


async def test_a_route_class_can_answer_validation_errors_its_own_way(app):
    r = await call(app, "POST", "/v1/items", content=b"{oops", headers={"content-type": "application/json"})
    assert (r.status_code, r.json()) == (422, {"detail": "json_invalid at body.1"})
    r = await call(app, "POST", "/v1/items", json={**NEW, "price": -1})
    assert r.json() == {"detail": "greater_than_equal at body.price"}


# -- middleware ---------------------------------------------------------------------------------------------------

async def test_middleware_can_answer_or_fail_like_a_dead_server(app):
    app.state.fault = "garbage"
    r = await get(app, "/v1/items?q=x")
    assert (r.status_code, r.text) == (200, "<html>")
    app.state.fault = "down"
    with pytest.raises(ConnectionError):
        await get(app, "/v1/items?q=x")
    assert (await get(app, "/openapi.json")).status_code == 200


# -- OpenAPI ------------------------------------------------------------------------------------------------------

def _resolve(spec: dict, node: Any) -> None:
    """Every `$ref` points into components.schemas."""
    if isinstance(node, dict):
        if "$ref" in node:
            assert node["$ref"].startswith("#/components/schemas/")
            assert node["$ref"].rsplit("/", 1)[1] in spec["components"]["schemas"], node["$ref"]
        for value in node.values():
            _resolve(spec, value)
    elif isinstance(node, list):
        for value in node:
            _resolve(spec, value)


def test_openapi_document(app):
    spec = app.openapi()
    assert spec is app.openapi()  # cached
    assert spec["openapi"] == "3.1.0"
    assert spec["info"] == {"title": "Test API", "version": "9.9", "description": "For the tests."}
    assert "/openapi.json" not in spec["paths"]
    listing = spec["paths"]["/v1/items"]["get"]
    assert listing["operationId"] == "items_v1_items_get" and listing["tags"] == ["things"]
    assert listing["summary"] == "Items" and listing["description"] == "Items matching `q`.\n\nMore words."
    params = {p["name"]: p for p in listing["parameters"]}
    assert params["q"] == {"name": "q", "in": "query", "required": True, "schema": {"type": "string", "title": "Q"}}
    assert params["per_page"]["schema"] == {"type": "integer", "minimum": 1, "maximum": 100, "default": 20,
                                            "title": "Per Page", "description": "rows per page"}
    assert params["per_page"]["description"] == "rows per page" and params["page"]["schema"]["minimum"] == 1
    assert params["since"]["schema"]["anyOf"][0] == {"type": "string", "format": "date"}
    assert "default" not in params["since"]["schema"]  # None defaults are left out, as FastAPI does
    assert listing["responses"]["422"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/HTTPValidationError"}
    post = spec["paths"]["/v1/items"]["post"]
    assert post["requestBody"] == {"required": True, "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/NewItem"}}}}
    assert post["responses"]["201"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Item"}
    assert post["responses"]["200"] == {"description": "replayed"}
    assert post["responses"]["409"]["content"]["application/json"]["schema"]["$ref"].endswith("/Problem")
    assert [(p["name"], p["in"]) for p in post["parameters"]] == [("Idempotency-Key", "header"), ("x-kiosk", "header")]
    assert spec["paths"]["/v1/items/{item_id}"]["get"]["parameters"][0]["in"] == "path"
    assert spec["paths"]["/v1/items/{item_id}"]["get"]["responses"]["404"] == {"description": "unknown item"}
    assert "422" not in spec["paths"]["/v1/sparse"]["get"]["responses"]  # no parameters
    assert spec["components"]["schemas"]["Item"]["description"] == "A thing for sale."
    _resolve(spec, spec)


async def test_answers_validate_against_the_served_document(app):
    spec = (await get(app, "/openapi.json")).json()
    assert spec == app.openapi()
    for url, path in [("/v1/items/pupuk", "/v1/items/{item_id}"), ("/v1/sparse", "/v1/sparse")]:
        schema = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        jsonschema.validate((await get(app, url)).json(), {**schema, "components": spec["components"]})
    error_schema = {"$ref": "#/components/schemas/HTTPValidationError", "components": spec["components"]}
    jsonschema.validate((await get(app, "/v1/items?page=0")).json(), error_schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"name": "x"}, {"$ref": "#/components/schemas/Item", "components": spec["components"]})


async def test_include_router_with_prefix_and_tags():
    router = web.APIRouter(tags=["a"])

    @router.get("/ping", response_model=dict[str, str])
    def ping(who: str = "you") -> dict[str, str]:
        return {"pong": who}

    app = web.App(title="t", version="1")
    app.include_router(router, prefix="/v2", tags=["b"])
    assert (await get(app, "/v2/ping?who=me")).json() == {"pong": "me"}
    assert app.openapi()["paths"]["/v2/ping"]["get"]["tags"] == ["a", "b"]


# -- the same as FastAPI ------------------------------------------------------------------------------------------

REQUESTS = [
    ("GET", "/v1/items?q=x&page=2&kind=pupuk&since=2026-01-02&tag=a&tag=b", {}),
    ("GET", "/v1/items?page=0&per_page=500&kind=x&level=z&since=no", {}),
    ("GET", "/v1/items/ab", {}), ("GET", "/v1/items/missing", {}), ("GET", "/v1/items/raw", {}),
    ("GET", "/v1/sparse", {}), ("GET", "/v1/plain?page=x", {}), ("GET", "/v1/by-path/5", {}),
    ("GET", "/v1/nothing", {}), ("PUT", "/v1/items/ab", {}),
    ("POST", "/v1/items", {"json": NEW, "headers": {"Idempotency-Key": "k", "X-Kiosk": "1"}}),
    ("POST", "/v1/items", {"json": {**NEW, "price": "x"}}),
    ("POST", "/v1/strict", {"content": b'{"a":', "headers": {"content-type": "application/json"}}),
    ("POST", "/v1/strict", {"json": {"name": "x", "tanggal": "2026-02-30", "zzz": 1}}),
    ("POST", "/v1/strict", {}), ("POST", "/v1/strict", {"content": b"name=x"}),
]


def _fastapi_namespace() -> SimpleNamespace:
    fastapi = pytest.importorskip("fastapi")
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse, PlainTextResponse
    from fastapi.routing import APIRoute

    return SimpleNamespace(App=fastapi.FastAPI, APIRouter=fastapi.APIRouter, APIRoute=APIRoute, Query=fastapi.Query,
                           Header=fastapi.Header, Path=fastapi.Path, Request=fastapi.Request,
                           HTTPException=fastapi.HTTPException, JSONResponse=JSONResponse,
                           PlainTextResponse=PlainTextResponse, RequestValidationError=RequestValidationError)


async def test_answers_are_the_same_as_fastapis():
    ours, theirs = build(), build(_fastapi_namespace())
    for method, url, kwargs in REQUESTS:
        mine, reference = await call(ours, method, url, **kwargs), await call(theirs, method, url, **kwargs)
        assert (mine.status_code, mine.json()) == (reference.status_code, reference.json()), (method, url)


def test_openapi_is_the_same_as_fastapis():
    ours, theirs = build().openapi(), build(_fastapi_namespace()).openapi()
    assert ours == theirs  # equal as JSON (FastAPI writes some bounds as floats: 1.0 == 1)

"""A small FastAPI-compatible layer on Starlette + pydantic: the mock API without FastAPI's ~11 MiB of RSS.

The route modules keep FastAPI's style and only import from here::

    router = APIRouter(tags=["ipbb"])

    @router.get("/v1/pbb/kanal-bayar", response_model=DaftarKanalBayar)
    def kanal_bayar(request: Request, page: int = Query(1, ge=1), per_page: Annotated[int, Query(le=100)] = 50): ...

Covered, as FastAPI does it: path parameters by name; a `Request` parameter injected; a pydantic-model (or `Body`)
parameter is the JSON body; `Header` parameters (`alias=`, else the name with `_` → `-`); every other parameter
comes from the query (plain default, `Query(default, ge=, le=, …)` or `Annotated[T, Query(…)]`, lists repeated).
Each is converted by a pydantic `TypeAdapter` built when the route is declared; bad or missing input → 422
`{"detail": [{"type", "loc", "msg", "input", "ctx"?}]}` via `RequestValidationError` (a `route_class` may catch it in
`get_route_handler`). Sync endpoints run in the thread pool (they may block: SQLite, the submit delay), async ones
are awaited. A returned `Response` is sent as is; anything else is validated and dumped with `response_model` (or
the return annotation) and the decorator's `status_code`. `HTTPException` → `{"detail": …}`; unknown path → 404,
wrong method → 405. `app.openapi()` is the document FastAPI builds (OpenAPI 3.1, `responses=` included), served at
`/openapi.json`. `@app.middleware("http")` is Starlette's `BaseHTTPMiddleware`, like FastAPI's.
Not covered: `Depends`, forms, files, cookies, websockets, `/docs`.
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Awaitable, Callable, Sequence
from copy import copy, deepcopy
from functools import cached_property
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined, to_jsonable_python
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route, compile_path

__all__ = [
    "APIRoute", "APIRouter", "App", "Body", "FastAPI", "HTTPException", "Header", "JSONResponse",
    "PlainTextResponse", "Path", "Query", "Request", "RequestValidationError", "Response", "ResponseValidationError",
]

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]
REF_TEMPLATE = "#/components/schemas/{model}"
_FROM_RETURN_ANNOTATION: Any = object()  # `response_model` not given: FastAPI takes the return annotation


# -- parameters ---------------------------------------------------------------------------------------------------

class Param(FieldInfo):
    """A pydantic `FieldInfo` (default, constraints, alias, description) that knows `where` the value is read."""

    def __init__(self, where: str, default: Any = PydanticUndefined, **kwargs: Any) -> None:
        super().__init__(default=default, **{key: value for key, value in kwargs.items() if value is not None})
        self.where = where


def Query(default: Any = PydanticUndefined, **kwargs: Any) -> Any:  # noqa: N802 - FastAPI's spelling
    """A query parameter: `Query(1, ge=1, le=100, alias=…, description=…)`; without a default it is required."""
    return Param("query", default, **kwargs)


def Path(default: Any = PydanticUndefined, **kwargs: Any) -> Any:  # noqa: N802
    """A path parameter (`{name}` in the route's path)."""
    return Param("path", default, **kwargs)


def Header(default: Any = PydanticUndefined, **kwargs: Any) -> Any:  # noqa: N802
    """A request header, named by `alias=` or else by the parameter name with `_` → `-` (case-insensitive)."""
    return Param("header", default, **kwargs)


def Body(default: Any = PydanticUndefined, **kwargs: Any) -> Any:  # noqa: N802
    """The JSON body (implied for a parameter typed with a pydantic model)."""
    return Param("body", default, **kwargs)


class _Field:
    """One endpoint parameter: where it is read, under which name, and its validator (built once)."""

    def __init__(self, name: str, info: Param | None, annotation: Any = None, metadata: Sequence[Any] = ()) -> None:
        self.name, self.info = name, info
        self.where = "request" if info is None else info.where
        self.alias = info.alias if info is not None and info.alias else (
            name.replace("_", "-") if self.where == "header" else name)
        self.loc: tuple[str, ...] = ("body",) if self.where == "body" else (self.where, self.alias)
        self.many = _is_sequence(annotation)
        self._type = None if info is None else Annotated[(annotation, *metadata, info)]

    @cached_property
    def adapter(self) -> TypeAdapter | None:
        """Built on first use: building every validator when the mock starts costs the kiosk megabytes."""
        return None if self._type is None else TypeAdapter(self._type)

    def read(self, request: Request, body: Any) -> Any:
        """The raw value in the request; None when absent."""
        if self.where in ("body", "path"):
            return body if self.where == "body" else request.path_params.get(self.alias)
        source = request.query_params if self.where == "query" else request.headers
        return (source.getlist(self.alias) or None) if self.many else source.get(self.alias)


def _is_sequence(annotation: Any) -> bool:
    if get_origin(annotation) in (Union, type(int | None)):
        return any(_is_sequence(arg) for arg in get_args(annotation) if arg is not type(None))
    origin = get_origin(annotation) or annotation
    return inspect.isclass(origin) and issubclass(origin, (Sequence, set, frozenset)) and not issubclass(
        origin, (str, bytes))


def _fields_of(endpoint: Callable[..., Any], hints: dict[str, Any], path_names: set[str]) -> list[_Field]:
    """The endpoint's signature as `_Field`s: read once, when the route is declared."""
    fields = []
    for parameter in inspect.signature(endpoint).parameters.values():
        annotation, metadata = hints.get(parameter.name, Any), []
        if get_origin(annotation) is Annotated:
            annotation, *metadata = get_args(annotation)
        if inspect.isclass(annotation) and issubclass(annotation, HTTPConnection):
            fields.append(_Field(parameter.name, None))
            continue
        info = next((item for item in reversed(metadata) if isinstance(item, Param)), None)
        metadata = [item for item in metadata if item is not info]
        if isinstance(parameter.default, Param):
            info = parameter.default  # `page: int = Query(1, ge=1)`
        else:
            is_model = inspect.isclass(annotation) and issubclass(annotation, BaseModel)
            where = "path" if parameter.name in path_names else "body" if is_model else "query"
            info = copy(info) if info is not None else Param(where)  # a copy: `Page = Annotated[…]` is shared
            if parameter.default is not parameter.empty:
                info.default = parameter.default  # `page: Annotated[int, Query(ge=1)] = 1`
        fields.append(_Field(parameter.name, info, annotation, metadata))
    if sum(field.where == "body" for field in fields) > 1:
        raise TypeError(f"{endpoint.__name__}: only one body parameter is supported")
    return fields


# -- errors -------------------------------------------------------------------------------------------------------

class HTTPException(StarletteHTTPException):
    """Answer `status_code` with `{"detail": detail}` (any JSON-able detail, as in FastAPI)."""

    def __init__(self, status_code: int, detail: Any = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(status_code=status_code, detail=detail, headers=headers)


class RequestValidationError(Exception):
    """The request does not fit the endpoint's parameters: answered 422 with pydantic's errors."""

    def __init__(self, errors: Sequence[Any], *, body: Any = None) -> None:
        super().__init__(errors)
        self._errors, self.body = list(errors), body

    def errors(self) -> list[dict[str, Any]]:
        return self._errors


class ResponseValidationError(Exception):
    """The endpoint returned something its `response_model` refuses: a bug in the mock, so a 500."""

    def __init__(self, errors: Sequence[Any]) -> None:
        super().__init__(f"the response does not fit its response_model: {list(errors)}")
        self._errors = list(errors)

    def errors(self) -> list[dict[str, Any]]:
        return self._errors


def _errors(problem: ValidationError, loc: tuple[Any, ...]) -> list[dict[str, Any]]:
    return [{**error, "loc": loc + tuple(error["loc"])} for error in problem.errors(include_url=False)]


def jsonable(value: Any) -> Any:
    """Plain JSON data from models, dates, enums… (an exception in an error's `ctx` becomes `{}`, as in FastAPI)."""
    return to_jsonable_python(value, by_alias=True,
                              fallback=lambda item: {} if isinstance(item, BaseException) else str(item))


def _body_allowed(status_code: int | str | None) -> bool:
    if status_code is None or not str(status_code).isdigit():
        return True
    return not (int(status_code) < 200 or int(status_code) in (204, 205, 304))


async def _http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if not _body_allowed(exc.status_code):
        return Response(status_code=exc.status_code, headers=exc.headers)
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)


async def _validation_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return JSONResponse({"detail": jsonable(exc.errors())}, status_code=422)


# -- routes -------------------------------------------------------------------------------------------------------

async def _read_body(request: Request) -> Any:
    """The body: parsed JSON when the content type says JSON, else raw bytes (FastAPI's strict default); None when
    empty."""
    raw = await request.body()
    if not raw:
        return None
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if not (kind == "application/json" or (kind.startswith("application/") and kind.endswith("+json"))):
        return raw
    try:
        return json.loads(raw)
    except json.JSONDecodeError as problem:
        error = {"type": "json_invalid", "loc": ("body", problem.pos), "msg": "JSON decode error", "input": {},
                 "ctx": {"error": problem.msg}}
        raise RequestValidationError([error], body=problem.doc) from None
    except RecursionError:  # nested deeper than the parser goes: a bad request, not a server error
        error = {"type": "json_too_deep", "loc": ("body",), "msg": "JSON nested too deeply", "input": {}}
        raise RequestValidationError([error], body=None) from None
    except ValueError:  # not UTF-8
        raise HTTPException(400, detail="Isi permintaan harus teks UTF-8.") from None


class APIRoute(Route):
    """A route calling `endpoint` with its parameters read and validated (FastAPI's `APIRoute`).

    A subclass may wrap `get_route_handler()` (an async `request → Response`), e.g. to answer a
    `RequestValidationError` its own way; `APIRouter(route_class=…)` uses it.
    """

    @cached_property
    def response_adapter(self) -> TypeAdapter | None:
        return None if self.response_model is None else TypeAdapter(self.response_model)

    @cached_property
    def response_adapters(self) -> dict[Any, TypeAdapter]:
        return {code: TypeAdapter(extra["model"]) for code, extra in self.responses.items() if "model" in extra}

    def __init__(
        self, path: str, endpoint: Callable[..., Any], *, methods: Sequence[str] = ("GET",),
        response_model: Any = _FROM_RETURN_ANNOTATION, status_code: int | None = None,
        tags: Sequence[str] | None = None, summary: str | None = None, description: str | None = None,
        response_description: str = "Successful Response", responses: dict[int | str, dict[str, Any]] | None = None,
        response_model_exclude_none: bool = False, name: str | None = None, operation_id: str | None = None,
        include_in_schema: bool = True, deprecated: bool | None = None,
    ) -> None:
        #: the keyword arguments, to build this route again under a prefix (`include_router`)
        self.options = {key: value for key, value in locals().items() if key not in ("self", "path", "endpoint",
                                                                                       "__class__")}
        hints = get_type_hints(endpoint, include_extras=True)
        if response_model is _FROM_RETURN_ANNOTATION:
            returned = hints.get("return")
            response_model = None if inspect.isclass(returned) and issubclass(returned, Response) else returned
        self.response_model, self.status_code, self.tags = response_model, status_code, list(tags or [])
        self.summary, self.response_description, self.operation_id = summary, response_description, operation_id
        doc = description if description is not None else inspect.cleandoc(endpoint.__doc__ or "")
        self.description, self.deprecated = doc.split("\f")[0].strip(), deprecated
        self.responses, self.exclude_none = dict(responses or {}), response_model_exclude_none
        self.fields = _fields_of(endpoint, hints, set(compile_path(path)[2]))
        self.body_field = next((field for field in self.fields if field.where == "body"), None)
        self.response_model = response_model
        self.is_coroutine = inspect.iscoroutinefunction(endpoint)
        super().__init__(path, self.get_route_handler(), methods=methods, name=name or endpoint.__name__,
                         include_in_schema=include_in_schema)
        self.endpoint, self.methods = endpoint, {method.upper() for method in methods}  # no implicit HEAD

    def get_route_handler(self) -> Callable[[Request], Awaitable[Response]]:
        """The async `request → Response`: validate the input, call the endpoint, serialise its answer."""

        async def handler(request: Request) -> Response:
            body = await _read_body(request) if self.body_field is not None else None
            values: dict[str, Any] = {}
            errors: list[dict[str, Any]] = []
            for field in self.fields:
                if field.info is None or field.adapter is None:
                    values[field.name] = request
                    continue
                raw = field.read(request, body)
                if raw is None and field.info.is_required():
                    errors.append({"type": "missing", "loc": field.loc, "msg": "Field required", "input": None})
                elif raw is None:
                    values[field.name] = deepcopy(field.info.get_default(call_default_factory=True))
                else:
                    try:
                        values[field.name] = field.adapter.validate_python(raw, from_attributes=True)
                    except ValidationError as problem:
                        errors.extend(_errors(problem, field.loc))
            if errors:
                raise RequestValidationError(errors, body=body)
            if self.is_coroutine:
                return self.serialize(await self.endpoint(**values))
            return self.serialize(await run_in_threadpool(self.endpoint, **values))

        return handler

    def serialize(self, result: Any) -> Response:
        """The endpoint's answer as a Response: passed through, or validated and dumped as JSON."""
        if isinstance(result, Response):
            return result
        if self.response_adapter is None:
            return JSONResponse(jsonable(result), status_code=self.status_code or 200)
        try:
            value = self.response_adapter.validate_python(result, from_attributes=True)
        except ValidationError as problem:
            raise ResponseValidationError(_errors(problem, ("response",))) from None
        content = self.response_adapter.dump_json(value, by_alias=True, exclude_none=self.exclude_none)
        return Response(content, status_code=self.status_code or 200, media_type="application/json")

    @property
    def unique_id(self) -> str:
        """FastAPI's default operationId: name and path with non-word characters as `_`, then the method."""
        return re.sub(r"\W", "_", self.name + self.path_format) + "_" + sorted(self.methods)[0].lower()


class _Declares:
    """`@x.get(path, …)` and the other verbs, for routers and the app."""

    def add_api_route(self, path: str, endpoint: Callable[..., Any], **options: Any) -> None:
        raise NotImplementedError

    def api_route(self, path: str, **options: Any) -> Decorator:
        def decorator(endpoint: Callable[..., Any]) -> Callable[..., Any]:
            self.add_api_route(path, endpoint, **options)
            return endpoint

        return decorator

    def get(self, path: str, **options: Any) -> Decorator:
        return self.api_route(path, methods=["GET"], **options)

    def post(self, path: str, **options: Any) -> Decorator:
        return self.api_route(path, methods=["POST"], **options)

    def put(self, path: str, **options: Any) -> Decorator:
        return self.api_route(path, methods=["PUT"], **options)

    def patch(self, path: str, **options: Any) -> Decorator:
        return self.api_route(path, methods=["PATCH"], **options)

    def delete(self, path: str, **options: Any) -> Decorator:
        return self.api_route(path, methods=["DELETE"], **options)


class APIRouter(_Declares):
    """Routes sharing tags (and a path prefix), built with `route_class`; an app serves them by `include_router`."""

    def __init__(self, *, prefix: str = "", tags: Sequence[str] | None = None,
                 route_class: type[APIRoute] = APIRoute) -> None:
        self.prefix, self.tags, self.route_class = prefix, list(tags or []), route_class
        self.routes: list[APIRoute] = []

    def add_api_route(self, path: str, endpoint: Callable[..., Any], **options: Any) -> None:
        options["tags"] = self.tags + list(options.get("tags") or [])
        self.routes.append(self.route_class(self.prefix + path, endpoint, **options))


# -- the app ------------------------------------------------------------------------------------------------------

class App(Starlette, _Declares):
    """A Starlette app with FastAPI's surface: routers, `@app.get`, `@app.middleware("http")`, `app.openapi()`."""

    def __init__(self, *, title: str = "API", version: str = "0.1.0", description: str = "",
                 openapi_url: str | None = "/openapi.json", **starlette: Any) -> None:
        handlers = {StarletteHTTPException: _http_exception, RequestValidationError: _validation_exception}
        super().__init__(exception_handlers={**handlers, **(starlette.pop("exception_handlers", None) or {})},
                         **starlette)
        self.title, self.version, self.description = title, version, description
        self.openapi_schema: dict[str, Any] | None = None
        if openapi_url:
            self.router.routes.append(Route(openapi_url, self._serve_openapi, include_in_schema=False))

    async def _serve_openapi(self, request: Request) -> Response:
        return JSONResponse(self.openapi())

    def add_api_route(self, path: str, endpoint: Callable[..., Any], **options: Any) -> None:
        self.router.routes.append(APIRoute(path, endpoint, **options))

    def include_router(self, router: APIRouter, *, prefix: str = "", tags: Sequence[str] | None = None) -> None:
        """Serve the router's routes: the same route objects, unless a prefix or tags must be added."""
        for route in router.routes:
            if prefix or tags:
                route = type(route)(prefix + route.path, route.endpoint,
                                    **{**route.options, "tags": [*route.tags, *(tags or [])]})
            self.router.routes.append(route)

    def middleware(self, kind: str) -> Decorator:
        """`@app.middleware("http")` on `async def f(request, call_next) -> Response` (a `BaseHTTPMiddleware`)."""
        if kind != "http":
            raise ValueError(f"unsupported middleware kind: {kind}")

        def decorator(dispatch: Callable[..., Any]) -> Callable[..., Any]:
            self.add_middleware(BaseHTTPMiddleware, dispatch=dispatch)
            return dispatch

        return decorator

    def exception_handler(self, key: int | type[Exception]) -> Decorator:
        """`@app.exception_handler(SomeError)` on `async def f(request, exc) -> Response`."""

        def decorator(handler: Callable[..., Any]) -> Callable[..., Any]:
            self.add_exception_handler(key, handler)
            return handler

        return decorator

    def openapi(self) -> dict[str, Any]:
        """The OpenAPI 3.1 document FastAPI would build for these routes (built once, then cached)."""
        if self.openapi_schema is None:
            self.openapi_schema = _openapi(self)
        return self.openapi_schema


FastAPI = App


# -- OpenAPI ------------------------------------------------------------------------------------------------------

_VALIDATION_ERROR = {
    "title": "ValidationError", "type": "object", "required": ["loc", "msg", "type"], "properties": {
        "loc": {"title": "Location", "type": "array", "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]}},
        "msg": {"title": "Message", "type": "string"}, "type": {"title": "Error Type", "type": "string"},
        "input": {"title": "Input"}, "ctx": {"title": "Context", "type": "object"}},
}
_HTTP_VALIDATION_ERROR = {"title": "HTTPValidationError", "type": "object", "properties": {"detail": {
    "title": "Detail", "type": "array", "items": {"$ref": REF_TEMPLATE.format(model="ValidationError")}}}}


def _openapi(app: App) -> dict[str, Any]:
    """FastAPI's document for the app's `APIRoute`s, with components from pydantic's `generate_definitions`."""
    from http.client import responses as status_texts

    from pydantic.json_schema import GenerateJsonSchema

    routes = [route for route in app.routes if isinstance(route, APIRoute) and route.include_in_schema]
    inputs: list[tuple[Any, Any, Any]] = []  # FastAPI's order (bodies, answers, parameters): the same names
    inputs += [(route.body_field, "validation", route.body_field.adapter.core_schema) for route in routes
               if route.body_field is not None and route.body_field.adapter is not None]
    for route in routes:
        adapters = {None: route.response_adapter, **route.response_adapters}
        inputs += [((id(route), code), "serialization", adapter.core_schema) for code, adapter in adapters.items()
                   if adapter is not None]
    inputs += [(field, "validation", field.adapter.core_schema) for route in routes for field in route.fields
               if field.adapter is not None and field.where != "body"]
    mapping, definitions = GenerateJsonSchema(ref_template=REF_TEMPLATE).generate_definitions(inputs)
    for definition in definitions.values():
        if "description" in definition:
            definition["description"] = definition["description"].split("\f")[0]

    def schema(key: Any, mode: str, title: str | None, name: str) -> dict[str, Any]:
        found = dict(mapping[(key, mode)])
        return found if "$ref" in found else {**found, "title": title or name.title().replace("_", " ")}

    paths: dict[str, dict[str, Any]] = {}
    for route in routes:
        operation: dict[str, Any] = {"tags": route.tags} if route.tags else {}
        operation["summary"] = route.summary or route.name.replace("_", " ").title()
        if route.description:
            operation["description"] = route.description
        operation["operationId"] = route.operation_id or route.unique_id
        if route.deprecated:
            operation["deprecated"] = True
        parameters = []
        for field in sorted(route.fields, key=lambda field: ("path", "query", "header", "body", "request").index(
                field.where)):
            if field.info is None or field.where in ("body", "request"):
                continue
            parameters.append({"name": field.alias, "in": field.where, "required": field.info.is_required(),
                               "schema": schema(field, "validation", field.info.title, field.alias)})
            if field.info.description:
                parameters[-1]["description"] = field.info.description
        if parameters:
            operation["parameters"] = parameters
        if (body := route.body_field) is not None and body.info is not None:
            content = {"application/json": {"schema": schema(body, "validation", body.info.title, body.alias)}}
            operation["requestBody"] = {"required": True, "content": content} if body.info.is_required() else {
                "content": content}
        status = str(route.status_code or 200)
        answers: dict[str, Any] = {status: {"description": route.response_description}}
        if _body_allowed(route.status_code):
            answer = {} if route.response_adapter is None else schema(
                (id(route), None), "serialization", None, f"Response_{route.unique_id}")
            answers[status]["content"] = {"application/json": {"schema": answer}}
        for code, extra in route.responses.items():
            extra = {key: value for key, value in deepcopy(extra).items() if key != "model"}
            target = answers.setdefault("default" if str(code).upper() == "DEFAULT" else str(code).upper(), {})
            if code in route.response_adapters:
                content = extra.setdefault("content", {}).setdefault("application/json", {})
                _deep_update(content.setdefault("schema", {}),
                             schema((id(route), code), "serialization", None, f"Response_{code}_{route.unique_id}"))
            text = status_texts.get(int(code)) if str(code).isdigit() else None
            description = extra.get("description") or target.get("description") or text or "Additional Response"
            _deep_update(target, extra)
            target["description"] = description
        if any(field.info is not None for field in route.fields) and not {"422", "4XX", "default"} & set(answers):
            answers["422"] = {"description": "Validation Error", "content": {"application/json": {
                "schema": {"$ref": REF_TEMPLATE.format(model="HTTPValidationError")}}}}
            definitions.update(ValidationError=_VALIDATION_ERROR, HTTPValidationError=_HTTP_VALIDATION_ERROR)
        operation["responses"] = answers
        for method in sorted(route.methods):
            paths.setdefault(route.path_format, {})[method.lower()] = deepcopy(operation)
    document: dict[str, Any] = {"openapi": "3.1.0", "info": {"title": app.title, "version": app.version}}
    if app.description:
        document["info"]["description"] = app.description
    if definitions:
        document["components"] = {"schemas": {name: definitions[name] for name in sorted(definitions)}}
    document["paths"] = paths
    return _without_none(deepcopy(document))


def _deep_update(target: dict[str, Any], update: dict[str, Any]) -> None:
    """FastAPI's merge of an extra response into the generated one: dicts merged, lists joined."""
    for key, value in update.items():
        if isinstance(target.get(key), dict) and isinstance(value, dict):
            _deep_update(target[key], value)
        elif isinstance(target.get(key), list) and isinstance(value, list):
            target[key] = target[key] + value
        else:
            target[key] = value


def _without_none(value: Any) -> Any:
    """The document without `None` entries (`"default": null` included), as FastAPI's `exclude_none` dump."""
    if isinstance(value, dict):
        return {key: _without_none(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_without_none(item) for item in value]
    return value

"""The mock API: one ASGI app serving the fixture set, in-process (embedded) or over HTTP (`mock-api`).

Each module in `mockapi/routes/` brings an APIRouter and the fixture files it needs (`FIXTURES`), so a service is
added without touching this file.
"""

from __future__ import annotations

import asyncio
import importlib
import pkgutil
import re
import warnings
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.dependencies.utils import get_flat_params
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse
from fastapi.routing import APIRoute
from pydantic.warnings import UnsupportedFieldAttributeWarning
from starlette.exceptions import HTTPException as StarletteHTTPException

from gemilang_tui.mockapi import routes
from gemilang_tui.mockapi.answers import INVALID, NOT_FOUND, TOO_LARGE, refusal
from gemilang_tui.mockapi.body_limit import BodyLimit
from gemilang_tui.mockapi.fixtures import FixtureSet

# FastAPI names a body parameter with `Field(alias=…)` on its validator; pydantic, building it on first use (the
# models defer their build), warns that the alias has no effect there. True, and harmless: not the kiosk's screen.
warnings.filterwarnings("ignore", message="The 'alias' attribute", category=UnsupportedFieldAttributeWarning)

#: What the mock says for the HTTP errors nobody words (an unknown path, a wrong method…): in Indonesian.
STATUS_MESSAGES = {
    400: "Permintaan tidak valid.",
    404: "Alamat tidak ditemukan.",
    405: "Metode ini tidak dapat dipakai untuk alamat ini.",
    500: "Terjadi kesalahan di server. Coba lagi nanti.",
    503: "Layanan sedang tidak dapat dihubungi. Coba lagi nanti.",
}


@dataclass
class Faults:
    """Fault injection for tests: make every path under `prefix` slow, failing, or nonsensical."""

    mode: str = ""  # "" | "down" | "error" | "garbage" | "schema" | "slow" | "raise" (a route with a bug)
    prefix: str = "/v1/"
    delay: float = 0.0

    def applies(self, path: str) -> bool:
        return bool(self.mode) and path.startswith(self.prefix)


def route_modules() -> list[Any]:
    return [
        importlib.import_module(f"{routes.__name__}.{info.name}")
        for info in pkgutil.iter_modules(routes.__path__)
        if not info.name.startswith("_")
    ]


def create_app(fixtures: Path | None = None, today: date | None = None, database: Path | None = None,
               check_fixtures: bool = True) -> FastAPI:
    """Build the mock. With `check_fixtures` every fixture file is validated now, so a bad one is reported before
    serving; the kiosk's embedded mock loads each file on first use instead (its set was checked at start-up)."""
    app = FastAPI(
        title="Tangerang Gemilang kiosk API",
        version="1.0",
        description="The contract between the gemilang-tui kiosk and a backend of Kabupaten Tangerang.",
    )
    app.state.fixtures = FixtureSet(fixtures)
    app.state.pinned_today = today
    app.state.faults = Faults()
    app.state.database = database
    _speak_indonesian(app)
    for module in route_modules():
        _declare_refusals(module.router)
        app.include_router(module.router)
        for name, model in getattr(module, "FIXTURES", {}).items() if check_fixtures else ():
            app.state.fixtures.load(name, model)
        setup = getattr(module, "setup", None)
        if setup is not None:
            setup(app)

    app.add_middleware(BodyLimit)

    @app.middleware("http")
    async def inject_faults(request: Request, call_next: Any) -> Any:
        faults: Faults = request.app.state.faults
        if not faults.applies(request.url.path):
            return await call_next(request)
        if faults.mode == "slow":
            await asyncio.sleep(faults.delay or 30)
            return await call_next(request)
        if faults.mode == "down":
            raise ConnectionError("mock is down")
        if faults.mode == "raise":
            raise RuntimeError("a mock route failed")
        if faults.mode == "error":
            return JSONResponse({"detail": STATUS_MESSAGES[503]}, status_code=503)
        if faults.mode == "garbage":
            return PlainTextResponse("<html>gateway</html>", status_code=200)
        return JSONResponse({"unexpected": True}, status_code=200)

    return app


def _declare_refusals(router: APIRouter) -> None:
    """The refusals a route really gives, each a `Problem`: 422 for a parameter or body it refuses (a `Refusal`
    saying which kind), 413 for a body too large, 404 for a path naming nothing (every path parameter of the
    contract names a record looked up)."""
    for route in router.routes:
        if not isinstance(route, APIRoute):
            continue
        if get_flat_params(route.dependant) or route.body_field is not None:
            route.responses.setdefault(422, INVALID[422])
        if route.body_field is not None:
            route.responses.setdefault(413, TOO_LARGE[413])
        if route.dependant.path_params:
            route.responses[404] = NOT_FOUND[404]


def _allowed_methods(app: FastAPI, path: str) -> str:
    """The methods /openapi.json declares for `path`: Starlette's 405 names only those of the first route matched."""
    methods: set[str] = set()
    for template, operations in app.openapi()["paths"].items():
        if re.fullmatch(re.sub(r"\\{[^/]+?\\}", "[^/]+", re.escape(template)), path):
            methods.update(method.upper() for method in operations)
    return ", ".join(sorted(methods))


def _speak_indonesian(app: FastAPI) -> None:
    """Error answers in Indonesian: the default phrases ("Not Found"), validation messages, and a crash."""
    from http import HTTPStatus

    from gemilang_tui.mockapi.idempotent import indonesian_reason

    async def http_error(request: Request, problem: Exception) -> Response:
        assert isinstance(problem, StarletteHTTPException)
        detail = problem.detail
        if problem.status_code < 200 or problem.status_code in (204, 205, 304):
            return Response(status_code=problem.status_code, headers=problem.headers)
        if problem.status_code == 400 and isinstance(problem.__cause__, RecursionError):
            # FastAPI calls any failure to parse the body "There was an error parsing the body": nested too deep
            # is the client's mistake, refused like other invalid bodies
            return JSONResponse(refusal(indonesian_reason([{"type": "json_too_deep"}]), "form"), status_code=422)
        if problem.status_code == 400 and problem.__cause__ is not None:  # not UTF-8, or not JSON at all
            detail = "Isi permintaan harus JSON dalam teks UTF-8."
        elif isinstance(detail, str) and detail == HTTPStatus(problem.status_code).phrase:
            detail = STATUS_MESSAGES.get(problem.status_code, "Permintaan tidak dapat dilayani.")
        headers = dict(problem.headers or {})
        if problem.status_code == 405:
            headers["Allow"] = _allowed_methods(request.app, request.url.path)
        return JSONResponse({"detail": detail}, status_code=problem.status_code, headers=headers)

    async def invalid(request: Request, problem: Exception) -> Response:
        assert isinstance(problem, RequestValidationError)
        return JSONResponse(refusal(indonesian_reason(list(problem.errors())), "form"), status_code=422)

    async def crashed(request: Request, problem: Exception) -> Response:
        return JSONResponse({"detail": STATUS_MESSAGES[500]}, status_code=500)

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(Exception, crashed)


def today_of(request: Request) -> date:
    """The pinned date (`GEMILANG_TODAY`) or the real one in WIB (Asia/Jakarta)."""
    from gemilang_tui.kiosk_time import today

    return today(request.app.state.pinned_today)

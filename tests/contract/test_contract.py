"""Client, mock and /openapi.json held together: every path the kiosk calls exists, every answer validates."""

from __future__ import annotations

import importlib
import pkgutil
import re

import httpx
import jsonschema
import pytest

import gemilang_tui.api as api_package
from gemilang_tui.api.endpoint import ENDPOINTS
from gemilang_tui.mockapi.app import create_app
from tests.conftest import TODAY


def _import_all_api_modules() -> None:
    for info in pkgutil.iter_modules(api_package.__path__):
        importlib.import_module(f"{api_package.__name__}.{info.name}")


_import_all_api_modules()


@pytest.fixture(scope="module")
def mock():
    return create_app(today=TODAY)


@pytest.fixture(scope="module")
def spec(mock):
    return mock.openapi()


def _declared(spec: dict, method: str, path: str) -> dict | None:
    return spec["paths"].get(path, {}).get(method.lower())


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: f"{e.method} {e.path}")
def test_every_client_path_is_in_the_contract(spec, endpoint):
    assert _declared(spec, endpoint.method, endpoint.path) is not None, (
        f"{endpoint.method} {endpoint.path} is called by the kiosk but missing from /openapi.json"
    )


def _schema_of(spec: dict, operation: dict) -> dict | None:
    for status in ("200", "201"):
        content = operation.get("responses", {}).get(status, {}).get("content", {})
        schema = content.get("application/json", {}).get("schema")
        if schema:
            return {**schema, "components": spec.get("components", {})}
    return None


def _example_paths(spec: dict) -> list[str]:
    """GET paths without parameters: their answers can be fetched and validated as they are."""
    return [path for path, ops in spec["paths"].items() if "get" in ops and "{" not in path]


def test_contract_is_served_as_openapi_json(mock):
    async def fetch():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=mock), base_url="http://mock") as client:
            return await client.get("/openapi.json")

    import asyncio

    response = asyncio.run(fetch())
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Tangerang Gemilang kiosk API"


async def test_every_parameterless_answer_validates_against_the_contract(mock, spec):
    transport = httpx.ASGITransport(app=mock)
    checked = 0
    async with httpx.AsyncClient(transport=transport, base_url="http://mock") as client:
        for path in _example_paths(spec):
            if path.startswith("/v1/_test") or not path.startswith("/v1/"):
                continue
            response = await client.get(path)
            assert response.status_code == 200, path
            schema = _schema_of(spec, spec["paths"][path]["get"])
            assert schema is not None, f"{path} declares no JSON answer"
            jsonschema.validate(response.json(), schema)
            checked += 1
    assert checked >= 1


def test_paths_follow_the_conventions(spec):
    for path in spec["paths"]:
        assert re.fullmatch(r"/(v1(/[a-z0-9_{}\-]+)+|openapi\.json|docs|redoc)", path), path

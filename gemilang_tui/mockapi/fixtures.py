"""The fixture set the mock serves: JSON files validated by pydantic models, errors named by file and field."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from fastapi import Request
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


def default_fixtures_dir() -> Path:
    return Path(str(resources.files("gemilang_tui").joinpath("fixtures")))


class FixtureError(ValueError):
    """A fixture file cannot be used; the message names the file and the field."""


class FixtureSet:
    """Loads each fixture file once, validated by the model its route declares."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder else default_fixtures_dir()
        self._loaded: dict[tuple[str, type], Any] = {}
        self._lock = threading.Lock()

    def load(self, name: str, model: type[M]) -> M:
        key = (name, model)  # one file may be read through several models (a status route, a form)
        with self._lock:
            if key not in self._loaded:
                self._loaded[key] = self._read(name, model)
            return self._loaded[key]

    def _read(self, name: str, model: type[M]) -> M:
        path = self.folder / name
        if not path.is_file():
            path = default_fixtures_dir() / name  # a tester's set may bring only the files it changes
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise FixtureError(f"{path}: file not found") from None
        except OSError as problem:
            raise FixtureError(f"{path}: cannot be read ({problem.strerror or type(problem).__name__})") from None
        except UnicodeDecodeError as problem:
            raise FixtureError(f"{path}: not UTF-8 text (byte {problem.start})") from None
        except json.JSONDecodeError as problem:
            raise FixtureError(f"{path}: not valid JSON (line {problem.lineno}, column {problem.colno})") from None
        except RecursionError:
            raise FixtureError(f"{path}: nested too deeply") from None
        try:
            return model.model_validate(raw)
        except RecursionError:
            raise FixtureError(f"{path}: nested too deeply") from None
        except ValidationError as problem:
            first = problem.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "(top level)"
            more = f" (and {problem.error_count() - 1} more)" if problem.error_count() > 1 else ""
            raise FixtureError(f"{path}: field {where}: {first['msg']}{more}") from None


def fixture(name: str, model: type[M]) -> Callable[[Request], M]:
    """A route's dependency on a fixture file: `data: Annotated[Data, Depends(fixture("berita.json", Data))]`."""

    def load(request: Request) -> M:
        fixtures: FixtureSet = request.app.state.fixtures
        return fixtures.load(name, model)

    load.__name__ = f"fixture_{name.removesuffix('.json')}"
    return load

"""Declared API endpoints: each operation's method, path and answer model, written once and used by the client, the
mock's route (`@router.get(ARTICLES.path, response_model=ARTICLES.model)`) and so by /openapi.json."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")

ENDPOINTS: list[Endpoint[Any]] = []


@dataclass(frozen=True, eq=False)
class Endpoint(Generic[T]):
    """One operation of the contract: method, path template and the model of its answer."""

    method: str
    path: str
    model: Any  # type[T]; Any, as a parametrised generic (`Halaman[Berita]`) is not a `type` to a checker
    #: Answers about a person (a bill, a request's status) are never kept on the kiosk's disk for offline use.
    personal: bool = False
    #: A reader of its own for the raw JSON, when the answer is more than its model (the catalogue).
    read: Callable[[Any], T] | None = None

    def __post_init__(self) -> None:
        ENDPOINTS.append(self)

    def parse(self, raw: Any) -> T:
        """The answer's JSON as `T`; pydantic's ValidationError when it is not the contract."""
        if self.read is not None:
            return self.read(raw)
        parsed: T = self.model.model_validate(raw)
        return parsed

    def url(self, **path_params: str) -> str:
        from urllib.parse import quote

        return self.path.format(**{key: quote(str(value), safe="") for key, value in path_params.items()})

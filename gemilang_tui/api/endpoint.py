"""Declared API endpoints: every path the client calls is one of these, so a contract test can list them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")

ENDPOINTS: list[Endpoint[Any]] = []


@dataclass(frozen=True, eq=False)
class Endpoint(Generic[T]):
    """One operation of the contract: method, path template and how to read its answer."""

    method: str
    path: str
    parse: Callable[[Any], T]
    #: Answers about a person (a bill, a request's status) are never kept on the kiosk's disk for offline use.
    personal: bool = False

    def __post_init__(self) -> None:
        ENDPOINTS.append(self)

    def url(self, **path_params: str) -> str:
        from urllib.parse import quote

        return self.path.format(**{key: quote(str(value), safe="") for key, value in path_params.items()})


def model(cls: Any) -> Callable[[Any], Any]:
    """A parser validating JSON with a pydantic model (imported by the caller, so only when used)."""
    return cls.model_validate


def list_of(cls: Any) -> Callable[[Any], Any]:
    return lambda raw: [cls.model_validate(item) for item in raw]

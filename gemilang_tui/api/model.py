"""The base of every model of the contract, and the shapes many answers share: a page of a list, a text in two
languages."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

T = TypeVar("T")


class ApiModel(BaseModel):
    """A pydantic model whose validator is built on first use, not at import.

    The embedded mock imports every model of the contract when it starts; building them all then cost the kiosk
    megabytes of memory for services a citizen may never open.
    """

    model_config = ConfigDict(defer_build=True)


class Halaman(ApiModel, Generic[T]):
    """One page of a list: `items` from place `(page - 1) * per_page` of `total`."""

    items: list[T]
    total: int = Field(ge=0)
    page: int = Field(default=1, ge=1)
    per_page: int = Field(default=50, ge=1)

    @model_validator(mode="before")
    @classmethod
    def _plain_list(cls, data: Any) -> Any:
        """Lenient about the envelope: a backend's plain list is one page holding everything."""
        if isinstance(data, list):
            return {"items": data, "total": len(data), "page": 1, "per_page": max(1, len(data))}
        return data


class Teks(ApiModel):
    """A line shown to a citizen, in Bahasa Indonesia and (when the server has it) English."""

    teks: str = Field(description="Bahasa Indonesia")
    teks_en: str | None = Field(default=None, description="English")

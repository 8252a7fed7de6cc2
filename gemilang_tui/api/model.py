"""The base of every model of the contract, and the shapes many answers share: a page of a list, a text in two
languages."""

from __future__ import annotations

import re
from datetime import date, time
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

T = TypeVar("T")

_CLOCK = r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$"


def _clock_time(value: Any) -> Any:
    if isinstance(value, str) and not re.match(_CLOCK, value):
        raise ValueError("not a local time HH:MM or HH:MM:SS")
    return value


_DAY = r"^\d{4}-\d{2}-\d{2}$"


def _calendar_day(value: Any) -> Any:
    if not isinstance(value, date) and not (isinstance(value, str) and re.match(_DAY, value)):
        raise ValueError("not a date YYYY-MM-DD")
    return value


#: A day written as JSON Schema's `date` says, YYYY-MM-DD only: pydantic would also take a number of seconds.
Tanggal = Annotated[date, BeforeValidator(_calendar_day)]

#: A local time of day as the kiosk's answers write it ("08:00:00"): JSON Schema's `time` format wants an offset.
Jam = Annotated[time, BeforeValidator(_clock_time),
                WithJsonSchema({"type": "string", "pattern": _CLOCK, "description": "local time (WIB), HH:MM[:SS]"})]


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


class Problem(ApiModel):
    """Every refusal and error answer: the reason in plain Indonesian."""

    detail: str = Field(min_length=1)

"""The service menu as data: served by the API (`GET /v1/layanan`), with the bundled copy when it is unreachable."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from gemilang_tui.i18n import get_locale

MAX_NUMBER = 9  # a menu entry is chosen by one digit key


@dataclass(frozen=True)
class LocalText:
    """A text the API gives in each language; shown in the active one, Indonesian when missing."""

    texts: dict[str, str]

    def __str__(self) -> str:
        return self.texts.get(get_locale()) or self.texts.get("id") or next(iter(self.texts.values()), "")

    @classmethod
    def from_json(cls, raw: Any) -> LocalText:
        if isinstance(raw, str):
            return cls({"id": raw})
        if isinstance(raw, dict):
            raw = {key: value for key, value in raw.items() if value is not None}
        if not isinstance(raw, dict) or not raw or not all(isinstance(v, str) for v in raw.values()):
            raise ValueError("a text must be a string or an object of language → string")
        return cls(dict(raw))


@dataclass(frozen=True)
class Group:
    kode: str
    nomor: int
    judul: LocalText
    keterangan: LocalText


@dataclass(frozen=True)
class ServiceEntry:
    kode: str
    nomor: int
    grup: str | None
    aktif: bool
    judul: LocalText
    keterangan: LocalText


@dataclass(frozen=True)
class Catalogue:
    groups: tuple[Group, ...]
    services: tuple[ServiceEntry, ...]

    def top_level(self) -> list[Group | ServiceEntry]:
        """What the Menu Utama shows, in its numbered order."""
        entries: list[Group | ServiceEntry] = [s for s in self.services if s.grup is None]
        entries.extend(self.groups)
        return sorted(entries, key=lambda entry: entry.nomor)

    def in_group(self, kode: str) -> list[ServiceEntry]:
        return sorted((s for s in self.services if s.grup == kode), key=lambda s: s.nomor)

    def service(self, kode: str) -> ServiceEntry | None:
        return next((s for s in self.services if s.kode == kode), None)

    @classmethod
    def from_json(cls, raw: Any) -> Catalogue:
        """Parse `GET /v1/layanan`; raises ValueError naming what is wrong."""
        try:
            groups = tuple(
                Group(str(g["kode"]), int(g["nomor"]), LocalText.from_json(g["judul"]),
                      LocalText.from_json(g.get("keterangan", "")) if g.get("keterangan") else LocalText({}))
                for g in raw["grup"]
            )
            services = tuple(
                ServiceEntry(str(s["kode"]), int(s["nomor"]), s.get("grup"), bool(s.get("aktif", True)),
                             LocalText.from_json(s["judul"]), LocalText.from_json(s["keterangan"]))
                for s in raw["layanan"]
            )
        except (KeyError, TypeError) as problem:
            raise ValueError(f"catalogue is missing or mistypes {problem}") from None
        known = {g.kode for g in groups}
        for service in services:
            if service.grup is not None and service.grup not in known:
                raise ValueError(f"service {service.kode} names an unknown group {service.grup}")
        catalogue = cls(groups, services)
        catalogue._check_numbers()
        return catalogue

    def _check_numbers(self) -> None:
        """Each menu's entries are numbered 1-9 without a repeat, and each code is used once: else a hostile or
        broken catalogue would fill the Menu Utama or hide a service behind another's number."""
        codes = [g.kode for g in self.groups] + [s.kode for s in self.services]
        if len(set(codes)) != len(codes):
            raise ValueError("catalogue repeats a code")
        menus: list[list[Group | ServiceEntry]] = [self.top_level(), *(self.in_group(g.kode) for g in self.groups)]
        if not menus[0]:
            raise ValueError("catalogue has nothing for the Menu Utama")
        for entries in menus:
            numbers = [entry.nomor for entry in entries]
            if len(set(numbers)) != len(numbers) or not all(1 <= number <= MAX_NUMBER for number in numbers):
                raise ValueError(f"catalogue numbers a menu {sorted(numbers)[:12]}: expected 1 to {MAX_NUMBER} once")


def bundled_catalogue() -> Catalogue:
    """The catalogue shipped with the kiosk, used until (or when) the API answers."""
    text = resources.files("gemilang_tui").joinpath("fixtures", "layanan.json").read_text(encoding="utf-8")
    return Catalogue.from_json(json.loads(text))

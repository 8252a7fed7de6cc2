"""One typed settings object, from (lowest first) defaults, a TOML file, `GEMILANG_*` variables and flags.

Only the standard library is imported here: settings are read before the first paint.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gemilang_tui.printing.target import PrinterTarget

LOCALES = ("id", "en")
ENV_PREFIX = "GEMILANG_"


class SettingError(ValueError):
    """A setting has a value we cannot use; the message names it and the allowed values."""

    def __init__(self, name: str, value: object, allowed: str) -> None:
        super().__init__(f"{name}={value!r} is not valid: expected {allowed}.")
        self.name = name


def _default_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path("gemilang-tui", appauthor=False)


def default_config_path() -> Path:
    from platformdirs import user_config_path

    return user_config_path("gemilang-tui", appauthor=False) / "config.toml"


@dataclass(frozen=True)
class Settings:
    """Everything the kiosk and the mock API can be told. `api_url=None` means the embedded mock."""

    api_url: str | None = None
    api_token: str | None = field(default=None, repr=False)
    locale: str = "id"
    today: date | None = None
    data_dir: Path = field(default_factory=_default_data_dir)
    fixtures: Path | None = None
    timeout: float = 10.0
    idle_seconds: int = 180
    attendant_pin_hash: str | None = field(default=None, repr=False)
    dev: bool = False
    printer: PrinterTarget | None = None
    printer_width: int = 58

    def today_or_real(self) -> date:
        """The pinned date when `GEMILANG_TODAY` is set, else the real date."""
        return self.today or date.today()


def _parse_locale(name: str, raw: object) -> str:
    value = str(raw).strip().lower()
    if value not in LOCALES:
        raise SettingError(name, raw, " or ".join(LOCALES))
    return value


def _parse_date(name: str, raw: object) -> date | None:
    if raw in (None, ""):
        return None
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw).strip())
    except ValueError:
        raise SettingError(name, raw, "an ISO date such as 2026-11-28") from None


def _parse_url(name: str, raw: object) -> str | None:
    if raw in (None, ""):
        return None
    value = str(raw).strip()
    if not value.startswith(("http://", "https://")):
        raise SettingError(name, raw, "an http:// or https:// URL")
    return value.rstrip("/")


def _parse_positive(name: str, raw: object, kind: type) -> Any:
    try:
        value = kind(raw)
    except (TypeError, ValueError):
        raise SettingError(name, raw, "a positive number") from None
    if value <= 0:
        raise SettingError(name, raw, "a positive number")
    return value


def _parse_bool(name: str, raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    value = str(raw).strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise SettingError(name, raw, "true or false")


def _parse_pin_hash(name: str, raw: object) -> str | None:
    if raw in (None, ""):
        return None
    from gemilang_tui.attendant import is_pin_hash

    if not is_pin_hash(str(raw)):
        raise SettingError(name, "…", "a hash made by `gemilang-tui hash-pin` (pbkdf2_sha256$…)")
    return str(raw)


def _parse_printer(name: str, raw: object) -> PrinterTarget | None:
    from gemilang_tui.printing.target import ALLOWED, PrinterTarget, parse_target

    if raw is None or isinstance(raw, PrinterTarget):
        return raw
    try:
        return parse_target(str(raw))
    except ValueError:
        raise SettingError(name, raw, ALLOWED) from None


def _parse_printer_width(name: str, raw: object) -> int:
    value = str(raw).strip().lower().removesuffix("mm").strip()
    if value not in ("58", "80"):
        raise SettingError(name, raw, "58 or 80 (paper width in mm)")
    return int(value)


def _parse_dir(name: str, raw: object) -> Path | None:
    if raw in (None, ""):
        return None
    return Path(str(raw)).expanduser()


_PARSERS = {
    "api_url": _parse_url,
    "api_token": lambda name, raw: str(raw) if raw else None,
    "locale": _parse_locale,
    "today": _parse_date,
    "data_dir": _parse_dir,
    "fixtures": _parse_dir,
    "timeout": lambda name, raw: _parse_positive(name, raw, float),
    "idle_seconds": lambda name, raw: _parse_positive(name, raw, int),
    "attendant_pin_hash": lambda name, raw: _parse_pin_hash(name, raw),
    "dev": _parse_bool,
    "printer": _parse_printer,
    "printer_width": _parse_printer_width,
}


def _apply(settings: Settings, values: Mapping[str, object], label: Callable[[str], str]) -> Settings:
    changes: dict[str, Any] = {}
    for key, raw in values.items():
        parse = _PARSERS.get(key)
        if parse is None:
            raise SettingError(label(key), raw, "a known setting: " + ", ".join(_PARSERS))
        value = parse(label(key), raw)
        if value is not None or key in ("api_url", "today", "fixtures", "printer"):
            changes[key] = value
    if "data_dir" in changes and changes["data_dir"] is None:
        del changes["data_dir"]
    return replace(settings, **changes)


def _from_toml(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise SettingError(f"config file {path}", "", f"valid TOML ({error})") from None
    return dict(data.get("gemilang", data))


def _from_environment(environ: Mapping[str, str]) -> dict[str, object]:
    names = {f.name for f in fields(Settings)}
    return {
        key[len(ENV_PREFIX):].lower(): value
        for key, value in environ.items()
        if key.startswith(ENV_PREFIX) and key[len(ENV_PREFIX):].lower() in names
    }


def load_settings(
    flags: Mapping[str, object] | None = None,
    environ: Mapping[str, str] | None = None,
    config_path: Path | None = None,
) -> Settings:
    """Merge defaults, the TOML file, `GEMILANG_*` variables and command-line flags, in that order."""
    environ = os.environ if environ is None else environ
    settings = Settings()
    explicit = config_path or (Path(environ["GEMILANG_CONFIG"]) if environ.get("GEMILANG_CONFIG") else None)
    path = explicit or default_config_path()
    if path.is_file():
        settings = _apply(settings, _from_toml(path), lambda key: f"{path}: {key}")
    elif explicit is not None:
        raise SettingError("--config", str(explicit), "an existing TOML file")
    settings = _apply(settings, _from_environment(environ), lambda key: ENV_PREFIX + key.upper())
    if flags:
        given = {key: value for key, value in flags.items() if value is not None}
        settings = _apply(settings, given, lambda key: "--" + key.replace("_", "-"))
    return settings

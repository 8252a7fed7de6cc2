"""One typed settings object, from (lowest first) defaults, a TOML file, `GEMILANG_*` variables and flags.

Only the standard library is imported here: settings are read before the first paint.
"""

from __future__ import annotations

import math
import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gemilang_tui.mockapi.faults import FaultPlan
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


MIN_IDLE_WARNING_SECONDS = 20  # a spoken countdown needs time to be heard and answered (KIOSK.md)


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
    idle_warning_seconds: int = 30
    attendant_pin_hash: str | None = field(default=None, repr=False)
    dev: bool = False
    #: `espeak` (when it is installed; else the kiosk is silent and the attendant panel says why), `none`,
    #: or `file:DIR` (each utterance as DIR/NNNN.wav and DIR/NNNN.txt, for tests).
    speech: str = "espeak"
    speech_volume: int = 70
    printer: PrinterTarget | None = None
    printer_width: int = 58
    #: A fault plan for the mock API (`mockapi/faults.py`): the embedded one, and `mock-api --faults`.
    mock_faults: FaultPlan | None = None
    #: Where the kiosk writes its Prometheus metrics file for node_exporter's textfile collector (None: no file).
    metrics_dir: Path | None = None
    #: The desa or kelurahan the kiosk stands in (10 digits, Kemendagri code without dots): offered first wherever
    #: a place is asked. The default is Desa Tapos, Kecamatan Tigaraksa (the regency seat's kecamatan).
    kiosk_desa: str = "3603032013"

    def today_or_real(self) -> date:
        """The pinned date when `GEMILANG_TODAY` is set, else the real date in WIB (Asia/Jakarta)."""
        from gemilang_tui.kiosk_time import today

        return today(self.today)


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


TIMEOUT_RANGE = (0.5, 120.0)  # seconds
IDLE_SECONDS_RANGE = (1, 3600)  # more than an hour without a key leaves one visit's answers to the next citizen
IDLE_WARNING_SECONDS_RANGE = (1, 600)  # at least MIN_IDLE_WARNING_SECONDS without --dev
PIN_ITERATIONS_RANGE = (10_000, 2_000_000)  # PBKDF2 rounds: below, a stolen hash falls fast; above, a check hangs
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def _parse_url(name: str, raw: object) -> str | None:
    if raw in (None, ""):
        return None
    from urllib.parse import urlsplit

    value = str(raw).strip()
    try:
        parts = urlsplit(value)
        port = parts.port  # raises ValueError outside 0-65535
    except ValueError:
        parts, port = None, 0
    if parts is None or parts.scheme not in ("http", "https"):
        raise SettingError(name, _without_credentials(value), "an http:// or https:// URL with a host")
    if parts.username is not None or parts.password is not None:
        raise SettingError(name, _without_credentials(value),
                           "a URL without a user name or password (the token goes in GEMILANG_API_TOKEN)")
    if not parts.hostname or port == 0:
        raise SettingError(name, value, "an http:// or https:// URL with a host and a port from 1 to 65535")
    return value.rstrip("/")


def _without_credentials(url: str) -> str:
    scheme, sep, rest = url.partition("://")
    return f"{scheme}{sep}…@{rest.rpartition('@')[2]}" if sep and "@" in rest.split("/")[0] else url


def _is_local(url: str) -> bool:
    from ipaddress import ip_address
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "").lower()
    if host in LOCAL_HOSTS:
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


def _parse_seconds(name: str, raw: object, bounds: tuple[int, int]) -> int:
    """A whole number of seconds within `bounds` (both included)."""
    low, high = bounds
    text = str(raw).strip()
    if isinstance(raw, bool) or not (text.isascii() and text.isdigit() and len(text) <= 9):
        raise SettingError(name, raw, f"a whole number of seconds from {low} to {high}")
    value = int(text)
    if not low <= value <= high:
        raise SettingError(name, raw, f"a whole number of seconds from {low} to {high}")
    return value


def _parse_timeout(name: str, raw: object) -> float:
    low, high = TIMEOUT_RANGE
    try:
        value = float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        value = math.nan
    if not low <= value <= high:  # nan and inf fail this too
        raise SettingError(name, raw, f"a positive number of seconds from {low:g} to {high:g}")
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

    value = str(raw).strip()
    if not is_pin_hash(value):
        raise SettingError(name, "…", "a hash made by `gemilang-tui hash-pin` (pbkdf2_sha256$…)")
    low, high = PIN_ITERATIONS_RANGE
    if not low <= int(value.split("$")[1]) <= high:
        raise SettingError(name, "…", f"a hash made by `gemilang-tui hash-pin`, with {low:,} to {high:,} iterations")
    return value


def _parse_speech(name: str, raw: object) -> str | None:
    if raw in (None, ""):
        return None
    value = str(raw).strip()
    if value.lower() in ("espeak", "none"):
        return value.lower()
    if value.startswith("file:") and value[len("file:"):].strip():
        return "file:" + str(Path(value[len("file:"):].strip()).expanduser())
    raise SettingError(name, raw, "espeak, none or file:DIR")


def _parse_volume(name: str, raw: object) -> int:
    try:
        value = int(str(raw).strip())
    except ValueError:
        raise SettingError(name, raw, "a whole number from 0 to 100") from None
    if not 0 <= value <= 100:
        raise SettingError(name, raw, "a whole number from 0 to 100")
    return value


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


def _parse_faults(name: str, raw: object) -> FaultPlan | None:
    from gemilang_tui.mockapi.faults import PLAN_SYNTAX, FaultPlan, FaultPlanError, parse_plan

    if raw is None or isinstance(raw, FaultPlan):
        return raw
    try:
        plan = parse_plan(str(raw))
    except FaultPlanError as problem:
        raise SettingError(name, raw, f"{PLAN_SYNTAX}; here {problem}") from None
    return plan if plan.text else None


def _parse_kiosk_desa(name: str, raw: object) -> str | None:
    if raw in (None, ""):
        return None
    from gemilang_tui.domain.regions import village_by_digits

    value = str(raw).strip().replace(".", "")
    if village_by_digits(value) is None:
        raise SettingError(name, raw, "the 10-digit code of a desa or kelurahan of Kabupaten Tangerang "
                                      "(data/wilayah-3603.csv), such as 3603032013 for Desa Tapos")
    return value


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
    "timeout": _parse_timeout,
    "idle_seconds": lambda name, raw: _parse_seconds(name, raw, IDLE_SECONDS_RANGE),
    "idle_warning_seconds": lambda name, raw: _parse_seconds(name, raw, IDLE_WARNING_SECONDS_RANGE),
    "attendant_pin_hash": lambda name, raw: _parse_pin_hash(name, raw),
    "dev": _parse_bool,
    "speech": _parse_speech,
    "speech_volume": _parse_volume,
    "printer": _parse_printer,
    "printer_width": _parse_printer_width,
    "mock_faults": _parse_faults,
    "metrics_dir": _parse_dir,
    "kiosk_desa": _parse_kiosk_desa,
}


def _apply(settings: Settings, values: Mapping[str, object], label: Callable[[str], str],
           labels: dict[str, str] | None = None) -> Settings:
    changes: dict[str, Any] = {}
    for key, raw in values.items():
        parse = _PARSERS.get(key)
        if parse is None:
            raise SettingError(label(key), raw, "a known setting: " + ", ".join(_PARSERS))
        value = parse(label(key), raw)
        if labels is not None:
            labels[key] = label(key)
        if value is not None or key in ("api_url", "today", "fixtures", "printer", "mock_faults"):
            changes[key] = value
    if "data_dir" in changes and changes["data_dir"] is None:
        del changes["data_dir"]
    return replace(settings, **changes)


def _from_toml(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise SettingError(f"config file {path}", "", f"a readable file ({error.strerror or type(error).__name__})"
                           ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SettingError(f"config file {path}", "", f"valid TOML in UTF-8 ({error})") from None
    except RecursionError:
        raise SettingError(f"config file {path}", "", "TOML that is not nested so deeply") from None
    section = data.get("gemilang", data)
    if not isinstance(section, dict):
        raise SettingError(f"config file {path}", "", "a [gemilang] table")
    return dict(section)


def _from_environment(environ: Mapping[str, str]) -> dict[str, object]:
    names = {f.name for f in fields(Settings)}
    return {
        key[len(ENV_PREFIX):].lower(): value
        for key, value in environ.items()
        if key.startswith(ENV_PREFIX) and key[len(ENV_PREFIX):].lower() in names
    }


def _explicit_config(config_path: Path | None, environ: Mapping[str, str]) -> Path | None:
    return config_path or (Path(environ["GEMILANG_CONFIG"]) if environ.get("GEMILANG_CONFIG") else None)


def config_file(config_path: Path | None = None, environ: Mapping[str, str] | None = None) -> Path | None:
    """The TOML file `load_settings` reads with these arguments, or None when it reads none."""
    path = _explicit_config(config_path, os.environ if environ is None else environ) or default_config_path()
    return path if path.is_file() else None


def load_settings(
    flags: Mapping[str, object] | None = None,
    environ: Mapping[str, str] | None = None,
    config_path: Path | None = None,
) -> Settings:
    """Merge defaults, the TOML file, `GEMILANG_*` variables and command-line flags, in that order."""
    environ = os.environ if environ is None else environ
    settings = Settings()
    labels: dict[str, str] = {}  # setting → where its value came from, for the refusal's message
    explicit = _explicit_config(config_path, environ)
    path = explicit or default_config_path()
    if path.is_file():
        settings = _apply(settings, _from_toml(path), lambda key: f"{path}: {key}", labels)
    elif explicit is not None:
        raise SettingError("--config", str(explicit), "an existing TOML file")
    settings = _apply(settings, _from_environment(environ), lambda key: ENV_PREFIX + key.upper(), labels)
    if flags:
        given = {key: value for key, value in flags.items() if value is not None}
        settings = _apply(settings, given, lambda key: "--" + key.replace("_", "-"), labels)
    _check_together(settings, labels)
    if settings.idle_warning_seconds < MIN_IDLE_WARNING_SECONDS and not settings.dev:
        raise SettingError(labels.get("idle_warning_seconds", ENV_PREFIX + "IDLE_WARNING_SECONDS"),
                           settings.idle_warning_seconds,
                           f"at least {MIN_IDLE_WARNING_SECONDS} seconds on a kiosk (shorter only with --dev)")
    return settings


def _check_together(settings: Settings, labels: Mapping[str, str]) -> None:
    """Refuse settings that are each fine but unsafe together: a bearer token sent in clear text off this machine."""
    url = settings.api_url
    if settings.api_token and url and url.startswith("http://") and not _is_local(url):
        raise SettingError(labels.get("api_url", "GEMILANG_API_URL"), url,
                           "an https:// URL when an API token is set (plain http:// only to this machine)")

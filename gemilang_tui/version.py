"""The kiosk's version: the one its wheel was built with, from the repository's git tags (hatch-vcs)."""

from __future__ import annotations

from functools import lru_cache

UNKNOWN = "0+unknown"  # run from a tree that was never installed (no package metadata)


@lru_cache(1)
def version() -> str:
    """`1.2.0` at a tag, `1.2.1.dev3+g5f0c2e1` between tags; read from the installed package's metadata."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version("gemilang-tui")
    except PackageNotFoundError:
        return UNKNOWN

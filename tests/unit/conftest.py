"""A wizard's context without an app or an API: the unit tests of questions and runs share it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gemilang_tui.config import Settings
from gemilang_tui.flow import Context
from gemilang_tui.session import Visit

TODAY = date(2026, 11, 28)


@pytest.fixture
def ctx(tmp_path: Path) -> Context:
    settings = Settings(today=TODAY, data_dir=tmp_path / "data", locale="id")
    return Context(visit=Visit(), api=None, settings=settings)  # type: ignore[arg-type]

"""The error answers a mock route declares in /openapi.json, each a `Problem`: the reason in plain Indonesian."""

from __future__ import annotations

from typing import Any

from gemilang_tui.api.model import Problem

#: Every route: a parameter or body the contract does not allow.
INVALID: dict[int | str, dict[str, Any]] = {
    422: {"model": Problem, "description": "a parameter or the body is not valid"},
}

#: A route that looks something up: nothing has that number, code or id.
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "nothing has this number, code or id"},
}

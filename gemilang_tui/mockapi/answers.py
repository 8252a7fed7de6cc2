"""The error answers a mock route declares in /openapi.json, each a `Problem`: the reason in plain Indonesian."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from gemilang_tui.api.model import Problem

#: Why a 422 refuses: `form`, the request is not the contract's shape (a caller sending valid data never sees it);
#: `service_rule`, well-formed data that a rule of the service refuses (a NIK whose birth date does not fit, a code
#: the fixture set lacks, a day already past); `key_reused`, the Idempotency-Key was used with another body.
Rule = Literal["form", "service_rule", "key_reused"]


class Refusal(Problem):
    """A 422 answer: the reason in plain Indonesian, and which kind of refusal it is, so a client or a contract
    fuzzer tells a rule of the service from a request that is not the contract's."""

    rule: Rule = Field(description="form: not the contract's shape; service_rule: well-formed, refused by a rule "
                                   "of the service; key_reused: the Idempotency-Key was used with another body")


def refusal(detail: str, rule: Rule) -> dict[str, str]:
    return {"detail": detail, "rule": rule}


#: Every route: a parameter or body the contract does not allow.
INVALID: dict[int | str, dict[str, Any]] = {
    422: {"model": Refusal, "description": "a parameter or the body is not valid (`rule`: form)"},
}

#: A route that looks something up: nothing has that number, code or id.
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "nothing has this number, code or id"},
}

#: A route that reads a body: one larger than `MAX_REQUEST_BODY` is refused unread.
TOO_LARGE: dict[int | str, dict[str, Any]] = {
    413: {"model": Problem, "description": "the body is larger than 64 KiB"},
}

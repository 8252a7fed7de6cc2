"""What every POST route of the mock that creates something goes through: the Idempotency-Key contract.

DOMAIN.md: the same key with the same body returns the original result; with another body → 422; while the first
request is still being processed → 409; no key → 400. A routes module declares its POST route with `submission_route`::

    router = APIRouter(tags=["ppid"], route_class=SubmissionRoute)   # validation errors → 422 in Indonesian
    submission_route(router, SUBMIT, "ppid", PermohonanInformasiBaru, data=_form, problem=problem_with,
                     accept=accept, doc="A new information request. …")

`problem(body, data, today)` says why a body is refused (422), or None; `accept(store, body, data, today)` builds
the answer (allocating the official number with `store.next_number(kind)`), once per key.
The store is SQLite: a file (`app.state.database`, as `gemilang-tui mock-api` runs it) or in memory (the
embedded default). Routes are plain `def`, so FastAPI runs the SQLite work in its thread pool.
"""

from __future__ import annotations

import inspect
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Mapping
from datetime import date
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Header, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel

from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import Problem
from gemilang_tui.mockapi.answers import TOO_LARGE, Refusal, Rule, refusal
from gemilang_tui.mockapi.app import today_of
from gemilang_tui.mockapi.submissions import IdempotencyError, SubmissionStore

log = logging.getLogger(__name__)

IDEMPOTENCY_HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 200
#: Test hook: seconds a submission stays "in flight" between reservation and completion (durability tests).
DELAY_VARIABLE = "GEMILANG_MOCK_SUBMIT_DELAY"

B = TypeVar("B", bound=BaseModel)
D = TypeVar("D")


def idempotency_key(
    key: Annotated[str, Header(alias=IDEMPOTENCY_HEADER, min_length=1, max_length=MAX_KEY_LENGTH, pattern=r"\S",
                               description="a UUID chosen by the kiosk for this submission; repeat it when retrying")],
) -> str:
    """The submission's Idempotency-Key (a dependency); missing, blank or too long → 400 (`SubmissionRoute`)."""
    return key.strip()


SUBMISSION_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "the same Idempotency-Key and body were sent before: the original answer"},
    400: {"model": Problem, "description": "the Idempotency-Key header is missing"},
    409: {"model": Problem, "description": "the first request with this Idempotency-Key is still being processed"},
    422: {"model": Refusal, "description": "`rule` says why: `form`, the body is not valid (also: not JSON, or "
          "JSON nested too deeply); `service_rule`, a well-formed body a rule of the service refuses (a NIK whose "
          "birth date does not fit, a code the data lacks, a day already past); `key_reused`, the key was used "
          "with another body"},
    **TOO_LARGE,
}


def ensure_store(app: Any) -> SubmissionStore:
    """The app's submission store (`app.state.submissions`), created once for every POST route.

    A store file that cannot be opened (the data folder under a plain file, read-only, full) does not take the
    lookups down with it: the records are kept in memory for this run, said once in the log."""
    store = getattr(app.state, "submissions", None)
    if store is None:
        database = getattr(app.state, "database", None)
        try:
            store = SubmissionStore(database)
        except (OSError, sqlite3.Error) as problem:
            log.warning("the mock's store %s cannot be used (%s): its records are kept in memory until it stops",
                        database, type(problem).__name__)
            store = SubmissionStore(None)
        app.state.submissions = store
        app.state.submit_delay = _delay_from_environment()
    return store


MAX_SUBMIT_DELAY = 60.0  # seconds: a test hook that waits longer is a typo


def _delay_from_environment() -> float:
    """The test hook's delay: 0 to MAX_SUBMIT_DELAY seconds; anything else (nan, inf, words) is no delay."""
    try:
        delay = float(os.environ.get(DELAY_VARIABLE) or 0)
    except ValueError:
        return 0.0
    return delay if 0.0 <= delay <= MAX_SUBMIT_DELAY else 0.0


def refuse(status: int, detail: str, rule: Rule = "form") -> JSONResponse:
    """An error answer; a 422 also says which kind of refusal it is (`Refusal`)."""
    return JSONResponse(refusal(detail, rule) if status == 422 else {"detail": detail}, status_code=status)


def idempotent(
    request: Request,
    kind: str,
    key: str,
    body: BaseModel | Mapping[str, Any],
    create: Callable[[SubmissionStore], Mapping[str, Any]],
    check: Callable[[], str | None] | None = None,
) -> JSONResponse:
    """Answer a submission exactly once per key: 201 the first time, 200 with the same answer after."""
    problem = check() if check is not None else None
    if problem:
        return refuse(422, problem, "service_rule")
    data = body.model_dump(mode="json") if isinstance(body, BaseModel) else dict(body)
    store: SubmissionStore = ensure_store(request.app)
    try:
        state, result = store.begin(kind, key, data)
    except IdempotencyError as refused:
        return refuse(refused.status_code, str(refused), "key_reused")
    if state == "replay":
        return JSONResponse(result, status_code=200, headers={"Idempotent-Replayed": "true"})
    try:
        delay = getattr(request.app.state, "submit_delay", 0.0)
        if delay:
            time.sleep(delay)
        created = dict(create(store))
    except BaseException:
        store.abort(key)
        raise
    return JSONResponse(store.complete(key, created), status_code=201)


def submission_route(
    router: APIRouter,
    endpoint: Endpoint[Any],
    kind: str,
    body: type[B],
    data: Callable[..., D],
    problem: Callable[[B, D, date], str | None],
    accept: Callable[[SubmissionStore, B, D, date], Mapping[str, Any]],
    doc: str,
) -> None:
    """Declare the idempotent create of `kind` at `endpoint`: the body validated as `body`, `data` (a dependency:
    the route's fixture) and today given to `problem` (a refusal, 422) and `accept` (the answer, once per key)."""

    def submit(request: Request, payload: Any, found: Any, today: date, key: str) -> JSONResponse:
        return idempotent(request, kind, key, payload, create=lambda store: accept(store, payload, found, today),
                          check=lambda: problem(payload, found, today))

    parameter = inspect.Parameter
    submit.__signature__ = inspect.Signature([  # type: ignore[attr-defined]  # what FastAPI reads: real types
        parameter("request", parameter.POSITIONAL_OR_KEYWORD, annotation=Request),
        parameter("payload", parameter.POSITIONAL_OR_KEYWORD, annotation=body),
        parameter("found", parameter.POSITIONAL_OR_KEYWORD, annotation=Annotated[Any, Depends(data)]),
        parameter("today", parameter.POSITIONAL_OR_KEYWORD, annotation=Annotated[date, Depends(today_of)]),
        parameter("key", parameter.POSITIONAL_OR_KEYWORD, annotation=Annotated[str, Depends(idempotency_key)]),
    ])
    submit.__name__ = submit.__qualname__ = f"submit_{kind}"
    submit.__doc__ = doc
    router.add_api_route(endpoint.path, submit, methods=[endpoint.method], status_code=201,
                         response_model=endpoint.model, responses=SUBMISSION_RESPONSES)


# -- validation errors in Indonesian --------------------------------------------------------------------------

_MESSAGES = {
    "missing": "{field} wajib diisi.",
    "string_too_short": "{field} terlalu pendek (paling sedikit {min_length} huruf).",
    "string_too_long": "{field} terlalu panjang (paling banyak {max_length} huruf).",
    "string_pattern_mismatch": "{field} tidak sesuai bentuk yang diminta.",
    "string_type": "{field} harus berupa teks.",
    "literal_error": "{field} harus salah satu dari: {expected}.",
    "date_parsing": "{field} harus tanggal dengan bentuk TTTT-BB-HH.",
    "date_from_datetime_parsing": "{field} harus tanggal dengan bentuk TTTT-BB-HH.",
    "date_type": "{field} harus tanggal dengan bentuk TTTT-BB-HH.",
    "bool_parsing": "{field} harus true atau false.",
    "bool_type": "{field} harus true atau false.",
    "int_parsing": "{field} harus bilangan bulat.",
    "int_type": "{field} harus bilangan bulat.",
    "extra_forbidden": "{field} tidak dikenal.",
    "model_attributes_type": "{field} harus berupa objek.",
    "dict_type": "{field} harus berupa objek.",
    "json_invalid": "Isi permintaan bukan JSON yang benar.",
    "json_too_deep": "Isi permintaan tidak dapat dibaca: susunan JSON-nya terlalu dalam.",
    "model_type": "Isi permintaan harus berupa objek JSON.",
}


def indonesian_reason(errors: list[Mapping[str, Any]]) -> str:
    """The first validation error, in one plain Indonesian sentence naming the field."""
    if not errors:
        return "Isian tidak valid."
    first = errors[0]
    parts = [str(part) for part in first.get("loc", ()) if part not in ("body", "query", "path", "header")]
    field = ".".join(parts) or "Isian"
    context = dict(first.get("ctx") or {})
    if isinstance(context.get("expected"), str):
        context["expected"] = context["expected"].replace(" or ", " atau ")
    template = _MESSAGES.get(str(first.get("type")), "{field} tidak valid.")
    try:
        return template.format(field=field, **context)
    except (KeyError, IndexError):
        return f"{field} tidak valid."


def _key_problem(errors: list[Mapping[str, Any]]) -> str | None:
    """Why the Idempotency-Key header is refused (400, DOMAIN.md), or None when it is fine."""
    for error in errors:
        if tuple(error.get("loc", ())) == ("header", IDEMPOTENCY_HEADER):
            if error.get("type") == "string_too_long":
                return f"Idempotency-Key terlalu panjang (paling banyak {MAX_KEY_LENGTH} karakter)."
            return "Header Idempotency-Key wajib diisi (sebuah UUID)."
    return None


class SubmissionRoute(APIRoute):
    """A submission's route: a missing or unusable Idempotency-Key is 400, any other invalid part 422."""

    def get_route_handler(self) -> Callable[[Request], Any]:
        handler = super().get_route_handler()

        async def route_handler(request: Request) -> Any:
            try:
                return await handler(request)
            except RequestValidationError as problem:
                errors = list(problem.errors())
                key_problem = _key_problem(errors)
                if key_problem is not None:
                    return refuse(400, key_problem)
                return refuse(422, indonesian_reason(errors))

        return route_handler

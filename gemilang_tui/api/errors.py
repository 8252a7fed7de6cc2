"""One exception hierarchy for everything the API client can meet.

Screens catch `ApiError` and show a plain message; they never see httpx or HTTP statuses.
"""

from __future__ import annotations


class ApiError(Exception):
    """Base of every failure talking to the Tangerang Gemilang API."""


class ApiUnavailable(ApiError):
    """The server could not be reached, timed out, or answered 5xx: worth retrying later."""


class ApiNotFound(ApiError):
    """The server answered 404 for the thing asked about (an unknown NOP, ticket, reference)."""


class ApiRejected(ApiError):
    """The server refused the request (4xx other than 404): retrying the same request will not help."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


class ApiConflict(ApiRejected):
    """409: the same idempotency key is still being processed; try again shortly."""


class ApiBadResponse(ApiError):
    """The server answered with something that is not what the contract promises."""

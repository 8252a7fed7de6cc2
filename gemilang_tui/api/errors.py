"""One exception hierarchy for everything the API client can meet.

Screens catch `ApiError` and show a plain message; they never see httpx or HTTP statuses.
"""

from __future__ import annotations


class ApiError(Exception):
    """Base of every failure talking to the Tangerang Gemilang API."""


class ApiUnavailable(ApiError):
    """Worth retrying later: no answer, a timeout, 5xx, 408, 429, or a gateway's 4xx without the contract's body.

    `status` is the HTTP status when the server answered; `retry_after` its `Retry-After` in seconds from now.
    """

    def __init__(self, message: str = "", retry_after: float | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.status = status


class ApiNotFound(ApiError):
    """The server answered 404 for the thing asked about (an unknown NOP, ticket, reference)."""


#: The contract's refusals of a submission that resending the same body will never change (DOMAIN.md: no key or a
#: malformed request → 400, an invalid body or a key reused with another body → 422).
FINAL_STATUSES = frozenset({400, 422})


class ApiRejected(ApiError):
    """The server refused the request with the contract's error body (`{"detail": …}`), 4xx other than 404."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason

    @property
    def final(self) -> bool:
        """True for the contract's final refusals; any other 4xx (401, 403, 409…) may pass later."""
        return self.status in FINAL_STATUSES


class ApiConflict(ApiRejected):
    """409: the same idempotency key is still being processed; try again shortly."""


class ApiBadResponse(ApiError):
    """The server answered with something that is not what the contract promises."""

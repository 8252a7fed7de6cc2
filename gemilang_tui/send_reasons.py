"""Why a submission is not sent (yet), in a small fixed vocabulary: the server's own text is never kept or shown.

A server's error text may carry anything, the request's headers (the bearer token) or the citizen's data included.
The outbox stores one of the codes of `REASONS`; screens and `gemilang-tui outbox` show its words through i18n.
"""

from __future__ import annotations

from gemilang_tui.api.errors import ApiBadResponse, ApiNotFound, ApiRejected, ApiUnavailable
from gemilang_tui.i18n import N_, _

REASONS: dict[str, str] = {
    "refused": N_("refused by the server"),
    "incomplete": N_("incomplete data"),
    "not_allowed": N_("kiosk not allowed"),
    "not_available": N_("service not available yet"),
    "busy": N_("server busy"),
    "server_error": N_("server trouble"),
    "unreachable": N_("server unreachable"),
    "bad_answer": N_("unexpected answer"),
    "kiosk_error": N_("kiosk error"),
    "other": N_("other problem"),
    "resolved": N_("handled by the attendant"),
}
#: What each reason means for the attendant, and what to do about it, in plain words.
EXPLANATIONS: dict[str, str] = {
    "refused": N_("The server refused this submission. Sending it again will not change that: go through it with "
                  "the citizen at the counter, then delete its personal data."),
    "incomplete": N_("The server says something in it is missing or wrong. Sending it again will not change that: "
                     "go through it with the citizen at the counter, then delete its personal data."),
    "not_allowed": N_("The server does not accept this kiosk (its access key). Call the technician. The kiosk keeps "
                      "trying by itself."),
    "not_available": N_("The server does not take this kind of submission yet. The kiosk keeps trying by itself."),
    "busy": N_("The server is busy. The kiosk tries again by itself."),
    "server_error": N_("The server has a problem of its own. The kiosk tries again by itself."),
    "unreachable": N_("The server cannot be reached: check the network cable or the Wi-Fi. The kiosk tries again "
                      "by itself."),
    "bad_answer": N_("The server's answer could not be read. The kiosk tries again by itself."),
    "kiosk_error": N_("An error in the kiosk's own software, written in kiosk.log. The kiosk tries again by itself."),
    "other": N_("Another problem. The kiosk tries again by itself."),
    "resolved": N_("The attendant handled it at the counter; its personal data is deleted."),
}
RESOLVED = "resolved"  # not a failure: the attendant dealt with it and its personal data is gone

STATUSES: dict[str, str] = {"pending": N_("pending"), "sent": N_("sent"), "failed": N_("failed")}

_BUSY = frozenset({408, 409, 429, 503})


def reason_of(error: BaseException) -> str:
    """The code of `REASONS` for a failed attempt."""
    if isinstance(error, ApiRejected):
        if error.status in _BUSY:
            return "busy"
        if error.status in (401, 403):
            return "not_allowed"
        return "incomplete" if error.status == 422 else "refused"
    if isinstance(error, ApiUnavailable):
        status = error.status
        if status is None:
            return "unreachable"
        return "busy" if status in _BUSY else "server_error"
    if isinstance(error, TimeoutError | OSError):
        return "unreachable"
    if isinstance(error, ApiNotFound):
        return "not_available"
    if isinstance(error, ApiBadResponse):
        return "bad_answer"
    return "kiosk_error"


def known(code: str | None) -> str | None:
    """`code` when it is in the vocabulary, else "other" (None stays None)."""
    if code is None:
        return None
    return code if code in REASONS else "other"


def reason_text(code: str | None) -> str:
    """The words for a reason code, in the active language; anything outside the vocabulary is "other"."""
    return _(REASONS[known(code) or "other"])


def status_text(status: str) -> str:
    """"tertunda", "terkirim", "gagal"."""
    return _(STATUSES[status]) if status in STATUSES else status


def explanation(code: str | None) -> str:
    """What the reason means and what to do, in the active language."""
    return _(EXPLANATIONS[known(code) or "other"])

"""Everything one citizen's visit holds, in one object that can be wiped at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gemilang_tui.i18n import DEFAULT_LOCALE


@dataclass
class Visit:
    """The language, the answers given and the drafts of one citizen at the kiosk."""

    locale: str = DEFAULT_LOCALE
    answers: dict[str, Any] = field(default_factory=dict)
    drafts: dict[str, dict[str, Any]] = field(default_factory=dict)
    last_receipts: list[str] = field(default_factory=list)
    under_way: bool = False  # the citizen has gone on from the welcome screen: showing it again ends the visit

    def remember(self, key: str, value: Any) -> None:
        """Keep an answer (NIK, name, phone…) so it is offered again, not asked twice."""
        self.answers[key] = value

    def recall(self, key: str) -> Any:
        return self.answers.get(key)

    def draft(self, name: str) -> dict[str, Any]:
        return self.drafts.setdefault(name, {})

    def wipe(self) -> None:
        """Forget everything: the next citizen starts from nothing."""
        self.locale = DEFAULT_LOCALE
        self.answers.clear()
        self.drafts.clear()
        self.last_receipts.clear()
        self.under_way = False

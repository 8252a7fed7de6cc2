"""Long numbers grouped for reading back: `3603284508710003` → `3603 2845 0871 0003`."""

from __future__ import annotations


def in_groups(digits: str, size: int = 4) -> str:
    """Digits in groups of `size` from the left, as a person reads a NIK or a phone number off a card."""
    return " ".join(digits[start:start + size] for start in range(0, len(digits), size))

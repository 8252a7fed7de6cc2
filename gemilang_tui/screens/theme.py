"""The kiosk's high-contrast theme: every text at least 7:1 against what is behind it (WCAG AAA).

Colours are chosen for older eyes in a bright office: white on black, the title and the highlighted option in black
on yellow. The highlight is also reversed, so it is obvious without colour.
"""

from __future__ import annotations

from textual.theme import Theme

BLACK = "#000000"
WHITE = "#FFFFFF"
YELLOW = "#FFD400"
LIGHT_RED = "#FF9B9B"
LIGHT_BLUE = "#9FD3FF"
PANEL = "#1A1A1A"

KIOSK_THEME = Theme(
    name="gemilang-kontras",
    primary=YELLOW,
    secondary=LIGHT_BLUE,
    accent=YELLOW,
    warning=YELLOW,
    error=LIGHT_RED,
    success="#9BFF9B",
    foreground=WHITE,
    background=BLACK,
    surface=BLACK,
    panel=PANEL,
    dark=True,
    text_alpha=1.0,
    variables={
        "text": WHITE,
        "block-cursor-background": YELLOW,
        "block-cursor-foreground": BLACK,
    },
)

#: (what, text colour, background): the pairs a citizen reads; a test holds each to 7:1.
READ_PAIRS = [
    ("text", WHITE, BLACK),
    ("title", BLACK, YELLOW),
    ("marker", BLACK, YELLOW),
    ("error", LIGHT_RED, BLACK),
    ("legend", WHITE, PANEL),
    ("typed answer", WHITE, BLACK),
]


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two `#RRGGBB` colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[index:index + 2], 16) / 255 for index in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)

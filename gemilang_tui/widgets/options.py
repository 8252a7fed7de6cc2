"""Numbered options: the number first, always in the same column, then the title and what it is for."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from gemilang_tui.flow import KeyHint, Option


class NumberedOptions(Static):
    """Shows `1  Layanan Mandiri   Minta surat…`; the highlighted line (arrow keys) is reversed."""

    DEFAULT_CSS = """
    NumberedOptions { height: auto; margin: 1 0 0 0; }
    """

    def show(self, options: list[Option], highlight: int | None, roomy: bool) -> None:
        if not options:
            self.update("")
            self.display = False
            return
        self.display = True
        table = Table.grid(padding=(0, 2), expand=False)
        table.add_column(justify="right", no_wrap=True, min_width=2)
        table.add_column(no_wrap=False, ratio=None)
        table.add_column(no_wrap=False)
        for index, option in enumerate(options):
            chosen = index == highlight
            style = "reverse" if chosen else ""
            number = Text(str(option.number), style="bold " + style)
            label = Text(option.label, style=("bold " if option.enabled else "dim ") + style)
            hint = Text(option.hint, style="italic")
            if roomy and option.hint:
                table.add_row(number, label, "")
                table.add_row("", hint, "")
            else:
                table.add_row(number, label, hint)
        self.update(table)


class KeyLegend(Static):
    """The bottom line: which keys do what, in words."""

    DEFAULT_CSS = """
    KeyLegend { dock: bottom; height: auto; padding: 0 2; background: $panel; color: $text; }
    """

    def show(self, hints: list[KeyHint]) -> None:
        text = Text()
        for index, hint in enumerate(hints):
            if index:
                text.append("  ·  ")
            text.append(hint.key, style="bold reverse")
            text.append(" " + hint.label)
        self.update(text)

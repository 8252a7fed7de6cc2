"""Numbered options: the number first, always in the same column, then the title and what it is for."""

from __future__ import annotations

import textwrap

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Static

from gemilang_tui.flow import KeyHint, Option

NUMBER_WIDTH = 2
GAP = "  "
LABEL_MAX = 32
CHROME_LINES = 11  # title, question, margins, page line and key legend around the options on a small screen
SMALLEST_CHROME = 5  # title, a line of question, the page line, the legend: what must stay beside the options


class NumberedOptions(Widget):
    """Shows `1  Layanan Mandiri   Minta surat…`; the highlighted line (arrow keys) is reversed.

    Laid out by hand rather than with a Rich table: this widget is drawn on every screen, and a table's column
    measuring was most of the cost of a key press.
    """

    DEFAULT_CSS = """
    NumberedOptions { height: auto; }
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._options: list[Option] = []
        self._highlight: int | None = None
        self._roomy = False
        self._drawn: tuple[list[tuple[str, str, str, bool]], int | None, bool] | None = None
        self._laid_out: tuple[tuple[int, int], list[Text]] | None = None

    def show(self, options: list[Option], highlight: int | None, roomy: bool) -> None:
        drawn = [(option.shown_key, option.label, option.hint, option.enabled) for option in options]
        unchanged = (drawn, highlight, roomy) == self._drawn
        self._options, self._highlight, self._roomy = options, highlight, roomy
        if unchanged:  # the same lines: no layout of the screen for them
            return
        self._drawn = (drawn, highlight, roomy)
        self._laid_out = None
        self.display = bool(options)
        self.refresh(layout=True)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Text:
        return Text("\n").join(self._lines(self.content_size.width or self.app.size.width))

    def _lines(self, width: int) -> list[Text]:
        """The lines at this width, laid out once per change: Textual asks for the height, then for the lines."""
        key = (width, self.app.size.height)
        if self._laid_out is None or self._laid_out[0] != key:
            self._laid_out = (key, self._lay_out(width))
        return self._laid_out[1]

    def _lay_out(self, width: int) -> list[Text]:
        width = max(width, 20)
        full = self._layout(width, hints_below=True)
        if self._roomy or len(full) <= self.app.size.height - CHROME_LINES:
            return full
        # A small screen: every option must stay in sight, so hints stay only if all fit beside their labels.
        indent = NUMBER_WIDTH + len(GAP)
        all_inline = all(
            not option.hint or indent + len(option.label) + len(GAP) + len(option.hint) <= width
            for option in self._options
        )
        compact = self._layout(width, hints_below=False, hints=all_inline)
        if len(compact) <= self.app.size.height - SMALLEST_CHROME:
            return compact
        # Still too tall (long titles on a 60x16 screen): one line each, the end of a long title cut with "…".
        return [self._one_line(index, option, width) for index, option in enumerate(self._options)]

    def _one_line(self, index: int, option: Option, width: int) -> Text:
        style = "reverse" if index == self._highlight else ""
        room = max(10, width - NUMBER_WIDTH - len(GAP))
        label = option.label if len(option.label) <= room else option.label[: room - 1].rstrip() + "…"
        line = Text(f"{option.shown_key:>{NUMBER_WIDTH}}", style="bold " + style)
        line.append(GAP)
        line.append(label, style=("bold " if option.enabled else "dim ") + style)
        return line

    def _label_width(self, room: int) -> int:
        """The hints' column: after the longest label when every hint still fits on its line beside it (so an
        official name like "Surat Keterangan Tidak Mampu (SKTM)" keeps its hint in line), else after LABEL_MAX."""
        longest = max((len(option.label) for option in self._options), default=0)
        if longest <= LABEL_MAX:
            return longest
        widest_hint = max((len(option.hint) for option in self._options), default=0)
        return longest if longest + len(GAP) + widest_hint <= room + len(GAP) and longest <= room // 2 else LABEL_MAX

    def _layout(self, width: int, hints_below: bool, hints: bool = True) -> list[Text]:
        indent = NUMBER_WIDTH + len(GAP)
        label_width = self._label_width(width - indent - len(GAP))
        hint_column = indent + label_width + len(GAP)
        lines: list[Text] = []
        for index, option in enumerate(self._options):
            style = "reverse" if index == self._highlight else ""
            label_style = ("bold " if option.enabled else "dim ") + style
            label_lines = textwrap.wrap(option.label, max(10, width - indent)) or [""]
            line = Text(f"{option.shown_key:>{NUMBER_WIDTH}}", style="bold " + style)
            line.append(GAP)
            inline = hints and not self._roomy and len(label_lines) == 1 and bool(option.hint)
            if inline and len(label_lines[0]) <= label_width and width - hint_column >= 20:
                line.append(label_lines[0].ljust(label_width), style=label_style)
                hint_lines = textwrap.wrap(option.hint, width - hint_column)
                line.append(GAP + hint_lines[0], style="italic")
                lines.append(line)
                lines.extend(Text(" " * hint_column + rest, style="italic") for rest in hint_lines[1:])
                continue
            line.append(label_lines[0], style=label_style)
            if inline and indent + len(label_lines[0]) + len(GAP) + len(option.hint) <= width:
                line.append(GAP + option.hint, style="italic")
                lines.append(line)
                continue
            lines.append(line)
            lines.extend(Text(" " * indent + rest, style=label_style) for rest in label_lines[1:])
            if option.hint and hints_below:
                lines.extend(Text(" " * indent + rest, style="italic")
                             for rest in textwrap.wrap(option.hint, max(10, width - indent)))
        return lines


class KeyLegend(Static):
    """The bottom line: which keys do what, in words."""

    DEFAULT_CSS = """
    KeyLegend { height: auto; padding: 0 2; background: $panel; color: $text; }
    """

    _shown: list[tuple[str, str]] | None = None

    def show(self, hints: list[KeyHint]) -> None:
        shown = [(hint.key, hint.label) for hint in hints]
        if shown == self._shown:
            return
        self._shown = shown
        text = Text()
        for index, hint in enumerate(hints):
            if index:
                text.append(" · ")
            for position, key in enumerate(hint.key.split(" ")):  # "- 0": two keys that do the same
                if position:
                    text.append(" ")
                text.append(f" {key} ", style="bold reverse")
            text.append(" " + hint.label)
        self.update(text)

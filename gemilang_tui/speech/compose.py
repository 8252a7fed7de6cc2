"""The words of a `say` request, composed in the speech worker (normalising and number words are its weight)."""

from __future__ import annotations

from gemilang_tui.speech import normalise
from gemilang_tui.speech.protocol import Say
from gemilang_tui.speech.seen import Seen


def compose(say: Say) -> str:
    seen, before, locale = say.seen, say.before, say.locale
    if say.kind == "sentence":
        return normalise.sentence(say.text, locale)
    assert seen is not None  # the protocol only lets a `say` without what it needs through as a sentence
    if say.kind == "all":
        return normalise.spoken(seen, locale)
    assert before is not None
    if say.kind == "echo":
        return echo(before, seen, locale)
    heard = set(normalise.script(before, locale))
    return " ".join(line for line in normalise.script(seen, locale) if line not in heard)


def echo(previous: Seen, seen: Seen, locale: str) -> str:
    """The key typed into a field: its digit or letter; a deletion; nothing for a PIN."""
    prompt, earlier = seen.prompt, previous.prompt
    if prompt is None or earlier is None or prompt.masked:
        return ""
    before, now = earlier.value, prompt.value
    if prompt.digits_only:  # "41.500" after "4.150": the field groups what was typed, the key was a 0
        before, now = _digits(before), _digits(now)
    if len(now) > len(before) and now.startswith(before):
        return normalise.echo(now[-1], locale)
    if len(now) < len(before):
        return normalise.deleted(locale)
    return normalise.typed(prompt.value, prompt.digits_only, prompt.prefix, locale)


def _digits(value: str) -> str:
    return "".join(char for char in value if char.isdigit())

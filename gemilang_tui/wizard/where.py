"""The "where" question of every form: a kecamatan (`Where`), then a place in it (`WhereIn`: a desa, a TPU…).

Both pass over an answer `Given` by the page the form was opened from (a TPU), like `Preset`.
The kiosk knows where it stands (`Settings.kiosk_desa`), so the first answer offered is always "Di sini: Desa Tapos,
Kecamatan Tigaraksa", and the kiosk's own kecamatan comes first in the list, before the others in their order.
"Di sini" answers both levels at once when the second level is a desa (`here_in`), so the desa list is passed over.
When the form already has the citizen's NIK (`nik_key`), its first 6 digits tell the kecamatan of the KTP address:
offered right after the kiosk's ("menurut NIK Anda"), never assumed (a domicile letter is for people who live
elsewhere now).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from gemilang_tui.domain import regions
from gemilang_tui.flow import Context, Step
from gemilang_tui.i18n import L, _
from gemilang_tui.wizard.choices import Given
from gemilang_tui.wizard.draft import Answer, Answers, Choice
from gemilang_tui.wizard.questions import Choose
from gemilang_tui.wizard.walk import Pick, Place

if TYPE_CHECKING:
    from gemilang_tui.wizard.run import WizardRun


class Here(Answer):
    """An answer given by where the kiosk stands ("Di sini"), not chosen from the list itself."""


def kiosk_village(ctx: Context) -> regions.Region | None:
    """The desa or kelurahan this kiosk stands in (a validated setting; None only for a code no longer listed)."""
    return regions.village_by_digits(ctx.settings.kiosk_desa)


def kiosk_district(ctx: Context) -> regions.Region | None:
    village = kiosk_village(ctx)
    return regions.region(village.kode_kecamatan) if village is not None else None


def here_label(ctx: Context) -> str:
    """`Di sini: Desa Tapos, Kecamatan Tigaraksa`."""
    village, district = kiosk_village(ctx), kiosk_district(ctx)
    if village is None or district is None:
        return ""
    return _("Here: {place}").format(place=regions.place_name(village, district))


def nik_district(answers: Answers, nik_key: str) -> regions.Region | None:
    """The kecamatan of a NIK of this regency (digits 5-6), or None."""
    nik = answers.get(nik_key)
    if not isinstance(nik, str) or not nik.startswith("3603"):
        return None
    return regions.kecamatan_by_nik_code(nik[4:6])


class Where(Choose):
    """Which kecamatan: "Di sini" first, then the kiosk's kecamatan, then the rest.

    `choices` give one `Choice` per kecamatan, its value the Kemendagri code (36.03.03). `here_in` is the key of
    the `WhereIn` question that "Di sini" answers too, with `here_answer(ctx, district_choice)` (the kiosk's desa);
    without them, "Di sini" answers the kecamatan only. `nik_key`: the NIK's kecamatan comes next (see the module).
    """

    def __init__(self, key: str, question: Any, choices: Any, *, here_in: str | None = None,
                 here_answer: Callable[[Context, Choice], Answer | None] | None = None,
                 nik_key: str | None = None, **common: Any) -> None:
        super().__init__(key, question, choices, **common)
        self.here_in = here_in
        self.here_answer = here_answer
        self.nik_key = nik_key

    def choices(self, ctx: Context, answers: Answers, loaded: Any) -> list[Choice]:
        listed = super().choices(ctx, answers, loaded)
        district = kiosk_district(ctx)
        own = [choice for choice in listed if district is not None and choice.value == district.kode]
        told = nik_district(answers, self.nik_key) if self.nik_key else None
        by_nik = [choice for choice in listed if told is not None and choice.value == told.kode
                  and choice not in own]
        for choice in by_nik:
            choice.hint = L("from your NIK")
        return own + by_nik + [choice for choice in listed if choice not in own and choice not in by_nik]

    def first_step(self, run: WizardRun, ctx: Context, place: Place) -> Step:
        current = run.store(ctx).get(self.key)
        if place.edit is None and isinstance(current, Given):  # chosen on the page the form was opened from
            return run.next_step(ctx, self, place)  # type: ignore[return-value]
        return super().first_step(run, ctx, place)

    def picks(self, run: WizardRun, ctx: Context, place: Place, loaded: Any) -> list[Pick]:
        picks = super().picks(run, ctx, place, loaded)
        listed = self.choices(ctx, run.answers(ctx), loaded)
        for pick in picks[:len(listed)]:
            pick.open = self._plain(run, pick, place)
            pick.answer = None
        district = kiosk_district(ctx)
        own = next((choice for choice in listed if district is not None and choice.value == district.kode), None)
        if own is None:
            return picks
        store = run.store(ctx)
        inner = store.get(self.here_in) if self.here_in else None
        current = store.get(self.key)
        chosen_here = isinstance(current, Here)
        for pick in picks[:len(listed)]:
            pick.current = pick.current and not chosen_here
        here = Pick(lambda: here_label(ctx), open=self._here(run, own, place),
                    current=chosen_here and (self.here_in is None or isinstance(inner, Here)))
        return [here, *picks]

    def _plain(self, run: WizardRun, pick: Pick, place: Place) -> Callable[[Context], Any]:
        answer = pick.answer
        assert answer is not None

        def choose(ctx: Context) -> Any:
            store = run.store(ctx)
            if not run.finished and self.here_in and isinstance(store.get(self.here_in), Here):
                del store[self.here_in]  # the same kecamatan chosen from the list: its desa is asked
            return run.commit(ctx, self, answer, place)

        return choose

    def _here(self, run: WizardRun, own: Choice, place: Place) -> Callable[[Context], Any]:
        def choose(ctx: Context) -> Any:
            answer = Here(own.value, own.readback or own.label, own.data)
            if run.finished or self.here_in is None or self.here_answer is None:
                return run.commit(ctx, self, answer, place)
            inner = self.here_answer(ctx, own)
            store = run.store(ctx)
            before = store.get(self.key)
            store[self.key] = answer
            if before is None or before.value != answer.value:
                run.forget_dependents(store, self.key)
            if inner is not None:
                store[self.here_in] = inner
            ctx.submissions.changed()
            return run.next_step(ctx, self, place)

        return choose


class WhereIn(Choose):
    """The place inside the chosen kecamatan (a desa, a TPU): passed over when "Di sini" answered it; the kiosk's
    own desa, when listed, comes first as "Di sini: …"."""

    def choices(self, ctx: Context, answers: Answers, loaded: Any) -> list[Choice]:
        listed = super().choices(ctx, answers, loaded)
        village = kiosk_village(ctx)
        own = [choice for choice in listed if village is not None and choice.value == village.kode]
        for choice in own:
            choice.label = here_label(ctx)
            choice.hint = ""
        return own + [choice for choice in listed if choice not in own]

    def first_step(self, run: WizardRun, ctx: Context, place: Place) -> Step:
        current = run.store(ctx).get(self.key)
        if place.edit is None and isinstance(current, Given):  # chosen on the page the form was opened from
            return run.next_step(ctx, self, place)  # type: ignore[return-value]
        if isinstance(current, Here):
            # no screen is shown for it: the walk goes on as if from the question before
            undone = place if place.edit is None else Place(place.edit, max(place.depth - 1, 1))
            return run.next_step(ctx, self, undone)  # type: ignore[return-value]
        return super().first_step(run, ctx, place)


def district_choices(ctx: Context, answers: Answers) -> list[Choice]:
    """The 29 kecamatan of the regency, alphabetical (`Where` puts the kiosk's first)."""
    return [Choice(k.kode, k.nama, data=k) for k in regions.kecamatan()]


def village_choices(key: str = "kecamatan") -> Callable[[Context, Answers], list[Choice]]:
    """The desa and kelurahan of the kecamatan answered under `key`, alphabetical; kelurahan marked as such."""

    def villages(ctx: Context, answers: Answers) -> list[Choice]:
        return [Choice(v.kode, v.nama, hint="kelurahan" if v.jenis == "kelurahan" else "", data=v)
                for v in regions.villages(answers[key])]

    return villages


def kiosk_village_answer(ctx: Context, district: Choice) -> Answer | None:
    """The kiosk's desa as the answer to "which desa", for "Di sini"."""
    village = kiosk_village(ctx)
    if village is None:
        return None
    return Here(village.kode, village.nama, data=village)

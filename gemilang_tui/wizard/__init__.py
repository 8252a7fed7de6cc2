"""Questions → check your answers → submit → receipt: the step kind of every submission (LAPOR!, PPID, izin makam…).

A service declares a `Wizard` with its questions (plain data, no Textual); the generic `StepScreen` renders every
step it produces. One question per screen, every answer by a number key:

- `Choose` — one of a numbered list (paged 7 at a time, "+ Halaman berikutnya", when longer than 9), optionally with
  "ketik sendiri" (`OwnWords`) for those who can type; `YesNo`; `Checklist` ("1 Ya, saya membawa semuanya");
- `Typed` — digits (or text) typed on the keypad: `nik_question`, `phone_question`, `amount_question`, and
  `FreeText` (optional words, offered as a numbered choice, never required); `DateQuestion` — "hari ini",
  "kemarin" or a date typed as exactly 8 digits (DDMMYYYY).

Answers live in the visit's draft (`ctx.visit.draft(kind)`), so going back keeps them, and the screen shows the
earlier answer ("✓ jawaban Anda"); a field left forward comes back as "1 Pakai … / 2 Ketik ulang", never as a field a
further digit would extend. A question with `remember="nik"` offers what the citizen gave earlier in the same visit
("1 Pakai NIK 3603 2845 0871 0003 / 2 Ketik NIK lain") instead of asking twice; a finished visit forgets it.
After the last question comes the check page: every answer read back in full (NIK and phone grouped, never cut or
masked), "1 Benar, kirim" and "2 Ubah jawaban" on every form. Sending puts the payload in the outbox (one SQLite
transaction) *before* anything is confirmed; the receipt says "Tersimpan" with the kiosk's code until the server
answers, then the official number to keep in big digits, what happens next and by when, and where to check it;
after sending the NIK and phone are masked. "Selesai" ends the visit.

The package: `form` (Wizard, Line, Receipt: what a service declares), `questions` (the question kinds), `typed`
(ready-made typed questions), `dates`, `choices` (Gate, Several, Preset…), `draft` (Choice, Answer, Answers),
`run` (one walk), `walk` (Place, Pick, Entry: where a screen is in it), `steps` (the question screens), `check`
(the check page), `receipt` (the receipt), `where` (the "where" question of every form: "Di sini" first).
"""

from __future__ import annotations

from gemilang_tui.wizard.check import CHANGE_NUMBER, CONFIRM_NUMBER
from gemilang_tui.wizard.choices import Gate, Given, Preset, Several, Stop
from gemilang_tui.wizard.dates import DateQuestion, date_digits, date_example
from gemilang_tui.wizard.draft import Answer, Answers, Choice, Label, text_of
from gemilang_tui.wizard.form import Line, Receipt, Wizard
from gemilang_tui.wizard.questions import Checklist, Choose, FreeText, OwnWords, Question, Typed, YesNo
from gemilang_tui.wizard.receipt import number_to_keep
from gemilang_tui.wizard.run import WizardRun
from gemilang_tui.wizard.typed import amount_question, name_question, nik_question, person_nik_question, phone_question
from gemilang_tui.wizard.where import (
    Here,
    Where,
    WhereIn,
    district_choices,
    here_label,
    kiosk_district,
    kiosk_village,
    kiosk_village_answer,
    village_choices,
)

__all__ = [
    "Answer",
    "Answers",
    "CHANGE_NUMBER",
    "CONFIRM_NUMBER",
    "Checklist",
    "Choice",
    "Choose",
    "DateQuestion",
    "FreeText",
    "Gate",
    "Given",
    "Here",
    "Label",
    "Line",
    "OwnWords",
    "Preset",
    "Question",
    "Receipt",
    "Several",
    "Stop",
    "Typed",
    "Where",
    "WhereIn",
    "Wizard",
    "WizardRun",
    "YesNo",
    "amount_question",
    "date_digits",
    "date_example",
    "district_choices",
    "here_label",
    "kiosk_district",
    "kiosk_village",
    "kiosk_village_answer",
    "name_question",
    "nik_question",
    "number_to_keep",
    "person_nik_question",
    "phone_question",
    "text_of",
    "village_choices",
]

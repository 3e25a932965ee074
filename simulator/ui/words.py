"""Words the interface shows for the core's names: moods, difficulties, endings, tags (translated on use)."""
from __future__ import annotations

from simulator.i18n import N_, _

MOODS = {"calm": N_("calm"), "tense": N_("tense"), "angry": N_("angry"), "furious": N_("furious")}
DIFFICULTIES = {"easy": N_("easy"), "medium": N_("medium"), "hard": N_("hard")}
ENDINGS = {"resolved": N_("resolved"), "unresolved": N_("unresolved"), "walked_out": N_("walked out"),
           "escalated": N_("escalated"), "unfinished": N_("unfinished")}
TEXT_SIZES = (N_("small"), N_("medium"), N_("large"))


def word(table: dict, key) -> str:
    return _(table[key]) if key in table else str(key)

# Messages the scenes translate inside f-strings, where pybabel (on Python 3.11) cannot see them: listed here so
# that extraction finds them. Keep in step with the scenes (tests/test_i18n.py checks every one is translated).
IN_F_STRINGS = (
    N_("Score"), N_("Ending"), N_("The result could not be saved:"), N_("Turn %d"), N_("%+d points"),
    N_("mood %(before)d › %(after)d"), N_("typed"), N_("You"), N_("Why"), N_("Better"), N_("score"),
    N_("Difficulty"), N_("Customer"),
)

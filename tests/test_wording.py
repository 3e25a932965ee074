"""The core's results worded in the player's language (simulator.wording) and the terminal debrief."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from simulator import i18n, wording
from simulator.debrief import format_debrief
from simulator.engine import Engine
from simulator.loader import load_scenario
from simulator.tags import STEPS

ROOT = Path(__file__).resolve().parents[1]
PLACEHOLDER = re.compile(r"%(?:\([a-z_]+\))?[+]?[ds%]")


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.set_language("en")


def in_lang(lang, fn, *args):
    with wording.in_language(lang):
        return fn(*args)


def test_in_language_restores_the_previous_language():
    i18n.set_language("it")
    with wording.in_language("pl"):
        assert i18n.language() == "pl"
    assert i18n.language() == "it"


@pytest.mark.parametrize("key", sorted(wording.ITEM_PHRASES))
def test_every_item_key_words_differently_in_polish(key):
    item = {"key": key, "points": -5 if key not in wording.STEP_NAMES else 10, "reason": "english"}
    en, pl = in_lang("en", wording.item_line, item), in_lang("pl", wording.item_line, item)
    assert en != pl and pl.endswith("(−5)" if item["points"] < 0 else "(+10)")
    assert en.startswith("You ")


@pytest.mark.parametrize("key, note", sorted(wording.NOTE_PHRASES))
def test_qualified_items_word_their_note(key, note):
    item = {"key": key, "points": 5, "reason": "", "note": note}
    plain = in_lang("pl", wording.item_phrase, {"key": key, "points": 5, "reason": ""})
    assert in_lang("pl", wording.item_phrase, item) not in (plain, in_lang("en", wording.item_phrase, item))


def test_notes_come_from_the_core_or_from_the_points():
    tops = {"apologize": 15, "extra_mile": 10}
    assert wording.item_note({"key": "apologize", "points": 8, "reason": ""}, tops) == "late"
    assert wording.item_note({"key": "apologize", "points": 15, "reason": ""}, tops) == ""
    assert wording.item_note({"key": "extra_mile", "points": 5, "reason": ""}, tops) == "short"
    assert wording.item_note({"key": "extra_mile", "points": 10, "reason": "x; more than a minor failure called "
                              "for earns no extra credit"}, tops) == "over"
    assert wording.item_note({"key": "extra_mile", "points": 10, "reason": "", "note": "proportional"}) \
        == "proportional"


def test_core_score_items_carry_their_note():
    from simulator.scoring import _extra_mile
    rules = {"extra_mile_expected": {"minor": "small"}, "extra_mile_short_share": 0.5}
    assert _extra_mile(10, "x", "small", "minor", rules)[2] == "proportional"
    assert _extra_mile(10, "x", "large", "minor", rules)[2] == "over"


@pytest.mark.parametrize("step", [s for s, _ in STEPS])
def test_step_names_are_translated(step):
    assert in_lang("pl", wording.step_name, step) != in_lang("en", wording.step_name, step)
    assert in_lang("ro", wording.step_name, step) != in_lang("en", wording.step_name, step)


@pytest.mark.parametrize("lang", ["es", "it", "pl", "ro"])
def test_placeholders_intact_in_every_language(lang):
    loyalty = {"rule": "R2", "details": {"quality_needed": 0.85, "recoverable": 0.8}}
    text = in_lang(lang, wording.loyalty_reason, loyalty)
    assert "80%" in text and "%(" not in text and "%%" not in text
    r0 = in_lang(lang, wording.loyalty_reason, {"rule": "R0", "quality": 0.5, "details": {"quality_needed": 0.85}})
    assert "50%" in r0 and "85%" in r0 and "%(" not in r0
    for ending in wording.ENDINGS:
        assert in_lang(lang, wording.ending_name, ending) != ending


def test_romanian_loyalty_reasons_name_their_specifics():
    r2 = in_lang("ro", wording.loyalty_reason, {"rule": "R2", "details": {"quality_needed": 0.85,
                                                                          "recoverable": 0.8}})
    assert "80%" in r2 and "gravă" in r2
    r0 = in_lang("ro", wording.loyalty_reason_for, {
        "scenario": {"failure": {"severity": "moderate"}},
        "loyalty": {"rule": "R0", "details": {"quality_needed": 0.85, "missing": ["severity", "preventable"]}}})
    assert "moderată" in r0 and "prevenită" in r0 and " și " in r0
    r6 = in_lang("ro", wording.loyalty_reason, {"rule": "R6", "details": {"quality_needed": 0.85,
                                                                          "deviations": ["blame_customer",
                                                                                         "excuse"]}})
    assert "învinuirea clientului" in r6 and "pretexte" in r6
    assert in_lang("en", wording.loyalty_reason, {"rule": "R6", "details": {"deviations": ["excuse"]}}) \
        .startswith("Double deviation")


def test_turn_reason_special_cases():
    assert in_lang("pl", wording.turn_reason, {"items": [], "reason": ""}) != \
        in_lang("en", wording.turn_reason, {"items": [], "reason": ""})
    note = {"items": [{"key": "silent", "points": -5, "reason": ""}], "reason": wording.NOT_ANALYSED}
    assert "analizowane" in in_lang("pl", wording.turn_reason, note)


def play_polish(picks):
    result = load_scenario(ROOT / "scenarios" / "pl" / "wrong_order.yaml")
    engine = Engine(result.scenario)
    for pick in picks:
        if engine.over:
            break
        engine.choose(engine.replies[pick].id)
    while not engine.over:
        engine.choose(engine.replies[0].id)
    return engine.result()


@pytest.mark.parametrize("picks", [[0, 0, 0], [2], [1, 1]])
def test_terminal_debrief_of_a_polish_scenario_is_polish(picks):
    i18n.set_language("en")
    text = format_debrief(play_polish(picks))
    assert i18n.language() == "en"
    for polish in ("Wynik", "Kroki:", "Tury:", "Lojalność", "Dlaczego", "Wysłuchanie", "Przeprosiny"):
        assert polish in text
    english = [name for name in wording.STEP_NAMES.values()] + ["Score:", "Steps:", "Turns:", "Loyalty:",
                                                                  "You ", "Why (", "Mood:"]
    for word in english:
        assert word not in text, word
    assert not PLACEHOLDER.search(text.replace("%)", ""))

"""The prefilter only skips regexes that cannot match: it never changes an answer."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.analyzer import LANGS
from simulator.analyzer._normalize import fold_plain
from simulator.analyzer._patterns import expand_match, load
from simulator.analyzer._prefilter import build_prefilter

BLNS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "naughty-strings" / "blns.json"


def _texts(lang: str) -> list[str]:
    data = load(lang)
    texts = [fold_plain(x) for e in data.entries for x in e.examples + e.not_examples]
    if BLNS.exists():
        texts += [fold_plain(x)[:2000] for x in json.loads(BLNS.read_text(encoding="utf-8"))]
    return texts


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_that_matches_is_a_candidate(lang):
    data = load(lang)
    skipped = 0
    for text in _texts(lang):
        cands = set(data.prefilter.candidates(text))
        for i, e in enumerate(data.entries):
            if e.regex.search(text):
                assert i in cands, f"{lang} entry {e.id} matches {text!r} but the prefilter skipped it"
            elif i not in cands:
                skipped += 1
    assert skipped > 0  # and it does skip something


def _prefilter(*matches: str):
    return build_prefilter([expand_match(m, {}) for m in matches], [])


def test_all_factors_of_an_alternative_are_needed():
    pf = _prefilter("let me (?:replace|refund) it")
    assert pf.candidates("let me refund it") == [0]
    assert pf.candidates("let me see") == []           # one factor present, the other missing
    assert pf.candidates("we refund it") == []


def test_each_alternative_is_gated_on_its_own():
    pf = _prefilter(["so sorry", "apolog\\w*"], "call (?:you|u) back")
    assert pf.candidates("my apologies") == [0]
    assert pf.candidates("i'll call you back, so sorry") == [0, 1]
    assert pf.candidates("") == []


def test_an_unreadable_regex_always_runs():
    pf = _prefilter("\\w+", "sorry")  # no literal any match must contain
    assert pf.candidates("hello") == [0]
    assert pf.candidates("sorry") == [0, 1]


def test_a_caseless_regex_always_runs():
    # patterns run on the folded (lower-case) reply, but a trainer may still write (?i)SORRY
    pf = _prefilter("(?i)SORRY", "(?i:Thanks) a lot")
    assert pf.candidates("so sorry, thanks a lot") == [0, 1]


def test_a_language_prepared_in_a_thread_reads_replies_the_same():
    import threading

    from simulator import analyzer
    from simulator.analyzer import _patterns, analyze, prepare

    replies = ["I'm so sorry, I'll get you a new one now", "Calm down, it's only a coffee", "hello"]
    expected = [analyze(r, "en").to_json() for r in replies]
    _patterns.load.cache_clear()  # cold again: the warm-up and the replies race to build the prefilter
    try:
        threads = [threading.Thread(target=prepare, args=("en",)) for _ in range(3)]
        for t in threads:
            t.start()
        got = [analyze(r, "en").to_json() for r in replies]
        for t in threads:
            t.join()
        assert got == expected
        assert analyzer.load("en").prefilter is analyzer.load("en").prefilter
    finally:
        _patterns.load.cache_clear()


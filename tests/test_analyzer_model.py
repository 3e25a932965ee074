"""The second opinion (_model.py): what it adds, what it may not add, and its files."""
from __future__ import annotations

import json
import math

import pytest

from simulator.analyzer import LANGS, _model, analyze
from simulator.tags import ALL

ROWS = [("i am so so sorry", {"apologize"}), ("so sorry about that", {"apologize"}),
        ("we will refund you", {"own", "resolve"}), ("i will refund it", {"own", "resolve"}),
        ("ok", set()), ("one moment", set()), ("the weather is nice", set()), ("hello there", set())] * 3


def _model_of(rows=ROWS) -> _model.Model:
    return _model.Model.from_data("en", json.loads(json.dumps(_model.train(rows, ALL))))  # through JSON, as stored


def test_training_is_deterministic():
    assert _model.train(ROWS, ALL) == _model.train(ROWS, ALL)


def test_it_proposes_what_it_learned_with_the_words_that_earned_it():
    m = _model_of()
    got = {t: "we will refund it now"[a:b] for t, a, b in m.propose("we will refund it now")}
    assert "resolve" in got and "refund" in got["resolve"]
    assert m.propose("the weather is nice") == []
    assert m.propose("") == []


def test_skipped_tags_are_not_proposed():
    assert all(t != "resolve" for t, _, _ in _model_of().propose("we will refund it", skip={"resolve"}))


@pytest.fixture
def refund_model(monkeypatch):
    m = _model_of()
    monkeypatch.setattr(_model, "load", lambda lang: m)
    return m


def test_a_proposal_still_obeys_negation(refund_model):
    # the word model sees "refund"; the language's negation says the reply refuses it
    assert "resolve" in {t for t, _, _ in refund_model.propose("i won't refund it")}
    assert "resolve" not in analyze("I won't refund it", "en").tags


def test_proposed_spans_point_into_the_reply(refund_model):
    a = analyze("Wé wíll réfund ít", "en")  # folded copy and NFC text differ: spans must map back
    for s in a.spans:
        assert a.text[s.start:s.end] == s.text and s.text.strip()


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_ships_a_model(lang):
    m = _model.load(lang)
    assert m is not None and set(m.tags) == set(ALL)
    assert len(m.index) > 1000


def test_a_missing_or_broken_model_means_no_second_opinion(tmp_path, monkeypatch):
    monkeypatch.setattr(_model, "MODEL_DIR", tmp_path)
    _model.load.cache_clear()
    try:
        assert _model.load("en") is None
        (tmp_path / "en.json").write_text("{not json", encoding="utf-8")
        assert _model.load.__wrapped__("en") is None
        good = _model.train(ROWS, ALL)
        (tmp_path / "en.json").write_text(json.dumps(good), encoding="utf-8")
        assert _model.load.__wrapped__("en") is not None
        for key, bad in [("bias", [1.0]), ("tag_ids", "AAAA"), ("offsets", "!!"), ("features", 5)]:
            (tmp_path / "en.json").write_text(json.dumps({**good, key: bad}), encoding="utf-8")
            assert _model.load.__wrapped__("en") is None, key
    finally:
        _model.load.cache_clear()


def test_the_blind_set_is_never_trained_on():
    import sys
    from pathlib import Path
    bench = Path(__file__).resolve().parents[1] / "bench"
    sys.path.insert(0, str(bench))
    try:
        from train_analyzer_model import TRAIN_SETS
    finally:
        sys.path.remove(str(bench))
    blind = [s for s in TRAIN_SETS if s.startswith("analyzer_heldout") and s != "analyzer_heldout"]  # set 1 was released
    assert not blind and "analyzer_eval" in TRAIN_SETS and "analyzer_dev15" in TRAIN_SETS


def test_a_span_reaches_a_content_word():
    from simulator.analyzer._model import _strongest_run
    words = ["entiendo", "pero", "son", "las", "normas"]
    assert _strongest_run([0.0, 0.0, 0.9, 0.1, 0.2], words) == (2, 4)   # "son" alone would say little
    assert _strongest_run([0.0, 0.0, 0.0, 0.0, 1.0], words) == (4, 4)
    assert _strongest_run([0.0, 0.0, 0.9, -0.2, 0.0], words) == (2, 2)  # nothing pushed beside it: as it is


# a toy model for which "fault" pushes excuse, as in "it's not our fault"
FAULT_ROWS = [("its not our fault", {"excuse"}), ("not our fault at all", {"excuse"}), ("ok", set()),
              ("hello", set())] * 4


def test_the_model_never_reads_the_patterns_words_the_other_way(monkeypatch):
    # trained so that "our fault" pushes excuse (as in "it's not our fault"), the model would call an admission one
    m = _model_of(FAULT_ROWS)
    assert "excuse" in {t for t, _, _ in m.propose("it is our fault")}
    monkeypatch.setattr(_model, "load", lambda lang: m)
    monkeypatch.setattr(_model, "_VETO_LOGIT", float("-inf"))  # the toy never saw `own`: it may not rule it out
    a = analyze("It's not your fault, it's our fault.", "en")
    assert "own" in a.tags and "excuse" not in a.tags


def test_the_model_never_tags_words_a_suppressor_reads(monkeypatch):
    # en.yaml writes "it's not your fault" down as no blame (a suppressor): the model, which learned that "fault"
    # often goes with an excuse, may not call those words one
    m = _model_of(FAULT_ROWS)
    assert "excuse" in {t for t, _, _ in m.propose("its not your fault")}
    monkeypatch.setattr(_model, "load", lambda lang: m)
    assert "excuse" not in analyze("It's not your fault.", "en").tags


def _with(monkeypatch, **fields):
    """English as shipped, with some pattern-file fields changed (as a trainer would in en.yaml)."""
    import dataclasses

    import simulator.analyzer as analyzer
    changed = dataclasses.replace(analyzer.load("en"), _prefilter=None, **fields)  # prefilter: of the new entries
    monkeypatch.setattr(analyzer, "load", lambda lang: changed)


def test_a_trainer_can_switch_the_model_off_or_keep_it_from_a_tag(refund_model, monkeypatch):
    text = "We will refund you."  # the toy model reads resolve here, the English patterns might too: use a tag
    assert "resolve" in {t for t, _, _ in refund_model.propose(text.lower())}
    no_patterns = {"entries": ()}  # so that every tag comes from the model
    _with(monkeypatch, **no_patterns)
    assert "resolve" in analyze(text, "en").tags
    _with(monkeypatch, **no_patterns, model_never=frozenset({"resolve"}))
    got = analyze(text, "en").tags
    assert "resolve" not in got and "own" in got
    _with(monkeypatch, **no_patterns, use_model=False)
    assert analyze(text, "en").tags == ()


def test_the_model_switches_are_checked(tmp_path):
    from simulator.analyzer.checker import check_pattern_file
    path = tmp_path / "en.yaml"
    path.write_text("lang: en\nmodel: maybe\nmodel_never: [resolv]\npatterns:\n  - id: a.x\n    tag: apologize\n"
                    "    match: sorry\n    examples: [so sorry]\n", encoding="utf-8")
    found = {(d.code, d.loc.line if d.loc else 0) for d in check_pattern_file(path)}
    assert ("P011", 2) in found and ("P005", 3) in found


def test_a_tag_the_model_found_is_marked_as_guessed(refund_model, monkeypatch):
    _with(monkeypatch, entries=())  # every tag from the model
    a = analyze("We will refund you.", "en")
    assert a.spans and all(s.guessed for s in a.spans)
    assert all(set(s) == {"tag", "start", "end", "text"} for s in a.to_json()["spans"])  # the CLI's shape stays
    monkeypatch.undo()
    assert not any(s.guessed for s in analyze("I'm so sorry, I'll refund you now.", "en").spans)


def test_a_patterns_tag_the_words_all_but_rule_out_is_dropped(monkeypatch):
    # a toy model that learned "weather" goes with no tag, and "sorry" with an apology; a toy is never sure enough
    # for the shipped VETO, so its bar is raised to a probability of 0.2 here
    rows = [("the weather is lovely today", set()), ("what weather we are having", set()),
            ("nice weather for it", set()), ("sorry about that", {"apologize"})] * 12
    m = _model_of(rows)
    monkeypatch.setattr(_model, "_VETO_LOGIT", math.log(0.2 / 0.8))
    assert m.weigh("the weather", doubt={"apologize"})[1] == {"apologize"}
    assert m.weigh("sorry about the weather", doubt={"apologize"})[1] == set()  # the words speak for it
    assert m.weigh("the weather", doubt=())[1] == set()  # it only weighs what the patterns found


def test_analyze_drops_the_tags_the_model_rules_out(monkeypatch):
    class Doubter:  # rules out every apology the patterns found, proposes nothing
        def weigh(self, folded, skip=(), doubt=()):
            return [], set(doubt) & {"apologize"}

    assert {"apologize", "resolve"} <= set(analyze("Sorry, I'll refund it now.", "en").tags)
    monkeypatch.setattr(_model, "load", lambda lang: Doubter())
    got = analyze("Sorry, I'll refund it now.", "en")
    assert "apologize" not in got.tags and "resolve" in got.tags and not got.spans_of("apologize")
    _with(monkeypatch, model_never=frozenset({"apologize"}))  # kept from a tag, it neither adds nor removes it
    assert "apologize" in analyze("Sorry, I'll refund it now.", "en").tags

"""How the patterns read a reply: match edges and negation, on small hand-made pattern files."""
from __future__ import annotations

from simulator.analyzer._match import read
from simulator.analyzer._patterns import build


def test_an_alternative_may_start_with_punctuation_or_end_with_a_space():
    # "(?:^|[.!] )" after a word, and a trailing space before one, used to be unmatchable
    data = build({"lang": "en", "patterns": [
        {"id": "a", "tag": "dismiss", "match": "(?:^|[.!] )whatever"},
        {"id": "b", "tag": "listen", "match": "tell me "}]}, "en")
    assert [h.entry.id for h in read(data, "Fine. Whatever").hits] == ["a"]
    assert [h.entry.id for h in read(data, "please tell me more").hits] == ["b"]
    assert read(data, "somewhatever").hits == [] and read(data, "retell mel").hits == []


def test_a_hit_that_opens_a_clause_is_not_negated_by_the_clause_before():
    data = build({"lang": "es", "negation": {"cue": "no", "window": 3}, "clause_break": "[.,]|(?<!\\w)porque(?!\\w)",
                  "patterns": [{"id": "e", "tag": "explain", "match": "porque el \\w+ se equivoco"},
                               {"id": "r", "tag": "resolve", "match": "le devuelvo"}]}, "es")
    assert [h.entry.id for h in read(data, "no lo se porque el repartidor se equivoco").hits] == ["e"]
    assert read(data, "no le devuelvo nada").hits == []           # a cue inside the clause still negates


def test_chat_shorthand_is_read_as_its_words_and_spans_point_at_what_was_typed():
    data = build({"lang": "es", "shorthand": {"xq": "porque", "Tb": "también"},
                  "patterns": [{"id": "e", "tag": "explain", "match": "porque el \\w+ se equivoco"},
                               {"id": "a", "tag": "own", "match": "yo tambien"}]}, "es")
    r = read(data, "xq el cocinero se equivoco, yo tb")
    assert [h.entry.id for h in r.hits] == ["e", "a"]
    h = r.hits[0]
    assert "xq el cocinero se equivoco, yo tb"[r.starts[h.start]:r.ends[h.end - 1]] == "xq el cocinero se equivoco"


def test_a_bad_shorthand_is_reported_by_the_checker(tmp_path):
    from simulator.analyzer.checker import check_pattern_file
    path = tmp_path / "patterns" / "es.yaml"
    path.parent.mkdir()
    path.write_text("lang: es\nshorthand: [q, que]\npatterns:\n  - id: a\n    tag: own\n    match: yo\n"
                    "    examples: [yo]\n", encoding="utf-8")
    assert [d.code for d in check_pattern_file(path)] == ["P011"]


def test_the_checker_warns_of_an_entry_that_runs_on_every_reply(tmp_path):
    from simulator.analyzer.checker import check_pattern_file
    path = tmp_path / "patterns" / "en.yaml"
    path.parent.mkdir()
    path.write_text("lang: en\npatterns:\n  - id: slow\n    tag: own\n    match: [\"\\\\w{4}\", sorry]\n"
                    "    examples: [work]\n  - id: fast\n    tag: apologize\n    match: sorry\n"
                    "    examples: [sorry]\n", encoding="utf-8")
    got = check_pattern_file(path)
    assert [(d.code, d.severity) for d in got] == [("P014", "warning")] and "slow" in got[0].message



def test_a_sorry_glued_to_a_refusal_hand_off_blame_or_offence_is_no_apology():
    # docs/analyzer.md: "sorry, not my department" softens a no; an apology in its own sentence is still one
    data = build({"lang": "en", "patterns": [{"id": "a", "tag": "apologize", "match": "sorry"},
                                             {"id": "p", "tag": "pass_buck", "match": "ring head office"},
                                             {"id": "d", "tag": "dismiss", "match": "nothing i can do"},
                                             {"id": "b", "tag": "blame_customer", "match": "you must have"},
                                             {"id": "o", "tag": "defensive", "match": "no need for that tone"}]}, "en")
    tags = lambda text: [h.entry.tag for h in read(data, text).hits]  # noqa: E731
    assert tags("Sorry, you'll have to ring head office.") == ["pass_buck"]
    assert tags("sorry but there's nothing I can do") == ["dismiss"]
    assert tags("So sorry. You'll have to ring head office.") == ["apologize", "pass_buck"]
    assert tags("You'll have to ring head office, sorry.") == ["pass_buck"]  # after the no, in its sentence
    assert tags("You'll have to ring head office. I am sorry.") == ["pass_buck", "apologize"]
    r = read(data, "Sorry, you'll have to ring head office.")   # nor may the word model bring it back there
    assert r.context.cancels("apologize", 0, 5, negatable=True)
    assert tags("Sorry, but you must have typed it wrong.") == ["blame_customer"]  # blame and offence undo it too
    assert tags("I'm sorry but there's no need for that tone.") == ["defensive"]
    assert tags("I'm so sorry. You must have typed it wrong.") == ["apologize", "blame_customer"]  # two sentences


def test_a_sorry_glued_to_a_refusal_the_model_found_is_no_apology(monkeypatch):
    from simulator import analyzer
    from simulator.analyzer import _model

    class Guess:  # a second opinion that reads "the moon is blue" (no pattern's words) as a brush-off
        def weigh(self, folded, skip=(), doubt=()):
            at = folded.find("the moon is blue")
            return ([] if at < 0 or "dismiss" in skip else [("dismiss", at, at + 16)]), set()

    monkeypatch.setattr(_model, "load", lambda lang: Guess())
    got = analyzer.analyze("I'm really sorry, but the moon is blue.", "en")
    assert got.spans_of("dismiss")[0].guessed and "apologize" not in got.tags
    got = analyzer.analyze("I'm really sorry. The moon is blue.", "en")  # its own sentence: still an apology
    assert {"dismiss", "apologize"} <= set(got.tags)


def test_of_two_entries_that_cancel_each_other_the_longer_reading_wins():
    data = build({"lang": "en", "patterns": [
        {"id": "x", "tag": "excuse", "match": "called in sick", "suppress": ["explain"]},
        {"id": "e", "tag": "explain", "match": "called in sick, which is on us", "suppress": ["excuse"]}]}, "en")
    assert [h.entry.tag for h in read(data, "Our instructor called in sick, which is on us.").hits] == ["explain"]
    assert [h.entry.tag for h in read(data, "Our instructor called in sick.").hits] == ["excuse"]


def test_folding_maps_every_folded_character_back_to_what_was_typed():
    from simulator.analyzer._normalize import fold
    for text, folded in [("Îmi pare rău", "imi pare rau"), ("Już WYMIENIAM", "juz wymieniam"), ("plain", "plain")]:
        assert fold(text) == (folded, list(range(len(text))), list(range(1, len(text) + 1)))  # one for one
    got, starts, ends = fold(" ŞTIU  Œuvre…")  # dropped and doubled spaces, one letter to two, one to three
    assert got == "stiu oeuvre..."
    assert starts == [1, 2, 3, 4, 5, 7, 7, 8, 9, 10, 11, 12, 12, 12] and ends == [s + 1 for s in starts]

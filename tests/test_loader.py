"""The loader on a valid scenario: the right model objects, defaults and locations."""
from __future__ import annotations

import unicodedata

from test_loader_cases import MINI, edit, line_of

from simulator import model
from simulator.loader import Diagnostic, LoadResult, discover, load_scenario, load_text
from simulator.model import Lines, Loc, Rule


def load_ok(text: str, **kw) -> model.Scenario:
    res = load_text(text, path="mini.yaml", **kw)
    assert isinstance(res, LoadResult)
    assert res.ok, [d.render() for d in res.errors]
    assert isinstance(res.scenario, model.Scenario)
    return res.scenario


def test_minimal_scenario_builds_the_model():
    s = load_ok(MINI, lang="en", scenario_id="cold_soup")
    assert (s.id, s.lang, s.title, s.mood, s.loyalty) == ("cold_soup", "en", "Cold soup", 40, 60)
    assert s.customer == model.Customer(name="Mr Café", temperament="calm", voice=None)
    assert s.failure == model.Failure(kind="outcome", severity="minor", first_failure=True, preventable=True)
    assert s.start == "opening"
    assert list(s.nodes) == ["opening", "second"] and list(s.endings) == ["fine", "lost"]
    assert s.difficulty == model.derive_difficulty("minor", "calm", 40)
    assert s.path == "mini.yaml" and s.rubric == {}


def test_lines_plain_and_by_mood():
    s = load_ok(MINI)
    assert s.nodes["opening"].say == Lines({"*": "It's cold."})
    assert s.nodes["second"].say == Lines({"calm": "Well?", "angry": "Well?!"})
    assert s.nodes["second"].say.text("tense") == "Well?"


def test_rules_and_default_reply_ids():
    s = load_ok(MINI)
    first, second = s.nodes["opening"].replies
    assert (first.id, second.id) == ("1", "2")
    assert s.nodes["second"].replies[0].id == "serve"
    assert first.next == (Rule(goto="fine", loc=Loc("mini.yaml", line_of("next: fine"), 15)),)
    assert [(r.goto, r.moods, r.tags) for r in second.next] == [("second", ("calm", "tense"), ()), ("lost", (), ())]
    assert [(r.goto, r.moods, r.tags) for r in s.nodes["opening"].typed] == [
        ("lost", (), ("excuse", "dismiss")), ("fine", (), ())]
    assert first.tags == ("apologize", "resolve") and second.better == "Sorry, a hot one is coming."
    assert second.feedback == "An excuse." and first.better == ""


def test_locations_point_at_the_text():
    s = load_ok(MINI)
    assert s.nodes["second"].loc == Loc("mini.yaml", line_of("  second:"), 3)
    assert s.nodes["opening"].replies[1].loc == Loc("mini.yaml", line_of("Soup cools"), 9)
    assert s.endings["lost"].loc.line == line_of("  lost:")
    assert s.nodes["opening"].typed[0].loc.line == line_of("- if: [excuse")


def test_text_is_nfc():
    s = load_ok(MINI)
    assert s.customer.name == unicodedata.normalize("NFC", "Mr Cafe\u0301") == "Mr Caf\u00e9"
    s = load_ok(edit("say: \"It's cold.\"", "say: \"Zupa jest zimna, prosze\u0328\""))
    assert s.nodes["opening"].say.text("calm").endswith("\u0119")


def test_walkout_defaults_to_first_walkout_kind_ending():
    assert load_ok(MINI).walkout == "lost"  # kind escalated


def test_walkout_builtin_when_no_such_ending():
    s = load_ok(edit("kind: escalated", "kind: unresolved"))
    assert s.walkout == model.BUILTIN_WALKOUT.id
    assert s.endings[model.BUILTIN_WALKOUT.id] is model.BUILTIN_WALKOUT


def test_written_start_walkout_difficulty_and_rubric():
    text = MINI + "start: second\nwalkout: fine\ndifficulty: hard\nrubric:\n  mood:\n    unclear: 7\n"
    s = load_ok(text)
    assert (s.start, s.walkout, s.difficulty) == ("second", "fine", "hard")
    assert s.rubric == {"mood": {"unclear": 7}}


def test_id_and_lang_from_file_name_and_folder(tmp_path):
    folder = tmp_path / "pl"
    folder.mkdir()
    path = folder / "cold_soup.yaml"
    path.write_text(MINI + "id: cold_soup\nlang: pl\n", encoding="utf-8")
    res = load_scenario(path)
    assert res.ok and (res.scenario.id, res.scenario.lang) == ("cold_soup", "pl")
    assert res.path == str(path)


def test_unknown_folder_defaults_lang_to_written_or_english(tmp_path):
    path = tmp_path / "drafts" / "soup.yaml"
    path.parent.mkdir()
    path.write_text(MINI, encoding="utf-8")
    assert load_scenario(path).scenario.lang == "en"
    path.write_text(MINI + "lang: it\n", encoding="utf-8")
    assert load_scenario(path).scenario.lang == "it"


def test_merge_keys_share_fields():
    text = edit("endings:\n  fine:\n    kind: resolved\n    say: \"Thanks.\"",
                "endings:\n  fine: &done\n    kind: resolved\n    say: \"Thanks.\"\n  also_fine:\n    <<: *done\n"
                "    summary: The same, again.")
    s = load_text(text).scenario
    assert s.endings["also_fine"].kind == "resolved" and s.endings["also_fine"].summary == "The same, again."


def test_diagnostic_render_shape():
    d = Diagnostic(code="E009", severity="error", message="unknown node 'escalte'",
                   loc=Loc("s.yaml", 3, 11), source_line="    next: escalte", hint="did you mean 'escalate'?")
    assert d.render() == ("s.yaml:3:11: error[E009]: unknown node 'escalte' (did you mean 'escalate'?)\n"
                          "        next: escalte\n"
                          "              ^")
    assert Diagnostic(code="W101", message="x").severity == "warning"


def test_discover_finds_yaml_sorted(tmp_path):
    for name in ("b/x.yaml", "a/y.yml", "a/z.txt", ".hidden/h.yaml", "c.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x: 1\n")
    found = discover(tmp_path, tmp_path / "c.yaml")
    assert found == [tmp_path / "a/y.yml", tmp_path / "b/x.yaml", tmp_path / "c.yaml"]


def test_real_scenarios_load():
    from pathlib import Path

    files = discover(Path(__file__).parent.parent / "scenarios")
    for path in files:
        res = load_scenario(path)
        assert res.ok, [d.render() for d in res.errors]

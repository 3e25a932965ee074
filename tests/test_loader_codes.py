"""One small broken file per error and warning code of docs/scenario-format.md: the code, and the line."""
from __future__ import annotations

import pytest
from test_loader_cases import MINI, edit, line_of

from simulator.loader import load_text


def diags(text, **kw):
    res = load_text(text, path="t.yaml", **kw)
    return res


def find(res, code):
    found = [d for d in res.diagnostics if d.code == code]
    assert found, f"no {code} in {[d.render() for d in res.diagnostics]}"
    return found


def test_valid_mini_has_no_diagnostic():
    assert load_text(MINI).diagnostics == []


def test_e001_invalid_yaml():
    text = edit("  severity: minor", "  severity: minor: bad")
    res = diags(text)
    assert not res.ok and res.scenario is None
    [d] = find(res, "E001")
    assert (d.loc.line, d.loc.col) == (line_of("severity"), len("  severity: minor") + 1)


def test_e001_tab_indent_names_the_line():
    text = edit("  temperament: calm", "\ttemperament: calm")
    [d] = find(diags(text), "E001")
    assert d.loc.line == line_of("temperament") and "tabs" in d.message


def test_e002_not_utf8_names_the_line():
    data = MINI.encode("utf-8").replace(b"A diner at noon", b"A caf\xe9 at noon")
    [d] = find(diags(data), "E002")
    assert d.loc.line == line_of("A diner") and d.loc.col == len("setting: A caf") + 1


def test_e003_not_a_mapping():
    [d] = find(diags("- title: a\n- title: b\n"), "E003")
    assert d.loc.line == 1


def test_e004_unknown_field_with_hint():
    res = diags(edit("  temperament: calm", "  temprament: calm"))
    [d] = find(res, "E004")
    assert d.loc.line == line_of("temperament") and d.hint == "did you mean 'temperament'?"


def test_e005_missing_required_field():
    res = diags(edit("    kind: escalated\n", ""))
    [d] = find(res, "E005")
    assert d.loc.line == line_of("  lost:") and "'kind'" in d.message


def test_e005_next_must_catch_every_mood():
    res = diags(edit("          - goto: lost", "          - mood: angry\n            goto: lost"))
    [d] = find(res, "E005")
    assert d.loc.line == line_of("goto: lost") - 1 + 1 and "furious" in d.message


def test_e006_wrong_type():
    [d] = find(diags(edit("mood: 40", "mood: forty")), "E006")
    assert d.loc.line == line_of("mood: 40")


def test_e007_value_not_allowed_with_hint():
    [d] = find(diags(edit("severity: minor", "severity: minr")), "E007")
    assert d.loc.line == line_of("severity") and d.hint == "did you mean 'minor'?"


def test_e007_out_of_range_and_id_mismatch():
    res = diags(edit("loyalty: 60", "loyalty: 160") + "id: soup\n", scenario_id="cold_soup")
    lines = sorted(d.loc.line for d in find(res, "E007"))
    assert lines == [line_of("loyalty"), len(MINI.splitlines()) + 1]


def test_e008_unknown_tag_with_hint():
    [d] = find(diags(edit("tags: [apologize, resolve]", "tags: [apologise, resolve]")), "E008")
    assert d.loc.line == line_of("tags: [apologize") and d.hint == "did you mean 'apologize'?"


def test_e009_unknown_target_with_hint():
    text = edit("        next: fine\n      - text: \"Soup", "        next: fien\n      - text: \"Soup")
    [d] = find(diags(text), "E009")
    assert d.loc.line == line_of("next: fine") and d.hint == "did you mean 'fine'?"


def test_e010_field_written_twice():
    [d] = find(diags(edit("  temperament: calm", "  temperament: calm\n  name: Again")), "E010")
    assert d.loc.line == line_of("temperament") + 1 and "first at line 5" in d.message


def test_e010_node_and_ending_share_a_name():
    text = MINI + "  second:\n    kind: resolved\n    say: Hi\n"
    [d] = find(diags(text), "E010")
    assert d.loc.line == len(MINI.splitlines()) + 1


def test_e010_two_replies_same_id():
    text = edit("      - text: \"Soup cools fast.\"", "      - id: \"1\"\n        text: \"Soup cools fast.\"")
    [d] = find(diags(text), "E010")
    assert d.loc.line == line_of("id: \"1\"", text)


def test_e011_no_ending():
    text = MINI[: MINI.index("endings:")] + "endings: {}\n"
    res = diags(text)
    [d] = find(res, "E011")
    assert d.loc.line == line_of("endings:")


def test_e012_alias_bomb_at_its_line():
    text = MINI + 'rubric: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
        f"x{i}: &a{i} [{', '.join(['*a' if i == 0 else f'*a{i - 1}'] * 9)}]\n" for i in range(8))
    res = diags(text)
    assert [d.code for d in res.errors] == ["E012"]


def test_e013_python_tag():
    text = edit("title: Cold soup", 'title: !!python/object/apply:os.system ["echo pwned"]')
    [d] = find(diags(text), "E013")
    assert d.loc.line == 1 and "python/object/apply" in d.message


def test_e013_custom_tag():
    [d] = find(diags(edit("mood: 40", "mood: !mine 40")), "E013")
    assert d.loc.line == line_of("mood: 40")


def test_w101_unreachable_ending():
    res = diags(MINI + "  unused:\n    kind: resolved\n    say: Bye\n")
    assert res.ok
    [d] = find(res, "W101")
    assert d.loc.line == len(MINI.splitlines()) + 1 and "unused" in d.message


def test_w101_unreachable_node():
    text = edit("endings:", "  orphan:\n    say: Hi\n    replies:\n      - {text: a, tags: [], feedback: f, "
                "next: fine}\nendings:")
    [d] = find(diags(text), "W101")
    assert d.loc.line == line_of("orphan:", text)


def test_w102_node_that_never_ends():
    res = diags(edit("        feedback: Done.\n        next: fine", "        feedback: Done.\n        next: second"))
    assert res.ok
    [d] = find(res, "W102")
    assert d.loc.line == line_of("  second:")


def test_w103_no_feedback():
    res = diags(edit("        feedback: Done.\n", ""))
    [d] = find(res, "W103")
    assert res.ok and d.loc.line == line_of("- id: serve")


def test_w104_weak_reply_without_better():
    res = diags(edit("        better: \"Sorry, a hot one is coming.\"\n", ""))
    [d] = find(res, "W104")
    assert res.ok and d.loc.line == line_of("Soup cools fast") and "excuse" in d.message


def test_w104_fewer_points_than_best():
    text = edit("        tags: [excuse]\n        feedback: An excuse.\n        better: \"Sorry, a hot one is coming.\"\n",
                "        tags: [listen]\n        feedback: Listens.\n")
    [d] = find(diags(text), "W104")
    assert d.loc.line == line_of("Soup cools fast") and "points" in d.message


def test_w105_rule_after_catch_all_and_its_ending():
    text = edit("          - goto: lost", "          - goto: lost\n          - mood: angry\n            goto: never")
    text += "  never:\n    kind: unresolved\n    say: Hm\n"
    res = diags(text)
    assert res.ok
    found = find(res, "W105")
    assert sorted(d.loc.line for d in found) == [line_of("- mood: angry", text), line_of("  never:", text)]
    assert not [d for d in res.diagnostics if d.code == "W101"]  # W105 says it better


def test_w105_typed_rule_shadowed_by_tags():
    text = edit("      - goto: fine\n  second:", "      - if: excuse\n        goto: fine\n      - goto: fine\n  second:")
    [d] = find(diags(text), "W105")
    assert d.loc.line == line_of("- if: excuse", text)


def test_rubric_overrides_checked():
    text = MINI + "rubric:\n  mood:\n    unclaer: 3\n    silent: lots\n  score: 5\n"
    res = diags(text)
    [unknown] = find(res, "E004")
    assert unknown.loc.line == line_of("unclaer", text) and unknown.hint == "did you mean 'unclear'?"
    assert sorted(d.loc.line for d in find(res, "E006")) == [line_of("silent", text), line_of("score: 5", text)]


@pytest.mark.parametrize("field", ["title", "loyalty", "customer"])
def test_missing_top_field(field):
    lines = MINI.splitlines()
    i = line_of(f"{field}:") - 1
    keep = lines[:i] + [l for l in lines[i + 1:] if not (field == "customer" and l.startswith("  ") and
                                                        lines.index(l) < line_of("failure:") - 1)]
    res = diags("\n".join(keep) + "\n")
    [d] = [d for d in res.errors if d.code == "E005"]
    assert f"'{field}'" in d.message and d.loc.line == 1


def test_every_problem_reported_not_just_the_first():
    text = edit("severity: minor", "severity: minr")
    text = edit("tags: [excuse]", "tags: [excuze]", text)
    text = edit("  temperament: calm", "  temprament: calm", text)
    res = diags(text)
    assert {d.code for d in res.errors} == {"E004", "E007", "E008"}
    assert [d.loc.line for d in res.diagnostics] == sorted(d.loc.line for d in res.diagnostics)

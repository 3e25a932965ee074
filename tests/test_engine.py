import json

import pytest

from mini_scenario import R, fake_analyzer, mini
from simulator.engine import Engine, EngineError, MAX_TURNS


def play(engine, picks):
    for pick in picks:
        engine.choose(pick)
    return engine


def test_pull_api_walks_the_scenario():
    e = Engine(mini())
    assert e.line == "This is HAM! I said vegetarian!"          # mood 60 is angry
    assert [r.id for r in e.replies] == ["1", "2", "3", "4"]
    turn = e.choose("1")
    assert turn.index == 1 and turn.node == "opening" and turn.mood_after < turn.mood_before
    assert e.node.id == "fix" and not e.over
    play(e, ["1", "1"])
    assert e.over and e.ending.id == "happy_end" and e.line == "Thank you!"
    assert e.replies == ()
    with pytest.raises(EngineError):
        e.choose("1")


def test_unknown_reply_is_a_clear_error():
    with pytest.raises(EngineError, match="choose one of 1, 2, 3, 4"):
        Engine(mini()).choose("9")


def test_textbook_recovery_scores_high_and_wins_the_paradox():
    record = play(Engine(mini()), ["1", "1", "1"]).result()
    assert record["score"] == 100
    assert record["ending"]["kind"] == "resolved"
    assert record["loyalty"]["paradox"] and record["loyalty"]["rule"] == "R1"
    assert record["loyalty"]["after"] > record["loyalty"]["before"]


def test_solving_before_acknowledging_costs_more_than_alone():
    e = Engine(mini())
    turn = e.choose("4")           # "I'll make you another." while she is still venting, no apology
    keys = {i["key"] for i in turn.items}
    assert {"solve_before_acknowledge", "interrupt_venting"} <= keys
    effects = dict(turn.mood_effects)
    assert effects["resolve"] < 0 and turn.mood_after > turn.mood_before   # the fix alone would calm her


def test_excuse_after_apology_costs_extra():
    table = {"sorry but kitchen": ("apologize", "excuse")}
    e = Engine(mini(), analyzer=fake_analyzer(table))
    turn = e.reply("sorry but kitchen")
    assert "excuse_after_apology" in {i["key"] for i in turn.items}
    assert "excuse_after_apology" in dict(turn.mood_effects)


def test_repeated_apology_soothes_less():
    table = {"sorry": ("apologize",)}
    e = Engine(mini(typed=(R("opening"),)), analyzer=fake_analyzer(table))
    first, second = e.reply("sorry"), e.reply("sorry")
    assert dict(first.mood_effects)["apologize"] < dict(second.mood_effects)["apologize"] < 0
    assert second.points == 0      # a step is earned once


def test_late_apology_is_worth_less():
    table = {"hm": ("listen",), "sorry": ("apologize",)}
    e = Engine(mini(typed=(R("opening"),)), analyzer=fake_analyzer(table))
    e.reply("hm"), e.reply("hm")
    late = e.reply("sorry")
    assert 0 < late.points < 15 and "late" in late.reason


def test_compensation_in_proportion():
    big = play(Engine(mini()), ["1", "3"]).turns[-1]
    item = next(i for i in big.items if i["key"] == "extra_mile")
    assert "no extra credit" in item["reason"] and item["points"] == 10
    major = play(Engine(mini(severity="major")), ["1", "1"]).turns[-1]
    item = next(i for i in major.items if i["key"] == "extra_mile")
    assert item["points"] < 10 and "less than it called for" in item["reason"]


def test_walkout_when_mood_tops_out():
    e = Engine(mini(mood=80))
    while not e.over:
        e.choose("3")              # blame, again and again
    assert e.ending.kind == "walked_out" and e.mood == 100
    assert len(e.turns) < 5


def test_mood_routes_to_endings():
    calm = play(Engine(mini(mood=20)), ["1", "2"])
    assert calm.ending.id == "meh_end"
    angry = play(Engine(mini(mood=75, temperament="calm")), ["2", "2"])
    assert angry.ending.id == "bad_end"


def test_typed_reply_routes_by_its_tags():
    table = {"you ordered wrong": ("blame_customer",), "so sorry": ("apologize", "acknowledge")}
    typed = (R("opening", tags=("blame_customer", "dismiss")), R("fix", tags=("apologize",)), R("opening"))
    e = Engine(mini(typed=typed), analyzer=fake_analyzer(table))
    e.reply("you ordered wrong")
    assert e.node.id == "opening"
    turn = e.reply("so sorry")
    assert e.node.id == "fix" and turn.typed and turn.spans[0]["tag"] in ("apologize", "acknowledge")


def test_typed_reply_without_rules_follows_the_most_similar_reply():
    table = {"here is a new one": ("resolve",)}
    e = Engine(mini(), analyzer=fake_analyzer(table))
    e.reply("here is a new one")
    assert e.node.id == "fix"


def test_unrecognised_typed_reply_gets_a_reaction_not_a_penalty():
    e = Engine(mini(), analyzer=fake_analyzer({}))
    turn = e.reply("the weather is nice")
    assert not turn.understood and turn.reaction == "Sorry, what do you mean?"
    assert turn.points == 0 and e.node.id == "opening"
    assert "No recovery move" in turn.reason


def test_typed_reply_without_analyzer_counts_as_no_answer():
    e = Engine(mini())
    turn = e.reply("I am so sorry")
    assert not turn.understood and not turn.tags and turn.points < 0
    assert "not analysed" in turn.reason and e.node.id == "opening"


def test_same_inputs_same_result():
    table = {"sorry": ("apologize",)}
    a = Engine(mini(), analyzer=fake_analyzer(table), record_id="x", started_at="t")
    b = Engine(mini(), analyzer=fake_analyzer(table), record_id="x", started_at="t")
    for e in (a, b):
        e.reply("sorry"), e.choose("1"), e.choose("2")
    ra, rb = a.result(), b.result()
    ra.pop("ended_at"), rb.pop("ended_at")
    assert ra == rb


def test_state_saves_and_restores_through_json():
    sc = mini()
    e = play(Engine(sc, player="Zoë"), ["2"])
    saved = json.loads(json.dumps(e.state()))
    back = Engine.from_state(sc, saved)
    assert back.node.id == e.node.id and back.mood == e.mood and back.player == "Zoë"
    assert [t.to_dict() for t in back.turns] == [t.to_dict() for t in e.turns]
    with pytest.raises(EngineError):
        Engine.from_state(mini(), {**saved, "scenario": "other"})


def test_rewind_retries_from_a_turn():
    e = play(Engine(mini()), ["2", "2"])
    assert e.over
    retry = e.rewind(1)
    assert len(retry.turns) == 1 and retry.node.id == "fix" and not retry.over
    assert retry.record_id != e.record_id


def test_unfinished_conversation():
    e = play(Engine(mini()), ["1"])
    record = e.result()
    assert record["ending"]["id"] == "unfinished" and record["ending"]["kind"] == "unfinished"
    assert not record["loyalty"]["paradox"]


def test_no_conversation_runs_for_ever():
    table = {"sorry": ("apologize",)}
    e = Engine(mini(mood=0, temperament="calm", typed=(R("opening"),)), analyzer=fake_analyzer(table))
    for _ in range(MAX_TURNS + 5):
        if e.over:
            break
        e.reply("sorry")
    assert e.over and len(e.turns) == MAX_TURNS


def test_record_is_json_and_complete():
    record = play(Engine(mini(), player="<b>Ana</b>"), ["2", "1", "1"]).result()
    text = json.dumps(record)
    assert json.loads(text) == record
    assert record["schema"] == 1 and record["player"] == "<b>Ana</b>"
    assert len(record["mood"]["after_turns"]) == len(record["turns"]) == 3
    turn = record["turns"][0]
    for key in ("customer", "text", "reply_id", "tags", "points", "reason", "better", "mood_before", "mood_after"):
        assert key in turn
    assert turn["better"] == "I'm so sorry."
    assert record["breakdown"]["penalties"]["excuse"] == 10
    assert sum(record["breakdown"]["steps_max"].values()) == 100

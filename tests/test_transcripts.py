"""Transcript tests: a scenario plus a list of replies gives an expected ending, score range and outcome.

Each transcript is a replies file in tests/transcripts/ (the format of `simulator play --replies`: `#N` picks
reply N, anything else is typed) played through the real CLI path, scenario files included.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.engine import Engine
from simulator.loader import load_scenario
from simulator.terminal import read_script, run_script

ROOT = Path(__file__).resolve().parent.parent
TRANSCRIPTS = Path(__file__).parent / "transcripts"


def analyzer():
    try:
        from simulator.analyzer import analyze
    except ImportError:
        pytest.skip("the typed-reply analyzer is not installed")
    return analyze


def play(scenario_path: str, replies: str, typed: bool = False) -> dict:
    loaded = load_scenario(ROOT / scenario_path)
    assert loaded.ok, [d.render() for d in loaded.errors]
    engine = Engine(loaded.scenario, player="transcript", analyzer=analyzer() if typed else None)
    run_script(engine, read_script(replies.splitlines()))
    return engine.result()


# (scenario, replies, ending kind, score range, loyalty rule, paradox)
PICKED = [
    ("scenarios/en/wrong_order.yaml", "#1\n#1\n#1\n#1\n#1\n#1", "resolved", (85, 100), "R1", True),
    ("scenarios/en/wrong_order.yaml", "#3\n#3\n#3\n#3\n#3\n#3", None, (0, 20), "R6", False),
    ("scenarios/en/cancelled_flight.yaml", "#1\n#1\n#1\n#1\n#1\n#1\n#1\n#1\n#1", "resolved", (70, 100), "R2", False),
    ("scenarios/en/stolen_parcel.yaml", "#1\n#1\n#1\n#1\n#1\n#1\n#1\n#1\n#1", "resolved", (70, 100), "R3", False),
]


@pytest.mark.parametrize("path, replies, ending, scores, rule, paradox", PICKED,
                         ids=[f"{Path(p[0]).stem}-{i}" for i, p in enumerate(PICKED)])
def test_picked_transcripts(path, replies, ending, scores, rule, paradox):
    record = play(path, replies)
    if ending:
        assert record["ending"]["kind"] == ending
    assert scores[0] <= record["score"] <= scores[1], record["score"]
    assert record["loyalty"]["rule"] == rule, record["loyalty"]["reason"]
    assert record["loyalty"]["paradox"] is paradox
    if rule == "R6":
        assert record["loyalty"]["after"] < record["loyalty"]["after_failure"]
    if rule in ("R2", "R3"):
        assert record["loyalty"]["after"] <= record["loyalty"]["before"]


def test_replies_running_out_leaves_the_conversation_unfinished():
    record = play("scenarios/en/wrong_order.yaml", "#1\n#1")
    assert record["ending"]["kind"] == "unfinished" and len(record["turns"]) == 2


def test_play_cli_json_and_saved_result(tmp_path):
    replies = tmp_path / "r.txt"
    replies.write_text("#1\n#1\n#1\n#1\n#1\n#1\n#1\n#1\nextra lines are ignored\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "simulator", "play", "wrong_order", "--replies", str(replies),
                          "--json", "--data-dir", str(tmp_path), "--player", "Zoë"],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    record = json.loads(run.stdout)
    assert record["player"] == "Zoë" and record["ending"]["kind"] == "resolved"
    listed = subprocess.run([sys.executable, "-m", "simulator", "results", "--json", "--data-dir", str(tmp_path)],
                            capture_output=True, text=True, cwd=ROOT)
    assert json.loads(listed.stdout.splitlines()[0])["id"] == record["id"]


def test_play_cli_debrief_text(tmp_path):
    replies = tmp_path / "r.txt"
    replies.write_text("#3\n#3\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "simulator", "play", "scenarios/en/wrong_order.yaml",
                          "--replies", str(replies), "--data-dir", str(tmp_path)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    for words in ("Score:", "Better:", "Loyalty:", "Why (", "Mood over the turns"):
        assert words in run.stdout


@pytest.mark.parametrize("args, code, words", [
    (["play", "no_such_scenario"], 1, "no scenario at"),
    (["play"], 2, "usage"),
    (["play", "wrong_order", "--replies", "/nonexistent/replies.txt"], 1, "cannot read"),
    (["frobnicate"], 2, "invalid choice"),
])
def test_play_cli_bad_input(args, code, words, tmp_path):
    run = subprocess.run([sys.executable, "-m", "simulator", *args, *(["--data-dir", str(tmp_path)]
                          if args and args[0] == "play" and len(args) > 1 else [])],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == code and words in (run.stderr + run.stdout)
    assert "Traceback" not in run.stderr


def test_replies_file_naming_a_reply_not_offered(tmp_path):
    replies = tmp_path / "r.txt"
    replies.write_text("#1\n#9\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "simulator", "play", "wrong_order", "--replies", str(replies),
                          "--data-dir", str(tmp_path)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 1 and f"{replies}:2:" in run.stderr and "#1 to #" in run.stderr


def test_broken_scenario_is_reported_not_played(tmp_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text("title: x\nnodes: [\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "simulator", "play", str(bad), "--data-dir", str(tmp_path)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 1 and "broken.yaml:" in run.stderr and "Traceback" not in run.stderr


LANGS = ("en", "es", "it", "pl", "ro")


@pytest.mark.parametrize("lang", LANGS)
def test_typed_textbook_recovery_wins_the_paradox(lang):
    replies = (TRANSCRIPTS / f"wrong_order.{lang}.textbook.txt").read_text(encoding="utf-8")
    record = play(f"scenarios/{lang}/wrong_order.yaml", replies, typed=True)
    assert all(t["typed"] and t["understood"] for t in record["turns"]), [t["reason"] for t in record["turns"]]
    assert record["ending"]["kind"] == "resolved", [(t["text"], t["tags"]) for t in record["turns"]]
    assert record["loyalty"]["paradox"] and record["loyalty"]["rule"] == "R1", record["loyalty"]
    assert record["score"] >= 85


@pytest.mark.parametrize("lang", LANGS)
def test_typed_excuses_and_blame_end_below_the_failure(lang):
    replies = (TRANSCRIPTS / f"wrong_order.{lang}.excuses.txt").read_text(encoding="utf-8")
    record = play(f"scenarios/{lang}/wrong_order.yaml", replies, typed=True)
    tags = {t for turn in record["turns"] for t in turn["tags"]}
    assert {"excuse", "blame_customer"} <= tags, [(t["text"], t["tags"]) for t in record["turns"]]
    assert record["loyalty"]["rule"] == "R6"
    assert record["loyalty"]["after"] < record["loyalty"]["after_failure"]
    assert record["score"] <= 20


def test_the_debrief_says_which_moves_were_guessed_from_the_words():
    from simulator.analyzer import Analysis, Span
    from simulator.debrief import format_debrief

    def guessing(text, lang):  # as when the word model, not a pattern, read the move
        return Analysis(text, lang, ("apologize",), (Span("apologize", 0, 5, text[:5], guessed=True),))
    loaded = load_scenario(ROOT / "scenarios/en/wrong_order.yaml")
    engine = Engine(loaded.scenario, player="transcript", analyzer=guessing)
    run_script(engine, read_script(["Sorry about that"]))
    text = format_debrief(engine.result())
    assert '[Apologise] "Sorry" (guessed from the words)' in text

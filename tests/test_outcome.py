"""The loyalty rules R0-R7 of RECOVERY.md, checked on the outcome function directly."""
import itertools
import random

import pytest

from simulator.model import Failure, SEVERITIES
from simulator.outcome import decide
from simulator.rubric import base_rubric

RUBRIC = base_rubric()
STEPS_MAX = RUBRIC["score"]["steps"]
FULL = dict(STEPS_MAX)


def outcome(severity="minor", first=True, preventable=False, kind="outcome", steps=FULL, penalties=None,
            tags=(), explained=False, ending="resolved", before=70.0):
    return decide(Failure(kind, severity, first, preventable), before, steps, STEPS_MAX, penalties or {},
                  set(tags), explained, ending, RUBRIC)


def test_r1_paradox_after_an_excellent_recovery_of_a_minor_first_unpreventable_failure():
    o = outcome()
    assert o.rule == "R1" and o.paradox and o.before < o.after <= o.before + 5


@pytest.mark.parametrize("change, words", [
    ({"severity": "moderate"}, "moderate"),
    ({"preventable": True}, "prevented"),
])
def test_no_paradox_names_the_missing_condition(change, words):
    o = outcome(**change)
    assert not o.paradox and o.after <= o.before and o.rule == "R0" and words in o.reason


def test_r1_needs_an_excellent_recovery():
    half = {k: v // 2 for k, v in FULL.items()}
    o = outcome(steps=half)
    assert not o.paradox and o.rule == "R0" and "excellent" in o.reason
    assert o.after_failure < o.after < o.before


def test_r2_major_failure_never_ends_above_the_start():
    o = outcome(severity="major")
    assert o.rule == "R2" and o.after < o.before and not o.paradox


def test_r3_second_failure_damps_the_gain():
    first, second = outcome(severity="moderate"), outcome(severity="moderate", first=False)
    assert second.rule == "R3" and not second.paradox
    assert second.gain < first.gain and second.loss > first.loss


@pytest.mark.parametrize("tag", ["blame_customer", "dismiss", "excuse", "pass_buck"])
def test_r6_double_deviation_ends_below_the_post_failure_level(tag):
    o = outcome(tags={tag, "apologize", "resolve"})
    assert o.rule == "R6" and o.after < o.after_failure and not o.paradox


def test_r7_explanation_after_apology_lowers_the_loss_and_excuses_raise_it():
    plain, explained = outcome(severity="moderate"), outcome(severity="moderate", explained=True)
    assert explained.loss < plain.loss
    excused = outcome(severity="moderate", tags={"excuse"})
    assert excused.loss > plain.loss


def test_r4_process_failures_lean_on_the_interactional_part():
    only_words = {k: (v if k in ("apologize", "acknowledge", "understand", "listen") else 0)
                  for k, v in FULL.items()}
    outcome_kind = outcome(steps=only_words, severity="moderate")
    process_kind = outcome(steps=only_words, severity="moderate", kind="process")
    assert process_kind.quality > outcome_kind.quality


def test_walking_out_caps_the_quality():
    assert outcome(ending="walked_out").quality <= RUBRIC["outcome"]["quality_cap"]["walked_out"]
    assert not outcome(ending="walked_out").paradox


def test_paradox_only_when_every_condition_holds():
    rng = random.Random(7)
    for severity, first, preventable, kind in itertools.product(SEVERITIES, (True, False), (True, False),
                                                                ("outcome", "process")):
        for _ in range(40):
            steps = {k: rng.choice((0, v // 2, v)) for k, v in FULL.items()}
            tags = set(rng.sample(["excuse", "favor", "defensive", "apologize", "dismiss"], rng.randint(0, 2)))
            o = outcome(severity, first, preventable, kind, steps=steps, tags=tags,
                        ending=rng.choice(["resolved", "unresolved", "walked_out"]))
            assert 0 <= o.after <= 100
            if o.paradox:
                assert severity == "minor" and first and not preventable and o.quality >= 0.85
            if severity == "major":
                assert o.after < o.before
            if tags & {"excuse", "dismiss"}:
                assert o.after < o.after_failure

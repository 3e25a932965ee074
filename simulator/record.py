"""The result record: everything a debrief, a history, a scoreboard or an export needs (docs/results.md)."""
from __future__ import annotations

from simulator import outcome as outcomes
from simulator.scoring import Item, breakdown

SCHEMA = 1


def build(engine) -> dict:
    """The record of a finished conversation. Plain JSON types only."""
    sc = engine.scenario
    turn_items = [tuple(Item(**i) for i in t.items) for t in engine.turns]
    scored = breakdown(turn_items, engine.rubric)
    tags_seen = {tag for t in engine.turns for tag in t.tags}
    result = outcomes.decide(
        sc.failure, float(sc.loyalty), scored["steps"], scored["steps_max"], scored["penalties"], tags_seen,
        engine.explained_after_apology, engine.ending.kind, engine.rubric,
    )
    return {
        "schema": SCHEMA,
        "id": engine.record_id,
        "scenario": {"id": sc.id, "lang": sc.lang, "title": sc.title,
                     "failure": {"kind": sc.failure.kind, "severity": sc.failure.severity,
                                 "first_failure": sc.failure.first_failure,
                                 "preventable": sc.failure.preventable}},
        "player": engine.player,
        "started_at": engine.started_at,
        "ended_at": engine.ended_at,
        "score": scored["score"],
        "breakdown": {"steps": scored["steps"], "steps_max": scored["steps_max"],
                      "penalties": scored["penalties"]},
        "ending": {"id": engine.ending.id, "kind": engine.ending.kind, "summary": engine.ending.summary,
                   "say": engine.line},
        "mood": {"start": float(sc.mood), "after_turns": [t.mood_after for t in engine.turns],
                 "end": engine.mood},
        "loyalty": result.to_dict(),
        "turns": [t.to_dict() for t in engine.turns],
    }

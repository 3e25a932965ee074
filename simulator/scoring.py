"""Points per reply, with the reason in plain words, and the final 0..100 score with its breakdown per step.

Each step of the staged sequence (tags.STEPS) is earned once, the first time its move is made; harmful moves
and order mistakes cost points every time. Numbers come from the rubric.
"""
from __future__ import annotations

from dataclasses import dataclass

from simulator.conversation import Memory
from simulator.model import COMPENSATIONS
from simulator.tags import DESCRIPTIONS, STEPS

ORDER_REASONS = {
    "solve_before_acknowledge": "jumped to a solution before acknowledging how the customer feels",
    "interrupt_venting": "cut the customer off while they were still venting",
    "excuse_after_apology": "made an excuse after apologising, which takes the apology back",
    "silent": "gave no answer",
}


@dataclass(frozen=True)
class Item:
    """One line of a reply's score: a step earned or a penalty."""

    key: str       # a step name, a negative tag, or an order effect
    points: int    # positive for a step, negative for a penalty
    reason: str
    note: str = ""  # a qualifier as data: "late" (apologize), "short", "over", "proportional" (extra_mile)


@dataclass(frozen=True)
class TurnScore:
    points: int
    items: tuple[Item, ...]
    reason: str


def score_turn(tags: frozenset[str], memory: Memory, order_effects: list[str], rubric: dict, severity: str,
               compensation: str | None = None, answered: bool = True) -> TurnScore:
    """Score one reply. `memory` is the conversation before this reply; `order_effects` from Memory."""
    rules = rubric["score"]
    items: list[Item] = []
    for step, tag in STEPS:
        if tag not in tags or memory.seen[tag]:
            continue
        full = rules["steps"][step]
        points, note, qualifier = full, DESCRIPTIONS[tag], ""
        if tag == "apologize" and memory.turns >= rules["apology_on_time"]:
            points = round(full * rules["late_apology_share"])
            note += ", but late: an apology counts most at the start"
            qualifier = "late"
        if tag == "extra_mile":
            points, note, qualifier = _extra_mile(full, note, compensation, severity, rules)
        items.append(Item(step, points, note, qualifier))
    for tag in sorted(tags):
        if tag in rules["penalties"]:
            items.append(Item(tag, -rules["penalties"][tag], DESCRIPTIONS[tag]))
    for effect in order_effects:
        items.append(Item(effect, -rules["penalties"].get(effect, 0), ORDER_REASONS[effect]))
    if not answered:
        items.append(Item("silent", -rules["penalties"]["silent"], ORDER_REASONS["silent"]))
    points = sum(i.points for i in items)
    return TurnScore(points, tuple(items), describe(items))


def _extra_mile(full: int, note: str, compensation: str | None, severity: str,
                rules: dict) -> tuple[int, str, str]:
    """R5: compensation counts in proportion to the failure and saturates. Returns points, reason, qualifier."""
    expected = rules["extra_mile_expected"][severity]
    if compensation not in COMPENSATIONS:
        return full, note, ""
    given, wanted = COMPENSATIONS.index(compensation), COMPENSATIONS.index(expected)
    if given < wanted:
        return round(full * rules["extra_mile_short_share"]), (
            f"{note}, but {compensation} for a {severity} failure: less than it called for"), "short"
    if given > wanted:
        return full, f"{note}; more than a {severity} failure called for earns no extra credit", "over"
    return full, f"{note}, in proportion to the failure", "proportional"


def describe(items) -> str:
    """The plain-words reason of a reply: what earned and what cost, e.g. "You apologised sincerely (+15)."."""
    if not items:
        return "No recovery move recognised in this reply."
    parts = [f"{i.reason} ({'+' if i.points >= 0 else '−'}{abs(i.points)})" for i in items]
    text = "; ".join(parts)
    return "You " + text + "."


def breakdown(turn_items: list[tuple[Item, ...]], rubric: dict) -> dict:
    """The final score (0..100) with points per step and the penalties, from every turn's items."""
    steps = {step: 0 for step, _ in STEPS}
    penalties: dict[str, int] = {}
    for items in turn_items:
        for item in items:
            if item.key in steps:
                steps[item.key] += item.points
            else:
                penalties[item.key] = penalties.get(item.key, 0) - item.points
    total = sum(steps.values()) - sum(penalties.values())
    return {
        "score": max(0, min(100, total)),
        "steps": steps,
        "steps_max": dict(rubric["score"]["steps"]),
        "penalties": penalties,
    }

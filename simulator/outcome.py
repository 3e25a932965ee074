"""Loyalty before and after: rules R0 to R7 of the service-recovery reference (RECOVERY.md).

R0 after = before - loss + gain, gain = loss x quality Q.   R1 the paradox (after > before) only for a minor,
first, unpreventable failure recovered excellently.   R2 a major failure caps what can be won back.   R3 a second
failure damps the gain.   R4 Q weighs the fix, the apology and the procedure.   R5 compensation saturates (in
scoring).   R6 blame, dismissal, excuses or passing the buck end below the level right after the failure.
R7 an honest one-off explanation after the apology lowers the loss; an excuse raises it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from simulator.model import Failure
from simulator.tags import DOUBLE_DEVIATION


@dataclass(frozen=True)
class Outcome:
    before: float
    loss: float
    after_failure: float
    gain: float
    after: float
    paradox: bool
    quality: float
    quality_parts: dict
    rule: str
    reason: str
    details: dict       # what the reason says, as data, so a debrief can word it in the player's language

    def to_dict(self) -> dict:
        return asdict(self)


def quality(steps: dict, steps_max: dict, penalty_points: int, failure: Failure, ending_kind: str,
            rules: dict) -> tuple[float, dict]:
    """R4: recovery quality 0..1 from the steps earned, lowered by penalties and capped by how it ended."""
    parts = {}
    for part, part_steps in rules["quality_parts"].items():
        top = sum(steps_max[s] for s in part_steps)
        parts[part] = round(sum(steps.get(s, 0) for s in part_steps) / top, 3) if top else 0.0
    weights = rules["quality_weights"][failure.kind]
    q = sum(weights[p] * v for p, v in parts.items())
    q -= rules["penalty_quality_factor"] * penalty_points / 100
    q = min(q, rules["quality_cap"].get(ending_kind, 1.0))
    return round(max(0.0, min(1.0, q)), 3), parts


def decide(failure: Failure, before: float, steps: dict, steps_max: dict, penalties: dict, tags_seen: set,
           explained_after_apology: bool, ending_kind: str, rubric: dict) -> Outcome:
    rules = rubric["outcome"]
    loss = rules["loss"][failure.severity]
    if failure.preventable:
        loss *= rules["preventable_factor"]
    if not failure.first_failure:
        loss *= rules["repeat_factor"]
    if "excuse" in tags_seen:
        loss *= rules["excuse_loss_factor"]                       # R7: a stable, controllable cause revealed
    elif explained_after_apology:
        loss *= rules["explain_after_apology_factor"]             # R7: a credible one-off
    loss = min(loss, before * rules["max_loss_share"])      # a failure shakes loyalty, never wipes it out
    q, parts = quality(steps, steps_max, sum(penalties.values()), failure, ending_kind, rules)
    after_failure = before - loss
    eligible = failure.severity == "minor" and failure.first_failure and not failure.preventable
    deviations = sorted(tags_seen & DOUBLE_DEVIATION)

    details: dict = {"quality_needed": rules["paradox_quality"]}
    if deviations:
        after = after_failure - max(3.0, loss * rules["double_deviation_extra"])
        rule = "R6"
        details["deviations"] = deviations
        reason = (f"Double deviation: the recovery itself let the customer down again "
                  f"({', '.join(t.replace('_', ' ') for t in deviations)}), so they end below where the failure "
                  f"alone had left them.")
    elif eligible and q >= rules["paradox_quality"]:
        share = (q - rules["paradox_quality"]) / (1 - rules["paradox_quality"])
        after = before + max(1.0, rules["paradox_overshoot"] * share)
        rule = "R1"
        reason = ("The recovery paradox: a minor, first, unpreventable failure recovered excellently leaves the "
                  "customer more loyal than before it happened.")
    else:
        gain = loss * q
        if failure.severity == "major":
            gain = min(gain, loss * rules["major_recoverable"])
            rule = "R2"
            details["recoverable"] = rules["major_recoverable"]
            reason = (f"A major failure: even an excellent recovery wins back at most "
                      f"{round(rules['major_recoverable'] * 100)}% of the loss, so the customer ends below where "
                      f"they started.")
        elif not failure.first_failure:
            gain *= rules["repeat_gain_factor"]
            rule = "R3"
            reason = ("A second failure: the customer's trust was already shaken, so a good recovery wins back "
                      "less and no paradox is possible.")
        else:
            rule = "R0"
            reason = _why_no_paradox(failure, q, rules["paradox_quality"])
            details["missing"] = [m for m, absent in (("severity", failure.severity != "minor"),
                                                      ("preventable", failure.preventable)) if absent]
        after = after_failure + gain
    after = max(0.0, min(100.0, after))
    return Outcome(before=before, loss=round(loss, 1), after_failure=round(after_failure, 1),
                   gain=round(after - after_failure, 1), after=round(after, 1), paradox=after > before,
                   quality=q, quality_parts=parts, rule=rule, reason=reason, details=details)


def _why_no_paradox(failure: Failure, q: float, needed: float) -> str:
    missing = []
    if failure.severity != "minor":
        missing.append(f"the failure was {failure.severity}, not minor")
    if failure.preventable:
        missing.append("it could have been prevented")
    if missing:
        return ("Loyalty recovers by the quality of the recovery, but no paradox was possible: "
                + " and ".join(missing) + ".")
    return (f"Loyalty recovers by the quality of the recovery ({round(q * 100)}%); more loyal than before needs "
            f"an excellent recovery ({round(needed * 100)}% or more).")

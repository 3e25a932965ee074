"""The core's results in the player's language: a turn's points, the loyalty reason, step names, endings.

The core (scoring, outcome) writes its reasons in English and also gives them as data: every score item has a
`key` (a step, a harmful tag or an order mistake), its `points` and, when it has one, a `note` ("late",
"short", "over", "proportional"); the loyalty outcome has a `rule` (R0..R6) and `details`. This module words
that data with gettext in the current language (`simulator.i18n.set_language`). Plain Python, no pygame.
"""
from __future__ import annotations

from contextlib import contextmanager

from simulator.i18n import N_, _, language, set_language

STEP_NAMES = {
    "listen": N_("Listen"), "acknowledge": N_("Acknowledge"), "apologize": N_("Apologise"), "own": N_("Own it"),
    "understand": N_("Understand"), "ask_fair": N_("Ask what is fair"), "resolve": N_("Resolve"),
    "extra_mile": N_("Extra mile"), "follow_up": N_("Follow up"),
}
PENALTY_NAMES = {
    "excuse": N_("Excuses"), "blame_customer": N_("Blaming the customer"), "dismiss": N_("Dismissing"),
    "defensive": N_("Being defensive"), "favor": N_("Calling it a favour"), "pass_buck": N_("Passing the buck"),
    "solve_before_acknowledge": N_("Solving before acknowledging"),
    "interrupt_venting": N_("Interrupting the venting"),
    "excuse_after_apology": N_("An excuse after the apology"), "silent": N_("No answer"),
}
#: Names of the reply tags (the moves shown beside a turn); "explain" earns the step "understand".
TAG_NAMES = {**{k: v for k, v in STEP_NAMES.items() if k != "understand"}, "explain": N_("Explain the cause"),
             **{k: v for k, v in PENALTY_NAMES.items() if k in ("excuse", "blame_customer", "dismiss", "defensive",
                                                                 "favor", "pass_buck")}}
ENDINGS = {"resolved": N_("resolved"), "unresolved": N_("unresolved"), "walked_out": N_("walked out"),
           "escalated": N_("escalated"), "unfinished": N_("unfinished")}

#: One phrase per score item key: what the trainee did, as the debrief says it.
ITEM_PHRASES = {
    "listen": N_("You invited the customer to tell it all, or asked to understand without judging"),
    "acknowledge": N_("You named the customer's feeling or the weight of the problem"),
    "apologize": N_("You apologised sincerely"),
    "own": N_("You took it on personally"),
    "understand": N_("You gave an honest account of the cause"),
    "ask_fair": N_("You asked what the customer would consider fair"),
    "resolve": N_("You fixed the failure concretely"),
    "extra_mile": N_("You added something beyond the fix, as amends"),
    "follow_up": N_("You checked the customer is satisfied, or promised a later check"),
    "excuse": N_("You made an excuse: circumstances, another department or policy"),
    "blame_customer": N_("You implied the customer caused it"),
    "dismiss": N_("You minimised the problem or refused to help"),
    "defensive": N_("You reacted to the emotion instead of the problem"),
    "favor": N_("You presented the fix as a favour"),
    "pass_buck": N_("You handed the problem off to someone or something else"),
    "solve_before_acknowledge": N_("You jumped to a solution before acknowledging how the customer feels"),
    "interrupt_venting": N_("You cut the customer off while they were still venting"),
    "excuse_after_apology": N_("You made an excuse after apologising, which takes the apology back"),
    "silent": N_("You gave no answer"),
}
#: The qualified phrases: a late apology, compensation short of, beyond or in proportion to the failure.
NOTE_PHRASES = {
    ("apologize", "late"): N_("You apologised sincerely, but late: an apology counts most at the start"),
    ("extra_mile", "short"): N_("You added something beyond the fix, as amends, but less than the failure "
                                "called for"),
    ("extra_mile", "over"): N_("You added something beyond the fix, as amends; more than the failure called "
                               "for earns no extra credit"),
    ("extra_mile", "proportional"): N_("You added something beyond the fix, as amends, in proportion to the "
                                       "failure"),
}
NO_MOVE = N_("No recovery move recognised in this reply.")
NOT_ANALYSED = N_("Typed replies are not analysed in this version; this turn counts as no answer.")

PARADOX_MISSING = {
    "moderate": N_("the failure was moderate, not minor"),
    "major": N_("the failure was major, not minor"),
    "severity": N_("the failure was not minor"),
    "preventable": N_("it could have been prevented"),
}


@contextmanager
def in_language(lang: str):
    """Word things in `lang` for the duration, then restore the language that was in use."""
    previous = language()
    set_language(lang)
    try:
        yield
    finally:
        set_language(previous)


def step_name(step: str) -> str:
    return _(STEP_NAMES[step]) if step in STEP_NAMES else str(step)


def penalty_name(key: str) -> str:
    return _(PENALTY_NAMES[key]) if key in PENALTY_NAMES else str(key)


def tag_name(tag: str) -> str:
    return _(TAG_NAMES[tag]) if tag in TAG_NAMES else str(tag)


def ending_name(kind: str) -> str:
    return _(ENDINGS[kind]) if kind in ENDINGS else str(kind)


def points_text(points: int) -> str:
    return f"{'+' if points >= 0 else '−'}{abs(int(points))}"


def item_note(item: dict, steps_max: dict | None = None) -> str:
    """The item's qualifier: its `note` when the core gave one, else worked out from its points and reason."""
    note = item.get("note") or ""
    if note:
        return note
    key, points, reason = item.get("key"), item.get("points", 0), item.get("reason") or ""
    top = (steps_max or {}).get(key)
    if key == "apologize" and ((top is not None and points < top) or "late" in reason):
        return "late"
    if key == "extra_mile":
        if (top is not None and points < top) or "less than it called for" in reason:
            return "short"
        if "no extra credit" in reason:
            return "over"
        if "in proportion" in reason:
            return "proportional"
    return ""


def item_phrase(item: dict, steps_max: dict | None = None) -> str:
    """One item in the current language, without its points: "You apologised sincerely"."""
    key = item.get("key", "")
    phrase = NOTE_PHRASES.get((key, item_note(item, steps_max))) or ITEM_PHRASES.get(key)
    return _(phrase) if phrase else (item.get("reason") or str(key))


def item_line(item: dict, steps_max: dict | None = None) -> str:
    """One item with its points: "You apologised sincerely (+15)"."""
    return f"{item_phrase(item, steps_max)} ({points_text(item.get('points', 0))})"


def _as_dict(turn) -> dict:
    if isinstance(turn, dict):
        return turn
    return {k: getattr(turn, k, None) for k in ("reason", "items", "points")}


def turn_lines(turn, steps_max: dict | None = None) -> list[str]:
    """A turn's points, one sentence per item, in the current language."""
    t = _as_dict(turn)
    if (t.get("reason") or "") == NOT_ANALYSED:
        return [_(NOT_ANALYSED)]
    items = list(t.get("items") or [])
    if not items:
        return [_(NO_MOVE)]
    return [item_line(i, steps_max) + "." for i in items]


def turn_reason(turn, steps_max: dict | None = None) -> str:
    """A turn's reason in the current language: the items as sentences, one after the other."""
    return " ".join(turn_lines(turn, steps_max))


def loyalty_reason(loyalty: dict) -> str:
    """The loyalty reason in the current language, from `rule` and `details` (falls back to the English)."""
    rule, details = loyalty.get("rule", ""), loyalty.get("details") or {}
    needed = round(float(details.get("quality_needed", 0.85)) * 100)
    if rule == "R6":
        moves = ", ".join(tag_name(t).lower() for t in details.get("deviations", []))
        return _("Double deviation: the recovery itself let the customer down again (%(moves)s), so they end "
                 "below where the failure alone had left them.") % {"moves": moves}
    if rule == "R1":
        return _("The recovery paradox: a minor, first, unpreventable failure recovered excellently leaves the "
                 "customer more loyal than before it happened.")
    if rule == "R2":
        return _("A major failure: even an excellent recovery wins back at most %(share)d%% of the loss, so the "
                 "customer ends below where they started.") % {
            "share": round(float(details.get("recoverable", 0.8)) * 100)}
    if rule == "R3":
        return _("A second failure: the customer's trust was already shaken, so a good recovery wins back less "
                 "and no paradox is possible.")
    if rule == "R0":
        missing = [_(PARADOX_MISSING[m]) for m in details.get("missing", []) if m in PARADOX_MISSING]
        if missing:
            joined = missing[0] if len(missing) == 1 else _("%(first)s and %(second)s") % {
                "first": ", ".join(missing[:-1]), "second": missing[-1]}
            return _("Loyalty recovers by the quality of the recovery, but no paradox was possible: %s.") % joined
        return _("Loyalty recovers by the quality of the recovery (%(quality)d%%); more loyal than before needs "
                 "an excellent recovery (%(needed)d%% or more).") % {
            "quality": round(float(loyalty.get("quality", 0)) * 100), "needed": needed}
    return loyalty.get("reason", "")


def loyalty_reason_for(record: dict) -> str:
    """Like `loyalty_reason`, naming the failure's severity when the record knows it (R0 "not minor")."""
    loyalty = dict(record.get("loyalty") or {})
    details = dict(loyalty.get("details") or {})
    severity = (record.get("scenario") or {}).get("failure", {}).get("severity")
    if "missing" in details and severity in PARADOX_MISSING:
        details["missing"] = [severity if m == "severity" else m for m in details["missing"]]
        loyalty["details"] = details
    return loyalty_reason(loyalty)

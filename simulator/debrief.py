"""The debrief as plain text: what the terminal player prints at the end of a conversation.

It is written in the scenario's language (the record's `scenario.lang`); the language in use before is restored.
"""
from __future__ import annotations

from simulator.i18n import _
from simulator.tags import STEPS
from simulator.wording import (PENALTY_NAMES, STEP_NAMES, ending_name, in_language, loyalty_reason_for,
                               penalty_name, step_name, tag_name, turn_reason)

__all__ = ["format_debrief", "STEP_NAMES", "PENALTY_NAMES"]


def format_debrief(record: dict) -> str:
    with in_language(record.get("scenario", {}).get("lang", "en")):
        return _format(record)


def _format(record: dict) -> str:
    out: list[str] = []
    sc, loyalty = record["scenario"], record["loyalty"]
    out.append(_("=== Debrief: %(title)s (%(lang)s) ===") % {"title": sc["title"], "lang": sc["lang"]})
    out.append(_("Ending: %s") % ending_name(record["ending"]["kind"])
               + (f" - {record['ending']['summary']}" if record["ending"]["summary"] else ""))
    out.append(_("Score: %d/100") % record["score"])
    out.append("")
    out.append(_("Steps:"))
    steps, tops = record["breakdown"]["steps"], record["breakdown"]["steps_max"]
    for step, _tag in STEPS:
        out.append(f"  {step_name(step):<28} {steps[step]:>3} / {tops[step]}")
    penalties = record["breakdown"]["penalties"]
    if penalties:
        out.append(_("Penalties:"))
        for key, points in penalties.items():
            out.append(f"  {penalty_name(key):<40} -{points}")
    out.append("")
    out.append(_("Turns:"))
    for turn in record["turns"]:
        said = turn["text"] or _("(no answer)")
        how = _("typed") if turn["typed"] else _("reply %s") % turn["reply_id"]
        out.append(f"  {turn['index']}. " + _("Customer: %s") % turn["customer"])
        out.append("     " + _("You (%(how)s): %(said)s") % {"how": how, "said": said})
        if turn["tags"]:
            out.append("     " + _("Moves: %s") % ", ".join(tag_name(t) for t in turn["tags"]))
        for span in turn.get("spans") or []:
            guess = " " + _("(guessed from the words)") if span.get("guessed") else ""
            out.append(f"       [{tag_name(span['tag'])}] \"{span['text']}\"{guess}")
        if turn.get("reaction"):
            out.append("     " + _("Customer: %s") % turn["reaction"])
        out.append("     " + _("Points: %(points)+d. %(reason)s")
                   % {"points": turn["points"], "reason": turn_reason(turn, tops)})
        if turn["feedback"]:
            out.append("     " + _("Why: %s") % turn["feedback"])
        if turn["better"]:
            out.append("     " + _("Better: %s") % turn["better"])
        out.append("     " + _("Mood: %(before)d -> %(after)d")
                   % {"before": round(turn["mood_before"]), "after": round(turn["mood_after"])})
    out.append("")
    moods = " -> ".join(f"{m:.0f}" for m in [record["mood"]["start"], *record["mood"]["after_turns"]])
    out.append(_("Mood over the turns: %s") % moods)
    out.append(_("Loyalty: %(before)d before, %(after_failure)d right after the failure, %(after)d now")
               % {"before": round(loyalty["before"]), "after_failure": round(loyalty["after_failure"]),
                  "after": round(loyalty["after"])}
               + (_(" - more loyal than before!") if loyalty["paradox"] else ""))
    out.append(_("Why (%(rule)s): %(reason)s") % {"rule": loyalty["rule"], "reason": loyalty_reason_for(record)})
    return "\n".join(out)

"""The debrief as plain text: what the terminal player prints at the end of a conversation."""
from __future__ import annotations

from simulator.tags import STEPS

STEP_NAMES = {
    "listen": "Listen", "acknowledge": "Acknowledge", "apologize": "Apologise", "own": "Own it",
    "understand": "Understand", "ask_fair": "Ask what is fair", "resolve": "Resolve",
    "extra_mile": "Extra mile", "follow_up": "Follow up",
}
PENALTY_NAMES = {
    "excuse": "Excuses", "blame_customer": "Blaming the customer", "dismiss": "Dismissing",
    "defensive": "Being defensive", "favor": "Calling it a favour", "pass_buck": "Passing the buck",
    "solve_before_acknowledge": "Solving before acknowledging", "interrupt_venting": "Interrupting the venting",
    "excuse_after_apology": "An excuse after the apology", "silent": "No answer",
}


def format_debrief(record: dict) -> str:
    out: list[str] = []
    sc, loyalty = record["scenario"], record["loyalty"]
    out.append(f"=== Debrief: {sc['title']} ({sc['lang']}) ===")
    out.append(f"Ending: {record['ending']['kind'].replace('_', ' ')}"
               + (f" - {record['ending']['summary']}" if record["ending"]["summary"] else ""))
    out.append(f"Score: {record['score']}/100")
    out.append("")
    out.append("Steps:")
    steps, tops = record["breakdown"]["steps"], record["breakdown"]["steps_max"]
    for step, _tag in STEPS:
        out.append(f"  {STEP_NAMES[step]:<20} {steps[step]:>3} / {tops[step]}")
    penalties = record["breakdown"]["penalties"]
    if penalties:
        out.append("Penalties:")
        for key, points in penalties.items():
            out.append(f"  {PENALTY_NAMES.get(key, key):<30} -{points}")
    out.append("")
    out.append("Turns:")
    for turn in record["turns"]:
        said = turn["text"] or "(no answer)"
        how = "typed" if turn["typed"] else f"reply {turn['reply_id']}"
        out.append(f"  {turn['index']}. Customer: {turn['customer']}")
        out.append(f"     You ({how}): {said}")
        if turn["tags"]:
            out.append(f"     Moves: {', '.join(turn['tags'])}")
        for span in turn.get("spans") or []:
            out.append(f"       [{span['tag']}] \"{span['text']}\"")
        if turn.get("reaction"):
            out.append(f"     Customer: {turn['reaction']}")
        out.append(f"     Points: {turn['points']:+d}. {turn['reason']}")
        if turn["feedback"]:
            out.append(f"     Why: {turn['feedback']}")
        if turn["better"]:
            out.append(f"     Better: {turn['better']}")
        out.append(f"     Mood: {turn['mood_before']:.0f} -> {turn['mood_after']:.0f}")
    out.append("")
    moods = " -> ".join(f"{m:.0f}" for m in [record["mood"]["start"], *record["mood"]["after_turns"]])
    out.append(f"Mood over the turns: {moods}")
    out.append(f"Loyalty: {loyalty['before']:.0f} before, {loyalty['after_failure']:.0f} right after the failure, "
               f"{loyalty['after']:.0f} now" + (" - more loyal than before!" if loyalty["paradox"] else ""))
    out.append(f"Why ({loyalty['rule']}): {loyalty['reason']}")
    return "\n".join(out)

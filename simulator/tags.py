"""The recovery vocabulary: one set of tags for replies, scoring, the analyzer and the debrief.

Meanings are in the service-recovery reference (RECOVERY.md); `docs/scenario-format.md` lists them for trainers.
"""
from __future__ import annotations

POSITIVE = (
    "listen", "acknowledge", "apologize", "own", "explain",
    "ask_fair", "resolve", "extra_mile", "follow_up",
)
NEGATIVE = ("excuse", "blame_customer", "dismiss", "defensive", "favor", "pass_buck")
ALL = POSITIVE + NEGATIVE
TAGS = frozenset(ALL)

#: What each tag means, in the words the debrief uses.
DESCRIPTIONS = {
    "listen": "invited the customer to tell it all, or asked to understand without judging",
    "acknowledge": "named the customer's feeling or the weight of the problem",
    "apologize": "apologised sincerely",
    "own": "took it on personally",
    "explain": "gave an honest account of the cause",
    "ask_fair": "asked what the customer would consider fair",
    "resolve": "fixed the failure concretely",
    "extra_mile": "added something beyond the fix, as amends",
    "follow_up": "checked the customer is satisfied, or promised a later check",
    "excuse": "made an excuse: circumstances, another department or policy",
    "blame_customer": "implied the customer caused it",
    "dismiss": "minimised the problem or refused to help",
    "defensive": "reacted to the emotion instead of the problem",
    "favor": "presented the fix as a favour",
    "pass_buck": "handed the problem off to someone or something else",
}

#: The scoring steps of the debrief, in the order of the staged sequence, and the tag that earns each.
STEPS = (
    ("listen", "listen"),
    ("acknowledge", "acknowledge"),
    ("apologize", "apologize"),
    ("own", "own"),
    ("understand", "explain"),
    ("ask_fair", "ask_fair"),
    ("resolve", "resolve"),
    ("extra_mile", "extra_mile"),
    ("follow_up", "follow_up"),
)
STEP_OF_TAG = {tag: step for step, tag in STEPS}

#: Tags that make a "double deviation" (RECOVERY.md R6): the recovery itself fails the customer again.
DOUBLE_DEVIATION = frozenset({"excuse", "blame_customer", "dismiss", "pass_buck"})


def is_negative(tag: str) -> bool:
    return tag in NEGATIVE

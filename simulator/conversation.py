"""What the customer remembers of the conversation so far: the memory mood and scoring both read.

Order matters in service recovery (RECOVERY.md, the staged sequence), so a reply is judged against what came
before it: an apology after an excuse, a solution before any acknowledgement, a second identical apology.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

SOLVING = frozenset({"resolve", "ask_fair", "extra_mile"})
EMPATHY = frozenset({"acknowledge", "apologize"})
HEARING = frozenset({"listen", "acknowledge"})


@dataclass
class Memory:
    turns: int = 0
    seen: Counter = field(default_factory=Counter)
    empathised: bool = False        # an acknowledgement or an apology has been made
    tags_seen: frozenset = frozenset()

    def order_effects(self, tags: frozenset[str], venting: bool) -> list[str]:
        """The order mistakes this reply makes, by their rubric names."""
        effects = []
        solving = bool(tags & SOLVING)
        if solving and not (self.empathised or tags & EMPATHY):
            effects.append("solve_before_acknowledge")
        if solving and venting and not (tags & HEARING):
            effects.append("interrupt_venting")
        if "excuse" in tags and (self.seen["apologize"] or "apologize" in tags):
            effects.append("excuse_after_apology")
        return effects

    def remember(self, tags: frozenset[str]) -> None:
        self.turns += 1
        self.seen.update(tags)
        if not tags <= self.tags_seen:
            self.tags_seen = self.tags_seen | tags
            self.empathised = bool(self.tags_seen & EMPATHY)

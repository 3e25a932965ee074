"""The scenario model: what a trainer's YAML file becomes once loaded and checked.

Every object keeps `loc`, where it was written, so that any later message can point back at the file and line.
Objects are frozen: the engine never changes a scenario, it only walks it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

MOODS = ("calm", "tense", "angry", "furious")
TEMPERAMENTS = ("calm", "impatient", "volatile")
SEVERITIES = ("minor", "moderate", "major")
FAILURE_KINDS = ("outcome", "process")
ENDING_KINDS = ("resolved", "unresolved", "walked_out", "escalated")
COMPENSATIONS = ("small", "medium", "large")
DIFFICULTIES = ("easy", "medium", "hard")
LANGUAGES = ("en", "es", "it", "pl", "ro")


@dataclass(frozen=True)
class Loc:
    """A place in a source file; line and column count from 1."""

    path: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Rule:
    """One rule of a `next` or `typed` list: fits when the mood and the tags match; empty means any."""

    goto: str
    moods: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    loc: Loc | None = None

    def fits(self, mood: str, tags: frozenset[str] | set[str] = frozenset()) -> bool:
        if self.moods and mood not in self.moods:
            return False
        if self.tags and not (set(self.tags) & set(tags)):
            return False
        return True


def route(rules: tuple[Rule, ...], mood: str, tags: frozenset[str] | set[str] = frozenset()) -> str | None:
    """The target of the first rule that fits, or None."""
    for rule in rules:
        if rule.fits(mood, tags):
            return rule.goto
    return None


@dataclass(frozen=True)
class Lines:
    """A customer line, possibly one text per mood. `text(mood)` picks the nearest mood written."""

    by_mood: dict[str, str]

    def text(self, mood: str) -> str:
        if mood in self.by_mood:
            return self.by_mood[mood]
        if "*" in self.by_mood:
            return self.by_mood["*"]
        i = MOODS.index(mood)
        # Nearest mood written, preferring the calmer one on a tie.
        for d in range(1, len(MOODS)):
            for j in (i - d, i + d):
                if 0 <= j < len(MOODS) and MOODS[j] in self.by_mood:
                    return self.by_mood[MOODS[j]]
        return next(iter(self.by_mood.values()), "")


@dataclass(frozen=True)
class Reply:
    id: str
    text: str
    tags: tuple[str, ...]
    next: tuple[Rule, ...]
    feedback: str = ""
    better: str = ""
    compensation: str | None = None
    loc: Loc | None = None


@dataclass(frozen=True)
class Node:
    id: str
    say: Lines
    replies: tuple[Reply, ...]
    typed: tuple[Rule, ...] = ()
    vent: bool = False
    loc: Loc | None = None

    def reply(self, reply_id: str) -> Reply | None:
        for r in self.replies:
            if r.id == reply_id:
                return r
        return None


@dataclass(frozen=True)
class Ending:
    id: str
    kind: str
    say: Lines
    summary: str = ""
    loc: Loc | None = None


@dataclass(frozen=True)
class Customer:
    name: str
    temperament: str = "impatient"
    voice: str | None = None


@dataclass(frozen=True)
class Failure:
    kind: str
    severity: str
    first_failure: bool
    preventable: bool


@dataclass(frozen=True)
class Scenario:
    id: str
    lang: str
    title: str
    setting: str
    situation: str
    customer: Customer
    failure: Failure
    mood: int
    loyalty: int
    start: str
    walkout: str
    nodes: dict[str, Node]
    endings: dict[str, Ending]
    difficulty: str = "medium"
    rubric: dict = field(default_factory=dict)
    path: str = ""

    def target(self, name: str) -> Node | Ending | None:
        return self.nodes.get(name) or self.endings.get(name)


#: Used when a scenario names no walk-out ending of its own.
BUILTIN_WALKOUT = Ending(
    id="walked_out",
    kind="walked_out",
    say=Lines({"*": "That's it. I'm leaving."}),
    summary="The customer's patience ran out and they walked out.",
)


def derive_difficulty(severity: str, temperament: str, mood: int) -> str:
    """How hard a scenario is when its author did not say: a rough sum of what makes a customer hard to win."""
    points = SEVERITIES.index(severity) + TEMPERAMENTS.index(temperament) + (1 if mood >= 70 else 0)
    return DIFFICULTIES[min(2, points * 2 // 3)]

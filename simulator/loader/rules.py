"""Which rules of a `next` or `typed` list can ever apply (W105), and which moods a `next` list leaves out."""
from __future__ import annotations

import functools

from simulator.model import MOODS, Rule
from simulator.tags import ALL as ALL_TAGS

#: A typed reply may make no known move at all; only a rule without `if` catches it.
_NO_TAG = ""
_EVERY_TAG = (*ALL_TAGS, _NO_TAG)


def coverage(rules: tuple[Rule, ...]) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """(indexes of rules that can never apply, moods that no rule catches when the reply makes no move)."""
    return _coverage(tuple((r.moods, r.tags) for r in rules))


@functools.lru_cache(maxsize=4096)
def _coverage(shape: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]) -> tuple[tuple[int, ...], tuple[str, ...]]:
    # A rule fits a (mood, tag) pair; a typed reply with several tags is caught by the first rule that catches
    # any one of them, so a rule is dead when every pair it would catch is caught earlier. At most 4 x 16 pairs.
    covered: set[tuple[str, str]] = set()
    dead: list[int] = []
    for i, (moods, tags) in enumerate(shape):
        pairs = {(m, t) for m in (moods or MOODS) for t in (tags or _EVERY_TAG)}
        if pairs <= covered:
            dead.append(i)
        covered |= pairs
    missing = tuple(m for m in MOODS if (m, _NO_TAG) not in covered)
    return tuple(dead), missing

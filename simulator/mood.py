"""How a reply moves the customer's mood: its tags, their repetition, their order and the temperament."""
from __future__ import annotations

from dataclasses import dataclass

from simulator.conversation import Memory


@dataclass(frozen=True)
class MoodChange:
    before: float
    after: float
    effects: tuple[tuple[str, float], ...]  # (tag or order effect, how much it moved the mood)


def clamp(value: float, low: float = 0, high: float = 100) -> float:
    return max(low, min(high, value))


def move(mood: float, tags: frozenset[str], memory: Memory, rubric: dict, temperament: str,
         order: list[str] = (), answered: bool = True) -> MoodChange:
    """The mood after a reply with these tags, given what came before (`memory`, not yet updated) and the
    order mistakes it makes (`Memory.order_effects`)."""
    rules = rubric["mood"]
    temper = rules["temperament"].get(temperament) or {"rise": 1.0, "fall": 1.0}
    rise, fall = temper["rise"], temper["fall"]
    raw: list[tuple[str, float]] = []
    if not answered:
        raw.append(("silent", rules["silent"]))
    elif not tags:
        raw.append(("unclear", rules["unclear"]))
    tag_rules, repeat = rules["tags"], rules["repeat_factor"]
    for tag in sorted(tags):
        delta = tag_rules.get(tag, 0)
        if delta < 0 and memory.seen[tag]:
            # The same calming move again is worth less: the second "sorry" soothes less than the first.
            delta *= repeat ** memory.seen[tag]
        raw.append((tag, delta))
    for effect in order:
        raw.append((effect, rules["order"][effect]))
    effects = tuple((name, round(d * (rise if d > 0 else fall), 2)) for name, d in raw)
    after = clamp(mood + sum(d for _, d in effects), 0, rules["walkout_at"])
    return MoodChange(before=mood, after=round(after, 2), effects=effects)

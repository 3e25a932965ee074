"""Precision, recall and F1 per tag of the analyzer on labelled replies: the one scorer every bench uses."""
from __future__ import annotations

from typing import NamedTuple

from simulator.analyzer import analyze
from simulator.tags import ALL


class Scores(NamedTuple):
    exact: int                                          # replies whose tags came out exactly right
    per_tag: dict[str, tuple[float, float, float, int]]  # tag -> (precision, recall, F1, support)
    macro_f1: float                                     # over the tags present in the labels or the answers
    errors: list[tuple[dict, list[str], list[str]]]     # (reply, tags missed, tags extra)


def score(items: list[dict], lang: str) -> Scores:
    """Score `items` ({"text", "tags"} each, other keys kept for the caller) in language `lang`."""
    tp = {t: 0 for t in ALL}
    fp, fn = dict(tp), dict(tp)
    exact, errors = 0, []
    for item in items:
        gold, got = set(item["tags"]), set(analyze(item["text"], lang).tags)
        exact += gold == got
        for t in got & gold:
            tp[t] += 1
        for t in got - gold:
            fp[t] += 1
        for t in gold - got:
            fn[t] += 1
        if gold != got:
            errors.append((item, sorted(gold - got), sorted(got - gold)))
    per = {}
    for t in ALL:
        if tp[t] + fp[t] + fn[t]:
            p = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else 0.0
            r = tp[t] / (tp[t] + fn[t]) if tp[t] + fn[t] else 0.0
            per[t] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, tp[t] + fn[t])
    macro = sum(v[2] for v in per.values()) / len(per) if per else 0.0
    return Scores(exact, per, macro, errors)

"""The rubric: the numbers of mood, score and outcome, read from `rubric.yaml`, overridable per scenario."""
from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

import yaml

RUBRIC_FILE = Path(__file__).with_name("rubric.yaml")


@functools.lru_cache(maxsize=1)
def _base() -> dict[str, Any]:
    with open(RUBRIC_FILE, encoding="utf-8") as f:
        return yaml.safe_load(f)


def base_rubric() -> dict[str, Any]:
    """A fresh copy of the packaged rubric."""
    return copy.deepcopy(_base())


def merged(overrides: dict[str, Any] | None) -> dict[str, Any]:
    """The packaged rubric with a scenario's overrides laid over it, key by key. Shared: do not modify it."""
    import json

    return _merged(json.dumps(overrides, sort_keys=True) if overrides else "{}")


@functools.lru_cache(maxsize=64)
def _merged(overrides_json: str) -> dict[str, Any]:
    import json

    result = base_rubric()
    _merge(result, json.loads(overrides_json))
    return result


def unknown_keys(overrides: Any, base: Any = None, prefix: str = "rubric") -> list[str]:
    """Dotted paths in `overrides` that the packaged rubric does not have (for the checker)."""
    base = _base() if base is None else base
    out: list[str] = []
    if not isinstance(overrides, dict) or not isinstance(base, dict):
        return out
    for key, value in overrides.items():
        if key not in base:
            out.append(f"{prefix}.{key}")
        else:
            out.extend(unknown_keys(value, base[key], f"{prefix}.{key}"))
    return out


def _merge(into: dict, over: dict) -> None:
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def band_of(mood: float, rubric: dict[str, Any]) -> str:
    """The named mood (calm, tense, angry, furious) of a mood number."""
    name = None
    for band, start in sorted(rubric["mood"]["bands"].items(), key=lambda kv: kv[1]):
        if name is None or mood >= start:
            name = band
    return name


def static_points(tags, rubric: dict[str, Any] | None = None) -> int:
    """Points a reply's tags would earn on their own (steps minus penalties), ignoring order and timing.

    Used to compare replies at one node (the checker's "weak reply") and to pick the best authored reply.
    """
    from simulator.tags import STEP_OF_TAG

    rubric = rubric or _base()
    steps = rubric["score"]["steps"]
    penalties = rubric["score"]["penalties"]
    total = 0
    for tag in set(tags):
        if tag in STEP_OF_TAG:
            total += steps[STEP_OF_TAG[tag]]
        total -= penalties.get(tag, 0)
    return total

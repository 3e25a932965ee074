"""The pure core as the UI sees it, imported in this one place."""
from __future__ import annotations

from simulator.engine import Engine, EngineError  # noqa: F401  (re-exported for the scenes)
from simulator.paths import data_dir, shipped_scenarios  # noqa: F401
from simulator.loader import load_scenario  # noqa: F401
from simulator.store import ResultStore  # noqa: F401


def analyzer():
    """The typed-reply analyzer, or None while it is not installed (typed replies then count as no answer)."""
    try:
        from simulator.analyzer import analyze
    except ImportError:
        return None
    return analyze

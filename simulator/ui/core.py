"""The pure core as the UI sees it, imported in this one place."""
from __future__ import annotations

import threading

from simulator.engine import Engine, EngineError  # noqa: F401  (re-exported for the scenes)
from simulator.loader import load_scenario  # noqa: F401
from simulator.paths import data_dir, shipped_scenarios  # noqa: F401
from simulator.store import ResultStore  # noqa: F401


def analyzer(lang: str | None = None):
    """The typed-reply analyzer, or None while it is not installed (typed replies then count as no answer).

    With `lang`, that language is made ready in a background thread while the customer speaks, so the first typed
    reply does not pause the game for the few hundred ms it takes."""
    try:
        from simulator.analyzer import analyze, prepare
    except ImportError:
        return None
    if lang:
        threading.Thread(target=_quietly, args=(prepare, lang), name="analyzer-warm-up", daemon=True).start()
    return analyze


def _quietly(fn, *args) -> None:
    try:
        fn(*args)
    except Exception:  # a language that cannot be prepared is reported by the reply that needs it
        pass

"""Where the player's data lives: `--data-dir`, else $SIMULATOR_DATA_DIR, else the user data folder."""
from __future__ import annotations

import os
from pathlib import Path

APP = "service-recovery-simulator"


def data_dir(override: str | os.PathLike | None = None) -> Path:
    if override:
        return Path(override)
    if os.environ.get("SIMULATOR_DATA_DIR"):
        return Path(os.environ["SIMULATOR_DATA_DIR"])
    import platformdirs

    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def cache_dir() -> Path:
    """Where derived files that can always be rebuilt are kept: $SIMULATOR_CACHE_DIR, else the user cache folder."""
    if os.environ.get("SIMULATOR_CACHE_DIR"):
        return Path(os.environ["SIMULATOR_CACHE_DIR"])
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP, appauthor=False))


def shipped_scenarios() -> Path:
    """The scenarios that come with the simulator (the repository's `scenarios/`)."""
    return Path(__file__).resolve().parent.parent / "scenarios"

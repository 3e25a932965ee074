"""The scenarios on offer: shipped ones in the current language plus any in the trainer's folder.

A file that fails to load is listed with its first error (file and line) instead of being hidden.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from simulator.model import Scenario
from simulator.ui import core


@dataclass(frozen=True)
class Entry:
    path: Path
    scenario: Scenario | None
    error: str = ""        # "file:line: message" when the scenario cannot be played
    errors: int = 0        # how many errors in all

    @property
    def ok(self) -> bool:
        return self.scenario is not None

    @property
    def label(self) -> str:
        return self.scenario.title if self.scenario else self.path.name


def load_entry(path: Path) -> Entry:
    try:
        res = core.load_scenario(path)
    except Exception as exc:  # a loader bug must not take the start scene down with it
        return Entry(path, None, f"{path}: {type(exc).__name__}: {exc}", 1)
    if res.ok:
        return Entry(path, res.scenario)
    errors = list(res.errors) or []
    first = errors[0].render().splitlines()[0] if errors else f"{path}: cannot be loaded"
    return Entry(path, None, first, len(errors))


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def scan(lang: str, extra_dirs: list[Path] = (), shipped: Path | None = None) -> list[Entry]:
    """Entries for `lang`: shipped `scenarios/<lang>/`, then each extra folder (its files and its `<lang>/`)."""
    shipped = shipped or core.shipped_scenarios()
    paths = _yaml_files(shipped / lang)
    for folder in extra_dirs:
        folder = Path(folder)
        paths += _yaml_files(folder) + _yaml_files(folder / lang)
    seen, entries = set(), []
    for p in paths:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            entries.append(load_entry(p))
    return entries

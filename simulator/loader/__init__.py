"""The scenario loader and checker: YAML file in, `Scenario` and diagnostics out; never raises for bad input.

    from simulator.loader import load_scenario, load_text, discover, Diagnostic, LoadResult
    res = load_scenario("scenarios/en/wrong_order.yaml")
    if res.ok: play(res.scenario)
    for d in res.diagnostics: print(d.render())
"""
from __future__ import annotations

import gc
import os
import traceback
from pathlib import Path

from simulator.loader.diagnostics import Diagnostic, LoadResult, Reporter
from simulator.loader import safe_yaml
from simulator.loader.safe_yaml import compose, decode
from simulator.loader.schema import Builder
from simulator.model import LANGUAGES

__all__ = ["load_scenario", "load_text", "discover", "Diagnostic", "LoadResult", "YAML_SUFFIXES"]

YAML_SUFFIXES = (".yaml", ".yml")


def load_text(text: str | bytes, path: str = "<string>", lang: str | None = None,
              scenario_id: str | None = None) -> LoadResult:
    """Load a scenario from its text. `lang` and `scenario_id` are what the folder and file name say, if known.

    Without them, the written `id:` and `lang:` are used (else "scenario" and "en").
    """
    rep = Reporter(path)
    # Loading makes hundreds of thousands of small objects and no cycles worth collecting: the cyclic GC would
    # rescan them again and again (it makes a 5 MB file load 3x slower), so it waits until we are done.
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        scenario = _load(text, rep, path, lang, scenario_id)
    except Exception as exc:  # a bug of ours must not hide the file's other problems, nor crash `check`
        scenario = None
        where = traceback.extract_tb(exc.__traceback__)[-1]
        rep.add("E000", f"internal error of the loader ({type(exc).__name__}: {exc} at "
                f"{os.path.basename(where.filename)}:{where.lineno}); please report it", 1, 1)
    finally:
        if gc_was_on:
            gc.enable()
    return LoadResult(scenario=scenario, diagnostics=rep.sorted(), path=path)


def _load(text, rep: Reporter, path: str, lang, scenario_id):
    if isinstance(text, (bytes, bytearray, memoryview)):
        text = decode(bytes(text), rep)
        if text is None:
            return None
    elif text.startswith("\ufeff"):
        text = text[1:]
    root = compose(text, rep)
    if root is None:
        return None
    return Builder(rep, path, lang, scenario_id).build(root)


def load_scenario(path: str | os.PathLike) -> LoadResult:
    """Load and check one scenario file. Its id is the file name; its language the folder, when one of LANGUAGES."""
    p = Path(path)
    shown = str(path)
    rep = Reporter(shown)
    try:
        size = p.stat().st_size
        if size > safe_yaml.MAX_BYTES:
            rep.add("E002", f"the file is larger than 1 MiB ({size:,} bytes): a scenario is far smaller")
            return LoadResult(None, rep.sorted(), shown)
        with open(p, "rb") as f:
            data = f.read(safe_yaml.MAX_BYTES + 1)
    except OSError as exc:
        rep.add("E002", f"the file cannot be read: {exc.strerror or exc}")
        return LoadResult(None, rep.sorted(), shown)
    lang = p.parent.name if p.parent.name in LANGUAGES else None
    return load_text(data, path=shown, lang=lang, scenario_id=p.stem)


def discover(*paths: str | os.PathLike) -> list[Path]:
    """Every *.yaml / *.yml file under the given folders (and the given files themselves), sorted, once each.

    Hidden files and folders (".something") are skipped; a path that does not exist is left out (the caller
    that needs to say so, like `check`, looks first).
    """
    found: set[Path] = set()
    for path in paths:
        p = Path(path)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    if name.endswith(YAML_SUFFIXES) and not name.startswith("."):
                        found.add(Path(root) / name)
        elif p.is_file():
            found.add(p)
    return sorted(found)

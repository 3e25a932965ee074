"""`simulator play`: play a scenario in the terminal, or from a file of replies."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

NAME = "play"
HELP = "play a scenario in the terminal (or from a file of replies) and show the debrief"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", metavar="PATH",
                   help="a scenario file, or the id of a shipped scenario (e.g. wrong_order) with --lang")
    p.add_argument("--lang", default="en", help="the language of a shipped scenario given by id (default: en)")
    p.add_argument("--player", default="trainee", help="the player's name in the result (default: trainee)")
    p.add_argument("--replies", metavar="FILE",
                   help="play these replies, one turn a line: '#N' picks reply N, anything else is typed")
    p.add_argument("--json", action="store_true", help="print only the result record, as JSON")
    p.add_argument("--data-dir", metavar="DIR", help="where results are kept (default: $SIMULATOR_DATA_DIR or "
                                                     "the user data folder)")


def resolve(path: str, lang: str) -> Path:
    from simulator.paths import shipped_scenarios

    given = Path(path)
    if given.exists() or given.suffix in (".yaml", ".yml") or "/" in path:
        return given
    return shipped_scenarios() / lang / f"{path}.yaml"


def load_analyzer():
    """The typed-reply analyzer, if this installation has it."""
    try:
        from simulator.analyzer import analyze
    except ImportError:
        return None
    return analyze


def run(args: argparse.Namespace) -> int:
    from simulator.debrief import format_debrief
    from simulator.engine import Engine
    from simulator.loader import load_scenario
    from simulator.store import ResultStore
    from simulator.terminal import ScriptError, read_script, run_interactive, run_script

    path = resolve(args.path, args.lang)
    if not path.exists():
        print(f"simulator play: no scenario at {path}; give a scenario file, or the id of one in "
              f"scenarios/{args.lang}/", file=sys.stderr)
        return 1
    loaded = load_scenario(path)
    if not loaded.ok:
        for diagnostic in loaded.errors:
            print(diagnostic.render(), file=sys.stderr)
        print(f"simulator play: {path} has errors; fix them (see `simulator check {path}`)", file=sys.stderr)
        return 1
    engine = Engine(loaded.scenario, player=args.player, analyzer=load_analyzer())
    if args.replies:
        try:
            with open(args.replies, encoding="utf-8") as f:
                script = read_script(f)
        except (OSError, UnicodeDecodeError) as exc:
            print(f"simulator play: cannot read {args.replies}: {exc}", file=sys.stderr)
            return 1
        try:
            run_script(engine, script, source=args.replies)
        except ScriptError as exc:
            print(f"simulator play: {exc}", file=sys.stderr)
            return 1
    else:
        run_interactive(engine, out=sys.stderr if args.json else sys.stdout)
    record = engine.result()
    try:
        ResultStore(args.data_dir).save(record)     # before the debrief: a crash after this loses nothing
    except OSError as exc:
        print(f"simulator play: could not save the result: {exc}", file=sys.stderr)
    if args.json:
        print(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        print(format_debrief(record))
    return 0

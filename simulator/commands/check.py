"""`python -m simulator check PATH...`: every problem of every scenario file, each with its line, in one run.

    python -m simulator check scenarios/              # every *.yaml / *.yml below
    python -m simulator check scenarios/en/wrong_order.yaml --json

Files in a folder named `patterns` are pattern files of the typed-reply analyzer: they go to its own checker.
Exit status: 0 no error (warnings allowed), 1 an error in some file, 2 bad usage, including a PATH that does not
exist (it is named on stderr; the other paths are still checked).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

NAME = "check"
HELP = "check scenario files (and analyzer pattern files): list every problem with its line, then a summary"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="scenario files, or folders to search for *.yaml")
    parser.add_argument("--json", action="store_true", help="print the diagnostics as a JSON list instead")
    parser.add_argument("--no-warnings", action="store_true", help="show errors only")


def _pattern_checker():
    """The analyzer's pattern-file checker, or (None, why not)."""
    try:
        from simulator.analyzer.checker import check_pattern_file
    except Exception as exc:  # missing, or half-built by its engineer: skip those files, check the rest
        return None, f"{type(exc).__name__}: {exc}"
    return check_pattern_file, ""


def _check_patterns(path: Path, checker) -> list:
    from simulator.loader import Diagnostic
    from simulator.model import Loc

    try:
        return list(checker(path))
    except Exception as exc:
        return [Diagnostic("E000", "error", f"the pattern checker failed on this file ({type(exc).__name__}: {exc})",
                           Loc(str(path), 1, 1))]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def run(args: argparse.Namespace) -> int:
    from simulator.loader import discover, load_scenario

    missing = [p for p in args.paths if not Path(p).exists()]
    for p in missing:
        print(f"check: no such file or folder: {p}", file=sys.stderr)
    files = discover(*[p for p in args.paths if p not in missing])

    diagnostics = []
    skipped: list[tuple[Path, str]] = []
    checker, why_not = None, ""
    for path in files:
        if path.parent.name == "patterns":
            if checker is None and not why_not:
                checker, why_not = _pattern_checker()
            if checker is None:
                skipped.append((path, why_not))
                continue
            diagnostics.extend(_check_patterns(path, checker))
        else:
            diagnostics.extend(load_scenario(path).diagnostics)

    if args.no_warnings:
        diagnostics = [d for d in diagnostics if d.severity == "error"]
    # By file (in the order found), then line and column.
    order = {str(p): i for i, p in enumerate(files)}
    diagnostics.sort(key=lambda d: (order.get(d.loc.path, -1) if d.loc else -1,
                                    d.loc.line if d.loc else 0, d.loc.col if d.loc else 0, d.code))
    errors = sum(1 for d in diagnostics if d.severity == "error")
    warnings = len(diagnostics) - errors
    checked = len(files) - len(skipped)
    summary = f"{_plural(checked, 'file')} checked: {_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
    if skipped:
        summary += f" ({_plural(len(skipped), 'pattern file')} skipped)"

    if args.json:
        json.dump([_as_dict(d) for d in diagnostics], sys.stdout, ensure_ascii=False, indent=1)
        print()
        for path, why in skipped:
            print(f"check: skipped {path}: the pattern checker is not available ({why})", file=sys.stderr)
        print(summary, file=sys.stderr)
    else:
        for d in diagnostics:
            print(d.render())
        for path, why in skipped:
            print(f"{path}: skipped: the pattern checker is not available ({why})")
        print(summary)
    if missing:
        return 2
    return 1 if errors else 0


def _as_dict(d) -> dict:
    if hasattr(d, "to_dict"):
        return d.to_dict()
    loc = d.loc
    return {"code": d.code, "severity": d.severity, "message": d.message, "path": loc.path if loc else None,
            "line": loc.line if loc else None, "col": loc.col if loc else None,
            "source_line": d.source_line, "hint": d.hint}

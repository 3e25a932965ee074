"""The analyzer on the blind held-out sets: replies written without looking at the patterns, as trainers would.

bench/data/analyzer_heldout2/<lang>.jsonl (100 replies a language, session 2), analyzer_heldout3/ (150 a
language, session 3, over 23 services and four registers), analyzer_heldout4/ (150 a language, session 4, written
after the session-4 label decisions) and analyzer_heldout5/ (150 a language, session 5, half of it written the way
trainers write example answers, a third from services no dev set lists) were written by helpers who never saw the
patterns, their examples or the analyzer's output. Keep it that way: never tune patterns on these lines, never read
its misses to write a regex, or the figures stop saying how the analyzer does on replies nobody has seen. When it
has been used up that way, write a new blind set and keep the old one as dev data, as happened to
bench/data/analyzer_heldout/ (set 1, 50 a language, released for tuning in session 2; `--set 1` still scores it).
Prints figures; asserts nothing.
    python bench/bench_analyzer_heldout.py [--set 1|2|3|4|5 ...] [--patterns-only] [--misses]
By default it scores sets 2 to 5, each alone and pooled (the figure to quote: 550 replies a language).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _tag_scores import score  # noqa: E402
from simulator.analyzer import LANGS, _model  # noqa: E402

SETS = {"1": ROOT / "bench" / "data" / "analyzer_heldout", "2": ROOT / "bench" / "data" / "analyzer_heldout2",
        "3": ROOT / "bench" / "data" / "analyzer_heldout3", "4": ROOT / "bench" / "data" / "analyzer_heldout4",
        "5": ROOT / "bench" / "data" / "analyzer_heldout5"}
BLIND = ("2", "3", "4", "5")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=SETS, action="append",
                        help="2 to 5: the blind sets (default: all four); 1: the released one")
    parser.add_argument("--misses", action="store_true", help="also print every reply not tagged exactly")
    parser.add_argument("--patterns-only", action="store_true", help="without the second opinion (_model.py)")
    args = parser.parse_args()
    if args.patterns_only:
        _model.load = lambda lang: None
    sets = args.set or list(BLIND)
    for lang in LANGS:
        pooled = []
        for name in sets:
            path = SETS[name] / f"{lang}.jsonl"
            if path.exists():
                rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
                pooled += rows
                report(f"{lang} set {name}", rows, lang, args.misses)
        if len(sets) > 1 and pooled:
            report(f"{lang} pooled", pooled, lang, False)


def report(label: str, rows: list[dict], lang: str, misses: bool) -> None:
    """One line of figures for `rows`, and with `misses` every reply not tagged exactly."""
    exact, per, macro, errors = score(rows, lang)
    if misses:
        for row, missed, extra in errors:
            print(f"  {lang} missed {missed} extra {extra}: {row['text']}")
    f1 = {tag: v[2] for tag, v in per.items()}
    weakest = ", ".join(f"{t} {v:.2f}" for t, v in sorted(f1.items(), key=lambda kv: kv[1])[:4])
    print(f"{label}: {len(rows)} replies, exact {exact / len(rows):.0%}, macro-F1 {macro:.3f} "
          f"(goal 0.90); weakest: {weakest}")


if __name__ == "__main__":
    main()

"""The analyzer on the held-out set: replies written blind to the patterns, as trainers would write them.

bench/data/analyzer_heldout/<lang>.jsonl was written without looking at the patterns or their examples. Keep it
that way: never tune patterns on these lines (use bench/data/analyzer_eval/ and the scenarios for that), or the
figures stop saying how the analyzer does on replies nobody has seen. Prints figures; asserts nothing.
    python bench/bench_analyzer_heldout.py [--misses]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _tag_scores import score  # noqa: E402

DATA = ROOT / "bench" / "data" / "analyzer_heldout"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="also print every reply not tagged exactly")
    args = parser.parse_args()
    for path in sorted(DATA.glob("*.jsonl")):
        lang = path.stem
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        exact, per, macro, errors = score(rows, lang)
        if args.misses:
            for row, missed, extra in errors:
                print(f"  {lang} missed {missed} extra {extra}: {row['text']}")
        f1 = {tag: v[2] for tag, v in per.items()}
        weakest = ", ".join(f"{t} {v:.2f}" for t, v in sorted(f1.items(), key=lambda kv: kv[1])[:4])
        print(f"{lang}: {len(rows)} replies, exact {exact / len(rows):.0%}, macro-F1 {macro:.3f} "
              f"(goal 0.90); weakest: {weakest}")


if __name__ == "__main__":
    main()

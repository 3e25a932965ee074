"""Choose the analyzer model's settings without the blind set: leave each dev set out of training in turn.

    python bench/crossval_analyzer_model.py [--lang xx] [--hold analyzer_dev6 ...] [--l2 X] [--threshold X]

For each held-out dev set, trains `_model` on every other set of TRAIN_SETS (bench/train_analyzer_model.py), then
scores patterns + that model on the held-out set with the benches' one scorer. Prints macro-F1 per language and set,
and the mean. Never touches analyzer_heldout2 or later blind sets. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _tag_scores import score  # noqa: E402
from train_analyzer_model import TRAIN_SETS, rows_of  # noqa: E402

from simulator.analyzer import LANGS, _model  # noqa: E402
from simulator.tags import ALL  # noqa: E402

DEFAULT_HOLD = ("analyzer_dev6", "analyzer_dev7", "analyzer_dev8", "analyzer_dev9")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", choices=LANGS, action="append")
    ap.add_argument("--hold", action="append", help="a dev set to leave out in turn (default: dev6 to dev9)")
    ap.add_argument("--l2", type=float, default=0.001)
    ap.add_argument("--threshold", type=float, default=_model.THRESHOLD)
    args = ap.parse_args()
    holds = [h for h in (args.hold or DEFAULT_HOLD) if h in TRAIN_SETS]
    _model._LOGIT = math.log(args.threshold / (1 - args.threshold))  # what propose() compares with
    means = []
    for lang in args.lang or LANGS:
        figures = []
        for hold in holds:
            path = ROOT / "bench" / "data" / hold / f"{lang}.jsonl"
            if not path.exists():
                continue
            items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            model = _model.Model.from_data(lang, _model.train(rows_of(lang, exclude=hold), ALL, l2=args.l2))
            _model.load = lambda _lang, m=model: m
            figures.append(score(items, lang).macro_f1)
            print(f"{lang} without {hold}: macro-F1 {figures[-1]:.3f} on its {len(items)} replies", flush=True)
        if figures:
            means.append(sum(figures) / len(figures))
            print(f"{lang}: mean {means[-1]:.3f}", flush=True)
    if means:
        print(f"all: mean {sum(means) / len(means):.3f}")


if __name__ == "__main__":
    main()

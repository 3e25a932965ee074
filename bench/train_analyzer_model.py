"""Train the analyzer's second opinion (simulator/analyzer/_model.py) on the labelled dev replies.

    python bench/train_analyzer_model.py [--lang xx]

Reads the labelled sets of TRAIN_SETS under bench/data/<set>/<lang>.jsonl (never
a blind set, analyzer_heldout2 and later, which measure it) and writes simulator/analyzer/model/<lang>.json. Training is
deterministic: the same replies give the same file. Retrain after adding labelled replies; prints the row count and
the size of each model.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator.analyzer import LANGS, _model  # noqa: E402
from simulator.analyzer._match import read  # noqa: E402
from simulator.analyzer._normalize import nfc  # noqa: E402
from simulator.analyzer._patterns import load  # noqa: E402
from simulator.tags import ALL  # noqa: E402

TRAIN_SETS = ("analyzer_eval", "analyzer_dev2", "analyzer_heldout", "analyzer_dev3", "analyzer_dev4", "analyzer_probes",
              "analyzer_dev5", "analyzer_dev6", "analyzer_dev7", "analyzer_dev8", "analyzer_dev9",
              "analyzer_dev10", "analyzer_dev11", "analyzer_dev12", "analyzer_dev13", "analyzer_dev14",
              "analyzer_dev15")


def rows_of(lang: str, exclude: str = "") -> list[tuple[str, set[str]]]:
    """(matching copy, gold tags) of every labelled dev reply of `lang` (but set `exclude`), read the way `analyze`
    reads a reply."""
    data = load(lang)
    rows = []
    for name in TRAIN_SETS:
        if name == exclude:
            continue
        path = ROOT / "bench" / "data" / name / f"{lang}.jsonl"
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    item = json.loads(line)
                    rows.append((read(data, nfc(item["text"])).folded, set(item["tags"])))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", choices=LANGS)
    args = ap.parse_args()
    _model.MODEL_DIR.mkdir(exist_ok=True)
    for lang in [args.lang] if args.lang else LANGS:
        rows = rows_of(lang)
        model = _model.train(rows, ALL)
        path = _model.MODEL_DIR / f"{lang}.json"
        path.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
                        encoding="utf-8")
        n = len(_model.Model.from_data(lang, model).weights)
        print(f"{lang}: {len(rows)} replies, {n} weights, {path.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()

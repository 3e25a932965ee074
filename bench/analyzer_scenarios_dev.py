"""Analyzer figures on the scenarios' authored replies, each with its trainer-written tags (a dev set).

    python bench/analyzer_scenarios_dev.py [--lang pl] [--errors]

Every reply under nodes.*.replies[*] of scenarios/<lang>/*.yaml carries `text` and `tags`, written by the
scenario's trainer for the engine, not for the analyzer: a fair check of meaning rather than of phrasing the
patterns were written against. Prints per language the exact-match rate (predicted tag set == authored tag set)
and per-tag precision, recall and F1, with macro-F1 over the tags seen. Prints figures only; never fails.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from simulator.analyzer import LANGS  # noqa: E402
from _tag_scores import score  # noqa: E402

SCENARIOS = ROOT / "scenarios"


def load_replies(lang: str) -> list[dict]:
    """[{text, tags, where}] of every authored reply of the language's scenarios."""
    out = []
    for path in sorted((SCENARIOS / lang).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for node_id, node in (data.get("nodes") or {}).items():
            for i, reply in enumerate((node or {}).get("replies") or []):
                if isinstance(reply, dict) and reply.get("text") and reply.get("tags") is not None:
                    out.append({"text": " ".join(str(reply["text"]).split()), "tags": list(reply["tags"]),
                                "where": f"{path.stem}:{node_id}#{i + 1}"})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", choices=LANGS)
    ap.add_argument("--errors", action="store_true", help="list replies whose tags differ from the authored ones")
    ap.add_argument("--quiet", action="store_true", help="summary only")
    args = ap.parse_args()
    summary = []
    for lang in [args.lang] if args.lang else LANGS:
        items = load_replies(lang)
        if not items:
            continue
        exact, per, macro, errors = score(items, lang)
        summary.append((lang, len(items), exact, macro))
        if args.quiet:
            continue
        print(f"\n== {lang}: {len(items)} replies, exact match {exact}/{len(items)} ({exact / len(items):.0%}), "
              f"macro-F1 {macro:.3f}")
        print(f"   {'tag':<15} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}")
        for tag, (p, r, f, n) in per.items():
            print(f"   {tag:<15} {p:6.2f} {r:6.2f} {f:6.2f} {n:4d}{'  <' if f < 0.8 else ''}")
        if args.errors:
            for item, missing, extra in errors:
                print(f"   ! [{item['where']}] {item['text']}\n       missing {missing} extra {extra}")
    print("\n== summary")
    tot_n = tot_e = 0
    for lang, n, exact, macro in summary:
        tot_n += n; tot_e += exact
        print(f"   {lang}: exact {exact}/{n} ({exact / n:.0%}), macro-F1 {macro:.3f}")
    if tot_n:
        print(f"   all: exact {tot_e}/{tot_n} ({tot_e / tot_n:.0%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

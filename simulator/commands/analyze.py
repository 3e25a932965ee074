"""`python -m simulator analyze`: which recovery tags a typed reply carries, as JSON.

    python -m simulator analyze --lang en "I'm so sorry, I'll replace it now"
    printf '%s\n' '{"lang": "pl", "text": "przepraszam"}' | python -m simulator analyze --jsonl
"""
from __future__ import annotations

import argparse
import json
import sys

NAME = "analyze"
HELP = "show the recovery tags a typed reply carries, and the words that earned each (JSON)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="?", help="the reply to analyse")
    parser.add_argument("--lang", help="language of the reply: en, es, it, pl or ro")
    parser.add_argument("--jsonl", action="store_true",
                        help='read lines {"lang": ..., "text": ...} from standard input, print one result per line')


def _dump(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False)


def run(args: argparse.Namespace) -> int:
    from simulator.analyzer import analyze

    if args.jsonl:
        if args.text is not None:
            print("analyze: give either TEXT or --jsonl, not both", file=sys.stderr)
            return 2
        return _run_jsonl(analyze, args.lang)
    if args.text is None or not args.lang:
        print("analyze: give --lang LANG and TEXT (or --jsonl)", file=sys.stderr)
        return 2
    try:
        result = analyze(args.text, args.lang)
    except ValueError as exc:
        print(f"analyze: {exc}", file=sys.stderr)
        return 1
    print(_dump(result.to_json()))
    return 0


def _run_jsonl(analyze, default_lang: str | None) -> int:
    status = 0
    for n, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError("each line must be a JSON object with lang and text")
            text, lang = item.get("text"), item.get("lang", default_lang)
            if not isinstance(text, str):
                raise ValueError("missing or non-string 'text'")
            if not isinstance(lang, str):
                raise ValueError("missing or non-string 'lang'")
            out = analyze(text, lang).to_json()
        except (ValueError, TypeError) as exc:  # json.JSONDecodeError is a ValueError
            out = {"error": f"line {n}: {exc}"}
            status = 1
        print(_dump(out), flush=False)
    sys.stdout.flush()
    return status

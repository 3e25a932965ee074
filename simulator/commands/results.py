"""`simulator results`: the results kept on this machine."""
from __future__ import annotations

import argparse
import json
import sys

NAME = "results"
HELP = "list the results kept on this machine, or show one"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", nargs="?", help="show this result in full (as JSON)")
    p.add_argument("--player", help="only this player's results")
    p.add_argument("--scenario", help="only this scenario's results")
    p.add_argument("--json", action="store_true", help="print the records as JSON lines")
    p.add_argument("--data-dir", metavar="DIR", help="where results are kept")


def run(args: argparse.Namespace) -> int:
    from simulator.store import ResultStore

    store = ResultStore(args.data_dir)
    if args.id:
        record = store.get(args.id)
        if record is None:
            print(f"simulator results: no result with id {args.id} in {store.path}", file=sys.stderr)
            return 1
        print(json.dumps(record, ensure_ascii=False, indent=2))
        return 0
    for record in store.list(player=args.player, scenario=args.scenario):
        if args.json:
            print(json.dumps(record, ensure_ascii=False))
        else:
            sc = record["scenario"]
            print(f"{record['ended_at'] or '':<26} {record['player']:<16} {sc['id']:<20} {sc['lang']}  "
                  f"{record['score']:>3}/100  {record['ending']['kind']:<11} {record['id']}")
    return 0

"""The terminal player: the same engine as the window, driven by typed numbers or a file of replies."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, TextIO

from simulator.engine import Engine, Turn

PICK = re.compile(r"^#\s*(\d+)\s*$")


@dataclass(frozen=True)
class ScriptLine:
    number: int     # line number in the replies file, for messages
    pick: int | None
    text: str


class ScriptError(ValueError):
    pass


def read_script(lines: Iterable[str]) -> list[ScriptLine]:
    """Parse a replies file: `#N` picks reply N, anything else is typed text; blank lines are skipped."""
    script = []
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        match = PICK.match(line.strip())
        script.append(ScriptLine(number, int(match.group(1)) if match else None, line.strip()))
    return script


def take(engine: Engine, pick: int | None, text: str) -> Turn:
    """One turn: reply number `pick` (1-based, as shown) or the typed `text`."""
    if pick is not None:
        replies = engine.replies
        if not 1 <= pick <= len(replies):
            raise ScriptError(f"there is no reply #{pick} here: this turn offers #1 to #{len(replies)}")
        return engine.choose(replies[pick - 1].id)
    return engine.reply(text)


def run_script(engine: Engine, script: list[ScriptLine], source: str = "replies") -> None:
    """Play the lines in order; stop when the scenario ends (extra lines are ignored)."""
    for line in script:
        if engine.over:
            break
        try:
            take(engine, line.pick, line.text)
        except ValueError as exc:       # a reply number not offered, a typed reply over the length limit
            raise ScriptError(f"{source}:{line.number}: {exc}") from None


def run_interactive(engine: Engine, read: Callable[[str], str] = input, out: TextIO | None = None) -> None:
    """Show each customer line and the numbered replies; the trainee types a number or their own words."""
    import sys

    out = out or sys.stdout
    sc = engine.scenario
    print(f"\n{sc.title}\n{sc.setting}\n\n{sc.situation.strip()}\n", file=out)
    name = sc.customer.name
    while not engine.over:
        print(f"{name} ({engine.mood_band}, mood {engine.mood:.0f}/100): {engine.line}", file=out)
        for i, reply in enumerate(engine.replies, start=1):
            print(f"  {i}. {reply.text}", file=out)
        try:
            answer = read("Your reply (a number, or type your own words): ").strip()
        except EOFError:
            engine.finish()
            break
        if not answer:
            continue
        pick = int(answer) if answer.isdigit() else None
        try:
            turn = take(engine, pick, answer)
        except ScriptError as exc:
            print(f"  {exc}", file=out)
            continue
        except ValueError as exc:       # e.g. a typed reply over the length limit
            print(f"  {exc}", file=out)
            continue
        if turn.reaction:
            print(f"{name}: {turn.reaction}", file=out)
        elif not turn.understood and turn.reason:
            print(f"  ({turn.reason})", file=out)
        print("", file=out)
    if engine.ending is not None and engine.ending.kind != "unfinished":
        print(f"{name}: {engine.line}\n", file=out)

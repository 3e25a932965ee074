"""A small valid scenario for the loader tests, with known line numbers, and a helper to break it."""
from __future__ import annotations

MINI = '''\
title: Cold soup
setting: A diner at noon
situation: The soup arrived cold.
customer:
  name: Mr Cafe\u0301
  temperament: calm
failure:
  kind: outcome
  severity: minor
  first_failure: true
  preventable: true
mood: 40
loyalty: 60
nodes:
  opening:
    say: "It's cold."
    replies:
      - text: "I'm sorry, I'll bring a hot one."
        tags: [apologize, resolve]
        feedback: Quick fix.
        next: fine
      - text: "Soup cools fast."
        tags: [excuse]
        feedback: An excuse.
        better: "Sorry, a hot one is coming."
        next:
          - mood: [calm, tense]
            goto: second
          - goto: lost
    typed:
      - if: [excuse, dismiss]
        goto: lost
      - goto: fine
  second:
    say:
      calm: "Well?"
      angry: "Well?!"
    replies:
      - id: serve
        text: "Here it is."
        tags: [resolve]
        feedback: Done.
        next: fine
endings:
  fine:
    kind: resolved
    say: "Thanks."
  lost:
    kind: escalated
    say: "Manager!"
'''

LINES = MINI.splitlines()


def line_of(fragment: str, text: str = MINI) -> int:
    """1-based number of the first line containing `fragment`."""
    for i, line in enumerate(text.splitlines(), 1):
        if fragment in line:
            return i
    raise AssertionError(f"{fragment!r} not in the text")


def edit(old: str, new: str, text: str = MINI) -> str:
    assert text.count(old) == 1, f"{old!r} must occur once"
    return text.replace(old, new)

"""Common words of each language, so that typo repair leaves real words alone.

Typo repair reads an unknown word as the pattern word it is one slip away from ("frustating" -> "frustrating").
Without a lexicon it also bends real words that the patterns happen not to use ("charged" -> "changed", "nowe"
-> "nowy"), which gives a tag the trainee never wrote. A word listed here is never repaired.

`<lang>.txt` holds the folded form (lower case, no diacritics, see `_normalize.fold`) of every word of six or more
letters with a Zipf frequency of at least 3.0 (once per million words) in wordfreq's data; misspellings are rarer
than that, so a real slip is still repaired. Regenerate with `python -m simulator.analyzer.lexicon` (needs
`pip install wordfreq`). Data: wordfreq by Robyn Speer, CC BY-SA 4.0 (see README.md here).
"""
from __future__ import annotations

import functools
from pathlib import Path

DIR = Path(__file__).parent
MIN_ZIPF = 3.0
MIN_LEN = 6  # typo repair only looks at words this long (`_match.MIN_TYPO_LEN`)


@functools.cache
def words(lang: str) -> frozenset[str]:
    """The folded common words of `lang` (empty when the language has no list)."""
    path = DIR / f"{lang}.txt"
    try:
        return frozenset(path.read_text(encoding="utf-8").split())
    except FileNotFoundError:
        return frozenset()

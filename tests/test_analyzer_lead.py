"""The narrowed start of an entry's regex (_lead.py) changes its speed, never its matches."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from simulator.analyzer import LANGS
from simulator.analyzer._lead import LEAD, NARROW, narrow
from simulator.analyzer._normalize import fold_plain
from simulator.analyzer._patterns import expand_match, load

BLNS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "naughty-strings" / "blns.json"


@pytest.mark.parametrize("body, narrowed", [
    ("sorry|apologi[sz]e", True),
    ("(?:i|we)(?:'ll)? (?:refund|replace)", True),
    ("(?:very )?sorry", True),
    ("(?:(?:le|te)\\s+){0,2}cambio", True),
    ("(?:^|(?<=[.!] ))sorry", True),        # zero-width starts: the first character is still a letter
    ("(?:^|[.!] )sorry", False),           # may start at the punctuation, as its writer meant
    ("\\s*sorry", False),
    (".{0,3}sorry", False),
    ("[a-z]+ly sorry", True),
    ("[^x]orry", False),
    ("(?:sorry)?", False),                 # may match nothing: nothing proves its first character
])
def test_narrowing_only_when_every_match_starts_with_a_word_character(body, narrowed):
    pattern = expand_match(body, {})
    assert pattern.startswith(LEAD)
    assert narrow(pattern).startswith(NARROW) is narrowed


@pytest.mark.parametrize("lang", LANGS)
def test_narrowed_entries_match_exactly_what_the_written_ones_do(lang):
    data = load(lang)
    texts = [fold_plain(x) for e in data.entries for x in e.examples + e.not_examples]
    texts += [". sorry", "  — ok.", "¿¡", "a,b", ""]
    if BLNS.exists():
        texts += [fold_plain(s) for s in json.loads(BLNS.read_text(encoding="utf-8"))[:300]]
    narrowed = 0
    for e in data.entries:
        written = re.compile(e.pattern)
        narrowed += e.regex.pattern != e.pattern
        for t in texts:
            assert [m.span() for m in e.regex.finditer(t) if m.end() > m.start()] == \
                   [m.span() for m in written.finditer(t) if m.end() > m.start()], (e.id, t)
    assert narrowed > len(data.entries) // 2  # it is in use, not silently off

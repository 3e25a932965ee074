"""Running a language's entries over a folded reply: typo repair, matches, suppression and negation."""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein
from rapidfuzz import process

from simulator.analyzer._normalize import fold
from simulator.analyzer._patterns import WORD, Entry, LangData

MIN_TYPO_LEN = 6  # shorter words are too easily another real word


@dataclass(frozen=True)
class Hit:
    entry: Entry
    start: int  # in the folded text
    end: int


_CACHE_MAX = 50_000


def _repair(data: LangData, word: str) -> str | None:
    """The pattern word a typed word was meant to be (one edit away, two for long words), or None."""
    cache = data.typo_cache
    if word in cache:
        return cache[word]
    if len(cache) > _CACHE_MAX:
        cache.clear()
    n = len(word)
    limit = 1 if n < 9 else 2
    best, best_d = None, limit + 1
    for k in range(n - limit, n + limit + 1):
        cands = [c for c in data.vocab_by_len.get(k, ()) if c[0] == word[0]]  # slips rarely hit the first letter
        if not cands:
            continue
        found = process.extractOne(word, cands, scorer=Levenshtein.distance, score_cutoff=limit)
        if found and found[1] < best_d:
            best, best_d = found[0], found[1]
    if best is not None and _inflected(data, word, best):
        best = None  # "delivered" is not a slip for "delivery", nor "driver" for "drivers"
    cache[word] = best
    return best


def _inflected(data: LangData, a: str, b: str) -> bool:
    """Whether `a` and `b` are one stem with two of the language's endings (`inflections` in its file)."""
    endings = data.inflections
    if len(endings) < 2:
        return False
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return a[n:] in endings and b[n:] in endings or any(
        a[n - k:] in endings and b[n - k:] in endings for k in (1, 2) if n >= k)


def repair_typos(data: LangData, folded: str, starts: list[int], ends: list[int]
                 ) -> tuple[str, list[int], list[int]]:
    """Replace words the patterns do not know by the known word they are one slip away from.

    A common word of the language (its lexicon) is never a slip, even one letter away from a pattern word:
    "chiaro" is not "chiamo", "cuanto" is not "cuando".
    """
    pieces: list[str] = []
    new_s: list[int] = []
    new_e: list[int] = []
    pos = 0
    changed = False
    common = data.lexicon
    for m in WORD.finditer(folded):
        w = m.group()
        if len(w) < MIN_TYPO_LEN or w in data.vocab or w in common or not w.isalpha():
            continue
        fix = _repair(data, w)
        if not fix:
            continue
        changed = True
        a, b = m.span()
        pieces.append(folded[pos:a]); new_s.extend(starts[pos:a]); new_e.extend(ends[pos:a])
        pieces.append(fix)
        new_s.extend([starts[a]] * len(fix)); new_e.extend([ends[b - 1]] * len(fix))
        pos = b
    if not changed:
        return folded, starts, ends
    pieces.append(folded[pos:]); new_s.extend(starts[pos:]); new_e.extend(ends[pos:])
    return "".join(pieces), new_s, new_e


def _negated(data: LangData, text: str, start: int, breaks: list[int]) -> bool:
    """Whether a negation cue stands within the last few words before `start`, in the same clause."""
    if data.negation is None:
        return False
    clause_start = 0
    for b in breaks:
        if b <= start:
            clause_start = b
        else:
            break
    before = text[clause_start:start]
    words = list(WORD.finditer(before))
    if not words:
        return False
    window = before[words[-data.window].start() if len(words) >= data.window else words[0].start():]
    return data.negation.search(window) is not None


_SENTENCE_END = re.compile(r"[.!?\n]")


def _sentence(h: Hit, text: str) -> tuple[int, int]:
    """The sentence a suppressor stands in (its reach when its entry has `suppress_scope: sentence`)."""
    a = h.start
    while a > 0 and not _SENTENCE_END.match(text, a - 1):
        a -= 1
    m = _SENTENCE_END.search(text, h.end)
    return a, (m.start() if m else len(text))


def find(data: LangData, text: str) -> list[Hit]:
    """The hits that survive suppression and negation, in text order."""
    hits = []
    entries = data.entries
    for i in data.prefilter.candidates(text):  # the others cannot match: their regexes are not run
        e = entries[i]
        for m in e.regex.finditer(text):
            if m.end() > m.start():
                hits.append(Hit(e, m.start(), m.end()))
    if not hits:
        return hits
    suppressors = [(h, h.start, h.end) for h in hits if h.entry.suppress]
    if any(h.entry.sentence_scope for h, _, _ in suppressors):
        suppressors = [(h, *_sentence(h, text)) if h.entry.sentence_scope else (h, a, b)
                       for h, a, b in suppressors]
    breaks = None
    alive = []
    for h in hits:
        tag = h.entry.tag
        if tag is None:
            continue
        if any(tag in s.entry.suppress and a < h.end and h.start < b and s is not h
               for s, a, b in suppressors):
            continue
        if h.entry.negatable:
            if breaks is None:
                breaks = [m.end() for m in data.clause_break.finditer(text)]
            if _negated(data, text, h.start, breaks):
                continue
        alive.append(h)
    alive.sort(key=lambda h: (h.start, h.end))
    return alive


def hits_of(data: LangData, text: str) -> tuple[str, list[int], list[int], list[Hit]]:
    """Fold, repair and match NFC `text`: (matching copy, starts, ends, surviving hits)."""
    folded, starts, ends = fold(text)
    folded, starts, ends = repair_typos(data, folded, starts, ends)
    return folded, starts, ends, find(data, folded)

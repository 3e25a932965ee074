"""Running a language's entries over a folded reply: typo repair, matches, suppression and negation."""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

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
    """The pattern word a typed word was meant to be (one edit away, two for long words), or None. Edits are
    optimal-string-alignment ones: two swapped letters ("thorugh") are one slip, as people make them."""
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
        found = process.extractOne(word, cands, scorer=OSA.distance, score_cutoff=limit)
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
    """Replace chat shorthand by its words ("xq" -> "porque", the file's `shorthand`) and words the patterns do not
    know by the known word they are one slip away from.

    A common word of the language (its lexicon) is never a slip, even one letter away from a pattern word:
    "chiaro" is not "chiamo", "cuanto" is not "cuando".
    """
    pieces: list[str] = []
    new_s: list[int] = []
    new_e: list[int] = []
    pos = 0
    changed = False
    common, short, known = data.lexicon, data.shorthand, data.regex_words
    for m in WORD.finditer(folded):
        w = m.group()
        if w in short:
            fix = short[w]
        elif len(w) < MIN_TYPO_LEN or w in data.vocab or w in common or w in known or not w.isalpha():
            continue
        else:
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


def _negated(data: LangData, text: str, start: int, breaks: list[tuple[int, int]]) -> bool:
    """Whether a negation cue stands within the last few words before `start`, in the same clause."""
    if data.negation is None:
        return False
    clause_start = 0
    for a, b in breaks:
        if a == start:  # the hit itself opens a clause ("porque el repartidor..."): nothing before it counts
            return False
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
# an apology glued to one of these in its sentence is not one (docs/analyzer.md): "sorry, not my department",
# "scuzați-mă, dar la dumneavoastră a rămas", "sorry, but there's no need for that tone"
REFUSALS = frozenset({"dismiss", "pass_buck", "blame_customer", "defensive"})


def _sentence(h: Hit, text: str) -> tuple[int, int]:
    """The sentence a suppressor stands in (its reach when its entry has `suppress_scope: sentence`)."""
    a = h.start
    while a > 0 and not _SENTENCE_END.match(text, a - 1):
        a -= 1
    m = _SENTENCE_END.search(text, h.end)
    return a, (m.start() if m else len(text))


def _outweighs(hit: Hit | None, suppressor: Hit) -> bool:
    """Whether `hit` wins over a suppressor that it suppresses in turn: two entries that cancel each other ("the
    instructor called in sick" as an excuse, "..., which is on us" as an honest explain) would otherwise both be
    lost; the one that read more of the reply wins."""
    return (hit is not None and suppressor.entry.tag in hit.entry.suppress
            and hit.end - hit.start > suppressor.end - suppressor.start)


class _Context:
    """What may cancel a tag at a place of the folded text: the suppressors that matched, and negation cues."""

    def __init__(self, data: LangData, text: str, hits: list[Hit]):
        self.data, self.text = data, text
        supp = [(h, h.start, h.end) for h in hits if h.entry.suppress]
        self.suppressors = [(h, *_sentence(h, text)) if h.entry.sentence_scope else (h, a, b) for h, a, b in supp]
        self._breaks: list[tuple[int, int]] | None = None
        self.refusals: list[tuple[int, int]] = []  # where the surviving REFUSALS stand (by _alive, then the model's)

    def glued(self, start: int, end: int) -> bool:
        """Whether an apology at start..end shares its sentence with one of REFUSALS, before or after it
        ("sorry, not my department", "lo siento, pero no se puede", "nu se poate, îmi pare rău"): that "sorry"
        softens a no, it is not an apology."""
        for a, b in self.refusals:
            if a >= end and not _SENTENCE_END.search(self.text, end, a):
                return True
            if b <= start and not _SENTENCE_END.search(self.text, b, start):
                return True
        return False

    def cancels(self, tag: str, start: int, end: int, negatable: bool, source: Hit | None = None) -> bool:
        if any(tag in s.entry.suppress and a < end and start < b and s is not source
               and not _outweighs(source, s) for s, a, b in self.suppressors):
            return True
        if tag == "apologize" and self.refusals and self.glued(start, end):
            return True
        if negatable:
            if self._breaks is None:
                self._breaks = [m.span() for m in self.data.clause_break.finditer(self.text)]
            return _negated(self.data, self.text, start, self._breaks)
        return False


def _raw_hits(data: LangData, text: str) -> list[Hit]:
    hits = []
    entries = data.entries
    for i in data.prefilter.candidates(text):  # the others cannot match: their regexes are not run
        e = entries[i]
        for m in e.regex.finditer(text):
            if m.end() > m.start():
                hits.append(Hit(e, m.start(), m.end()))
    return hits


def _alive(hits: list[Hit], ctx: _Context) -> list[Hit]:
    alive = [h for h in hits if h.entry.tag is not None
             and not ctx.cancels(h.entry.tag, h.start, h.end, h.entry.negatable, h)]
    alive.sort(key=lambda h: (h.start, h.end))
    ctx.refusals = [(h.start, h.end) for h in alive if h.entry.tag in REFUSALS]
    if ctx.refusals:
        alive = [h for h in alive if h.entry.tag != "apologize" or not ctx.glued(h.start, h.end)]
    return alive


@dataclass
class Reading:
    """A reply as the patterns read it."""
    folded: str        # the matching copy: folded, slips repaired
    starts: list[int]  # folded[i] comes from the NFC text's [starts[i]:ends[i]]
    ends: list[int]
    hits: list[Hit]    # the hits that survive suppression and negation, in text order
    context: _Context  # to ask whether a tag found some other way would be cancelled where it stands


def read(data: LangData, text: str) -> Reading:
    """Fold, repair and match NFC `text`."""
    folded, starts, ends = fold(text)
    folded, starts, ends = repair_typos(data, folded, starts, ends)
    hits = _raw_hits(data, folded)
    ctx = _Context(data, folded, hits)
    return Reading(folded, starts, ends, _alive(hits, ctx) if hits else hits, ctx)

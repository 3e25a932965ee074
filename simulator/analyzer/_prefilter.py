"""Which entries can possibly match a reply, found without running their regexes.

From each entry's parsed regex we work out, per top-level alternative, a few *factors*: sets of literal strings,
each of which every match by that alternative must meet (contain one string of). `let me (?:replace|refund)`
gives {"let me "} and {"replac", "refund"}. One Aho-Corasick pass (pyahocorasick, in C) finds every literal of the
language present in a reply; an inverted index from each alternative's rarest factor then yields the few entries
whose factors are all present, and only their regexes run. Most entries have no chance on a given reply, and that
pass costs about as much as one failed regex scan.

A prefilter never changes an answer: an entry whose regex it cannot read is always run.
"""
from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

try:  # the parser is private API; without it every entry simply runs its regex
    from re import _constants as _C
    from re import _parser as _P
except ImportError:  # pragma: no cover
    _C = _P = None

_MAX_SET = 64      # cap on the number of strings in a literal set (products grow fast)
_MAX_ALTS = 256    # cap on the alternatives an entry is split into
_MIN_LIT = 2       # a factor whose shortest literal is shorter than this filters nothing
_MAX_FACTORS = 3   # factors kept per alternative (the rarest)
_CASELESS = re.compile(r"\(\?[a-zA-Z-]*i")


def _exact_seq(seq) -> set[str] | None:
    """Every string `seq` can match, when that is a small finite set; else None."""
    out = {""}
    for op, av in seq:
        e = _exact_item(op, av)
        if e is None:
            return None
        out = {a + b for a in out for b in e}
        if len(out) > _MAX_SET:
            return None
    return out


_MEMO: dict[int, set[str] | None] = {}  # id(subtree) -> its exact set, while one parsed regex is alive
_LOCK = threading.Lock()                 # one build at a time uses _MEMO (the game warms a language in a thread)


def _exact_item(op, av) -> set[str] | None:
    C = _C
    if op is C.LITERAL:
        return {chr(av)}
    key = id(av)
    if key not in _MEMO:
        _MEMO[key] = _exact_compound(op, av)
    return _MEMO[key]


def _exact_compound(op, av) -> set[str] | None:
    C = _C
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return {""}
    if op is C.IN:
        if len(av) <= 4 and all(o is C.LITERAL for o, _ in av):
            return {chr(v) for _, v in av}
        return None
    if op is C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            e = _exact_seq(alt)
            if e is None:
                return None
            out |= e
            if len(out) > _MAX_SET:
                return None
        return out
    if op is C.SUBPATTERN:
        return _exact_seq(av[3])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
        e = _exact_seq(av[2])
        return None if e is None else e | {""}
    return None


def _useful(s: set[str] | None) -> bool:
    return bool(s) and "" not in s and min(len(x) for x in s) >= _MIN_LIT


def _factors(seq, split: int | None = None) -> list[set[str]]:
    """Literal sets every match of `seq` meets, all of them (item `split`, the alternation, left out)."""
    out: list[set[str]] = []
    cur = {""}
    for i, (op, av) in enumerate(seq):
        e = None if i == split else _exact_item(op, av)
        if e is not None and len(cur) * len(e) <= _MAX_SET:
            cur = {a + b for a in cur for b in e}
            continue
        if _useful(cur):
            out.append(cur)
        if i != split:
            out.extend(_factors_item(op, av))
        cur = e if e is not None else {""}
    if _useful(cur):
        out.append(cur)
    return out


def _factors_item(op, av) -> list[set[str]]:
    C = _C
    if op is C.BRANCH:  # nested: one factor, the union of one factor of each alternative
        union: set[str] = set()
        for alt in av[1]:
            fs = _factors(alt)
            if not fs:
                return []
            union |= max(fs, key=lambda f: min(len(x) for x in f))  # the most specific, rarity unknown here
        return [union]
    if op is C.SUBPATTERN:
        return _factors(av[3])
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _factors(av)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
        return _factors(av[2])
    return []


def _alternatives(seq) -> list[list[set[str]]]:
    """The top-level alternatives of `seq`, each as the list of its factors."""
    split = next((i for i, (op, av) in enumerate(seq) if op is _C.BRANCH and _exact_item(op, av) is None), None)
    if split is None:
        return [_factors(seq)]
    common = _factors(seq, split)
    alts = []
    for alt in seq[split][1][1]:
        for sub in _alternatives(alt):
            alts.append(common + sub)
        if len(alts) > _MAX_ALTS:
            return [common + _factors_item(*seq[split])]
    return alts


def _useful_alts(pattern: str) -> list[list[set[str]]] | None:
    """Per top-level alternative, its useful factors; None if the regex cannot be read or an alternative has none."""
    if _P is None or _CASELESS.search(pattern):  # (?i): a literal may match in another case: no prefilter
        return None
    try:
        alts = _alternatives(_P.parse(pattern, 0))
    except Exception:  # pragma: no cover - an unexpected parse tree: no prefilter, never a wrong answer
        return None
    finally:
        _MEMO.clear()  # its keys are ids of this tree's nodes
    out = []
    for fs in alts:
        fs = [frozenset(f) for f in fs if _useful(f)]
        if not fs:
            return None
        out.append(fs)
    return out


def _automaton(words: Iterable[str]) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for i, w in enumerate(words):
        auto.add_word(w, i)
    auto.make_automaton()
    return auto


@dataclass(frozen=True)
class Prefilter:
    always: frozenset[int]                   # entries without a gate: always run
    automaton: ahocorasick.Automaton | None  # every literal of every gate -> its number (None: no literal)
    index: tuple[tuple[tuple[int, tuple[frozenset[int], ...]], ...], ...]  # literal -> (entry, its other factors)

    def candidates(self, text: str) -> list[int]:
        """The entries (indices, in file order) whose regex may match the folded `text`."""
        present = {n for _, n in self.automaton.iter(text)} if text and self.automaton else set()
        found = set(self.always)
        index = self.index
        for n in present:
            for i, rest in index[n]:
                if i in found:
                    continue
                for f in rest:  # a plain loop: all() with a generator costs more than the test itself
                    if present.isdisjoint(f):
                        break
                else:
                    found.add(i)
        return sorted(found)


def build_prefilter(patterns: list[str], examples: Iterable[str]) -> Prefilter:
    """The prefilter of a language's entries (their expanded patterns). A literal's rarity is how many of
    `examples`, the language's own replies folded, contain it: the rarest factors of each alternative are kept."""
    with _LOCK:
        gates = [_useful_alts(p) for p in patterns]
    literals = sorted({x for g in gates if g for fs in g for f in fs for x in f})
    number = {x: n for n, x in enumerate(literals)}
    auto = _automaton(literals) if literals else None
    seen = [0] * len(literals)
    for t in examples if auto else ():
        for n in {n for _, n in auto.iter(t)} if t else ():
            seen[n] += 1

    def cost(f: frozenset[str]) -> int:  # how many example replies the factor lets through (an upper bound)
        return sum(seen[number[x]] + 1 for x in f)

    always = set()
    index: list[list] = [[] for _ in literals]
    for i, gate in enumerate(gates):
        if gate is None:
            always.add(i)
            continue
        for fs in gate:
            first, *rest = sorted(fs, key=cost)[:_MAX_FACTORS]
            ids = tuple(frozenset(number[x] for x in f) for f in rest)
            for x in first:
                index[number[x]].append((i, ids))
    return Prefilter(frozenset(always), auto, tuple(_dedupe(v) for v in index))


def _dedupe(rows: list) -> tuple:
    """One literal's rows without repeats; an entry that needs nothing more here needs no other row here."""
    free = {i for i, rest in rows if not rest}
    seen, out = set(), []
    for row in rows:
        if row not in seen and (not row[1] or row[0] not in free):
            seen.add(row)
            out.append(row)
    return tuple(out)

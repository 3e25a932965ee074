"""Understanding a typed reply: which recovery tags it carries, and which words earned each.

    >>> a = analyze("I'm so sorry, I'll replace it now", "en")
    >>> a.tags
    ('apologize', 'own', 'resolve')

Offline, instant and explainable: each tag comes with the span(s) of the reply that carry it. The knowledge is
data, one YAML file per language under `patterns/` (see docs/analyzer.md); this package only runs it.
"""
from __future__ import annotations

from dataclasses import dataclass

from simulator.analyzer import _model
from simulator.analyzer._match import REFUSALS, read
from simulator.analyzer._normalize import nfc
from simulator.analyzer._patterns import LANGS, load, warm
from simulator.tags import ALL, POSITIVE

__all__ = ["analyze", "Analysis", "Span", "ReplyTooLong", "MAX_REPLY_CHARS", "LANGS", "load_all", "prepare"]

MAX_REPLY_CHARS = 2000
_ORDER = {t: i for i, t in enumerate(ALL)}


class ReplyTooLong(ValueError):
    """A reply over MAX_REPLY_CHARS characters."""

    def __init__(self, length: int):
        super().__init__(f"reply is too long: {length} characters, the limit is {MAX_REPLY_CHARS}")
        self.length = length


@dataclass(frozen=True)
class Span:
    """The words that earned a tag: text == Analysis.text[start:end] (code points of the NFC text)."""

    tag: str
    start: int
    end: int
    text: str
    guessed: bool = False  # found by the word model, not by a pattern: the debrief says so

    def to_json(self) -> dict:  # the CLI's documented shape: tag, start, end, text
        return {"tag": self.tag, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Analysis:
    text: str  # the reply in NFC, which span offsets index
    lang: str
    tags: tuple[str, ...]
    spans: tuple[Span, ...]

    def spans_of(self, tag: str) -> tuple[Span, ...]:
        return tuple(s for s in self.spans if s.tag == tag)

    def to_json(self) -> dict:
        return {"tags": list(self.tags), "spans": [s.to_json() for s in self.spans]}


def _check_lang(lang: str) -> str:
    if not isinstance(lang, str) or lang.strip().lower() not in LANGS:
        raise ValueError(f"unknown language {lang!r}: expected one of {', '.join(LANGS)}")
    return lang.strip().lower()


def prepare(lang: str) -> None:
    """Get a language ready for its first reply: its data, word list, model and prefilter (a few hundred ms).
    Regexes are still compiled on first use. Safe to run in a thread while replies are analysed."""
    data = load(_check_lang(lang))
    # each is computed on its first use; using them here does the work now
    _ = data.lexicon, data.regex_words, data.prefilter, _model.load(data.lang)


def load_all() -> None:
    """Read every language's data and compile its regexes now (otherwise each is done on first use)."""
    for lang in LANGS:
        warm(load(lang))


def analyze(text: str, lang: str) -> Analysis:
    """The recovery tags `text` carries in language `lang`, each with the spans that carry it.

    Raises ReplyTooLong over MAX_REPLY_CHARS, ValueError for an unknown language, TypeError if text is not a str.
    A reply with no recognised tag gives empty tags: it is not judged bad here.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    lang = _check_lang(lang)
    text = nfc(text)
    if len(text) > MAX_REPLY_CHARS:
        raise ReplyTooLong(len(text))
    data = load(lang)
    r = read(data, text)
    runs: dict[str, list[tuple[int, int]]] = {}  # tag -> where it stands in the folded copy
    for h in r.hits:
        runs.setdefault(h.entry.tag, []).append((h.start, h.end))
    guessed = set()
    model = _model.load(lang) if data.use_model else None
    if model is not None:  # the second opinion adds what the patterns missed, under the same negation/suppression,
        # never over words a pattern reads the other way, nor inside words a suppress-only entry reads; and it drops
        # a pattern's tag that the reply's words all but rule out (_model.VETO)
        proposals, ruled_out = model.weigh(r.folded, skip=runs.keys() | data.model_never,
                                           doubt=runs.keys() - data.model_never)
        for tag in ruled_out:
            del runs[tag]
        for tag, a, b in proposals:
            if (r.context.cancels(tag, a, b, negatable=tag in POSITIVE) or _contradicts(tag, a, b, r.hits)
                    or _written_down(a, b, r.context.suppressors)):
                continue
            runs[tag] = [(a, b)]
            guessed.add(tag)
        _unglue(runs, guessed, r.context)
    tags = tuple(sorted(runs, key=_ORDER.__getitem__))
    spans = tuple(sorted((Span(t, a, b, text[a:b], t in guessed)
                          for t in tags for a, b in _merge([(r.starts[a], r.ends[b - 1]) for a, b in runs[t]])),
                         key=lambda s: (s.start, _ORDER[s.tag])))
    return Analysis(text, lang, tags, spans)


def _unglue(runs: dict[str, list[tuple[int, int]]], guessed: set[str], context) -> None:
    """Drop an apology glued to a refusal the model found: the patterns' own refusals already cancel a "sorry" in
    their sentence (_match.py), and one the model adds ("lo siento, es lo que hay") undoes it just the same."""
    found = [ab for t in guessed & REFUSALS for ab in runs[t]]
    if not found or "apologize" not in runs:
        return
    context.refusals = context.refusals + found
    kept = [(a, b) for a, b in runs["apologize"] if not context.glued(a, b)]
    if kept:
        runs["apologize"] = kept
    else:
        del runs["apologize"]
        guessed.discard("apologize")


def _written_down(a: int, b: int, suppressors) -> bool:
    """Whether a..b lies inside the match of a suppress-only entry: "it's not your fault" is written down as no
    blame, so the model, which learned that "fault" often goes with an excuse, may not call those words one."""
    return any(h.entry.tag is None and h.start <= a and b <= h.end for h, _, _ in suppressors)


def _contradicts(tag: str, a: int, b: int, hits) -> bool:
    """Whether the patterns read words of a..b the other way: 'es culpa nuestra' is an admission (own), so the
    model may not call the same words an excuse just because 'no es culpa nuestra' is one."""
    positive = tag in POSITIVE
    return any(h.start < b and a < h.end and (h.entry.tag in POSITIVE) != positive for h in hits)


def _merge(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in sorted(runs):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]

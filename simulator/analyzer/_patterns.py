"""Reading a language's pattern file into compiled entries.

The same code serves the analyzer (fast, no line numbers) and the checker (with line numbers and every problem
reported). The file format is documented in docs/analyzer.md.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from simulator.analyzer import lexicon
from simulator.analyzer._lead import LEAD, narrow
from simulator.analyzer._normalize import fold_plain
from simulator.analyzer._prefilter import Prefilter, build_prefilter
from simulator.paths import cache_dir
from simulator.tags import TAGS

PATTERN_DIR = Path(__file__).with_name("patterns")
_BUILDING = threading.Lock()
LANGS = ("en", "es", "it", "pl", "ro")

TOP_FIELDS = {"lang", "defs", "negation", "clause_break", "words", "inflections", "shorthand", "model",
              "model_never", "patterns"}
NEGATION_FIELDS = {"cue", "window"}
ENTRY_FIELDS = {"id", "tag", "match", "suppress", "suppress_scope", "negatable", "examples", "not_examples", "note"}

_ESCAPE = re.compile(r"\\.")                       # \w, \s, \. ...: not letters of a word
_LITERAL_WORD = re.compile(r"(?<![a-z])[a-z]{6,}(?![a-z])")
_MACRO = re.compile(r"<(?P<name>[a-z_][a-z0-9_]*)>")
_GAP = re.compile(r"^gap(\d*)$")
WORD = re.compile(r"\w+(?:'\w+)?")


@dataclass(frozen=True)
class Entry:
    id: str
    tag: str | None
    pattern: str  # the expanded regex source, word boundaries included
    suppress: frozenset[str]
    negatable: bool
    examples: tuple[str, ...] = ()
    not_examples: tuple[str, ...] = ()
    line: int = 0
    sentence_scope: bool = False  # `suppress` reaches the whole sentence of the hit, not only what it overlaps

    @functools.cached_property
    def regex(self) -> re.Pattern:
        """Compiled on first use: compiling every regex of a language up front is most of its load time."""
        return re.compile(narrow(self.pattern))


@dataclass
class LangData:
    lang: str
    entries: tuple[Entry, ...]
    negation: re.Pattern | None
    window: int
    clause_break: re.Pattern
    vocab: frozenset[str]
    vocab_by_len: dict[int, tuple[str, ...]] = field(default_factory=dict)
    typo_cache: dict[str, str | None] = field(default_factory=dict, repr=False)
    inflections: frozenset[str] = frozenset()  # word endings: a word is not "repaired" into another form of itself
    shorthand: dict[str, str] = field(default_factory=dict)  # folded chat shorthand -> the words it stands for
    use_model: bool = True               # `model: false`: only the patterns tag replies in this language
    model_never: frozenset[str] = frozenset()  # `model_never: [tags]`: tags the model may never add
    _prefilter: Prefilter | None = field(default=None, repr=False)

    @property
    def lexicon(self) -> frozenset[str]:
        """The language's common words (folded), which typo repair leaves alone."""
        return lexicon.words(self.lang)

    @functools.cached_property
    def regex_words(self) -> frozenset[str]:
        """Words of six letters or more written literally in the regexes ("corectez" in "corectez|corectam"): the
        patterns know them, so typo repair leaves them alone even when no example uses them."""
        return frozenset(w for e in self.entries for w in _LITERAL_WORD.findall(_ESCAPE.sub(" ", e.pattern)))

    @property
    def prefilter(self) -> Prefilter:
        """Which entries may match a reply (see `_prefilter`); made on first use."""
        if self._prefilter is None:
            with _BUILDING:  # built once even when a warm-up thread and a reply ask at the same time
                if self._prefilter is None:
                    self._prefilter = build_prefilter([e.pattern for e in self.entries],
                                                      (fold_plain(x) for e in self.entries for x in e.examples))
        return self._prefilter


# A problem while building: (message, line or 0, field or "", code, hint)
Report = Callable[[str, str, int, str], None]


def expand(pattern: str, defs: dict[str, str], depth: int = 0) -> str:
    """Replace <name> by the language's definition and <gap>/<gapN> by 'up to 3 (N) words'; KeyError if unknown."""

    def sub(m: re.Match) -> str:
        name = m.group("name")
        g = _GAP.match(name)
        if g:
            n = int(g.group(1) or 3)
            neg = defs.get("negword")
            guard = rf"(?!(?:{neg})(?!\w))" if neg else ""
            return rf"(?:{guard}[^\s.,;:!?]+\s+){{0,{n}}}"
        if name not in defs:
            raise KeyError(name)
        if depth > 5:
            raise KeyError(name)
        return "(?:" + expand(defs[name], defs, depth + 1) + ")"

    return _MACRO.sub(sub, pattern)


def expand_match(match: Any, defs: dict[str, str]) -> str:
    """A `match` (one regex or a list of alternatives) expanded, with word boundaries around it."""
    alts = match if isinstance(match, list) else [match]
    body = "|".join("(?:" + expand(str(a), defs) + ")" for a in alts)
    # The boundaries guard word edges only: an alternative that starts with punctuation ("(?:^|[.!] )sorry") or
    # ends with a space may still match after or before a word, as its writer meant.
    return LEAD + "(?:" + body + r")(?:(?!\w)|(?<=\W))"


def compile_match(match: Any, defs: dict[str, str]) -> re.Pattern:
    """A `match` (one regex or a list of alternatives) compiled with word boundaries around it."""
    return re.compile(expand_match(match, defs))


def build(data: Any, lang: str, report: Report | None = None, lines: dict | None = None,
          checked: bool = False) -> LangData:
    """Build LangData from parsed YAML. Bad parts are skipped and reported (or raise if `report` is None).
    `checked`: this very content built without a problem before, so its definitions need not be compiled again."""
    lines = lines or {}

    def problem(code: str, msg: str, line: int = 0, hint: str = "") -> None:
        if report is None:
            raise ValueError(f"patterns/{lang}.yaml line {line}: {code} {msg}")
        report(code, msg, line, hint)

    if not isinstance(data, dict):
        problem("P002", "a pattern file is a mapping with `lang` and `patterns`", 1)
        data = {}
    defs = data.get("defs") or {}
    if not isinstance(defs, dict):
        problem("P011", "`defs` must be a mapping of name: regex", lines.get(("defs",), 0))
        defs = {}
    defs = {str(k): str(v) for k, v in defs.items()}
    for name, value in ({} if checked and report is None else defs).items():
        try:
            re.compile(expand(value, defs))
        except KeyError as exc:
            problem("P007", f"definition <{name}> uses unknown <{exc.args[0]}>", lines.get(("defs", name), 0))
        except re.error as exc:
            problem("P006", f"definition <{name}> is not a valid regex: {exc}", lines.get(("defs", name), 0))

    neg = data.get("negation") or {}
    negation, window = None, 3
    if isinstance(neg, dict):
        if neg.get("cue"):
            try:
                negation = re.compile(r"(?<!\w)(?:" + expand(str(neg["cue"]), defs) + r")(?!\w)")
            except (re.error, KeyError) as exc:
                problem("P006", f"negation cue is not a valid regex: {exc}", lines.get(("negation",), 0))
        try:
            window = int(neg.get("window", 3))
        except (TypeError, ValueError):
            problem("P011", "negation window must be a whole number", lines.get(("negation",), 0))
    try:
        clause_break = re.compile(expand(str(data.get("clause_break") or r"[.,;:!?]"), defs))
    except (re.error, KeyError) as exc:
        problem("P006", f"clause_break is not a valid regex: {exc}", lines.get(("clause_break",), 0))
        clause_break = re.compile(r"[.,;:!?]")

    words = data.get("words") or []
    vocab: set[str] = set()
    if isinstance(words, list):
        for w in words:
            vocab.update(WORD.findall(fold_plain(str(w))))

    entries: list[Entry] = []
    raw = data.get("patterns")
    if not isinstance(raw, list):
        problem("P002", "`patterns` must be a list of entries", lines.get(("patterns",), 1))
        raw = []
    for i, item in enumerate(raw):
        ln = lines.get(("patterns", i), 0)
        if not isinstance(item, dict):
            problem("P002", "an entry is a mapping with id, tag, match and examples", ln)
            continue
        eid = str(item.get("id") or f"#{i + 1}")
        tag = item.get("tag")
        if tag is not None and tag not in TAGS:
            problem("P005", f"entry '{eid}': unknown tag '{tag}'", lines.get(("patterns", i, "tag"), ln))
            continue
        suppress = item.get("suppress") or []
        if isinstance(suppress, str):
            suppress = [suppress]
        bad = [s for s in suppress if s not in TAGS]
        if bad:
            problem("P005", f"entry '{eid}': unknown tag '{bad[0]}' in suppress",
                    lines.get(("patterns", i, "suppress"), ln))
            continue
        if tag is None and not suppress:
            problem("P004", f"entry '{eid}' needs a `tag` (or a `suppress` list)", ln)
            continue
        if "match" not in item or item["match"] in (None, "", []):
            problem("P004", f"entry '{eid}' has no `match`", ln)
            continue
        try:
            pattern = expand_match(item["match"], defs)
            if report is not None:  # the checker wants every bad regex now; the analyzer compiles on first use
                re.compile(pattern)
        except KeyError as exc:
            problem("P007", f"entry '{eid}': unknown <{exc.args[0]}> in match",
                    lines.get(("patterns", i, "match"), ln))
            continue
        except re.error as exc:
            problem("P006", f"entry '{eid}': match is not a valid regex: {exc}",
                    lines.get(("patterns", i, "match"), ln))
            continue
        examples = item.get("examples") or []
        not_examples = item.get("not_examples") or []
        if isinstance(examples, str):
            examples = [examples]
        if isinstance(not_examples, str):
            not_examples = [not_examples]
        negatable = item.get("negatable")
        if negatable is None:
            negatable = tag is not None and tag not in ("excuse", "blame_customer", "dismiss", "defensive",
                                                        "favor", "pass_buck")
        for ex in examples:
            vocab.update(WORD.findall(fold_plain(str(ex))))
        scope = item.get("suppress_scope") or "overlap"
        if scope not in ("overlap", "sentence"):
            problem("P011", f"entry '{eid}': suppress_scope is 'overlap' (default) or 'sentence'",
                    lines.get(("patterns", i, "suppress_scope"), ln))
            scope = "overlap"
        entries.append(Entry(eid, tag, pattern, frozenset(suppress), bool(negatable),
                             tuple(str(e) for e in examples), tuple(str(e) for e in not_examples), ln,
                             scope == "sentence"))

    shorthand = data.get("shorthand") or {}
    if not isinstance(shorthand, dict) or not all(isinstance(v, str) and v.strip() for v in shorthand.values()):
        problem("P011", "`shorthand` must map each short form to the words it stands for",
                lines.get(("shorthand",), 0))
        shorthand = {}
    use_model = data.get("model", True)
    if not isinstance(use_model, bool):
        problem("P011", "`model` is true (the word model may add tags the patterns missed, the default) or false",
                lines.get(("model",), 0))
        use_model = True
    never = data.get("model_never") or []
    if isinstance(never, str):
        never = [never]
    if not isinstance(never, list) or not all(isinstance(t, str) for t in never):
        problem("P011", "`model_never` must be a list of tags the word model may never add",
                lines.get(("model_never",), 0))
        never = []
    for t in never:
        if t not in TAGS:
            problem("P005", f"unknown tag '{t}' in model_never", lines.get(("model_never",), 0))
    infl = data.get("inflections") or []
    if not isinstance(infl, list):
        problem("P011", "`inflections` must be a list of word endings", lines.get(("inflections",), 0))
        infl = []
    by_len: dict[int, list[str]] = {}
    for w in vocab:
        by_len.setdefault(len(w), []).append(w)
    return LangData(lang, tuple(entries), negation, window, clause_break, frozenset(vocab),
                    {k: tuple(sorted(v)) for k, v in by_len.items()},
                    inflections=frozenset(fold_plain(str(x)) for x in infl) | {""},
                    shorthand={fold_plain(str(k)): fold_plain(v) for k, v in shorthand.items() if fold_plain(str(k))},
                    use_model=use_model, model_never=frozenset(t for t in never if t in TAGS))


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def warm(data: LangData) -> LangData:
    """Compile every regex of a language now (otherwise each is compiled on its first use)."""
    data.prefilter
    for e in data.entries:
        e.regex
    return data


@functools.lru_cache(maxsize=None)
def load(lang: str) -> LangData:
    """The packaged data of one language, read once; its regexes are compiled on first use (see `warm`).

    Parsing the YAML is most of a language's load time, so a file that built without a problem is also kept as
    JSON in the user cache, under the hash of its bytes: an edited file is simply parsed (and checked) again, and a
    cache that cannot be read or written only costs that time."""
    raw = (PATTERN_DIR / f"{lang}.yaml").read_bytes()
    cached = cache_dir() / "analyzer" / f"{lang}-{hashlib.sha256(raw).hexdigest()[:20]}.json"
    try:
        return build(json.loads(cached.read_bytes()), lang, checked=True)
    except Exception:  # no copy, or one that is not a clean copy of a good file (cut short, edited by hand): parse
        pass
    data = yaml.load(raw.decode("utf-8"), Loader=_Loader)
    built = build(data, lang)
    _keep(cached, data)
    return built


def _keep(path: Path, data: Any) -> None:
    try:
        text = json.dumps(data, ensure_ascii=False)
        if json.loads(text) == data:  # only what JSON keeps exactly (no dates, no number keys)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)  # whole or absent, even with two games starting at once
    except (OSError, TypeError, ValueError):
        pass

"""Checking a pattern file the way scenarios are checked: every problem, each with file:line.

    check_pattern_file("simulator/analyzer/patterns/en.yaml") -> list[Diagnostic]

Codes (documented in docs/analyzer.md): P001 unreadable YAML, P002 wrong shape, P003 unknown field, P004 missing
field, P005 unknown tag, P006 bad regex, P007 unknown <name>, P008 an example the entry does not match,
P009 a not_example the entry matches, P010 duplicate id, P011 wrong type, P012 language, P013 no examples,
P014 an entry the prefilter cannot skip (slow).
"""
from __future__ import annotations

import difflib
from pathlib import Path

import yaml

from simulator.analyzer._match import read
from simulator.analyzer._normalize import nfc
from simulator.analyzer._patterns import ENTRY_FIELDS, LANGS, NEGATION_FIELDS, TOP_FIELDS, build
from simulator.model import Loc
from simulator.tags import ALL

from simulator.loader import Diagnostic

ERROR, WARNING = "error", "warning"


def _lines(node: yaml.Node) -> dict:
    """(key path) -> 1-based line of the node, for the parts the checker points at."""
    out: dict = {}
    if not isinstance(node, yaml.MappingNode):
        return out
    for k, v in node.value:
        key = k.value
        out[(key,)] = k.start_mark.line + 1
        if key == "defs" and isinstance(v, yaml.MappingNode):
            for dk, _ in v.value:
                out[("defs", dk.value)] = dk.start_mark.line + 1
        if key == "patterns" and isinstance(v, yaml.SequenceNode):
            for i, item in enumerate(v.value):
                out[("patterns", i)] = item.start_mark.line + 1
                if isinstance(item, yaml.MappingNode):
                    for ek, ev in item.value:
                        out[("patterns", i, ek.value)] = ek.start_mark.line + 1
                        if isinstance(ev, yaml.SequenceNode):
                            for j, ex in enumerate(ev.value):
                                out[("patterns", i, ek.value, j)] = ex.start_mark.line + 1
    return out


def _suggest(name: str, known) -> str:
    close = difflib.get_close_matches(str(name), sorted(known), n=1)
    return f"did you mean '{close[0]}'?" if close else ""


def check_pattern_file(path: str | Path) -> list[Diagnostic]:
    """Every problem in one pattern file, in file order."""
    path = Path(path)
    out: list[Diagnostic] = []
    try:
        text = nfc(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return [Diagnostic("P001", ERROR, f"cannot read the file: {exc}", Loc(str(path), 1, 1), "", "")]
    src = text.splitlines()

    def diag(code: str, msg: str, line: int = 1, hint: str = "", severity: str = ERROR, col: int = 0) -> None:
        line = max(line, 1)
        source = src[line - 1] if line - 1 < len(src) else ""
        if not col:
            col = len(source) - len(source.lstrip()) + 1
        out.append(Diagnostic(code, severity, msg, Loc(str(path), line, col), source, hint))

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        diag("P001", f"not valid YAML: {getattr(exc, 'problem', None) or exc}", line,
             "check the indentation and quote regexes with single quotes", col=(mark.column + 1 if mark else 1))
        return out
    lines = _lines(node) if node is not None else {}

    if not isinstance(data, dict):
        diag("P002", "a pattern file is a mapping with `lang`, `patterns` (and optionally `defs`, `negation`, "
                     "`clause_break`, `words`)")
        return out
    for key in data:
        if key not in TOP_FIELDS:
            diag("P003", f"unknown field '{key}'", lines.get((key,), 1), _suggest(key, TOP_FIELDS))
    lang = data.get("lang")
    if lang not in LANGS:
        diag("P012", f"`lang` must be one of {', '.join(LANGS)}, not {lang!r}", lines.get(("lang",), 1))
    elif path.stem in LANGS and path.stem != lang:
        diag("P012", f"file {path.name} says lang: {lang}", lines.get(("lang",), 1),
             f"name the file {lang}.yaml", WARNING)
    neg = data.get("negation")
    if neg is not None and not isinstance(neg, dict):
        diag("P011", "`negation` must be a mapping with `cue` and `window`", lines.get(("negation",), 1))
    elif isinstance(neg, dict):
        for key in neg:
            if key not in NEGATION_FIELDS:
                diag("P003", f"unknown field '{key}' in negation", lines.get(("negation",), 1),
                     _suggest(key, NEGATION_FIELDS))
    if "words" in data and not isinstance(data["words"], list):
        diag("P011", "`words` must be a list of words", lines.get(("words",), 1))

    raw = data.get("patterns") if isinstance(data.get("patterns"), list) else []
    seen: dict[str, int] = {}
    for i, item in enumerate(raw):
        if not isinstance(item, dict):
            continue
        ln = lines.get(("patterns", i), 1)
        for key in item:
            if key not in ENTRY_FIELDS:
                diag("P003", f"unknown field '{key}' in entry '{item.get('id', i + 1)}'",
                     lines.get(("patterns", i, key), ln), _suggest(key, ENTRY_FIELDS))
        if "id" not in item:
            diag("P004", f"entry #{i + 1} has no `id`", ln, "give each entry a short unique id, like apologize.sorry")
        elif str(item["id"]) in seen:
            diag("P010", f"duplicate id '{item['id']}' (first on line {seen[str(item['id'])]})",
                 lines.get(("patterns", i, "id"), ln))
        else:
            seen[str(item["id"])] = lines.get(("patterns", i, "id"), ln)
        tag = item.get("tag")
        if tag is not None and tag not in ALL:
            pass  # reported by build (P005) with the suggestion below
        for key in ("examples", "not_examples", "suppress"):
            v = item.get(key)
            if v is not None and not isinstance(v, (list, str)):
                diag("P011", f"`{key}` must be a list", lines.get(("patterns", i, key), ln))
        m = item.get("match")
        if m is not None and not isinstance(m, (str, list)):
            diag("P011", "`match` must be a regex or a list of regexes", lines.get(("patterns", i, "match"), ln))
        if not item.get("examples") and "match" in item:
            diag("P013", f"entry '{item.get('id', i + 1)}' has no examples", ln,
                 "add `examples:` replies it must match, so the next trainer knows what it is for", WARNING)

    def report(code: str, msg: str, line: int, hint: str) -> None:
        if code == "P005" and not hint:
            bad = msg.rsplit("'", 2)[-2] if msg.count("'") >= 2 else ""
            hint = _suggest(bad, ALL)
        diag(code, msg, line or 1, hint)

    try:
        built = build(data, str(lang) if lang in LANGS else "en", report, lines)
    except Exception as exc:  # a shape the builder did not foresee must still give a diagnostic
        diag("P002", f"cannot build the patterns: {exc}")
        return _sorted(out)

    by_id = {str(item.get("id")): i for i, item in enumerate(raw) if isinstance(item, dict)}
    for n in sorted(built.prefilter.always):
        entry = built.entries[n]
        diag("P014", f"entry '{entry.id}' has an alternative with no word every match must contain: "
                     "its regex runs on every reply", lines.get(("patterns", by_id.get(entry.id, -1)), 1),
             "start each alternative with a word or stem (not only \\w+ or <gap>), so the analyzer can skip it",
             WARNING)
    for entry in built.entries:
        i = by_id.get(entry.id)
        if i is None:
            continue
        for j, ex in enumerate(entry.examples):
            if not _fires(built, entry, ex):
                diag("P008", f"entry '{entry.id}' does not match its own example {ex!r}",
                     lines.get(("patterns", i, "examples", j), lines.get(("patterns", i), 1)),
                     "widen `match`, or check that a negation or a `suppress` entry is not cancelling it")
        for j, ex in enumerate(entry.not_examples):
            if _fires(built, entry, ex):
                diag("P009", f"entry '{entry.id}' matches its not_example {ex!r}",
                     lines.get(("patterns", i, "not_examples", j), lines.get(("patterns", i), 1)),
                     "narrow `match`, or add an entry that suppresses it")
    return _sorted(out)


def _fires(data, entry, example: str) -> bool:
    """Whether `entry` survives on `example` (for a suppress-only entry: whether its regex matches)."""
    text = nfc(example)
    r = read(data, text)
    if entry.tag is None:
        return entry.regex.search(r.folded) is not None
    return any(h.entry is entry for h in r.hits)


def _sorted(out: list) -> list:
    return sorted(out, key=lambda d: (d.loc.line if d.loc else 0))


def main_paths(paths) -> int:  # pragma: no cover - convenience for `python -m simulator.analyzer.checker`
    n = 0
    for p in paths:
        for d in check_pattern_file(p):
            print(d.render())
            n += d.severity == ERROR
    return 1 if n else 0


if __name__ == "__main__":  # pragma: no cover
    import sys
    raise SystemExit(main_paths(sys.argv[1:] or sorted(Path(__file__).with_name("patterns").glob("*.yaml"))))

"""Diagnostics: every problem found in a scenario file, pointing back at its line and column."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Iterable

from simulator.model import Loc, Scenario

#: Source lines wider than this are shown as a window around the caret.
_SHOW_WIDTH = 100
#: The line breaks YAML counts (PyYAML and libyaml agree on these).
_LINE_BREAK = re.compile(r"\r\n|[\n\r\x85\u2028\u2029]")


@dataclass(frozen=True)
class Diagnostic:
    """One problem: a documented code, a severity, a message, where it is, the line itself and a hint."""

    code: str
    severity: str = ""  # "error" or "warning"; worked out from the code (E... or W...) when left empty
    message: str = ""
    loc: Loc | None = None
    source_line: str = ""
    hint: str = ""  # e.g. "did you mean 'escalate'?"

    def __post_init__(self) -> None:
        if not self.severity:
            object.__setattr__(self, "severity", "warning" if self.code.startswith("W") else "error")

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def sort_key(self) -> tuple:
        if self.loc is None:
            return ("", 0, 0, self.code)
        return (self.loc.path, self.loc.line, self.loc.col, self.code)

    def render(self) -> str:
        """`path:line:col: error[E009]: message (hint)`, then the source line and a caret under the column."""
        hint = f" ({self.hint})" if self.hint else ""
        if self.loc is None:
            return f"{self.severity}[{self.code}]: {self.message}{hint}"
        head = f"{self.loc}: {self.severity}[{self.code}]: {self.message}{hint}"
        if not self.source_line:
            return head
        line, col = _window(self.source_line.rstrip("\r\n"), max(self.loc.col, 1))
        # Keep tabs under tabs so the caret lines up whatever the tab width.
        pad = "".join("\t" if ch == "\t" else " " for ch in line[: col - 1])
        return f"{head}\n    {line}\n    {pad}^"

    def to_dict(self) -> dict:
        loc = self.loc
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "path": loc.path if loc else None,
            "line": loc.line if loc else None,
            "col": loc.col if loc else None,
            "source_line": self.source_line,
            "hint": self.hint,
        }


def _window(line: str, col: int) -> tuple[str, int]:
    if len(line) <= _SHOW_WIDTH:
        return line, min(col, len(line) + 1)
    start = max(0, min(col - _SHOW_WIDTH // 2, len(line) - _SHOW_WIDTH))
    shown = line[start : start + _SHOW_WIDTH]
    col -= start
    if start:
        shown, col = "..." + shown, col + 3
    if start + _SHOW_WIDTH < len(line):
        shown += "..."
    return shown, col


@dataclass
class LoadResult:
    """What loading one file gives: the scenario (when there is no error) and every diagnostic, in line order."""

    scenario: Scenario | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    path: str = ""

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)


def did_you_mean(word: object, choices: Iterable[str]) -> str:
    """A "did you mean 'x'?" hint for a name close to one we know, or ""."""
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in choices}
        if word.lower() in lowered:
            close = [lowered[word.lower()]]
    return f"did you mean '{close[0]}'?" if close else ""


class Reporter:
    """Collects the diagnostics of one file; fills in the source line of each from the text, lazily."""

    __slots__ = ("path", "text", "diagnostics", "_lines")

    def __init__(self, path: str, text: str = "") -> None:
        self.path = path
        self.text = text
        self.diagnostics: list[Diagnostic] = []
        self._lines: list[str] | None = None

    def source_line(self, line: int) -> str:
        if self._lines is None:
            text = self.text
            if "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:
                self._lines = _LINE_BREAK.split(text)
            else:
                self._lines = text.split("\n")  # the same lines, several times faster
        if 1 <= line <= len(self._lines):
            return self._lines[line - 1]
        return ""

    def add(self, code: str, message: str, line: int = 0, col: int = 0, hint: str = "", source_line: str | None = None) -> None:
        loc = Loc(self.path, line, col) if line else None
        if source_line is None:
            source_line = self.source_line(line) if line else ""
        self.diagnostics.append(Diagnostic(code=code, message=message, loc=loc, source_line=source_line, hint=hint))

    def at(self, code: str, message: str, node, hint: str = "") -> None:
        """A diagnostic at a YAML node (or mark): PyYAML counts from 0, we count from 1."""
        mark = getattr(node, "start_mark", node)
        if mark is None:
            self.add(code, message, hint=hint)
        else:
            self.add(code, message, mark.line + 1, mark.column + 1, hint=hint)

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.diagnostics, key=Diagnostic.sort_key)

    @property
    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.diagnostics)

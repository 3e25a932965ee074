"""A stand-in for simulator.loader.Diagnostic, used only while the loader is not in the checkout.

Same fields and `render()` shape, so the checker's output does not change when the real one arrives.
"""
from __future__ import annotations

from dataclasses import dataclass

from simulator.model import Loc


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: str
    message: str
    loc: Loc | None = None
    source_line: str = ""
    hint: str = ""

    def render(self) -> str:
        where = f"{self.loc}: " if self.loc else ""
        out = [f"{where}{self.severity} {self.code}: {self.message}"]
        if self.source_line:
            out.append("    " + self.source_line)
            if self.loc:
                out.append("    " + " " * max(self.loc.col - 1, 0) + "^")
        if self.hint:
            out.append("    hint: " + self.hint)
        return "\n".join(out)

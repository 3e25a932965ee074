"""A stand-in for `simulator.loader` until it lands: reads the documented format, checks little.

Used only when `simulator.loader` cannot be imported; delete once the real loader is in.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from simulator.model import (Customer, Ending, Failure, Lines, Loc, Node, Reply, Rule, Scenario,
                             derive_difficulty)


@dataclass
class StubError:
    message: str
    loc: Loc

    def render(self) -> str:
        return f"{self.loc.path}:{self.loc.line}: {self.message}"


@dataclass
class StubResult:
    scenario: Scenario | None = None
    errors: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.scenario is not None and not self.errors


def _lines(value) -> Lines:
    return Lines(dict(value) if isinstance(value, dict) else {"*": str(value)})


def _rules(value, key="mood") -> tuple[Rule, ...]:
    if isinstance(value, str):
        return (Rule(goto=value),)
    out = []
    for r in value or ():
        cond = r.get(key, r.get("if", ()))
        cond = (cond,) if isinstance(cond, str) else tuple(cond or ())
        out.append(Rule(goto=r["goto"], moods=cond if key == "mood" else (), tags=cond if key == "if" else ()))
    return tuple(out)


def load_scenario(path) -> StubResult:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        nodes = {}
        for nid, n in data["nodes"].items():
            replies = tuple(
                Reply(id=str(r.get("id", i + 1)), text=str(r["text"]), tags=tuple(r.get("tags") or ()),
                      next=_rules(r["next"]), feedback=r.get("feedback", ""), better=r.get("better", ""),
                      compensation=r.get("compensation"))
                for i, r in enumerate(n["replies"]))
            nodes[nid] = Node(id=nid, say=_lines(n["say"]), replies=replies, typed=_rules(n.get("typed"), "if"),
                              vent=bool(n.get("vent")))
        endings = {eid: Ending(id=eid, kind=e["kind"], say=_lines(e["say"]), summary=e.get("summary", ""))
                   for eid, e in data["endings"].items()}
        c, f = data["customer"], data["failure"]
        customer = Customer(name=c["name"], temperament=c.get("temperament", "impatient"), voice=c.get("voice"))
        failure = Failure(f["kind"], f["severity"], f["first_failure"], f["preventable"])
        walkout = data.get("walkout") or next((k for k, e in endings.items() if e.kind == "walked_out"), "walked_out")
        scenario = Scenario(
            id=path.stem, lang=path.parent.name if path.parent.name in ("en", "es", "it", "pl", "ro") else "en",
            title=data["title"], setting=data["setting"], situation=data["situation"], customer=customer,
            failure=failure, mood=int(data["mood"]), loyalty=int(data["loyalty"]),
            start=data.get("start") or next(iter(nodes)), walkout=walkout, nodes=nodes, endings=endings,
            difficulty=data.get("difficulty") or derive_difficulty(failure.severity, customer.temperament,
                                                                   int(data["mood"])),
            path=str(path))
        return StubResult(scenario=scenario)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark else 1
        return StubResult(errors=[StubError(f"error[E001]: {exc.problem}", Loc(str(path), line, 1))])
    except Exception as exc:  # the stub reports anything it cannot read as one error at line 1
        return StubResult(errors=[StubError(f"error: cannot read scenario ({exc!r})", Loc(str(path), 1, 1))])

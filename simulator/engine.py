"""The dialogue engine: a pull-style runner over a scenario (after YarnRunner and Ink).

The caller reads `line` and `replies`, then calls `choose(reply_id)` or `reply(text)`, until `over`; `result()`
gives the record. The whole state is the list of actions taken, so `state()` / `from_state()` save and restore
it and `rewind(n)` retries from any turn: replaying the same actions gives the same conversation.
"""
from __future__ import annotations

import uuid
import weakref
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Callable

from simulator import mood as mood_rules
from simulator import record as records
from simulator.conversation import Memory
from simulator.model import BUILTIN_WALKOUT, Ending, Lines, Node, Reply, Scenario, route
from simulator.rubric import merged
from simulator.scoring import score_turn

#: After this many turns a conversation ends as unfinished, so that no scenario loop can run for ever.
MAX_TURNS = 200

#: What the customer says to a typed reply in which no recovery move is recognised.
UNCLEAR = {
    "en": "Sorry, what do you mean?",
    "es": "Perdone, ¿qué quiere decir?",
    "it": "Scusi, che cosa intende dire?",
    "pl": "Słucham? Nie rozumiem, co ma Pan na myśli.",
    "ro": "Poftim? Ce vreți să spuneți?",
}
NOT_ANALYSED = "Typed replies are not analysed in this version; this turn counts as no answer."
UNFINISHED = Ending(id="unfinished", kind="unfinished", say=Lines({"*": ""}),
                    summary="The conversation stopped before it reached an ending.")


@dataclass(slots=True)
class Turn:
    index: int                      # 1 for the first turn
    node: str
    customer: str                   # what the customer had said, that this turn answers
    reply_id: str | None            # the reply picked, or None when typed
    text: str                       # what the trainee said
    typed: bool
    understood: bool                # False: a typed reply with no recognised move (or not analysed)
    tags: tuple[str, ...]
    spans: list[dict]
    points: int
    items: tuple[dict, ...]             # shared between turns: read, never modify
    reason: str
    feedback: str
    better: str
    mood_before: float
    mood_after: float
    mood_effects: tuple[tuple[str, float], ...]
    reaction: str = ""              # the customer's immediate reaction, when they did not understand

    def to_dict(self) -> dict:
        """Plain JSON types (lists, fresh dicts), safe to keep and to change."""
        out = {name: getattr(self, name) for name in self.__slots__}
        out["tags"] = list(self.tags)
        out["spans"] = [dict(s) for s in self.spans]
        out["items"] = [dict(i) for i in self.items]
        out["mood_effects"] = [list(e) for e in self.mood_effects]
        return out


@dataclass
class _Action:
    kind: str   # "choose" or "reply"
    value: str


class EngineError(ValueError):
    """A call the engine cannot take now (an unknown reply, a conversation already over)."""


class Engine:
    def __init__(self, scenario: Scenario, player: str = "", analyzer: Callable | None = None,
                 record_id: str | None = None, clock: Callable[[], datetime] | None = None,
                 started_at: str | None = None):
        self.scenario = scenario
        self.player = player
        self.analyzer = analyzer
        self.rubric = merged(scenario.rubric)
        self.record_id = record_id or str(uuid.uuid4())
        self._clock = clock or (lambda: datetime.now(timezone.utc))
        self.started_at = started_at or _iso(self._clock())
        self.ended_at: str | None = None
        self.mood: float = float(scenario.mood)
        self.memory = Memory()
        self.turns: list[Turn] = []
        self.actions: list[_Action] = []
        self.node_id: str | None = scenario.start
        self.ending: Ending | None = None
        self.explained_after_apology = False
        # Read-only lookups, worked out once per engine rather than once per step.
        self._bands = sorted(self.rubric["mood"]["bands"].items(), key=lambda kv: kv[1], reverse=True)
        self._walkout_at = self.rubric["mood"]["walkout_at"]
        self._apology_on_time = self.rubric["score"]["apology_on_time"]
        shared = _shared_for(scenario)
        self._memo, self._best = shared.judged, shared.best
        self._sorted, self._reply_tags = shared.sorted_tags, shared.reply_tags

    # --- reading -------------------------------------------------------------------------------------------
    @property
    def over(self) -> bool:
        return self.ending is not None

    @property
    def node(self) -> Node | None:
        return None if self.over else self.scenario.nodes[self.node_id]

    @property
    def mood_band(self) -> str:
        for band, start in self._bands:
            if self.mood >= start:
                return band
        return self._bands[-1][0]

    @property
    def line(self) -> str:
        """What the customer says now: the current node's line, or the ending's last words."""
        lines = self.ending.say if self.ending else self.node.say
        return lines.text(self.mood_band)

    @property
    def replies(self) -> tuple[Reply, ...]:
        return () if self.over else self.node.replies

    # --- acting --------------------------------------------------------------------------------------------
    def choose(self, reply_id: str) -> Turn:
        """Pick one of the offered replies by its id."""
        node = self._require_node()
        reply = node.reply(str(reply_id))
        if reply is None:
            raise EngineError(f"no reply {reply_id!r} at node {node.id!r}; "
                              f"choose one of {', '.join(r.id for r in node.replies)}")
        self.actions.append(_Action("choose", reply.id))
        return self._take(node, reply.text, self._tags_of(reply), [], reply=reply)

    def reply(self, text: str) -> Turn:
        """Answer in the trainee's own words; the analyzer finds the moves it makes."""
        node = self._require_node()
        text = text.strip()
        self.actions.append(_Action("reply", text))
        if not text:
            return self._take(node, "", frozenset(), [], answered=False)
        if self.analyzer is None:
            return self._take(node, text, frozenset(), [], answered=False, note=NOT_ANALYSED)
        analysis = self.analyzer(text, self.scenario.lang)
        spans = [dict(s) if isinstance(s, dict) else asdict(s) for s in analysis.spans]
        return self._take(node, text, frozenset(analysis.tags), spans, typed=True)

    def finish(self) -> None:
        """Stop here: the conversation ends as unfinished (the trainee left, or the replies ran out)."""
        if not self.over:
            self._end(UNFINISHED)

    # --- the record ----------------------------------------------------------------------------------------
    def result(self) -> dict:
        """The result record (docs/results.md). Ends an open conversation as unfinished first."""
        self.finish()
        return records.build(self)

    # --- saving, restoring, retrying -----------------------------------------------------------------------
    def state(self) -> dict:
        return {
            "schema": 1,
            "scenario": self.scenario.id,
            "lang": self.scenario.lang,
            "player": self.player,
            "id": self.record_id,
            "started_at": self.started_at,
            "actions": [[a.kind, a.value] for a in self.actions],
            "finished": self.over and self.ending is UNFINISHED,
        }

    @classmethod
    def from_state(cls, scenario: Scenario, state: dict, analyzer: Callable | None = None,
                   clock: Callable[[], datetime] | None = None) -> "Engine":
        if state.get("scenario") != scenario.id or state.get("lang") != scenario.lang:
            raise EngineError(f"this state is for scenario {state.get('scenario')!r} ({state.get('lang')}), "
                              f"not {scenario.id!r} ({scenario.lang})")
        engine = cls(scenario, player=state.get("player", ""), analyzer=analyzer, record_id=state.get("id"),
                     clock=clock, started_at=state.get("started_at"))
        engine._replay(state.get("actions", []))
        if state.get("finished"):
            engine.finish()
        return engine

    def rewind(self, turns: int) -> "Engine":
        """A new attempt that replays the first `turns` turns of this one (retry from turn `turns` + 1)."""
        engine = type(self)(self.scenario, player=self.player, analyzer=self.analyzer, clock=self._clock)
        engine._replay([[a.kind, a.value] for a in self.actions[:max(0, turns)]])
        return engine

    def _replay(self, actions) -> None:
        for kind, value in actions:
            if self.over:
                break
            if kind == "choose":
                self.choose(value)
            elif kind == "reply":
                self.reply(value)
            else:
                raise EngineError(f"unknown action {kind!r} in saved state")

    # --- inside --------------------------------------------------------------------------------------------
    def _require_node(self) -> Node:
        if self.over:
            raise EngineError("the conversation is over")
        return self.node

    def _take(self, node: Node, text: str, tags: frozenset[str], spans: list, reply: Reply | None = None,
              typed: bool = False, answered: bool = True, note: str = "") -> Turn:
        customer = node.say.text(self.mood_band)
        walkout_at = self._walkout_at
        compensation = reply.compensation if reply else None
        context = self._context()
        effects, delta, score, sorted_tags, items = self._judge(node, tags, compensation, answered, context)
        better = self._better(node, reply, score.points, context)
        if "explain" in tags and (self.memory.seen["apologize"] or "apologize" in tags):
            self.explained_after_apology = True
        self.memory.remember(tags)
        before = self.mood
        self.mood = round(mood_rules.clamp(before + delta, 0, walkout_at), 2)
        understood = answered and (bool(tags) or reply is not None)
        turn = Turn(
            index=len(self.turns) + 1, node=node.id, customer=customer,
            reply_id=reply.id if reply else None, text=text, typed=reply is None, understood=understood,
            tags=sorted_tags, spans=spans, points=score.points, items=items,
            reason=note or score.reason,
            feedback=reply.feedback if reply else "",
            better=better,
            mood_before=before, mood_after=self.mood,
            mood_effects=effects,
        )
        if typed and not understood:
            turn.reaction = UNCLEAR.get(self.scenario.lang, UNCLEAR["en"])
        self.turns.append(turn)
        self._advance(node, reply, tags, understood)
        return turn

    def _context(self) -> tuple:
        """What, beyond a reply's own tags, decides how it is judged: the order flags of the conversation."""
        memory = self.memory
        return (memory.empathised, memory.seen["apologize"] > 0, memory.turns >= self._apology_on_time)

    def _judge(self, node: Node, tags: frozenset[str], compensation: str | None, answered: bool, context: tuple):
        """The mood effects and the score of a reply. They depend only on the reply and on a small signature of
        the conversation so far, so they are worked out once per signature (random walks repeat them a lot)."""
        seen = self.memory.seen
        ordered = self._sorted.get(tags)
        if ordered is None:
            ordered = self._sorted[tags] = tuple(sorted(tags))
        key = (tags, tuple(seen[t] for t in ordered), answered, node.vent, context, compensation)
        hit = self._memo.get(key)
        if hit is None:
            memory = self.memory
            order = memory.order_effects(tags, node.vent) if answered else []
            change = mood_rules.move(0.0, tags, memory, self.rubric, self.scenario.customer.temperament,
                                     order=order, answered=answered)
            score = score_turn(tags, memory, order, self.rubric, self.scenario.failure.severity,
                               compensation=compensation, answered=answered)
            items = tuple({"key": i.key, "points": i.points, "reason": i.reason, "note": i.note} for i in score.items)
            hit = self._memo[key] = (change.effects, sum(d for _, d in change.effects), score,
                                     tuple(sorted(tags)), items)
        return hit

    def _advance(self, node: Node, reply: Reply | None, tags: frozenset[str], understood: bool) -> None:
        if self.mood >= self._walkout_at:
            self._end(self.scenario.endings.get(self.scenario.walkout, BUILTIN_WALKOUT))
            return
        if reply is not None:
            target = route(reply.next, self.mood_band)
        elif understood:
            target = route(node.typed, self.mood_band, tags) or self._nearest(node, tags)
        else:
            target = node.id        # not understood: the customer waits for a real answer
        if len(self.turns) >= MAX_TURNS:
            self._end(UNFINISHED)
        elif target in self.scenario.endings:
            self._end(self.scenario.endings[target])
        else:
            self.node_id = target or node.id

    def _nearest(self, node: Node, tags: frozenset[str]) -> str | None:
        """Where a typed reply goes when the node has no typed rule for it: like the offered reply most alike."""
        best = max(node.replies, key=lambda r: len(tags & set(r.tags)) - len(tags ^ set(r.tags)) * 0.01)
        return route(best.next, self.mood_band)

    def _better(self, node: Node, reply: Reply | None, points: int, context: tuple) -> str:
        """A better answer than one worth `points`, judged as the offered replies would score right now, in this
        conversation (a fix that interrupts a venting customer, or an apology already made, earns less)."""
        # Points depend on which steps were already earned, not on how often: the tags seen are enough.
        key = (node.id, context, self.memory.tags_seen)
        found = self._best.get(key)
        if found is None:
            found = None, None
            for candidate in node.replies:
                judged = self._judge(node, self._tags_of(candidate), candidate.compensation, True,
                                     context)[2].points
                if found[1] is None or judged > found[1]:
                    found = candidate, judged
            self._best[key] = found
        best, best_points = found
        if best is None or best is reply or points >= best_points:
            return ""
        return reply.better if reply is not None and reply.better else best.text

    def _tags_of(self, reply: Reply) -> frozenset[str]:
        tags = self._reply_tags.get(id(reply))
        if tags is None:
            tags = self._reply_tags[id(reply)] = frozenset(reply.tags)
        return tags

    def _end(self, ending: Ending) -> None:
        self.ending = ending
        self.node_id = None
        self.ended_at = _iso(self._clock())


@dataclass
class _Shared:
    """What every engine on one scenario can share: the judgement of a reply by its signature, the best reply
    of a node by the conversation's signature, and the tags of each reply (by id: they live as long as the
    scenario, and so does this)."""

    judged: dict = field(default_factory=dict)
    best: dict = field(default_factory=dict)
    sorted_tags: dict = field(default_factory=dict)
    reply_tags: dict = field(default_factory=dict)


_SHARED: dict[int, _Shared] = {}


def _shared_for(scenario: Scenario) -> _Shared:
    key = id(scenario)
    if key not in _SHARED:
        _SHARED[key] = _Shared()
        weakref.finalize(scenario, _SHARED.pop, key, None)     # dropped with the scenario
    return _SHARED[key]


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")

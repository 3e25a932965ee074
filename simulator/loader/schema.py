"""From a YAML node tree to a `Scenario`: every field checked, every problem reported with its place.

Works on composed nodes, not on constructed Python values, so that every value keeps its line and column, a
field written twice is still visible (E010), and scalars are read as the author wrote them (`text: yes` is "yes").
"""
from __future__ import annotations

import unicodedata

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from simulator import model, rubric as rubric_mod
from simulator.loader import graph, rules as rules_mod
from simulator.loader.diagnostics import Reporter, did_you_mean
from simulator.model import (
    COMPENSATIONS, DIFFICULTIES, ENDING_KINDS, FAILURE_KINDS, LANGUAGES, MOODS, SEVERITIES, TEMPERAMENTS,
    Customer, Ending, Failure, Lines, Loc, Reply, Rule, Scenario,
)
from simulator.tags import NEGATIVE, TAGS

_Y = "tag:yaml.org,2002:"
_NULL, _STR, _INT, _FLOAT, _BOOL, _MERGE = (_Y + t for t in ("null", "str", "int", "float", "bool", "merge"))
_CONSTRUCT = yaml.constructor.SafeConstructor()
_NFC = unicodedata.normalize
_NEGATIVE = frozenset(NEGATIVE)

TOP_FIELDS = (
    "title", "setting", "situation", "customer", "failure", "mood", "loyalty", "nodes", "endings",
    "start", "walkout", "difficulty", "id", "lang", "rubric",
)
TOP_REQUIRED = ("title", "setting", "situation", "customer", "failure", "mood", "loyalty", "nodes")
CUSTOMER_FIELDS = ("name", "temperament", "voice")
VOICES = ("female", "male")
FAILURE_FIELDS = ("kind", "severity", "first_failure", "preventable")
NODE_FIELDS = ("say", "replies", "typed", "vent")
REPLY_FIELDS = ("text", "tags", "next", "feedback", "better", "compensation", "id")
ENDING_FIELDS = ("kind", "say", "summary")
NEXT_RULE_FIELDS = ("goto", "mood")
TYPED_RULE_FIELDS = ("goto", "mood", "if")

_Fields = dict  # name -> (key node, value node)


def _kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    tag = node.tag
    if tag == _NULL:
        return "nothing"
    if tag in (_INT, _FLOAT):
        return "a number"
    if tag == _BOOL:
        return "true/false"
    return "text"


def _new_loc(path: str, line: int, col: int, _new=object.__new__) -> Loc:
    """Loc(path, line, col), made twice as fast: a big scenario has tens of thousands (frozen dataclasses set
    their fields through object.__setattr__; filling __dict__ directly gives the same, equal and hashable object)."""
    loc = _new(Loc)
    d = loc.__dict__
    d["path"] = path
    d["line"] = line
    d["col"] = col
    return loc


def _new_rule(goto: str, moods: tuple, tags: tuple, loc: Loc, _new=object.__new__) -> Rule:
    """Rule(goto, moods, tags, loc), made the same way as `_new_loc`, for the same reason."""
    rule = _new(Rule)
    d = rule.__dict__
    d["goto"] = goto
    d["moods"] = moods
    d["tags"] = tags
    d["loc"] = loc
    return rule


def _quoted(names) -> str:
    return ", ".join(f"'{n}'" for n in names)


class Builder:
    """Checks one composed scenario; `build()` gives the Scenario, or None when an error was reported."""

    def __init__(self, rep: Reporter, path: str, lang: str | None, scenario_id: str | None) -> None:
        self.rep = rep
        self.path = path
        self.lang = lang
        self.scenario_id = scenario_id
        # (target name, node where written, and what names it in two parts, joined only for a message)
        self.refs: list[tuple[str, Node, str, str]] = []
        self.rule_lists: list[tuple[str, tuple[Rule, ...], list[Node], bool]] = []

    # -- reporting --------------------------------------------------------------------------------------------

    def err(self, code: str, message: str, node, hint: str = "") -> None:
        self.rep.at(code, message, node, hint)

    def loc(self, node: Node) -> Loc:
        mark = node.start_mark
        return _new_loc(self.path, mark.line + 1, mark.column + 1)

    # -- generic shapes ----------------------------------------------------------------------------------------

    def pairs(self, node: MappingNode, depth: int = 0) -> list[tuple[Node, Node, bool]]:
        """The key/value pairs of a mapping, with `<<` merge keys laid out (marked True) before its own."""
        merged: list[tuple[Node, Node, bool]] = []
        own: list[tuple[Node, Node, bool]] = []
        for key, value in node.value:
            if key.tag == _MERGE and depth < 10:
                sources = value.value if isinstance(value, SequenceNode) else [value]
                for src in sources:
                    if isinstance(src, MappingNode):
                        merged.extend((k, v, True) for k, v, _ in self.pairs(src, depth + 1))
                    else:
                        self.err("E006", f"'<<' merges mappings, not {_kind(src)}", src)
            else:
                own.append((key, value, False))
        return merged + own if merged else own

    def fields(self, node: Node, allowed: tuple[str, ...], what: str) -> _Fields | None:
        if not isinstance(node, MappingNode):
            self.err("E006", f"{what} must be a mapping of fields, not {_kind(node)}", node)
            return None
        out: _Fields = {}
        for key, value in node.value:  # the common case, kept lean: no merge keys
            name = key.value
            if name in allowed and name not in out and key.tag != _MERGE:
                out[name] = (key, value)
            else:
                break
        else:
            return out
        return self._fields_slow(node, allowed, what)

    def _fields_slow(self, node: MappingNode, allowed: tuple[str, ...], what: str) -> _Fields:
        out: _Fields = {}
        from_merge: set[str] = set()
        for key, value, merged in self.pairs(node):
            if not isinstance(key, ScalarNode):
                self.err("E006", f"a field name in {what} must be text, not {_kind(key)}", key)
                continue
            name = key.value
            if name not in allowed:
                if not merged:
                    self.err("E004", f"unknown field '{name}' in {what}", key, did_you_mean(name, allowed))
                continue
            if name in out:
                if name in from_merge:
                    from_merge.discard(name)
                elif not merged:
                    first = out[name][0].start_mark.line + 1
                    self.err("E010", f"the field '{name}' is written twice in {what} (first at line {first})", key)
                    continue
                else:
                    continue
            if merged:
                from_merge.add(name)
            out[name] = (key, value)
        return out

    def names(self, node: Node, what: str) -> list[tuple[str, Node, Node]]:
        """The (name, key node, value node) entries of `nodes:` or `endings:`."""
        if not isinstance(node, MappingNode):
            self.err("E006", f"'{what}' must be a mapping of names, not {_kind(node)}", node)
            return []
        out = []
        first: dict[str, Node] = {}
        for key, value, _ in self.pairs(node):
            if not isinstance(key, ScalarNode) or key.tag == _NULL:
                self.err("E006", f"a name in '{what}' must be text, not {_kind(key)}", key)
                continue
            name = _NFC("NFC", key.value)
            if name in first:
                line = first[name].start_mark.line + 1
                self.err("E010", f"'{name}' is written twice in '{what}' (first at line {line})", key)
                continue
            first[name] = key
            out.append((name, key, value))
        return out

    def text(self, f: _Fields, name: str, what: str, required: bool = True, where: Node | None = None) -> str | None:
        entry = f.get(name)
        if entry is None:
            if required:
                self.err("E005", f"{what} has no '{name}' (required)", where)
            return None
        value = entry[1]
        if isinstance(value, ScalarNode) and value.tag != _NULL:
            text = value.value
            if required and not text.strip():
                self.err("E006", f"'{name}' of {what} is empty: write some text", value)
                return None
            return _NFC("NFC", text)
        if not required and value.tag == _NULL:
            return None
        self.err("E006", f"'{name}' of {what} must be text, not {_kind(value)}", value)
        return None

    def enum(self, f: _Fields, name: str, what: str, choices: tuple[str, ...], required: bool = False,
             where: Node | None = None) -> str | None:
        entry = f.get(name)
        if entry is None:
            if required:
                self.err("E005", f"{what} has no '{name}' (required: {_quoted(choices)})", where)
            return None
        return self.enum_value(entry[1], f"'{name}' of {what}", choices)

    def enum_value(self, value: Node, what: str, choices: tuple[str, ...]) -> str | None:
        if not isinstance(value, ScalarNode) or value.tag == _NULL:
            self.err("E006", f"{what} must be one of {_quoted(choices)}, not {_kind(value)}", value)
            return None
        word = value.value
        if word not in choices:
            self.err("E007", f"{what} is '{word}', not one of {_quoted(choices)}", value, did_you_mean(word, choices))
            return None
        return word

    def integer(self, f: _Fields, name: str, what: str, lo: int, hi: int, where: Node) -> int | None:
        entry = f.get(name)
        if entry is None:
            self.err("E005", f"{what} has no '{name}' (required: a whole number {lo}..{hi})", where)
            return None
        value = entry[1]
        if not isinstance(value, ScalarNode) or value.tag != _INT:
            self.err("E006", f"'{name}' must be a whole number {lo}..{hi}, not {_kind(value)}", value)
            return None
        try:
            number = _CONSTRUCT.construct_yaml_int(value)
        except (ValueError, TypeError):
            self.err("E006", f"'{name}' must be a whole number {lo}..{hi}", value)
            return None
        if not lo <= number <= hi:
            self.err("E007", f"'{name}' is {number}, outside {lo}..{hi}", value)
            return None
        return number

    def boolean(self, f: _Fields, name: str, what: str, required: bool, where: Node | None = None) -> bool | None:
        entry = f.get(name)
        if entry is None:
            if required:
                self.err("E005", f"{what} has no '{name}' (required: true or false)", where)
            return None
        value = entry[1]
        if not isinstance(value, ScalarNode) or value.tag != _BOOL:
            self.err("E006", f"'{name}' of {what} must be true or false, not {_kind(value)}", value)
            return None
        return _CONSTRUCT.construct_yaml_bool(value)

    def word_list(self, value: Node, what: str) -> list[tuple[str, Node]] | None:
        """A name or a list of names (tags, moods), each with its node."""
        if isinstance(value, ScalarNode) and value.tag != _NULL:
            return [(value.value, value)]
        if isinstance(value, SequenceNode):
            out = []
            for item in value.value:
                if isinstance(item, ScalarNode) and item.tag != _NULL:
                    out.append((item.value, item))
                else:
                    self.err("E006", f"each of {what} must be a name, not {_kind(item)}", item)
            return out
        self.err("E006", f"{what} must be a name or a list of names, not {_kind(value)}", value)
        return None

    def tags(self, value: Node, what: str) -> tuple[str, ...]:
        words = self.word_list(value, what)
        if words is None:
            return ()
        out = []
        for word, node in words:
            if word in TAGS:
                if word not in out:
                    out.append(word)
            else:
                self.err("E008", f"'{word}' is not a tag of the vocabulary ({what})", node, did_you_mean(word, TAGS))
        return tuple(out)

    def moods(self, value: Node, what: str) -> tuple[str, ...]:
        words = self.word_list(value, what)
        if words is None:
            return ()
        if not words:
            self.err("E006", f"{what} is an empty list: name at least one mood, or leave it out", value)
        out = []
        for word, node in words:
            if word in MOODS:
                if word not in out:
                    out.append(word)
            else:
                self.err("E007", f"'{word}' is not a mood ({what}): one of {_quoted(MOODS)}", node,
                         did_you_mean(word, MOODS))
        return tuple(out)

    def lines(self, f: _Fields, what: str, where: Node) -> Lines | None:
        entry = f.get("say")
        if entry is None:
            self.err("E005", f"{what} has no 'say' (required)", where)
            return None
        value = entry[1]
        if isinstance(value, ScalarNode) and value.tag != _NULL:
            if not value.value.strip():
                self.err("E006", f"'say' of {what} is empty: write the customer's line", value)
                return None
            return Lines({"*": _NFC("NFC", value.value)})
        if isinstance(value, MappingNode):
            by_mood = self.fields(value, MOODS, f"'say' of {what}")
            if by_mood is None:
                return None
            out = {}
            for mood in MOODS:
                if mood in by_mood:
                    line = self.text(by_mood, mood, f"'say' of {what}")
                    if line is not None:
                        out[mood] = line
            if not by_mood:
                self.err("E005", f"'say' of {what} gives no line: write at least one of {_quoted(MOODS)}", value)
                return None
            return Lines(out) if out else None
        self.err("E006", f"'say' of {what} must be text or one text per mood, not {_kind(value)}", value)
        return None

    # -- rules ---------------------------------------------------------------------------------------------------

    def rules(self, value: Node, what: str, typed: bool) -> tuple[Rule, ...] | None:
        if isinstance(value, ScalarNode) and value.tag != _NULL and not typed:
            target = _NFC("NFC", value.value)
            self.refs.append((target, value, "'next' of ", what))
            return (_new_rule(target, (), (), self.loc(value)),)
        field = "typed" if typed else "next"
        if not isinstance(value, SequenceNode):
            expected = "a list of rules" if typed else "a node or ending name, or a list of mood rules"
            self.err("E006", f"'{field}' of {what} must be {expected}, not {_kind(value)}", value)
            return None
        if not value.value:
            self.err("E005" if not typed else "E006", f"'{field}' of {what} has no rule", value)
            return None
        allowed = TYPED_RULE_FIELDS if typed else NEXT_RULE_FIELDS
        out: list[Rule] = []
        nodes: list[Node] = []
        ok = True
        for i, item in enumerate(value.value, 1):
            rwhat = f"rule {i} of '{field}' of {what}"
            f = self.fields(item, allowed, rwhat)
            if f is None:
                ok = False
                continue
            goto_entry = f.get("goto")
            if goto_entry is None:
                self.err("E005", f"{rwhat} has no 'goto' (required)", item)
                ok = False
                continue
            goto_node = goto_entry[1]
            if not isinstance(goto_node, ScalarNode) or goto_node.tag == _NULL:
                self.err("E006", f"'goto' of {rwhat} must be a node or ending name, not {_kind(goto_node)}", goto_node)
                ok = False
                continue
            target = _NFC("NFC", goto_node.value)
            self.refs.append((target, goto_node, "'goto' of ", rwhat))
            moods = self.moods(f["mood"][1], f"'mood' of {rwhat}") if "mood" in f else ()
            tags = self.tags(f["if"][1], f"'if' of {rwhat}") if "if" in f else ()
            out.append(_new_rule(target, moods, tags, self.loc(item)))
            nodes.append(item)
        if not ok:
            return None
        result = tuple(out)
        self.rule_lists.append((f"'{field}' of {what}", result, nodes, typed))
        return result

    # -- the parts of a scenario --------------------------------------------------------------------------------

    def reply(self, item: Node, index: int, node_name: str):
        what = f"reply {index} of node '{node_name}'"
        f = self.fields(item, REPLY_FIELDS, what)
        if f is None:
            return None
        text = self.text(f, "text", what, where=item)
        if "tags" in f:
            tags = self.tags(f["tags"][1], f"'tags' of {what}")
        else:
            self.err("E005", f"{what} has no 'tags' (required; write [] for none)", item)
            tags = None
        if "next" in f:
            nxt = self.rules(f["next"][1], what, typed=False)
        else:
            self.err("E005", f"{what} has no 'next' (required: where it leads)", item)
            nxt = None
        feedback = self.text(f, "feedback", what, required=False) or ""
        better = self.text(f, "better", what, required=False) or ""
        compensation = self.enum(f, "compensation", what, COMPENSATIONS)
        reply_id = str(index)
        if "id" in f:
            id_node = f["id"][1]
            if isinstance(id_node, ScalarNode) and id_node.tag != _NULL and id_node.value.strip():
                reply_id = _NFC("NFC", id_node.value)
            else:
                self.err("E006", f"'id' of {what} must be a name, not {_kind(id_node)}", id_node)
        if text is None or tags is None or nxt is None:
            return None
        return Reply(id=reply_id, text=text, tags=tags, next=nxt, feedback=feedback, better=better,
                     compensation=compensation, loc=self.loc(item))

    def node(self, name: str, key: Node, value: Node):
        what = f"node '{name}'"
        f = self.fields(value, NODE_FIELDS, what)
        if f is None:
            return None
        say = self.lines(f, what, key)
        replies: list[Reply] = []
        ok = True
        entry = f.get("replies")
        if entry is None:
            self.err("E005", f"{what} has no 'replies' (required: at least one)", key)
            ok = False
        elif not isinstance(entry[1], SequenceNode) or not entry[1].value:
            kind = "an empty list" if isinstance(entry[1], SequenceNode) else _kind(entry[1])
            self.err("E006", f"'replies' of {what} must be a list of at least one reply, not {kind}", entry[1])
            ok = False
        else:
            seen: dict[str, Node] = {}
            for i, item in enumerate(entry[1].value, 1):
                reply = self.reply(item, i, name)
                if reply is None:
                    ok = False
                    continue
                if reply.id in seen:
                    line = seen[reply.id].start_mark.line + 1
                    self.err("E010", f"two replies of {what} have the id '{reply.id}' (first at line {line})", item)
                    ok = False
                    continue
                seen[reply.id] = item
                replies.append(reply)
        typed: tuple[Rule, ...] | None = ()
        if "typed" in f:
            typed = self.rules(f["typed"][1], what, typed=True)
        vent = self.boolean(f, "vent", what, required=False)
        if say is None or not ok or typed is None:
            return None
        return model.Node(id=name, say=say, replies=tuple(replies), typed=typed, vent=bool(vent), loc=self.loc(key))

    def ending(self, name: str, key: Node, value: Node):
        what = f"ending '{name}'"
        f = self.fields(value, ENDING_FIELDS, what)
        if f is None:
            return None
        kind = self.enum(f, "kind", what, ENDING_KINDS, required=True, where=key)
        say = self.lines(f, what, key)
        summary = self.text(f, "summary", what, required=False) or ""
        if kind is None or say is None:
            return None
        return Ending(id=name, kind=kind, say=say, summary=summary, loc=self.loc(key))

    def customer(self, value: Node, key: Node):
        f = self.fields(value, CUSTOMER_FIELDS, "'customer'")
        if f is None:
            return None
        name = self.text(f, "name", "'customer'", where=key)
        temperament = self.enum(f, "temperament", "'customer'", TEMPERAMENTS)
        voice = self.enum(f, "voice", "'customer'", VOICES)
        if name is None or ("temperament" in f and temperament is None) or ("voice" in f and voice is None):
            return None
        return Customer(name=name, temperament=temperament or "impatient", voice=voice)

    def failure(self, value: Node, key: Node):
        f = self.fields(value, FAILURE_FIELDS, "'failure'")
        if f is None:
            return None
        kind = self.enum(f, "kind", "'failure'", FAILURE_KINDS, required=True, where=key)
        severity = self.enum(f, "severity", "'failure'", SEVERITIES, required=True, where=key)
        first = self.boolean(f, "first_failure", "'failure'", required=True, where=key)
        preventable = self.boolean(f, "preventable", "'failure'", required=True, where=key)
        if kind is None or severity is None or first is None or preventable is None:
            return None
        return Failure(kind=kind, severity=severity, first_failure=first, preventable=preventable)

    def rubric(self, value: Node) -> dict | None:
        """The scenario's rubric overrides as plain data: only keys and number types the packaged rubric has."""
        base = rubric_mod.base_rubric()
        out: dict = {}
        ok = self._rubric_into(value, base, out, "rubric")
        if ok:
            unknown = rubric_mod.unknown_keys(out)  # the rubric's own verdict, after ours; should agree
            if unknown:
                self.err("E004", f"unknown rubric keys: {', '.join(unknown)}", value)
                ok = False
        return out if ok else None

    def _rubric_into(self, node: Node, base, out: dict, prefix: str) -> bool:
        if not isinstance(node, MappingNode):
            self.err("E006", f"'{prefix}' must be a mapping, like the one in rubric.yaml, not {_kind(node)}", node)
            return False
        ok = True
        seen: dict[str, Node] = {}
        for key, value, _ in self.pairs(node):
            name = key.value if isinstance(key, ScalarNode) else None
            if name is None or name not in base:
                self.err("E004", f"unknown rubric key '{prefix}.{name}'", key, did_you_mean(name, list(base)))
                ok = False
                continue
            if name in seen:
                self.err("E010", f"the rubric key '{prefix}.{name}' is written twice "
                         f"(first at line {seen[name].start_mark.line + 1})", key)
                ok = False
                continue
            seen[name] = key
            want = base[name]
            path = f"{prefix}.{name}"
            if isinstance(want, dict):
                sub: dict = {}
                ok = self._rubric_into(value, want, sub, path) and ok
                out[name] = sub
            elif isinstance(want, bool) or isinstance(want, str):
                kind = "true or false" if isinstance(want, bool) else "text"
                tag = _BOOL if isinstance(want, bool) else _STR
                if not isinstance(value, ScalarNode) or value.tag != tag:
                    self.err("E006", f"'{path}' must be {kind}, not {_kind(value)}", value)
                    ok = False
                else:
                    out[name] = _CONSTRUCT.construct_yaml_bool(value) if tag == _BOOL else value.value
            elif isinstance(want, (int, float)):
                if not isinstance(value, ScalarNode) or value.tag not in (_INT, _FLOAT):
                    self.err("E006", f"'{path}' must be a number, not {_kind(value)}", value)
                    ok = False
                else:
                    try:
                        num = (_CONSTRUCT.construct_yaml_int if value.tag == _INT else _CONSTRUCT.construct_yaml_float)(value)
                    except (ValueError, TypeError):
                        self.err("E006", f"'{path}' must be a number", value)
                        ok = False
                        continue
                    if num != num or num in (float("inf"), float("-inf")):
                        self.err("E007", f"'{path}' must be a finite number", value)
                        ok = False
                        continue
                    out[name] = num
            elif isinstance(want, list):
                words = self.word_list(value, f"'{path}'")
                if words is None:
                    ok = False
                else:
                    out[name] = [w for w, _ in words]
        return ok

    # -- the whole -----------------------------------------------------------------------------------------------

    def build(self, root: Node) -> Scenario | None:
        if not isinstance(root, MappingNode):
            self.err("E003", f"the file is {_kind(root)}, not a mapping of fields (title:, nodes:, ...)", root)
            return None
        f = self.fields(root, TOP_FIELDS, "the scenario")
        if f is None:
            return None
        for name in TOP_REQUIRED:
            if name not in f:
                self.err("E005", f"the scenario has no '{name}' (required)", root)
        what = "the scenario"
        title = self.text(f, "title", what, required="title" in f)
        setting = self.text(f, "setting", what, required="setting" in f)
        situation = self.text(f, "situation", what, required="situation" in f)
        customer = self.customer(f["customer"][1], f["customer"][0]) if "customer" in f else None
        failure = self.failure(f["failure"][1], f["failure"][0]) if "failure" in f else None
        mood = self.integer(f, "mood", what, 0, 100, root) if "mood" in f else None
        loyalty = self.integer(f, "loyalty", what, 0, 100, root) if "loyalty" in f else None
        difficulty = self.enum(f, "difficulty", what, DIFFICULTIES)
        rubric = self.rubric(f["rubric"][1]) if "rubric" in f else {}
        scenario_id, lang = self.identity(f)

        nodes: dict[str, model.Node] = {}
        node_keys: dict[str, Node] = {}
        if "nodes" in f:
            nodes_value = f["nodes"][1]
            entries = self.names(nodes_value, "nodes") if nodes_value.tag != _NULL else []
            if not entries and (isinstance(nodes_value, MappingNode) or nodes_value.tag == _NULL):
                self.err("E005", "'nodes' is empty: a scenario needs at least one node", nodes_value)
            for name, key, value in entries:
                node_keys[name] = key
                built = self.node(name, key, value)
                if built is not None:
                    nodes[name] = built
        endings: dict[str, Ending] = {}
        ending_keys: dict[str, Node] = {}
        endings_entry = f.get("endings")
        entries = self.names(endings_entry[1], "endings") if endings_entry and endings_entry[1].tag != _NULL else []
        if not entries and (endings_entry is None or endings_entry[1].tag == _NULL
                            or isinstance(endings_entry[1], MappingNode)):
            self.err("E011", "the scenario has no ending: add 'endings:' with at least one",
                     endings_entry[1] if endings_entry else root)
        for name, key, value in entries:
            if name in node_keys:
                line = node_keys[name].start_mark.line + 1
                self.err("E010", f"'{name}' is both a node (line {line}) and an ending", key)
                continue
            ending_keys[name] = key
            built = self.ending(name, key, value)
            if built is not None:
                endings[name] = built

        known = {**{n: "node" for n in node_keys}, **{e: "ending" for e in ending_keys}}
        for target, where, field, what in self.refs:
            if target not in known:
                self.err("E009", f"{field}{what} names '{target}', which is neither a node nor an ending", where,
                         did_you_mean(target, known))
        start = self.pointer(f, "start", "node", known, node_keys)
        if start is None and "start" not in f:
            start = next(iter(node_keys), None)
        walkout = self.pointer(f, "walkout", "ending", known, ending_keys)
        if walkout is None and "walkout" not in f:
            walkout = next((e.id for e in endings.values() if e.kind in ("walked_out", "escalated")), None)
            if walkout is None and not self.rep.has_errors:
                walkout = model.BUILTIN_WALKOUT.id
                endings.setdefault(walkout, model.BUILTIN_WALKOUT)

        if self.rep.has_errors:
            self.warn_rules(known)
            self.warn_replies(nodes.values(), rubric)
            return None
        self.warn_rules(known)
        self.warn_graph(start, walkout, nodes, endings)
        self.warn_replies(nodes.values(), rubric)
        if difficulty is None:
            difficulty = model.derive_difficulty(failure.severity, customer.temperament, mood)
        return Scenario(
            id=scenario_id, lang=lang, title=title, setting=setting, situation=situation, customer=customer,
            failure=failure, mood=mood, loyalty=loyalty, start=start, walkout=walkout, nodes=nodes,
            endings=endings, difficulty=difficulty, rubric=rubric, path=self.path,
        )

    def identity(self, f: _Fields) -> tuple[str, str]:
        """The scenario's id and language: from the file name and folder, checked against any written."""
        written_id = f.get("id")
        scenario_id = self.scenario_id
        if written_id is not None:
            value = written_id[1]
            if not isinstance(value, ScalarNode) or value.tag == _NULL:
                self.err("E006", f"'id' must be a name, not {_kind(value)}", value)
            elif scenario_id is not None and _NFC("NFC", value.value) != scenario_id:
                self.err("E007", f"'id' is '{value.value}' but the file is named '{scenario_id}': they must match",
                         value)
            else:
                scenario_id = scenario_id or _NFC("NFC", value.value)
        # Language: the folder's name when it is a language; otherwise the written `lang:`; otherwise English.
        # A scenario outside scenarios/<lang>/ (a test, a draft in another folder) is then still loadable.
        lang = self.lang
        if "lang" in f:
            written = self.enum(f, "lang", "the scenario", LANGUAGES)
            if written is not None and lang is not None and written != lang:
                self.err("E007", f"'lang' is '{written}' but the file is in the folder '{lang}': they must match",
                         f["lang"][1])
            lang = lang or written
        return scenario_id or "scenario", lang or "en"

    def pointer(self, f: _Fields, field: str, want: str, known: dict, pool: dict) -> str | None:
        entry = f.get(field)
        if entry is None:
            return None
        value = entry[1]
        if not isinstance(value, ScalarNode) or value.tag == _NULL:
            self.err("E006", f"'{field}' must name {'a node' if want == 'node' else 'an ending'}, not {_kind(value)}",
                     value)
            return None
        name = _NFC("NFC", value.value)
        if name not in pool:
            if name in known:
                self.err("E009", f"'{field}' names the {known[name]} '{name}', but it must name {'a' if want == 'node' else 'an'} {want}", value,
                         did_you_mean(name, pool))
            else:
                self.err("E009", f"'{field}' names '{name}', which is not {'a' if want == 'node' else 'an'} {want}",
                         value, did_you_mean(name, pool))
            return None
        return name

    # -- warnings -------------------------------------------------------------------------------------------------

    def warn_rules(self, known: dict) -> None:
        """W105 on rules no mood (or tag) can reach; E005 on a `next` list that leaves a mood with nowhere to go."""
        self.dead_rules: set[int] = set()
        for label, rule_list, nodes, typed in self.rule_lists:
            dead, missing = rules_mod.coverage(rule_list)
            for i in dead:
                rule = rule_list[i]
                self.dead_rules.add(id(rule))
                after = "every mood and tag it needs is" if typed else "every mood it needs is"
                self.err("W105", f"rule {i + 1} of {label} can never apply: {after} already taken by an earlier rule",
                         nodes[i])
            if missing and not typed:
                self.err("E005", f"{label} leads nowhere when the mood is {_quoted(missing)}: end it with a rule "
                         "with only 'goto'", nodes[-1])

    def warn_graph(self, start: str, walkout: str, nodes: dict, endings: dict) -> None:
        edges: dict[str, list[str]] = {}
        dead_targets: dict[str, Rule] = {}
        dead = self.dead_rules
        for name, node in nodes.items():
            out: list[str] = []
            for reply in node.replies:
                for rule in reply.next:
                    if id(rule) in dead:
                        dead_targets.setdefault(rule.goto, rule)
                    else:
                        out.append(rule.goto)
            for rule in node.typed:
                if id(rule) in dead:
                    dead_targets.setdefault(rule.goto, rule)
                else:
                    out.append(rule.goto)
            edges[name] = out
        reached = graph.reachable(start, edges)
        reached.add(walkout)
        for name, node in nodes.items():
            if name not in reached:
                self._warn_at("W101", f"no path from the start ('{start}') reaches the node '{name}'", node.loc)
        for name, ending in endings.items():
            if name not in reached and ending.loc is not None:
                if name in dead_targets:
                    self._warn_at("W105", f"the ending '{name}' is only named by rules no mood can reach", ending.loc)
                else:
                    self._warn_at("W101", f"no path from the start ('{start}') reaches the ending '{name}'", ending.loc)
        ending_names = list(endings)
        live = graph.can_end(list(nodes), ending_names, edges)
        for name, node in nodes.items():
            if name in reached and name not in live:
                self._warn_at("W102", f"from the node '{name}' no path leads to an ending: the conversation could "
                              "go round for ever", node.loc)

    def warn_replies(self, nodes, rubric: dict) -> None:
        """W103 (no feedback) and W104 (a weak reply with no `better`)."""
        table = rubric_mod.merged(rubric) if rubric else None
        points: dict[tuple[str, ...], int] = {}
        for node in nodes:
            scores = []
            for reply in node.replies:
                p = points.get(reply.tags)
                if p is None:
                    p = points[reply.tags] = rubric_mod.static_points(reply.tags, table)
                scores.append(p)
            best = max(scores, default=0)
            for reply, score in zip(node.replies, scores):
                if not reply.feedback:
                    self._warn_at("W103", f"reply '{reply.id}' of node '{node.id}' has no 'feedback': say why it "
                                  "earns what it earns", reply.loc)
                if not reply.better:
                    negative = [t for t in reply.tags if t in _NEGATIVE]
                    if negative:
                        self._warn_at("W104", f"reply '{reply.id}' of node '{node.id}' makes a harmful move "
                                      f"({', '.join(negative)}) and has no 'better'", reply.loc)
                    elif score < best:
                        self._warn_at("W104", f"reply '{reply.id}' of node '{node.id}' earns {score} points, less "
                                      f"than the best reply here ({best}), and has no 'better'", reply.loc)

    def _warn_at(self, code: str, message: str, loc: Loc | None) -> None:
        if loc is None:
            self.rep.add(code, message)
        else:
            self.rep.add(code, message, loc.line, loc.col)

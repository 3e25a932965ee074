"""Reading a scenario file safely: bytes to text, text to a YAML node tree, and nothing else.

Only `compose` is used: it builds nodes (with their line marks) and never constructs Python objects, so no tag can
run code. What compose cannot guard against is checked around it, each cheaply:
- size and encoding, before parsing (E002);
- nesting depth, before composing, because libyaml's composer recurses in C and a few hundred thousand `[`
  crash the interpreter (E012);
- explicit tags (E013) and aliases (E012): aliases make the tree share nodes, so a small file can stand for a
  billion nodes ("billion laughs") or even loop; we measure the expanded size over the distinct nodes instead.
"""
from __future__ import annotations

import re

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from simulator.loader.diagnostics import Reporter

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 1 << 20  # 1 MiB: a scenario is a few hundred lines; anything bigger is a mistake or an attack
MAX_DEPTH = 100  # a scenario nests about 9 deep (top, nodes, node, replies, reply, next, rule, mood list, mood)
ALIAS_BUDGET = 200_000  # how many nodes aliases may add beyond those written

_Y = "tag:yaml.org,2002:"
#: Tags a plain file gets without writing any (what the safe resolver gives), plus the same written out.
CORE_TAGS = frozenset(
    _Y + t for t in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp", "merge", "value")
)

#: A line whose first 30 characters are indentation or block indicators ("- ", "? ", ": ") may nest deep.
_DEEP_LINE = re.compile(r"\n[ \t?:-]{30}")
_DEEP_LINE_WIDTH = 30
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")  # UTF-8 never hides these in other bytes
_BRACKET_PAIRS = (b"[]", b"{}", b"[}", b"{]")
#: An explicit tag starts a token: after a blank, a flow indicator, or at the very start.
_TAG_PREV = frozenset(" \n\t\r[]{},")


def decode(data: bytes, rep: Reporter) -> str | None:
    """The text of a file's bytes, or None with an E002 naming the line of the first byte that is not UTF-8."""
    if len(data) > MAX_BYTES:
        rep.add("E002", f"the file is larger than 1 MiB ({len(data):,} bytes): a scenario is far smaller")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = data.rfind(b"\n", 0, exc.start) + 1
        end = data.find(b"\n", exc.start)
        line_bytes = data[start : end if end >= 0 else len(data)]
        line = data.count(b"\n", 0, exc.start) + 1
        col = len(data[start : exc.start].decode("utf-8", "replace")) + 1
        rep.add(
            "E002",
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} here); save it as UTF-8",
            line,
            col,
            source_line=line_bytes.decode("utf-8", "replace").rstrip("\r"),
        )
        return None
    return text[1:] if text.startswith("\ufeff") else text


def compose(text: str, rep: Reporter) -> Node | None:
    """The node tree of a one-document YAML text, or None after reporting why not."""
    rep.text = text
    if len(text) > MAX_BYTES // 4 and len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        rep.add("E002", "the file is larger than 1 MiB: a scenario is far smaller")
        return None
    if _depth_bound(text) > MAX_DEPTH and not _check_depth(text, rep):
        return None
    loader = None
    try:
        loader = Loader(text)
        node = loader.get_single_node()
    except yaml.composer.ComposerError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.problem and "another document" in exc.problem:
            rep.at("E003", "the file holds more than one YAML document (a second '---'): a scenario is one mapping", mark)
        else:
            rep.at("E001", f"not valid YAML: {_yaml_problem(exc)}", mark)
        return None
    except yaml.MarkedYAMLError as exc:
        rep.at("E001", f"not valid YAML: {_yaml_problem(exc)}", exc.problem_mark or exc.context_mark)
        return None
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text, exc.position)
        ch = exc.character if isinstance(exc.character, str) else chr(exc.character or 0)
        rep.add("E001", f"not valid YAML: a character YAML does not allow (U+{ord(ch):04X}, {exc.reason})", line, col)
        return None
    except UnicodeEncodeError as exc:
        line, col = _line_col(text, exc.start)
        rep.add("E002", "the text holds a character that is not valid Unicode (a lone surrogate)", line, col)
        return None
    except RecursionError:
        rep.add("E012", f"the file is too complex to be a scenario: nesting deeper than {MAX_DEPTH}", 1, 1)
        return None
    except yaml.YAMLError as exc:
        rep.add("E001", f"not valid YAML: {exc}", 1, 1)
        return None
    finally:
        if loader is not None:
            loader.dispose()
    if node is None:
        rep.add("E002", "the file is empty (nothing but blanks or comments): it holds no scenario", 1, 1)
        return None
    if ("&" in text and "*" in text) or _maybe_tagged(text):
        if not _check_graph(node, rep):
            return None
    return node


def _yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or exc.context or "unexpected text"
    if exc.context and exc.problem and exc.context not in problem:
        problem = f"{problem} ({exc.context})"
    if "\\t" in problem or "'\\t'" in problem or "tab" in problem:
        problem += "; indent with spaces, not tabs"
    return problem


def _line_col(text: str, pos: int) -> tuple[int, int]:
    pos = max(0, min(pos or 0, len(text)))
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _depth_bound(text: str) -> int:
    """An upper bound of the nesting depth, from the text alone, cheap enough to run on every file."""
    # Block collections nest only by moving right: by indentation or by leading "- ", "? ", ": " (a block
    # sequence may sit at its key's column, hence the factor 2).
    if text[:_DEEP_LINE_WIDTH].strip(" \t?:-") == "" or _DEEP_LINE.search(text):
        return MAX_DEPTH + 1
    block = 2 * (_DEEP_LINE_WIDTH + 1)
    opens = text.count("[") + text.count("{")
    if opens + block <= MAX_DEPTH:
        return opens + block
    # Flow collections: peel the innermost bracket pairs a few times; shallow lists like `tags: [a, b]` vanish
    # in the first round. One round peels up to 4 levels (one per kind of pair), hence the factor 4.
    brackets = text.encode("utf-8", "surrogatepass").translate(None, _NOT_BRACKETS)
    for rounds in range(1, 6):
        for pair in _BRACKET_PAIRS:
            brackets = brackets.replace(pair, b"")
        opens = brackets.count(b"[") + brackets.count(b"{")
        if not opens:
            break
    return block + 4 * rounds + opens


def _maybe_tagged(text: str) -> bool:
    """Could the text hold an explicit tag? (Exclamation marks in prose mostly follow a letter.)"""
    if text.count("!") > 10_000:
        return True  # checking the nodes is then cheaper than looking at each mark
    i = text.find("!")
    while i >= 0:
        if i == 0 or text[i - 1] in _TAG_PREV:
            return True
        i = text.find("!", i + 1)
    return False


def _check_depth(text: str, rep: Reporter) -> bool:
    """The exact nesting depth from the parser's events, stopping as soon as it is too deep."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=Loader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    rep.at("E012", f"the file is too complex to be a scenario: nesting deeper than {MAX_DEPTH}", event)
                    return False
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        pass  # compose reports it, with its place
    except RecursionError:
        rep.add("E012", f"the file is too complex to be a scenario: nesting deeper than {MAX_DEPTH}", 1, 1)
        return False
    return True


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        out: list[Node] = []
        for key, value in node.value:
            out.append(key)
            out.append(value)
        return out
    if isinstance(node, SequenceNode):
        return node.value
    return []


def _check_graph(root: Node, rep: Reporter) -> bool:
    """Tags (E013) on every distinct node; alias loops, alias bombs and depth (E012). False if unusable."""
    state: dict[int, int] = {}  # 1 on the current path, 2 done
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    distinct = 0
    limit_depth = MAX_DEPTH + 1
    bad_tags = False
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            kids = _children(node)
            total = 1
            deepest = 0
            for kid in kids:
                k = id(kid)
                total += size[k]
                if depth[k] > deepest:
                    deepest = depth[k]
            size[key] = total
            depth[key] = deepest + 1
            state[key] = 2
            if total > distinct + ALIAS_BUDGET:
                rep.at("E012", f"the file is too complex to be a scenario: its aliases expand to over {ALIAS_BUDGET:,} "
                       "values (an \"alias bomb\")", node)
                return False
            if deepest + 1 > limit_depth:
                rep.at("E012", f"the file is too complex to be a scenario: nesting deeper than {MAX_DEPTH}", node)
                return False
            continue
        seen = state.get(key)
        if seen == 2:
            continue
        if seen == 1:
            rep.at("E012", "the file is too complex to be a scenario: an alias refers to the value that contains it",
                   node)
            return False
        state[key] = 1
        distinct += 1
        if node.tag not in CORE_TAGS:
            tag = node.tag.replace(_Y, "!!")
            rep.at("E013", f"the YAML tag '{tag}' is not allowed: a scenario is plain data, remove the tag", node)
            bad_tags = True
        stack.append((node, True))
        for kid in _children(node):
            if state.get(id(kid)) != 2:
                stack.append((kid, False))
    return not bad_tags

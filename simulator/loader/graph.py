"""Where a conversation can go: nodes and endings nothing reaches (W101), nodes that never end (W102)."""
from __future__ import annotations

from collections import deque


def reachable(start: str, edges: dict[str, list[str]]) -> set[str]:
    """Every name reachable from `start` (itself included) following `edges`."""
    seen = {start}
    todo = deque((start,))
    while todo:
        for nxt in edges.get(todo.popleft(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def can_end(nodes: list[str], endings: list[str], edges: dict[str, list[str]]) -> set[str]:
    """The nodes from which some ending is reachable (walking the edges backwards from every ending)."""
    back: dict[str, list[str]] = {}
    for src, dsts in edges.items():
        for dst in dsts:
            back.setdefault(dst, []).append(src)
    seen = set(endings)
    todo = deque(endings)
    while todo:
        for prev in back.get(todo.popleft(), ()):
            if prev not in seen:
                seen.add(prev)
                todo.append(prev)
    return seen.intersection(nodes)

"""Rectangles from the window size and text size, so every scene reflows on resize."""
from __future__ import annotations

import pygame

from simulator.ui.theme import body_size

MARGIN = 12
GAP = 8


def line_height(step: int) -> int:
    """Height of one row of controls: the text plus padding."""
    return int(body_size(step) * 2.1)


def inset(rect: pygame.Rect, m: int = MARGIN) -> pygame.Rect:
    return pygame.Rect(rect.x + m, rect.y + m, max(1, rect.w - 2 * m), max(1, rect.h - 2 * m))


def split_h(rect: pygame.Rect, *widths: float, gap: int = GAP) -> list[pygame.Rect]:
    """Split left to right. A width <= 1 is a fraction of the free space, more is pixels; 0 takes the rest."""
    return _split(rect, widths, gap, horizontal=True)


def split_v(rect: pygame.Rect, *heights: float, gap: int = GAP) -> list[pygame.Rect]:
    """Split top to bottom, sized as `split_h`."""
    return _split(rect, heights, gap, horizontal=False)


def _split(rect, sizes, gap, horizontal):
    total = (rect.w if horizontal else rect.h) - gap * (len(sizes) - 1)
    fixed = [s if s > 1 else (s * total if s > 0 else None) for s in sizes]
    rest = max(0, total - sum(f for f in fixed if f is not None))
    n_rest = sum(1 for f in fixed if f is None) or 1
    out, pos = [], rect.x if horizontal else rect.y
    for f in fixed:
        size = int(f if f is not None else rest / n_rest)
        size = max(1, size)
        out.append(pygame.Rect(pos, rect.y, size, rect.h) if horizontal else pygame.Rect(rect.x, pos, rect.w, size))
        pos += size + gap
    return out

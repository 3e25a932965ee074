"""Small composite widgets the scenes share: a scrolling list of buttons and a row of buttons that wraps."""
from __future__ import annotations

import pygame
from pygame_gui.elements import UIButton

from simulator.ui import text as txt
from simulator.ui.layout import GAP
from simulator.ui.theme import body_size


class ListView:
    """A vertical list shown through a fixed number of buttons; the window follows the selection."""

    def __init__(self, rect: pygame.Rect, labels: list[str], row_h: int, manager, container, selected: int = 0):
        self.labels = labels
        self.rows = max(1, min(len(labels), (rect.h + GAP) // (row_h + GAP)))
        self.offset = 0
        self.selected = max(0, min(selected, len(labels) - 1))
        self.buttons = [UIButton(pygame.Rect(rect.x, rect.y + i * (row_h + GAP), rect.w, row_h), "",
                                 manager, container=container) for i in range(self.rows if labels else 0)]
        self.follow()

    def follow(self) -> None:
        if self.selected < self.offset:
            self.offset = self.selected
        elif self.selected >= self.offset + self.rows:
            self.offset = self.selected - self.rows + 1
        for i, button in enumerate(self.buttons):
            k = self.offset + i
            button.set_text(self.labels[k] if k < len(self.labels) else "")

    def index_of(self, button) -> int | None:
        return self.offset + self.buttons.index(button) if button in self.buttons else None

    def move(self, step: int) -> bool:
        """Move the selection; False when it would leave the list (focus then moves on)."""
        new = self.selected + step
        if not 0 <= new < len(self.labels):
            return False
        self.selected = new
        self.follow()
        return True

    @property
    def current_button(self):
        i = self.selected - self.offset
        return self.buttons[i] if 0 <= i < len(self.buttons) else None


def button_width(label: str, step: int) -> int:
    return txt.text_width(label, body_size(step)) + 32


def button_row(rect: pygame.Rect, labels: list[str], step: int, row_h: int) -> list[pygame.Rect]:
    """Rects for buttons laid left to right, wrapping onto more rows (upwards from rect.bottom) if needed."""
    widths = [min(rect.w, button_width(label, step)) for label in labels]
    rows, current, used = [], [], 0
    for w in widths:
        if current and used + GAP + w > rect.w:
            rows.append(current)
            current, used = [], 0
        current.append(w)
        used += w + (GAP if len(current) > 1 else 0)
    if current:
        rows.append(current)
    out = []
    y = rect.bottom - len(rows) * row_h - (len(rows) - 1) * GAP
    for row in rows:
        x = rect.x
        for w in row:
            out.append(pygame.Rect(x, y, w, row_h))
            x += w + GAP
        y += row_h + GAP
    return out


def rows_height(rects: list[pygame.Rect]) -> int:
    return (max(r.bottom for r in rects) - min(r.top for r in rects)) if rects else 0

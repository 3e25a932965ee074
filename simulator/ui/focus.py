"""Keyboard focus across a scene's controls: Tab/arrows move it, Enter activates it."""
from __future__ import annotations

import pygame_gui
from pygame_gui.elements import UIButton, UITextEntryLine


class FocusRing:
    def __init__(self, manager: pygame_gui.UIManager):
        self.manager = manager
        self.items: list = []
        self.index = -1

    def set(self, items: list, index: int = 0) -> None:
        self.items = [i for i in items if i is not None]
        self.index = min(index, len(self.items) - 1)
        self._apply()

    @property
    def current(self):
        return self.items[self.index] if 0 <= self.index < len(self.items) else None

    def move(self, step: int) -> None:
        if not self.items:
            return
        for _ in range(len(self.items)):
            self.index = (self.index + step) % len(self.items)
            item = self.items[self.index]
            if getattr(item, "is_enabled", True) and item.visible:
                break
        self._apply()

    def focus(self, item) -> None:
        if item in self.items:
            self.index = self.items.index(item)
            self._apply()

    def _apply(self) -> None:
        for i, item in enumerate(self.items):
            on = i == self.index
            if isinstance(item, UIButton):
                if on and not item.is_selected:
                    item.select()
                elif not on and item.is_selected:
                    item.unselect()
        current = self.current
        if isinstance(current, UITextEntryLine):
            self.manager.set_focus_set(current)
        elif self.manager.get_focus_set() and any(isinstance(e, UITextEntryLine)
                                                 for e in self.manager.get_focus_set()):
            self.manager.set_focus_set(None)

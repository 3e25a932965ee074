"""A scene on the stack (after Tuxemon's states): build widgets, take actions, update, draw.

`draw()` only paints: it must not change any state, so that every draw is the same for a given moment.
Widgets are built by `build()` from the scene's state; a language, text-size or window change kills them and
calls `build()` again, which is how the whole interface switches at once.
"""
from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.core import UIContainer

from simulator.ui.focus import FocusRing
from simulator.ui.input import Action


class Scene:
    name = "scene"
    overlay = False        # True: the scene below stays drawn (a pause menu)

    def __init__(self, app):
        self.app = app
        self.root: UIContainer | None = None
        self.focus = FocusRing(app.manager)

    # --- widgets -------------------------------------------------------------------------------------------
    def build_ui(self, keep_focus: bool = False) -> None:
        index = self.focus.index if keep_focus else None
        self.kill_ui()
        self.focus = FocusRing(self.app.manager)
        rect = pygame.Rect((0, 0), self.app.size)
        self.root = UIContainer(rect, self.app.manager, starting_height=2 if self.overlay else 1)
        self.build(self.root, rect)
        if self.focus.items and index is not None:
            self.focus.index = max(0, min(index, len(self.focus.items) - 1))
            self.focus.move(0)

    def build(self, root: UIContainer, rect: pygame.Rect) -> None:
        """Create the widgets inside `root`; register focusable ones with `self.focus.set`."""

    def kill_ui(self) -> None:
        if self.root is not None:
            self.root.kill()
            self.root = None

    # --- stack life ----------------------------------------------------------------------------------------
    def enter(self) -> None:
        self.build_ui()

    def exit(self) -> None:
        self.kill_ui()

    def pause(self) -> None:
        if self.root is not None:
            self.root.hide()

    def resume(self) -> None:
        if self.root is not None:
            self.root.show()
            self.focus.move(0)

    # --- input ---------------------------------------------------------------------------------------------
    def on_action(self, action: Action) -> None:
        if action.name in ("next", "down"):
            self.focus.move(1)
        elif action.name in ("prev", "up"):
            self.focus.move(-1)
        elif action.name == "confirm" and self.focus.current is not None:
            self.activate(self.focus.current)
        elif action.name == "back":
            self.back()

    def on_ui(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element in self.focus.items:
                self.focus.focus(event.ui_element)
            self.activate(event.ui_element)
        elif event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            self.submit(event.ui_element, event.text)
        elif event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED:
            self.changed(event.ui_element, event.text)
        elif event.type == pygame_gui.UI_TEXT_BOX_LINK_CLICKED:
            self.link(event.link_target)

    def activate(self, element) -> None:
        """A button was pressed, by mouse or keyboard."""

    def on_text(self, text: str) -> None:
        """Text was typed while no text entry had focus."""

    def submit(self, element, text: str) -> None:
        """Enter was pressed in a text entry."""

    def changed(self, element, text: str) -> None:
        """A text entry's text changed."""

    def link(self, target: str) -> None:
        """A link in a text box was clicked."""

    def back(self) -> None:
        """Escape."""

    # --- time and paint ------------------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        pass

    def draw(self, surface: pygame.Surface) -> None:
        pass

"""Pause, over the play scene: resume, restart or quit to the start."""
from __future__ import annotations

import pygame
from pygame_gui.elements import UIButton, UILabel, UIPanel

from simulator.i18n import _
from simulator.ui import layout
from simulator.ui.scene import Scene


class PauseScene(Scene):
    name = "pause"
    overlay = True

    def __init__(self, app, play):
        super().__init__(app)
        self.play = play

    def build(self, root, rect) -> None:
        m = self.app.manager
        h = layout.line_height(self.app.settings.text_size)
        w = min(rect.w - 40, max(420, h * 10))
        box = pygame.Rect(0, 0, w, h * 5 + layout.GAP * 8 + 24)
        box.center = rect.center
        UIPanel(box, starting_height=1, manager=m, container=root)
        rows = layout.split_v(layout.inset(box), int(h * 1.2), h, h, h)
        UILabel(rows[0], _("Paused"), m, container=root, object_id="@title")
        self.buttons = {UIButton(rows[1], _("Resume"), m, container=root): "resume",
                        UIButton(rows[2], _("Restart this scenario"), m, container=root): "restart",
                        UIButton(rows[3], _("Quit to the start"), m, container=root): "quit"}
        self.focus.set(list(self.buttons))

    def activate(self, element) -> None:
        key = self.buttons.get(element)
        if key == "resume":
            self.back()
        elif key == "restart":
            self.play.restart()
        elif key == "quit":
            self.play.quit_to_start()

    def back(self) -> None:
        self.app.pop()

    def draw(self, surface) -> None:
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 150))
        surface.blit(shade, (0, 0))

"""Raw pygame key events become actions here, at the edge; scenes see only actions."""
from __future__ import annotations

from dataclasses import dataclass

import pygame


@dataclass(frozen=True)
class Action:
    name: str          # next, prev (Tab), up, down, page_up, page_down, left, right, confirm, back, pick, skip
    number: int = 0    # for "pick": 1..9


def from_key(event: pygame.event.Event, typing: bool) -> Action | None:
    """The action a KEYDOWN means; while a text box has focus, only Tab, Escape, Up/Down and PageUp/PageDown count."""
    key, mod = event.key, getattr(event, "mod", 0)
    if key == pygame.K_TAB:
        return Action("prev" if mod & pygame.KMOD_SHIFT else "next")
    if key == pygame.K_ESCAPE:
        return Action("back")
    if key == pygame.K_UP:
        return Action("up")
    if key == pygame.K_DOWN:
        return Action("down")
    if key == pygame.K_PAGEUP:
        return Action("page_up")
    if key == pygame.K_PAGEDOWN:
        return Action("page_down")
    if typing:
        return None
    if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
        return Action("confirm")
    if key == pygame.K_SPACE:
        return Action("skip")
    if key == pygame.K_LEFT:
        return Action("left")
    if key == pygame.K_RIGHT:
        return Action("right")
    if pygame.K_1 <= key <= pygame.K_9:
        return Action("pick", key - pygame.K_0)
    if pygame.K_KP1 <= key <= pygame.K_KP9:
        return Action("pick", key - pygame.K_KP1 + 1)
    return None

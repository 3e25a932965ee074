"""The customer, drawn with pygame.draw: brows, eyes, mouth, shoulders and colour follow the mood.

Pure painting: `draw_portrait(surface, rect, mood)` reads the mood and changes nothing else.
"""
from __future__ import annotations

import functools
import math

import pygame

SKIN = (236, 200, 170)
FLUSH = (226, 96, 80)
HAIR = (70, 50, 40)
SHIRT_CALM = (70, 130, 180)
SHIRT_ANGRY = (150, 60, 60)


def _mix(a, b, t: float):
    t = max(0.0, min(1.0, t))
    return tuple(int(x + (y - x) * t) for x, y in zip(a, b))


def draw_portrait(surface: pygame.Surface, rect: pygame.Rect, mood: float) -> None:
    """Paint a customer whose face and posture show `mood` (0 calm .. 100 furious) inside `rect`."""
    surface.blit(_portrait(rect.w, rect.h, int(round(mood))), rect)


@functools.lru_cache(maxsize=8)
def _portrait(w: int, h: int, mood: int) -> pygame.Surface:
    """The picture for one size and mood, painted once: the same inputs always give the same picture."""
    image = pygame.Surface((max(1, w), max(1, h)), pygame.SRCALPHA)
    _paint(image, image.get_rect(), mood)
    return image


def _paint(surface: pygame.Surface, rect: pygame.Rect, mood: float) -> None:
    t = max(0.0, min(1.0, mood / 100))
    size = min(rect.w, rect.h)
    cx, unit = rect.centerx, size / 100
    top = rect.y + (rect.h - size) / 2
    pygame.draw.rect(surface, _mix((46, 70, 60), (80, 40, 40), t), rect, border_radius=8)

    # Posture: shoulders rise and narrow as the customer tenses; arms cross when furious.
    shoulder_y = top + unit * (82 - 8 * t)
    body = pygame.Rect(0, 0, unit * (74 - 6 * t), unit * 40)
    body.midtop = (cx, shoulder_y)
    pygame.draw.ellipse(surface, _mix(SHIRT_CALM, SHIRT_ANGRY, t), body)
    if t >= 0.85:
        arm = pygame.Rect(0, 0, unit * 60, unit * 12)
        arm.center = (cx, shoulder_y + unit * 14)
        pygame.draw.rect(surface, _mix(SHIRT_ANGRY, (0, 0, 0), 0.25), arm, border_radius=int(unit * 6))
        for dx in (-1, 1):
            pygame.draw.circle(surface, SKIN, (cx + dx * unit * 26, shoulder_y + unit * 14), unit * 5)

    # Head leans forward (lower) when angry.
    head_c = (cx, top + unit * (42 + 4 * t))
    r = unit * 26
    pygame.draw.rect(surface, _mix(SKIN, FLUSH, t * 0.6), (cx - unit * 7, head_c[1] + r * 0.7, unit * 14, unit * 14))
    pygame.draw.circle(surface, _mix(SKIN, FLUSH, t * t * 0.8), head_c, r)
    pygame.draw.arc(surface, HAIR, (head_c[0] - r, head_c[1] - r, 2 * r, 2 * r), 0.35, math.pi - 0.35, int(unit * 7))

    # Eyes narrow with anger.
    eye_y = head_c[1] - unit * 4
    eye_h = max(2, unit * (7 - 4 * t))
    for dx in (-1, 1):
        ex = head_c[0] + dx * unit * 10
        pygame.draw.ellipse(surface, (255, 255, 255), (ex - unit * 5, eye_y - eye_h / 2, unit * 10, eye_h))
        pygame.draw.circle(surface, (40, 30, 30), (ex, eye_y), max(1, unit * 2.2))
        # Brows: raised and soft when calm, slanted down to the nose when angry.
        inner = (ex - dx * unit * 5, eye_y - unit * (9 - 7 * t))
        outer = (ex + dx * unit * 6, eye_y - unit * (10 + 2 * t))
        pygame.draw.line(surface, HAIR, inner, outer, max(2, int(unit * (2 + 1.5 * t))))

    # Mouth: a smile, flat, a frown, then an open shout.
    mouth_c = (head_c[0], head_c[1] + unit * 13)
    w = unit * 18
    if t < 0.3:
        pygame.draw.arc(surface, (120, 40, 40), (mouth_c[0] - w / 2, mouth_c[1] - unit * 8, w, unit * 10),
                        math.pi + 0.3, 2 * math.pi - 0.3, max(2, int(unit * 2)))
    elif t < 0.6:
        pygame.draw.line(surface, (120, 40, 40), (mouth_c[0] - w / 2, mouth_c[1]), (mouth_c[0] + w / 2, mouth_c[1]),
                         max(2, int(unit * 2)))
    elif t < 0.85:
        pygame.draw.arc(surface, (120, 40, 40), (mouth_c[0] - w / 2, mouth_c[1] - unit * 1, w, unit * 10),
                        0.3, math.pi - 0.3, max(2, int(unit * 2)))
    else:
        pygame.draw.ellipse(surface, (90, 20, 20), (mouth_c[0] - w / 2, mouth_c[1] - unit * 3, w, unit * 9))
        pygame.draw.rect(surface, (250, 250, 250), (mouth_c[0] - w / 3, mouth_c[1] - unit * 3, w * 2 / 3, unit * 2))
        # Steam above the head.
        for dx in (-1, 1):
            sx = head_c[0] + dx * r * 0.9
            pygame.draw.lines(surface, (220, 220, 220), False,
                              [(sx, head_c[1] - r), (sx + dx * unit * 4, head_c[1] - r - unit * 6),
                               (sx, head_c[1] - r - unit * 12)], max(1, int(unit * 1.5)))


def draw_meter(surface: pygame.Surface, rect: pygame.Rect, mood: float) -> None:
    """A horizontal gauge from green (calm) to red (walks out), with the band limits marked."""
    pygame.draw.rect(surface, (20, 22, 28), rect, border_radius=4)
    t = max(0.0, min(1.0, mood / 100))
    fill = rect.inflate(-4, -4)
    fill.w = max(0, int(fill.w * t))
    pygame.draw.rect(surface, _mix((70, 180, 90), (210, 50, 40), t), fill, border_radius=3)
    for limit in (30, 60, 85):
        x = rect.x + rect.w * limit / 100
        pygame.draw.line(surface, (230, 230, 230), (x, rect.y), (x, rect.bottom - 1), 1)
    pygame.draw.rect(surface, (200, 200, 200), rect, 1, border_radius=4)

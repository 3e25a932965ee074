"""The mood over the turns, drawn as a line chart with the mood bands shaded."""
from __future__ import annotations

import pygame

BANDS = ((0, 30, (40, 70, 50)), (30, 60, (70, 70, 40)), (60, 85, (80, 50, 35)), (85, 100, (90, 35, 35)))


def draw_mood_chart(surface: pygame.Surface, rect: pygame.Rect, moods: list[float], font: pygame.font.Font) -> None:
    """`moods`: the start mood then the mood after each turn (0..100). Labels use `font`."""
    if rect.w < 40 or rect.h < 40:
        return
    pad = font.get_height()
    plot = pygame.Rect(rect.x + pad * 2, rect.y + 4, rect.w - pad * 2 - 6, rect.h - pad - 8)

    def y_of(value: float) -> float:
        return plot.bottom - plot.h * max(0, min(100, value)) / 100

    for low, high, colour in BANDS:
        pygame.draw.rect(surface, colour, (plot.x, y_of(high), plot.w, y_of(low) - y_of(high)))
    for value in (0, 50, 100):
        label = font.render(str(value), True, (220, 220, 220))
        surface.blit(label, (rect.x, y_of(value) - label.get_height() / 2))
    if not moods:
        return
    step = plot.w / max(1, len(moods) - 1)
    points = [(plot.x + i * step, y_of(m)) for i, m in enumerate(moods)]
    if len(points) > 1:
        pygame.draw.lines(surface, (255, 220, 90), False, points, 3)
    every = max(1, len(moods) // 10)
    for i, p in enumerate(points):
        pygame.draw.circle(surface, (255, 255, 255), p, 4)
        if i % every == 0:
            label = font.render(str(i), True, (220, 220, 220))
            surface.blit(label, (p[0] - label.get_width() / 2, plot.bottom + 2))
    pygame.draw.rect(surface, (200, 200, 200), plot, 1)

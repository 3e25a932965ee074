"""Debrief: score, loyalty before and after and why, the mood chart, every turn judged, and the retries."""
from __future__ import annotations

import pygame
from pygame_gui.elements import UIButton, UILabel, UITextBox

from simulator.i18n import _
from simulator.ui import layout
from simulator.ui.chart import draw_mood_chart
from simulator.ui.scene import Scene
from simulator.ui.text import esc, font, highlight
from simulator.ui.theme import body_size
from simulator.ui.widgets import button_row
from simulator.ui.words import ENDINGS, word
from simulator.wording import loyalty_reason_for, turn_lines


def summary_html(record: dict, previous: dict | None, save_error: str) -> str:
    score = int(record.get("score", 0))
    ending = record.get("ending", {})
    parts = [f"<b>{esc(_('Score'))}: {score}/100</b> · {esc(_('Ending'))}: "
             f"<b>{esc(word(ENDINGS, ending.get('kind', '')))}</b>"]
    if previous is not None:
        before = int(previous.get("score", 0))
        parts.append(esc(_("Previous attempt: %(before)d, now %(now)d (%(change)+d)")
                         % {"before": before, "now": score, "change": score - before}))
    loyalty = record.get("loyalty", {})
    if loyalty:
        parts.append(esc(_("Loyalty: %(before)d before the failure, %(after)d now")
                         % {"before": round(loyalty.get("before", 0)), "after": round(loyalty.get("after", 0))}))
        reason = loyalty_reason_for(record) if loyalty.get("rule") else loyalty.get("reason", "")
        if reason:
            parts.append(f"<i>{esc(reason)}</i>")
    if ending.get("summary"):
        parts.append(esc(ending["summary"]))
    if save_error:
        parts.append(f'<font color="#ff8a7a">{esc(_("The result could not be saved:"))} {esc(save_error)}</font>')
    return "<br>".join(parts)


def turns_html(turns: list, customer: str, steps_max: dict | None = None) -> str:
    parts = []
    for t in turns:
        get = t.get if isinstance(t, dict) else lambda k, d=None, t=t: getattr(t, k, d)
        points = int(get("points", 0))
        colour = "#7fdc8c" if points > 0 else "#ff8a7a" if points < 0 else "#dddddd"
        head = (f"<b>{esc(_('Turn %d') % get('index', 0))}</b> · "
                f'<font color="{colour}"><b>{esc(_("%+d points") % points)}</b></font> · '
                f"{esc(_('mood %(before)d › %(after)d') % {'before': round(get('mood_before', 0)), 'after': round(get('mood_after', 0))})}")
        said = get("text", "") or ""
        said_html = highlight(said, get("spans", []) or []) if get("typed", False) else esc(said)
        if get("typed", False):
            said_html = f"<i>({esc(_('typed'))})</i> " + (said_html or "…")
        lines = [head,
                 f"{esc(customer)}: {esc(get('customer', ''))}",
                 f"{esc(_('You'))}: {said_html or '…'}"]
        if get("feedback", ""):
            lines.append(f"{esc(_('Why'))}: {esc(get('feedback', ''))}")
        lines.extend(f"<i>{esc(line)}</i>" for line in turn_lines(t, steps_max))
        if get("better", ""):
            lines.append(f'<font color="#9cc8ff">{esc(_("Better"))}: {esc(get("better", ""))}</font>')
        parts.append("<br>".join(lines))
    return "<br><br>".join(parts) or esc(_("No turns were played."))


class DebriefScene(Scene):
    name = "debrief"

    def __init__(self, app, engine, record: dict, previous: dict | None = None, save_error: str = ""):
        super().__init__(app)
        self.engine = engine
        self.record = record or {}
        self.previous = previous
        self.save_error = save_error
        self.retry_turn = max(1, len(engine.turns))
        moods = self.record.get("mood", {})
        self.moods = [moods.get("start", engine.scenario.mood)] + list(moods.get("after_turns", []))

    def build(self, root, rect) -> None:
        m = self.app.manager
        step = self.app.settings.text_size
        h = layout.line_height(step)
        area = layout.inset(rect)
        labels = [_("Retry the scenario"), "‹", self.retry_label(), "›", _("History"), _("Back to the start")]
        rects = button_row(area, labels, step, h)
        bottom_h = area.bottom - min(r.top for r in rects)
        title, middle, _b = layout.split_v(area, int(h * 1.2), 0, bottom_h)
        UILabel(title, _("Debrief: %s") % self.engine.scenario.title, m, container=root, object_id="@title")
        left, right = layout.split_h(middle, 0.42, 0)
        summary, self.chart_rect = layout.split_v(left, 0.6, 0)
        self.summary_box = UITextBox(summary_html(self.record, self.previous, self.save_error), summary, m,
                                     container=root)
        self.turns_box = UITextBox(turns_html(self.engine.turns, self.engine.scenario.customer.name,
                                              self.record.get("breakdown", {}).get("steps_max")), right, m,
                                   container=root)
        keys = ("retry", "earlier", "retry_turn", "later", "history", "start")
        self.buttons = {UIButton(r, label, m, container=root): key for key, label, r in zip(keys, labels, rects)}
        self.by_key = {k: b for b, k in self.buttons.items()}
        if not self.engine.turns:
            for key in ("earlier", "retry_turn", "later"):
                self.by_key[key].disable()
        self.focus.set(list(self.buttons))

    def retry_label(self) -> str:
        return _("Retry from turn %d") % self.retry_turn

    def activate(self, element) -> None:
        key = self.buttons.get(element)
        if key == "retry":
            self.retry_from(1)
        elif key in ("earlier", "later"):
            self.step_turn(-1 if key == "earlier" else 1)
        elif key == "retry_turn":
            self.retry_from(self.retry_turn)
        elif key == "history":
            from simulator.ui.scenes.history import HistoryScene
            self.app.push(HistoryScene(self.app))
        elif key == "start":
            self.back()

    def step_turn(self, delta: int) -> None:
        self.retry_turn = max(1, min(len(self.engine.turns), self.retry_turn + delta))
        self.by_key["retry_turn"].set_text(self.retry_label())

    def retry_from(self, turn: int) -> None:
        """Play again from `turn`: the turns before it are replayed as they were."""
        from simulator.ui.scenes.play import PlayScene
        engine = self.engine.rewind(turn - 1)
        self.app.replace(PlayScene(self.app, engine))

    def on_action(self, action) -> None:
        if action.name in ("left", "right") and self.buttons.get(self.focus.current) in ("earlier", "retry_turn",
                                                                                         "later"):
            self.step_turn(-1 if action.name == "left" else 1)
            return
        # up/down scroll the summary while it overflows (at large text it does), page up/down the turns
        box = self.summary_box if (action.name in ("up", "down") and self.summary_box.scroll_bar is not None) \
            else self.turns_box
        if action.name in ("page_up", "page_down", "up", "down") and box.scroll_bar is not None:
            bar = box.scroll_bar
            delta = {"up": -0.05, "down": 0.05, "page_up": -0.3, "page_down": 0.3}[action.name]
            bar.set_scroll_from_start_percentage(max(0.0, min(1.0 - bar.visible_percentage,
                                                              bar.start_percentage + delta)))
            return
        super().on_action(action)

    def back(self) -> None:
        from simulator.ui.scenes.start import StartScene
        self.app.replace(StartScene(self.app))

    def draw(self, surface: pygame.Surface) -> None:
        size = max(10, int(body_size(self.app.settings.text_size) * 0.8))
        label = font(size).render(_("Mood over the turns"), True, (230, 230, 230))
        surface.blit(label, (self.chart_rect.x, self.chart_rect.y))
        chart = self.chart_rect.copy()
        chart.y += label.get_height() + 4
        chart.h -= label.get_height() + 4
        draw_mood_chart(surface, chart, self.moods, font(size))

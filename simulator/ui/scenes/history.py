"""History: the player's past attempts, grouped by scenario, from the local results store."""
from __future__ import annotations

from pygame_gui.elements import UIButton, UILabel, UITextBox

from simulator.i18n import _
from simulator.ui import layout
from simulator.ui.scene import Scene
from simulator.ui.text import esc
from simulator.ui.words import ENDINGS, word


def history_html(records: list[dict]) -> str:
    if not records:
        return esc(_("No attempts yet. Play a scenario and your results will appear here."))
    groups: dict[tuple, list[dict]] = {}
    for r in records:
        sc = r.get("scenario", {})
        groups.setdefault((sc.get("title", "?"), sc.get("lang", "")), []).append(r)
    parts = []
    for (title, lang), items in groups.items():
        best = max(int(i.get("score", 0)) for i in items)
        parts.append(f"<b>{esc(title)}</b> ({esc(lang)}) — "
                     + esc(_("%(n)d attempts, best %(best)d") % {"n": len(items), "best": best}))
        for i in items:
            when = str(i.get("ended_at") or i.get("started_at") or "")[:16].replace("T", " ")
            ending = word(ENDINGS, i.get("ending", {}).get("kind", ""))
            parts.append(f"  {esc(when)} · {esc(_('score'))} <b>{int(i.get('score', 0))}</b> · {esc(ending)}")
        parts.append("")
    return "<br>".join(parts)


class HistoryScene(Scene):
    name = "history"

    def records(self) -> list[dict]:
        if self.app.store is None:
            return []
        try:
            return self.app.store.list(player=self.app.settings.name)
        except Exception:  # a damaged store shows as empty rather than closing the game
            return []

    def build(self, root, rect) -> None:
        m = self.app.manager
        h = layout.line_height(self.app.settings.text_size)
        area = layout.inset(rect)
        title, body, bottom = layout.split_v(area, int(h * 1.2), 0, h)
        name = self.app.settings.name or _("Player")
        UILabel(title, _("History of %s") % name, m, container=root, object_id="@title")
        self.box = UITextBox(history_html(self.records()), body, m, container=root)
        self.back_button = UIButton(bottom.inflate(-bottom.w // 2, 0).move(-bottom.w // 4, 0), _("Back"), m,
                                    container=root)
        self.focus.set([self.back_button])

    def activate(self, element) -> None:
        if element is self.back_button:
            self.back()

    def on_action(self, action) -> None:
        if action.name in ("up", "down", "page_up", "page_down") and self.box.scroll_bar is not None:
            delta = {"up": -0.05, "down": 0.05, "page_up": -0.3, "page_down": 0.3}[action.name]
            bar = self.box.scroll_bar
            bar.set_scroll_from_start_percentage(max(0.0, min(1.0, bar.start_percentage + delta)))
            return
        super().on_action(action)

    def back(self) -> None:
        self.app.pop()

"""Play: the customer (portrait, mood, words as spoken), the conversation, and the trainee's replies."""
from __future__ import annotations

import unicodedata
from types import SimpleNamespace

import pygame
from pygame_gui.elements import UIButton, UILabel, UITextBox, UITextEntryLine

from simulator.i18n import _
from simulator.model import Scenario
from simulator.ui import core, layout
from simulator.ui.portrait import draw_meter, draw_portrait
from simulator.ui.scene import Scene
from simulator.ui.text import esc, highlight, wrapped_lines
from simulator.ui.theme import body_size
from simulator.ui.words import MOODS, word

MAX_TYPED = 300
CHARS_PER_SECOND = 16     # reveal speed until the voice's real length is known
REVEAL_STEP = 0.15


def _line_h(f) -> int:
    return int(f.size("Ågj")[1] * 1.2)


def _clipped_top(box: UITextBox) -> int:
    """How many pixels of a half-shown line stand at the top of a text box scrolled to its end (0: none)."""
    bar, layout_ = box.scroll_bar, getattr(box, "text_box_layout", None)
    if bar is None or layout_ is None:
        return 0
    top = round(bar.start_percentage * layout_.layout_rect.height)
    for row in layout_.layout_rows:
        if row.y < top < row.bottom:
            return row.bottom - top
    return 0


def safe_analyzer(analyze):
    """The analyzer, made unable to take the game down: on any error a typed reply counts as not understood."""
    if analyze is None:
        return None

    def run(text, lang):
        try:
            return analyze(text, lang)
        except Exception:
            return SimpleNamespace(tags=[], spans=[])

    return run


class PlayScene(Scene):
    name = "play"

    @classmethod
    def new(cls, app, scenario: Scenario, engine=None) -> "PlayScene":
        engine = engine or core.Engine(scenario, player=app.settings.name,
                                       analyzer=safe_analyzer(core.analyzer(scenario.lang)))
        return cls(app, engine)

    def __init__(self, app, engine):
        super().__init__(app)
        self.engine = engine
        self.scenario = engine.scenario
        self.record = None            # the saved result, once the conversation is over
        self.previous = None          # the attempt before this one, for the debrief's comparison
        self.save_error = ""
        self.log_html = ""
        self.line = ""
        self.shown = 0.0              # characters of `line` revealed so far
        self.visible = -1             # characters actually put on screen (at a word boundary)
        self.cps = CHARS_PER_SECOND
        self.timed = False
        self.since_reveal = 0.0
        self.rebuild_log()
        self.say(engine.line)
        if engine.over:
            self.finish()

    # --- state changes -------------------------------------------------------------------------------------
    def say(self, line: str) -> None:
        self.line = unicodedata.normalize("NFC", line or "")
        self.shown, self.visible, self.cps, self.timed = 0.0, -1, CHARS_PER_SECOND, False
        if self.line:
            self.app.speaker.say(self.line, self.scenario.lang, self.engine.mood_band)

    def rebuild_log(self) -> None:
        name = esc(self.scenario.customer.name)
        you = esc(_("You"))
        parts = [f"<i>{esc(self.scenario.situation)}</i>"]
        for t in self.engine.turns:
            said = highlight(t.text, t.spans) if t.typed else esc(t.text)
            parts.append(f'<font color="#9cc8ff"><b>{name}:</b></font> {esc(t.customer)}')
            parts.append(f'<font color="#ffd27f"><b>{you}:</b></font> {said or "…"}')
            if t.reaction:
                parts.append(f'<font color="#9cc8ff"><b>{name}:</b></font> {esc(t.reaction)}')
        self.log_html = "<br>".join(parts)

    def choose(self, index: int) -> None:
        replies = self.engine.replies
        if self.engine.over or not 1 <= index <= len(replies):
            return
        turn = self.engine.choose(replies[index - 1].id)
        self.after_turn(turn)

    def send_typed(self, text: str) -> None:
        text = unicodedata.normalize("NFC", text or "").strip()[:MAX_TYPED]
        if not text or self.engine.over:
            return
        turn = self.engine.reply(text)
        self.after_turn(turn)

    def after_turn(self, turn) -> None:
        self.rebuild_log()
        if self.engine.over:
            self.finish()
        else:
            self.say(turn.reaction or self.engine.line)
        if self.root is not None:
            self.build_ui()

    def finish(self) -> None:
        """Save the result before anything else is shown; then the customer says their last line."""
        store, sc = self.app.store, self.scenario
        try:
            if store is not None:
                found = store.list(player=self.engine.player, scenario=sc.id, lang=sc.lang, limit=1)
                self.previous = found[0] if found else None
        except Exception:
            self.previous = None
        self.record = self.engine.result()
        try:
            if store is None:
                raise OSError(self.app.store_error or "no results store")
            store.save(self.record)
        except Exception as exc:  # the debrief says so; the game goes on
            self.save_error = str(exc) or type(exc).__name__
        self.say(self.engine.line)

    def restart(self) -> None:
        self.app.speaker.stop()
        self.app.replace(PlayScene.new(self.app, self.scenario))

    def quit_to_start(self) -> None:
        from simulator.ui.scenes.start import StartScene
        self.app.speaker.stop()
        self.app.replace(StartScene(self.app))

    def to_debrief(self) -> None:
        from simulator.ui.scenes.debrief import DebriefScene
        self.app.speaker.stop()
        self.app.replace(DebriefScene(self.app, self.engine, self.record, self.previous, self.save_error))

    # --- widgets -------------------------------------------------------------------------------------------
    def build(self, root, rect) -> None:
        m = self.app.manager
        step = self.app.settings.text_size
        size = body_size(step)
        h = layout.line_height(step)
        area = layout.inset(rect)
        left, right = layout.split_h(area, 0.3, 0)
        title, self.portrait_rect, self.meter_rect, mood_row, pause_row = layout.split_v(
            left, h * 2, 0, int(h * 0.5), h, h)
        UITextBox(f"<b>{esc(self.scenario.title)}</b><br>{esc(_('Turn %d') % (len(self.engine.turns) + 1))}",
                  title, m, container=root)
        self.mood_label = UILabel(mood_row, self.mood_text(), m, container=root)
        self.pause_button = UIButton(pause_row, _("Pause (Esc)"), m, container=root)

        # Right column, bottom up: typed entry, replies, then the current line; the log takes the rest.
        fonts = m.get_theme().get_font_dictionary()
        body_font, line_font = fonts.find_font(size, "noto"), fonts.find_font(int(size * 1.15), "noto")
        text_w = right.w - h - layout.GAP - 24
        reply_heights = [max(h, wrapped_lines(r.text, size, text_w, body_font) * _line_h(body_font) + 14)
                         for r in self.engine.replies]
        line_lines = min(4, wrapped_lines(f"{self.scenario.customer.name}: {self.line}", 0, right.w - 24,
                                          line_font))
        line_h = line_lines * _line_h(line_font) + 16
        if self.engine.over:
            reply_heights = [h]
        entry_h = 0 if self.engine.over else h
        # When it all cannot fit (large text, long replies), the line keeps two lines and each reply box
        # shrinks and scrolls, so the log, the replies and the entry all stay on screen.
        free = right.h - entry_h - layout.GAP * (len(reply_heights) + 2) - int(h * 1.5)
        if line_h + sum(reply_heights) > free:
            line_h = min(line_h, 2 * _line_h(line_font) + 16)
            budget = max(h * len(reply_heights), free - line_h)
            total = sum(reply_heights)
            if total > budget:
                reply_heights = [max(h, int(rh * budget / total)) for rh in reply_heights]
        sizes = [line_h, 0] + reply_heights + ([entry_h] if entry_h else [])
        rows = layout.split_v(right, *sizes)
        self.line_box = UITextBox("", rows[0], m, container=root, object_id="@line")
        self.log_box = UITextBox(self.log_html, rows[1], m, container=root)
        self.scroll_log_to_end()
        cut = _clipped_top(self.log_box)
        if cut:  # the log opens on whole lines: it gives up the half line at its top as a gap above it
            self.log_box.kill()
            rows[1] = pygame.Rect(rows[1].x, rows[1].y + cut, rows[1].w, rows[1].h - cut)
            self.log_box = UITextBox(self.log_html, rows[1], m, container=root)
            self.scroll_log_to_end()
        self.reply_buttons, self.reply_boxes = [], []
        self.continue_button = self.entry = self.send_button = None
        if self.engine.over:
            self.continue_button = UIButton(rows[2], _("See the debrief (Enter)"), m, container=root)
            focusables = [self.continue_button, self.pause_button]
        else:
            for i, (reply, r) in enumerate(zip(self.engine.replies, rows[2:]), start=1):
                num, body = layout.split_h(r, h, 0)
                num.h = h
                self.reply_buttons.append(UIButton(num, str(i) if i <= 9 else "·", m, container=root))
                self.reply_boxes.append(UITextBox(f'<a href="reply:{i}">{esc(reply.text)}</a>', body, m,
                                                  container=root))
            entry_rect, send_rect = layout.split_h(rows[-1], 0, max(h * 3, 120))
            self.entry = UITextEntryLine(entry_rect, m, container=root,
                                         placeholder_text=_("Or type your own reply and press Enter"))
            self.entry.set_text_length_limit(MAX_TYPED)
            self.send_button = UIButton(send_rect, _("Send"), m, container=root)
            focusables = self.reply_buttons + [self.entry, self.send_button, self.pause_button]
        self.focus.set(focusables)
        self.visible = -1          # the new line box is empty: show the revealed part again

    def mood_text(self) -> str:
        return _("Mood: %(mood)s (%(value)d/100)") % {"mood": word(MOODS, self.engine.mood_band),
                                                       "value": round(self.engine.mood)}

    def scroll_log_to_end(self) -> None:
        bar = self.log_box.scroll_bar
        if bar is not None:
            bar.set_scroll_from_start_percentage(1.0 - bar.visible_percentage)

    def line_html(self, upto: int) -> str:
        return f'<b>{esc(self.scenario.customer.name)}:</b> {esc(self.line[:upto])}'

    # --- input ---------------------------------------------------------------------------------------------
    def on_action(self, action) -> None:
        if action.name == "pick":
            self.choose(action.number)
        elif action.name == "skip":
            self.shown = len(self.line)
        elif action.name in ("page_up", "page_down") and self.log_box.scroll_bar is not None:
            bar = self.log_box.scroll_bar
            delta = 0.3 if action.name == "page_down" else -0.3
            bar.set_scroll_from_start_percentage(max(0.0, min(1.0 - bar.visible_percentage,
                                                              bar.start_percentage + delta)))
        else:
            super().on_action(action)

    def activate(self, element) -> None:
        if element in self.reply_buttons:
            self.choose(self.reply_buttons.index(element) + 1)
        elif element is self.send_button:
            self.send_typed(self.entry.get_text())
        elif element is self.pause_button:
            self.back()
        elif element is self.continue_button:
            self.to_debrief()

    def submit(self, element, text) -> None:
        if element is self.entry:
            self.send_typed(text)

    def on_text(self, text: str) -> None:
        # Starting to type anywhere starts a typed reply: the trainee should not have to Tab past every offered
        # reply to find the box. Digits stay reply numbers and space still shows the whole line.
        if self.entry is None or not text or text[0].isdigit() or text[0].isspace():
            return
        self.focus.focus(self.entry)
        self.entry.set_text(self.entry.get_text() + text)

    def link(self, target: str) -> None:
        if target.startswith("reply:"):
            self.choose(int(target.split(":", 1)[1]))

    def back(self) -> None:
        from simulator.ui.scenes.pause import PauseScene
        self.app.speaker.stop()
        self.app.push(PauseScene(self.app, self))

    # --- time and paint ------------------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        if not self.timed:
            length = self.app.speaker.speaking_length()
            if length:
                self.cps = max(4.0, len(self.line) / length)
                self.timed = True
        self.shown = min(len(self.line), self.shown + self.cps * dt)
        upto = int(self.shown)
        if upto < len(self.line):
            # Reveal whole words: fewer text-box rebuilds, and no half-words on screen.
            space = self.line.rfind(" ", 0, upto + 1)
            upto = space if space > 0 else 0
        # At most one text-box rebuild every REVEAL_STEP seconds: each costs a few milliseconds.
        self.since_reveal += dt
        if upto != self.visible and self.root is not None and (self.since_reveal >= REVEAL_STEP
                                                               or upto == len(self.line)):
            self.since_reveal = 0.0
            self.visible = upto
            self.line_box.set_text(self.line_html(upto))

    def draw(self, surface: pygame.Surface) -> None:
        draw_portrait(surface, self.portrait_rect, self.engine.mood)
        draw_meter(surface, self.meter_rect, self.engine.mood)

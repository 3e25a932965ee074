"""Start: language, name, scenario (shipped and the trainer's), and the way to settings and history."""
from __future__ import annotations

import pygame
from pygame_gui.elements import UIButton, UILabel, UITextBox, UITextEntryLine

from simulator.i18n import LANGUAGES, _
from simulator.ui import catalog, layout, settings as user_settings
from simulator.ui.scene import Scene
from simulator.ui.text import esc, plain
from simulator.ui.widgets import ListView, button_row
from simulator.ui.words import DIFFICULTIES, word


class StartScene(Scene):
    name = "start"

    def __init__(self, app):
        super().__init__(app)
        self.entries: list[catalog.Entry] = []
        self.entries_lang = None
        self.selected = 0

    def load_entries(self) -> None:
        lang = self.app.settings.lang
        if self.entries_lang != lang:
            self.entries = catalog.scan(lang, self.app.scenario_dirs, self.app.shipped)
            self.entries_lang = lang
            self.selected = next((i for i, e in enumerate(self.entries) if e.ok), 0)

    def entry_label(self, entry: catalog.Entry) -> str:
        if entry.ok:
            return plain(f"{entry.scenario.title} · {word(DIFFICULTIES, entry.scenario.difficulty)}")
        return plain(f"(!) {entry.path.name}: " + _("cannot be loaded"))

    def build(self, root, rect) -> None:
        self.load_entries()
        step = self.app.settings.text_size
        h = layout.line_height(step)
        m = self.app.manager
        area = layout.inset(rect)
        actions = [_("Play"), _("History"), _("Settings"), _("Quit")]
        action_rects = button_row(area, actions, step, h)
        bottom_h = area.bottom - min(r.top for r in action_rects)
        title, langs, name_row, middle, _bottom = layout.split_v(area, int(h * 1.2), h, h, 0, bottom_h)
        UILabel(title, _("Service Recovery Simulator"), m, container=root, object_id="@title")
        self.lang_buttons = {}
        for code, r in zip(LANGUAGES, button_row(langs, list(LANGUAGES.values()), step, h)):
            r.y = langs.y
            b = UIButton(r, LANGUAGES[code], m, container=root,
                         object_id="@current" if code == self.app.settings.lang else None)
            self.lang_buttons[b] = code
        label_w = min(name_row.w // 3, max(120, int(h * 4)))
        name_label, name_box = layout.split_h(name_row, label_w, 0)
        UILabel(name_label, _("Your name:"), m, container=root)
        self.name_entry = UITextEntryLine(name_box, m, container=root, initial_text=self.app.settings.name,
                                          placeholder_text=_("Type your name"))
        self.name_entry.set_text_length_limit(user_settings.MAX_NAME)
        list_rect, details_rect = layout.split_h(middle, 0.45, 0)
        if self.entries:
            self.list = ListView(list_rect, [self.entry_label(e) for e in self.entries], h, m, root, self.selected)
        else:
            self.list = ListView(list_rect, [], h, m, root)
            UILabel(pygame.Rect(list_rect.x, list_rect.y, list_rect.w, h), _("No scenarios found."), m,
                    container=root)
        self.details = UITextBox(self.details_html(), details_rect, m, container=root)
        self.action_buttons = {}
        for key, label, r in zip(("play", "history", "settings", "quit"), actions, action_rects):
            b = UIButton(r, label, m, container=root)
            self.action_buttons[b] = key
        self.play_button = next(b for b, k in self.action_buttons.items() if k == "play")
        self.play_button.disable() if not self.current_ok() else None
        self.focus.set(list(self.lang_buttons) + [self.name_entry, self.list.current_button]
                       + list(self.action_buttons), index=0)
        if self.list.current_button is not None:
            self.focus.index = self.focus.items.index(self.list.current_button)
            self.focus.move(0)

    def current_ok(self) -> bool:
        return bool(self.entries) and self.entries[self.selected].ok

    def details_html(self) -> str:
        if not self.entries:
            return esc(_("Put scenario files in a folder and start the game with --scenarios FOLDER."))
        e = self.entries[self.selected]
        if not e.ok:
            head = _("This scenario cannot be played. First error:")
            more = (_("(%d errors in all)") % e.errors) if e.errors > 1 else ""
            return f"<b>{esc(e.path.name)}</b><br><br>{esc(head)}<br>{esc(e.error)}<br>{esc(more)}"
        s = e.scenario
        return (f"<b>{esc(s.title)}</b><br><i>{esc(s.setting)}</i><br>"
                f"{esc(_('Difficulty'))}: {esc(word(DIFFICULTIES, s.difficulty))} · "
                f"{esc(_('Customer'))}: {esc(s.customer.name)}<br><br>{esc(s.situation)}")

    def select(self, index: int) -> None:
        self.selected = index
        self.list.selected = index
        self.list.follow()
        self.details.set_text(self.details_html())
        if self.current_ok():
            self.play_button.enable()
        else:
            self.play_button.disable()
        # The list's focus slot is always the button showing the selection.
        slot = self.focus.items.index(self.focus.current) if self.focus.current in self.list.buttons else None
        items = [i for i in self.focus.items if i not in self.list.buttons]
        pos = len(self.lang_buttons) + 1
        items.insert(pos, self.list.current_button)
        self.focus.items = items
        if slot is not None:
            self.focus.index = pos
        self.focus.move(0)

    def on_action(self, action) -> None:
        in_list = self.focus.current in self.list.buttons
        if in_list and action.name in ("up", "down"):
            if self.list.move(1 if action.name == "down" else -1):
                self.select(self.list.selected)
                return
        if action.name in ("left", "right") and self.focus.current in self.lang_buttons:
            self.focus.move(1 if action.name == "right" else -1)
            return
        super().on_action(action)

    def activate(self, element) -> None:
        if element in self.lang_buttons:
            self.keep_name()
            self.app.set_language(self.lang_buttons[element])
        elif element in self.list.buttons:
            index = self.list.index_of(element)
            if index is not None and index < len(self.entries):
                if index == self.selected and self.current_ok():
                    self.start_play()
                else:
                    self.select(index)
        elif element in self.action_buttons:
            key = self.action_buttons[element]
            self.keep_name()
            if key == "play":
                self.start_play()
            elif key == "history":
                from simulator.ui.scenes.history import HistoryScene
                self.app.push(HistoryScene(self.app))
            elif key == "settings":
                from simulator.ui.scenes.settings import SettingsScene
                self.app.push(SettingsScene(self.app))
            elif key == "quit":
                self.app.running = False

    def submit(self, element, text) -> None:
        if element is self.name_entry:
            self.keep_name()
            self.focus.move(1)

    def changed(self, element, text) -> None:
        if element is self.name_entry:
            self.app.settings.name = user_settings.clean_name(text)

    def keep_name(self) -> None:
        self.app.settings.name = user_settings.clean_name(self.name_entry.get_text())
        self.app.save_settings()

    def back(self) -> None:
        if self.app.typing():
            self.focus.move(1)

    def start_play(self) -> None:
        if not self.current_ok():
            return
        from simulator.ui.scenes.play import PlayScene
        self.keep_name()
        self.app.replace(PlayScene.new(self.app, self.entries[self.selected].scenario))


"""Settings: voice, volume, text size and full screen; each one a button, so the keyboard reaches all."""
from __future__ import annotations

from pygame_gui.elements import UIButton, UILabel

from simulator.i18n import _
from simulator.ui import layout
from simulator.ui.scene import Scene
from simulator.ui.words import TEXT_SIZES


class SettingsScene(Scene):
    name = "settings"

    def labels(self) -> dict:
        s = self.app.settings
        on, off = _("on"), _("off")
        voice = _("Voice: %s") % (on if s.voice else off)
        if s.voice and not self.app.speaker.available:
            voice += " — " + _("no voice or sound device found; lines are shown as text")
        return {
            "voice": voice,
            "volume": _("Volume: %d%% (‹ ›)") % round(s.volume * 100),
            "text_size": _("Text size: %s") % _(TEXT_SIZES[s.text_size]),
            "fullscreen": _("Full screen: %s") % (on if s.fullscreen else off),
            "back": _("Back"),
        }

    def build(self, root, rect) -> None:
        m = self.app.manager
        h = layout.line_height(self.app.settings.text_size)
        area = layout.inset(rect)
        labels = self.labels()
        rows = layout.split_v(area, int(h * 1.2), *([h] * len(labels)), 0)
        UILabel(rows[0], _("Settings"), m, container=root, object_id="@title")
        self.buttons = {}
        for (key, label), r in zip(labels.items(), rows[1:]):
            self.buttons[UIButton(r, label, m, container=root)] = key
        self.focus.set(list(self.buttons))

    def refresh(self) -> None:
        labels = self.labels()
        for button, key in self.buttons.items():
            button.set_text(labels[key])

    def activate(self, element) -> None:
        key = self.buttons.get(element)
        s = self.app.settings
        if key == "voice":
            self.app.set_voice(not s.voice)
        elif key == "volume":
            self.app.set_volume(s.volume + 0.1 if s.volume < 0.95 else 0.0)
        elif key == "text_size":
            self.app.set_text_size(s.text_size + 1)   # rebuilds every scene
            return
        elif key == "fullscreen":
            self.app.set_fullscreen(not s.fullscreen)
            return
        elif key == "back":
            self.back()
            return
        self.app.save_settings()
        self.refresh()

    def on_action(self, action) -> None:
        if action.name in ("left", "right") and self.buttons.get(self.focus.current) == "volume":
            self.app.set_volume(self.app.settings.volume + (0.1 if action.name == "right" else -0.1))
            self.app.save_settings()
            self.refresh()
            return
        super().on_action(action)

    def back(self) -> None:
        self.app.save_settings()
        self.app.pop()

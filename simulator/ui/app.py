"""The window, the UI manager, the scene stack and the frame loop."""
from __future__ import annotations

import os
import warnings
from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.elements import UITextEntryLine

from simulator import i18n
from simulator.speech import NullSpeaker, make_speaker
from simulator.ui import core, portrait, settings as user_settings, text, theme
from simulator.ui import text as text_mod
from simulator.ui.input import from_key

MIN_SIZE = (800, 500)
FPS = 60


class App:
    def __init__(self, data_dir: str | Path | None = None, scenario_dirs=(), size=(1024, 600),
                 speech: str = "auto", shipped: Path | None = None):
        pygame.init()
        self.data_dir = core.data_dir(data_dir)
        self.scenario_dirs = [Path(d) for d in scenario_dirs]
        self.shipped = shipped
        self.settings = user_settings.load(self.data_dir)
        self.speech_backend = speech
        i18n.set_language(self.settings.lang)
        pygame.display.set_caption("Service Recovery Simulator")
        self.size = tuple(size)
        self.window = self._set_mode()
        self.manager = self._make_manager()
        try:
            self.store = core.ResultStore(self.data_dir)
            self.store_error = ""
        except Exception as exc:  # an unwritable data folder: play on, say results cannot be kept
            self.store, self.store_error = None, str(exc)
        self.speaker = NullSpeaker()
        self.set_voice(self.settings.voice)
        self.stack: list = []
        self.clock = pygame.time.Clock()
        self.running = True
        self.frames = 0

    # --- window and theme ----------------------------------------------------------------------------------
    def _set_mode(self) -> pygame.Surface:
        flags = pygame.RESIZABLE
        if self.settings.fullscreen:
            flags |= pygame.FULLSCREEN
        try:
            surface = pygame.display.set_mode(self.size if not self.settings.fullscreen else (0, 0), flags)
        except pygame.error:
            surface = pygame.display.set_mode(self.size, pygame.RESIZABLE)
        self.size = surface.get_size()
        return surface

    def _make_manager(self) -> pygame_gui.UIManager:
        manager = pygame_gui.UIManager(self.size, theme.build(self.settings.text_size),
                                       starting_language=self.settings.lang)
        with warnings.catch_warnings():   # "already loaded" is harmless: the theme loaded some of them
            warnings.filterwarnings("ignore", message=".*already loaded")
            manager.preload_fonts(theme.preload_list(self.settings.text_size))
        return manager

    def rebuild_all(self) -> None:
        for scene in self.stack:
            scene.kill_ui()
        for scene in self.stack:
            scene.focus.manager = self.manager
            scene.build_ui(keep_focus=True)
        for scene in self.stack[:-1]:
            scene.pause()

    def resize(self, size) -> None:
        size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        if size == tuple(self.size):
            return
        self.size = size
        if self.window.get_size() != size:
            try:
                self.window = pygame.display.set_mode(size, pygame.RESIZABLE)
            except pygame.error:
                pass
        self.manager.set_window_resolution(size)
        self.rebuild_all()

    # --- settings that change the whole interface ----------------------------------------------------------
    def set_language(self, lang: str) -> None:
        self.settings.lang = i18n.set_language(lang)
        self.manager.set_locale(self.settings.lang)
        self.save_settings()
        self.rebuild_all()

    def set_text_size(self, step: int) -> None:
        self.settings.text_size = step % user_settings.TEXT_SIZES
        self.save_settings()
        for scene in self.stack:
            scene.kill_ui()
        self.manager = self._make_manager()
        self.rebuild_all()

    def set_fullscreen(self, on: bool) -> None:
        self.settings.fullscreen = on
        self.save_settings()
        self.window = self._set_mode()
        self.manager.set_window_resolution(self.size)
        self.rebuild_all()

    def set_voice(self, on: bool) -> None:
        self.settings.voice = on
        self.speaker.close()
        self.speaker = make_speaker(on and self.speech_backend != "none", self.speech_backend)
        self.speaker.set_volume(self.settings.volume)

    def set_volume(self, volume: float) -> None:
        self.settings.volume = round(min(1.0, max(0.0, volume)), 2)
        self.speaker.set_volume(self.settings.volume)

    def save_settings(self) -> None:
        user_settings.save(self.settings.clean(), self.data_dir)

    # --- the stack -----------------------------------------------------------------------------------------
    @property
    def scene(self):
        return self.stack[-1] if self.stack else None

    def push(self, scene) -> None:
        if self.stack:
            self.stack[-1].pause()
        self.stack.append(scene)
        scene.enter()

    def pop(self) -> None:
        if self.stack:
            self.stack.pop().exit()
        if self.stack:
            self.stack[-1].resume()

    def replace(self, scene) -> None:
        """Clear the stack and show `scene` alone (start, debrief)."""
        while self.stack:
            self.stack.pop().exit()
        self.push(scene)

    # --- the loop ------------------------------------------------------------------------------------------
    def typing(self) -> bool:
        focused = self.manager.get_focus_set() or ()
        return any(isinstance(e, UITextEntryLine) for e in focused)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type == pygame.VIDEORESIZE:
            self.resize(event.size)
            return
        if event.type == pygame.TEXTINPUT:
            event = _clean_text_input(event)
            if event is None:
                return
        typing = self.typing()
        self.manager.process_events(event)
        scene = self.scene
        if scene is None:
            return
        if event.type >= pygame.USEREVENT and hasattr(event, "ui_element"):
            scene.on_ui(event)
        elif event.type == pygame.TEXTINPUT and not typing:
            scene.on_text(event.text)
        elif event.type == pygame.KEYDOWN:
            action = from_key(event, typing)
            if action is not None:
                scene.on_action(action)

    def frame(self, dt: float | None = None) -> float:
        """One frame: wait for its turn, then events, update, draw. Returns the seconds of work (no waiting)."""
        dt = self.clock.tick(FPS) / 1000 if dt is None else dt
        t0 = _now()
        for event in pygame.event.get():
            self.handle(event)
            if not self.running:
                return _now() - t0
        self.update(dt)
        self.draw()
        pygame.display.flip()
        self.frames += 1
        return _now() - t0

    def update(self, dt: float) -> None:
        self.speaker.update()
        if self.scene is not None:
            self.scene.update(dt)
        self.manager.update(dt)

    def draw(self) -> None:
        self.window.fill(theme.BG)
        visible = []
        for scene in reversed(self.stack):
            visible.append(scene)
            if not scene.overlay:
                break
        for scene in reversed(visible):
            scene.draw(self.window)
        self.manager.draw_ui(self.window)

    def run(self) -> None:
        while self.running:
            self.frame()
        self.close()

    def close(self) -> None:
        self.save_settings()
        self.speaker.close()
        while self.stack:
            self.stack.pop().exit()
        text.font.cache_clear()   # pygame.font objects die with pygame.quit()
        portrait._portrait.cache_clear()
        pygame.quit()


def _clean_text_input(event):
    """Typed text as NFC without invisible characters (which crash pygame_gui's layout); None if nothing is left."""
    text = text_mod.displayable(event.text)
    if not text:
        return None
    return event if text == event.text else pygame.event.Event(pygame.TEXTINPUT, {"text": text})


def _now() -> float:
    import time

    return time.perf_counter()


def screenshot(app: App, path: str | os.PathLike) -> None:
    pygame.image.save(app.window, str(path))

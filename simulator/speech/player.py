"""Plays finished WAV files through pygame.mixer; silent if there is no audio device."""
from __future__ import annotations

import pygame

from simulator.speech.base import Speaker
from simulator.speech.worker import SynthWorker


def init_mixer() -> bool:
    """Open the audio device; False (and silence) when there is none."""
    try:
        if not pygame.mixer.get_init():
            pygame.mixer.init()
        return True
    except pygame.error:
        return False


def load_sound(path: str) -> pygame.mixer.Sound:
    """Read a WAV into memory (called on the speech thread, so the frame never waits for the disk)."""
    return pygame.mixer.Sound(path)


class MixerSpeaker(Speaker):
    available = True

    def __init__(self, worker: SynthWorker, name: str) -> None:
        self.name = name
        self._worker = worker
        self._channel: pygame.mixer.Channel | None = None
        self._length: float | None = None
        self._volume = 0.8

    def say(self, text: str, lang: str, mood_band: str) -> None:
        self.stop()
        self._worker.request(text, lang, mood_band)

    def stop(self) -> None:
        self._worker.latest = -1  # whatever is still synthesising is now stale
        self._length = None
        if self._channel is not None:
            self._channel.stop()
            self._channel = None

    def set_volume(self, volume: float) -> None:
        self._volume = max(0.0, min(1.0, volume))
        if self._channel is not None:
            self._channel.set_volume(self._volume)

    def update(self) -> None:
        done = self._worker.poll()
        if done is None:
            return
        sound = done[1]
        try:
            self._channel = sound.play()
            if self._channel is not None:
                self._channel.set_volume(self._volume)
            self._length = sound.get_length()
        except (pygame.error, AttributeError):
            self._channel = None

    def speaking_length(self) -> float | None:
        return self._length

    def close(self) -> None:
        self.stop()
        self._worker.close()

"""Synthesis through pyttsx3 (espeak driver), for machines without the `espeak-ng` command.

PITFALLS.md: `runAndWait()` can return before the file is written, so we wait for `finished-utterance`;
only one utterance is queued per `runAndWait()`. The engine lives in the worker thread that created it.
"""
from __future__ import annotations

import threading

from simulator.speech.voices import VOICES, clean, prosody


class Pyttsx3Synth:
    def __init__(self) -> None:
        import pyttsx3  # imported here: absent or broken pyttsx3 only disables this backend

        self._engine = pyttsx3.init("espeak")
        self._done = threading.Event()
        self._engine.connect("finished-utterance", lambda name, completed: self._done.set())

    def synthesize(self, text: str, lang: str, mood_band: str, out_path: str, timeout: float = 20.0) -> bool:
        rate, pitch = prosody(mood_band)
        try:
            self._engine.setProperty("voice", VOICES.get(lang, "gmw/en"))
            self._engine.setProperty("rate", rate)
            self._done.clear()
            self._engine.save_to_file(clean(text), out_path)
            self._engine.runAndWait()
            return self._done.wait(timeout)
        except Exception:  # pyttsx3 raises many kinds; a failed line is simply not spoken
            return False

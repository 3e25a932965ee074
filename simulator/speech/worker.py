"""The thread that synthesises lines to WAV files, so no frame ever waits for a synthesiser.

Only the newest request matters: a line asked for while another is being made replaces any still waiting.
"""
from __future__ import annotations

import itertools
import os
import queue
import tempfile
import threading
from typing import Callable

Synth = Callable[[str, str, str, str], bool]  # (text, lang, mood_band, out_path) -> ok


class SynthWorker:
    def __init__(self, make_synth: Callable[[], Synth], load: Callable[[str], object] | None = None) -> None:
        self._load = load          # turns a finished WAV into something playable, here rather than in a frame
        self._requests: queue.Queue = queue.Queue()
        self._results: queue.Queue = queue.Queue()
        self._dir = tempfile.TemporaryDirectory(prefix="srs-speech-")
        self._ids = itertools.count(1)
        self.latest = 0
        self._thread = threading.Thread(target=self._run, args=(make_synth,), name="speech", daemon=True)
        self._thread.start()

    def request(self, text: str, lang: str, mood_band: str) -> int:
        self.latest = next(self._ids)
        self._requests.put((self.latest, text, lang, mood_band))
        return self.latest

    def poll(self) -> tuple[int, object] | None:
        """A finished (request id, wav path or what `load` made of it) if any; stale results are dropped."""
        while True:
            try:
                rid, payload = self._results.get_nowait()
            except queue.Empty:
                return None
            if rid == self.latest:
                return rid, payload

    def close(self) -> None:
        self._requests.put(None)
        self._thread.join(timeout=2)
        self._dir.cleanup()

    def _run(self, make_synth: Callable[[], Synth]) -> None:
        try:
            synth = make_synth()
        except Exception:
            synth = None
        while True:
            item = self._requests.get()
            if item is None:
                return
            # Skip to the newest request waiting: older lines are no longer on screen.
            while True:
                try:
                    newer = self._requests.get_nowait()
                except queue.Empty:
                    break
                if newer is None:
                    return
                item = newer
            rid, text, lang, mood = item
            if synth is None:
                continue
            path = os.path.join(self._dir.name, f"line-{rid}.wav")
            try:
                ok = synth(text, lang, mood, path)
            except Exception:
                ok = False
            if ok and os.path.exists(path):
                payload = path
                if self._load is not None:
                    try:
                        payload = self._load(path)
                    except Exception:
                        payload = None
                    _remove(path)
                if payload is not None:
                    self._results.put((rid, payload))


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass

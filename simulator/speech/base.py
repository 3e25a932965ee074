"""The interface the game speaks through, and the silent speaker used when nothing else works."""
from __future__ import annotations


class Speaker:
    """Speaks customer lines. Every method returns at once; `update()` is called once per frame."""

    available = False
    name = "none"

    def say(self, text: str, lang: str, mood_band: str) -> None:
        """Speak `text`, replacing whatever is being spoken."""

    def stop(self) -> None:
        """Stop speaking now."""

    def set_volume(self, volume: float) -> None:
        """0.0 .. 1.0."""

    def update(self) -> None:
        """Start playing any line that has finished synthesising (frame thread)."""

    def speaking_length(self) -> float | None:
        """Seconds of the line now playing, once known; None while synthesising or silent."""
        return None

    def close(self) -> None:
        """Release the worker and the audio device."""


class NullSpeaker(Speaker):
    """Silent: no engine, no audio device, or voice turned off."""

    name = "null"

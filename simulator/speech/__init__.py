"""The customer's voice: text in, audio out, never on the frame thread.

`make_speaker()` picks the first backend that works here (the `espeak-ng` command, then pyttsx3) and falls
back to `NullSpeaker`, which is silent; the game shows every line as text whatever happens here.
"""
from simulator.speech.base import NullSpeaker, Speaker
from simulator.speech.factory import make_speaker

__all__ = ["NullSpeaker", "Speaker", "make_speaker"]

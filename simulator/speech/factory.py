"""Choose how to speak on this machine: espeak-ng command, pyttsx3, or silence."""
from __future__ import annotations

from simulator.speech import espeak_cli
from simulator.speech.base import NullSpeaker, Speaker


def make_speaker(enabled: bool = True, backend: str = "auto") -> Speaker:
    """A working speaker, or a NullSpeaker; never raises. backend: auto, espeak-ng, pyttsx3 or none."""
    if not enabled or backend == "none":
        return NullSpeaker()
    try:
        from simulator.speech.player import MixerSpeaker, init_mixer, load_sound
        from simulator.speech.worker import SynthWorker
    except ImportError:  # no pygame: nothing to play through
        return NullSpeaker()
    if not init_mixer():
        return NullSpeaker()
    if backend in ("auto", "espeak-ng") and espeak_cli.available():
        return MixerSpeaker(SynthWorker(lambda: espeak_cli.synthesize, load_sound), "espeak-ng")
    if backend in ("auto", "pyttsx3"):
        try:
            import pyttsx3  # noqa: F401  (only checks that it is installed; the engine starts in the worker)
        except ImportError:
            return NullSpeaker()
        from simulator.speech.pyttsx3_backend import Pyttsx3Synth
        return MixerSpeaker(SynthWorker(lambda: Pyttsx3Synth().synthesize, load_sound), "pyttsx3")
    return NullSpeaker()

"""Synthesis by running `espeak-ng -w file.wav`: no Python binding, no shared engine state."""
from __future__ import annotations

import shutil
import subprocess

from simulator.speech.voices import CLI_VOICES, clean, prosody


def available() -> bool:
    return shutil.which("espeak-ng") is not None


def synthesize(text: str, lang: str, mood_band: str, out_path: str, timeout: float = 20.0) -> bool:
    """Write `text` spoken in `lang` to the WAV `out_path`; False if espeak-ng failed."""
    rate, pitch = prosody(mood_band)
    cmd = ["espeak-ng", "-v", CLI_VOICES.get(lang, "en"), "-s", str(rate), "-p", str(pitch),
           "-w", out_path, "--", clean(text)]
    try:
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)
    except (OSError, ValueError, subprocess.SubprocessError):
        return False
    return done.returncode == 0

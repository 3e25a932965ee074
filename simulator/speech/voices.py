"""Which espeak-ng voice speaks each language, and how the customer's mood changes the delivery."""
from __future__ import annotations

VOICES = {"en": "gmw/en", "es": "roa/es", "it": "roa/it", "pl": "zlw/pl", "ro": "roa/ro"}
#: The short names the `espeak-ng` command accepts for the same voices.
CLI_VOICES = {"en": "en", "es": "es", "it": "it", "pl": "pl", "ro": "ro"}

# An angrier customer speaks faster and higher (espeak-ng: rate in words per minute, pitch 0..99).
PROSODY = {
    "calm": (150, 45),
    "tense": (165, 52),
    "angry": (180, 60),
    "furious": (195, 68),
}


def prosody(mood_band: str) -> tuple[int, int]:
    """(rate, pitch) for a mood band; unknown bands speak as tense."""
    return PROSODY.get(mood_band, PROSODY["tense"])


def clean(text: str) -> str:
    """Text safe to hand to a synthesiser: no NULs or control characters, bounded length."""
    text = "".join(ch if ch.isprintable() or ch in " \t" else " " for ch in text)
    return text.strip()[:1000]

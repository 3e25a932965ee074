"""The player's settings, kept between runs in `settings.json` in the data folder."""
from __future__ import annotations

import json
import os
import unicodedata
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from simulator.i18n import LANGUAGES

FILE_NAME = "settings.json"
TEXT_SIZES = 3
MAX_NAME = 60


@dataclass
class Settings:
    name: str = ""
    lang: str = "en"
    voice: bool = True
    volume: float = 0.8
    text_size: int = 1        # 0 small, 1 medium, 2 large
    fullscreen: bool = False

    def clean(self) -> "Settings":
        self.name = clean_name(self.name)
        self.lang = self.lang if self.lang in LANGUAGES else "en"
        self.voice = bool(self.voice)
        self.volume = min(1.0, max(0.0, float(self.volume)))
        self.text_size = min(TEXT_SIZES - 1, max(0, int(self.text_size)))
        self.fullscreen = bool(self.fullscreen)
        return self


def clean_name(name: str) -> str:
    """A name as typed, NFC, without control characters, at most MAX_NAME characters."""
    name = unicodedata.normalize("NFC", str(name))
    return "".join(ch for ch in name if ch.isprintable()).strip()[:MAX_NAME]


def load(folder: Path) -> Settings:
    """The saved settings, or defaults if the file is missing or unreadable."""
    try:
        data = json.loads((Path(folder) / FILE_NAME).read_text(encoding="utf-8"))
        known = {f.name for f in fields(Settings)}
        return Settings(**{k: v for k, v in data.items() if k in known}).clean()
    except (OSError, ValueError, TypeError):
        return Settings()


def save(settings: Settings, folder: Path) -> bool:
    """Write atomically (temp file, then rename); False if the folder cannot be written."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / (FILE_NAME + ".tmp")
        tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, folder / FILE_NAME)
        return True
    except OSError:
        return False

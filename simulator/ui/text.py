"""Text helpers: escaping for pygame_gui's HTML subset, highlighted spans, wrapping and measuring."""
from __future__ import annotations

import functools
import html
import unicodedata

import pygame

from simulator.tags import NEGATIVE
from simulator.ui.theme import FONT_DIR
from simulator.wording import tag_name

GOOD = "#7fdc8c"
BAD = "#ff8a7a"


# Format and control characters (zero-width space, BOM, bidi marks ...) render with no width, and pygame_gui
# raises "Text has zero width" on a run made only of them: they never reach a widget.
_INVISIBLE = {"Cc", "Cf", "Cs", "Co"}


def displayable(text, keep_newlines: bool = False) -> str:
    """NFC text without invisible characters; a lone combining mark gets a dotted circle to sit on."""
    text = unicodedata.normalize("NFC", str(text))
    out = []
    for ch in text:
        if ch == "\n" and keep_newlines:
            out.append(ch)
        elif unicodedata.category(ch) in _INVISIBLE:
            out.append(" " if ch in "\t\r\n" else "")
        elif unicodedata.category(ch) in ("Mn", "Me") and (not out or out[-1] in " \n"):
            out.append("\u25cc" + ch)
        else:
            out.append(ch)
    return "".join(out)


def esc(text) -> str:
    """Customer or trainee text, safe inside a UITextBox or UILabel (NFC, HTML-escaped, nothing invisible)."""
    return html.escape(displayable(text, keep_newlines=True), quote=True).replace("\n", "<br>")


def plain(text) -> str:
    """Text for a button or label: NFC, one line, nothing invisible."""
    return displayable(text)


def highlight(text: str, spans: list[dict]) -> str:
    """`text` escaped, with each tagged stretch in colour and the names of its moves after it in brackets.

    Spans that overlap ("I'll rebook" is both own and resolve) make one stretch with every tag named, so no move
    the trainee earned is hidden. A move the word model read (a span with "guessed") is named in italics."""
    text = unicodedata.normalize("NFC", text)
    groups: list[list] = []  # [start, end, tags]
    guessed: set[str] = set()  # moves the word model read, not a pattern: named in italics
    for span in sorted(spans or (), key=lambda s: (s.get("start", 0), -s.get("end", 0))):
        start, end = int(span.get("start", 0)), int(span.get("end", 0))
        if start < 0 or end <= start or end > len(text):
            continue
        tag = str(span.get("tag", ""))
        if span.get("guessed"):
            guessed.add(tag)
        if groups and start < groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], end)
            if tag not in groups[-1][2]:
                groups[-1][2].append(tag)
        else:
            groups.append([start, end, [tag]])
    out, pos = [], 0
    for start, end, tags in groups:
        colour = BAD if any(t in NEGATIVE for t in tags) else GOOD
        names = ", ".join(_name(t, t in guessed) for t in tags)
        out.append(esc(text[pos:start]))
        out.append(f'<b><font color="{colour}">{esc(text[start:end])}</font></b> [{names}]')
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out)


def _name(tag: str, guessed: bool) -> str:
    name = f'<font color="{BAD if tag in NEGATIVE else GOOD}">{esc(tag_name(tag))}</font>'
    return f"<i>{name}</i>" if guessed else name


@functools.lru_cache(maxsize=16)
def font(size: int, bold: bool = False) -> pygame.font.Font:
    name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
    return pygame.font.Font(str(FONT_DIR / name), size)


def text_width(text: str, size: int, bold: bool = False) -> int:
    return font(size, bold).size(text)[0]


def wrapped_lines(text: str, size: int, width: int, measure=None) -> int:
    """How many lines `text` takes when wrapped at `width` pixels (`measure`: a font with `.size()`)."""
    f = measure or font(size)
    lines, current = 0, ""
    for paragraph in text.split("\n"):
        current = ""
        lines += 1
        for word in paragraph.split(" "):
            trial = f"{current} {word}" if current else word
            if f.size(trial)[0] <= width or not current:
                current = trial
                while f.size(current)[0] > width and len(current) > 1:   # a word longer than the line
                    cut = max(1, int(len(current) * width / f.size(current)[0]))
                    current = current[cut:]
                    lines += 1
            else:
                lines += 1
                current = word
    return max(1, lines)

"""The matching copy of a reply: folded for comparison, with a map back to the NFC text.

Folding: Romanian cedilla letters to comma letters, casefold, diacritics stripped, curly quotes to ', runs of
space to one space. Patterns are written against this copy, so a trainer writes `imi pare rau` once and it also
matches "Îmi pare rău", "ÎMI PARE RĂU" and "îmi pare rau".
"""
from __future__ import annotations

import functools
import unicodedata

_SPECIAL = {
    "ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț",
    "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
    "ı": "i",
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-",
    "\u2026": "...",
}


@functools.lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """The folded form of one character (may be empty or longer than one)."""
    ch = _SPECIAL.get(ch, ch)
    if ch.isspace():
        return " "
    out = []
    for c in unicodedata.normalize("NFD", ch.casefold()):
        if unicodedata.combining(c):
            continue
        out.append(_SPECIAL.get(c, c))
    return "".join(out)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> tuple[str, list[int], list[int]]:
    """Fold NFC `text`. Returns (folded, starts, ends): folded[i] comes from text[starts[i]:ends[i]]."""
    if text.isascii() and text.isprintable() and "`" not in text and "  " not in text \
            and not text.startswith(" ") and not text.endswith(" "):
        # the common case: plain ASCII, single spaces: folding is lower case, character for character
        n = len(text)
        return text.lower(), list(range(n)), list(range(1, n + 1))
    parts = list(map(fold_char, text))
    folded = "".join(parts)
    if len(folded) == len(text) and "" not in parts and "  " not in folded \
            and not folded.startswith(" ") and not folded.endswith(" "):
        # most replies with diacritics ("Przepraszam, już wymieniam"): still one character for one
        n = len(text)
        return folded, list(range(n)), list(range(1, n + 1))
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    prev_space = True  # drops leading space too
    for i, ch in enumerate(text):
        f = fold_char(ch)
        if not f:
            continue
        if f == " ":
            if prev_space:
                continue
            prev_space = True
        else:
            prev_space = False
        for c in f:
            chars.append(c)
            starts.append(i)
            ends.append(i + 1)
    if chars and chars[-1] == " ":
        chars.pop(); starts.pop(); ends.pop()
    return "".join(chars), starts, ends


def fold_plain(text: str) -> str:
    """The folded form alone (for examples and vocabulary)."""
    return fold(nfc(text))[0]

"""Regenerate the word lists from wordfreq: python -m simulator.analyzer.lexicon [LANG ...]  (pip install wordfreq)."""
from __future__ import annotations

import re
import sys

from simulator.analyzer._normalize import fold_plain
from simulator.analyzer._patterns import LANGS
from simulator.analyzer.lexicon import DIR, MIN_LEN, MIN_ZIPF

_LETTERS = re.compile(rf"[a-z]{{{MIN_LEN},}}")  # folded Latin words only (drops digits and other scripts)


def main(argv: list[str]) -> int:
    try:
        import wordfreq
    except ImportError:
        print("needs wordfreq: pip install wordfreq", file=sys.stderr)
        return 1
    least = 10 ** (MIN_ZIPF - 9)  # Zipf z is log10 of frequency per billion words
    for lang in argv or LANGS:
        found = {fold_plain(w) for w, f in wordfreq.get_frequency_dict(lang).items() if f >= least}
        kept = sorted(w for w in found if _LETTERS.fullmatch(w))
        (DIR / f"{lang}.txt").write_text("\n".join(kept) + "\n", encoding="utf-8")
        print(f"{lang}: {len(kept)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

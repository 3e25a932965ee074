"""Interface translations: one gettext domain, five catalogs, switched at run time.

Scenes call `_()` each time they build their widgets, so switching the language and rebuilding the scene is
all it takes for the whole interface to change at once. The compiled `.mo` files are committed beside their
`.po` sources so that a fresh clone works without a build step; `python -m simulator.i18n` recompiles them
(Babel is needed only for that, never at run time).
"""
from __future__ import annotations

import gettext
import sys
from pathlib import Path

DOMAIN = "simulator"
LOCALE_DIR = Path(__file__).with_name("locale")
#: Language code -> its own name, in the order the start scene offers them.
LANGUAGES = {"en": "English", "es": "Español", "it": "Italiano", "pl": "Polski", "ro": "Română"}

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def set_language(lang: str) -> str:
    """Switch every later `_()` to `lang` (unknown codes fall back to English); returns the code in use."""
    global _translations, _language
    if lang not in LANGUAGES:
        lang = "en"
    _translations = gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[lang], fallback=True)
    _language = lang
    return lang


def language() -> str:
    return _language


def _(message: str) -> str:
    """The message in the current language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a message for extraction without translating it yet (it is translated where it is shown)."""
    return message


def compile_catalogs(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Compile every `<lang>/LC_MESSAGES/simulator.po` into its `.mo` (needs Babel). Returns the files written."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po_path in sorted(locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with po_path.open("rb") as f:
            catalog = read_po(f, locale=po_path.parts[-3])
        mo_path = po_path.with_suffix(".mo")
        with mo_path.open("wb") as f:
            write_mo(f, catalog, use_fuzzy=False)
        written.append(mo_path)
    return written


if __name__ == "__main__":
    for path in compile_catalogs():
        print(path, file=sys.stderr)

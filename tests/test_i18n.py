"""Catalogs: every message translated in every language, placeholders kept, compiled files up to date."""
from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import pytest

from simulator import i18n

babel = pytest.importorskip("babel")
from babel.messages.pofile import read_po  # noqa: E402

LOCALE = i18n.LOCALE_DIR
SCENES = Path(i18n.__file__).parent / "ui" / "scenes"
PLACEHOLDER = re.compile(r"%(?:\([a-z_]+\))?[+]?[ds%]")


def catalog(lang):
    with (LOCALE / lang / "LC_MESSAGES" / "simulator.po").open("rb") as f:
        return read_po(f, locale=lang)


def template_ids():
    with (LOCALE / "simulator.pot").open("rb") as f:
        return {m.id for m in read_po(f) if m.id}


@pytest.mark.parametrize("lang", ["es", "it", "pl", "ro"])
def test_every_message_translated_with_same_placeholders(lang):
    cat = catalog(lang)
    ids = template_ids()
    translated = {m.id: m.string for m in cat if m.id}
    assert ids <= set(translated), ids - set(translated)
    for mid in ids:
        assert translated[mid], f"{lang}: {mid!r} untranslated"
        assert sorted(PLACEHOLDER.findall(mid)) == sorted(PLACEHOLDER.findall(translated[mid])), (lang, mid)


@pytest.mark.parametrize("lang", ["en", "es", "it", "pl", "ro"])
def test_compiled_mo_matches_po(lang):
    mo = gettext.GNUTranslations((LOCALE / lang / "LC_MESSAGES" / "simulator.mo").open("rb"))
    for m in catalog(lang):
        if m.id and m.string:
            assert mo.gettext(m.id) == m.string


def test_switching_language_switches_messages():
    try:
        assert i18n.set_language("pl") == "pl" and i18n._("Play") == "Graj"
        assert i18n.set_language("ro") == "ro" and i18n._("Settings") == "Setări"
        assert i18n.set_language("es") == "es" and "¿" in i18n._(
            "Put scenario files in a folder and start the game with --scenarios FOLDER.")
        assert i18n.set_language("xx") == "en" and i18n._("Play") == "Play"
    finally:
        i18n.set_language("en")


def test_every_marked_message_is_in_the_template():
    """Messages translated in the code (also those in f-strings via words.IN_F_STRINGS) are all extracted."""
    ids = template_ids()
    found = set()
    for path in (SCENES.parent).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "N_")
                    and node.args and isinstance(node.args[0], ast.Constant)):
                found.add(node.args[0].value)
    assert found <= ids, found - ids


def test_no_hard_coded_text_in_scenes():
    """Widget text in a scene is never a bare literal with letters: it goes through _()."""
    widgets = {"UIButton", "UILabel", "UITextBox", "UITextEntryLine"}
    offenders = []
    for path in SCENES.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in widgets:
                args = list(node.args[1:2]) + [k.value for k in node.keywords
                                                if k.arg in ("text", "html_text", "placeholder_text")]
                for arg in args:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and re.search(
                            r"[A-Za-z]{2}", arg.value):
                        offenders.append(f"{path.name}:{node.lineno}: {arg.value!r}")
    assert not offenders, offenders

"""Highlighted typed replies: every recognised move is named, in the player's language, and the text is escaped."""
from __future__ import annotations

from simulator.i18n import set_language
from simulator.ui.text import highlight


def test_overlapping_spans_name_every_move():
    html = highlight("I'll rebook you now", [{"tag": "own", "start": 0, "end": 11},
                                             {"tag": "resolve", "start": 0, "end": 11}])
    assert "I&#x27;ll rebook" in html and "Own it" in html and "Resolve" in html
    assert html.endswith(" you now")


def test_nested_and_separate_spans():
    text = "I'll call you tonight, so sorry"
    html = highlight(text, [{"tag": "own", "start": 0, "end": 9}, {"tag": "follow_up", "start": 0, "end": 21},
                            {"tag": "apologize", "start": 23, "end": 31}])
    assert html.count("<b>") == 2 and "Follow up" in html and "Apologise" in html


def test_bad_spans_are_skipped_and_text_is_escaped():
    html = highlight("<b>hi</b>", [{"tag": "dismiss", "start": 5, "end": 99}, {"tag": "listen", "start": 3, "end": 3}])
    assert html == "&lt;b&gt;hi&lt;/b&gt;"


def test_move_names_follow_the_language():
    set_language("pl")
    try:
        html = highlight("Przepraszam", [{"tag": "apologize", "start": 0, "end": 11}])
    finally:
        set_language("en")
    assert "Apologise" not in html and "[" in html


def test_a_move_the_word_model_read_is_named_in_italics():
    html = highlight("I'll rebook you now", [{"tag": "own", "start": 0, "end": 11},
                                             {"tag": "resolve", "start": 0, "end": 11, "guessed": True}])
    assert "<i>" in html and html.index("<i>") > html.index("Own it") and "Resolve</font></i>" in html

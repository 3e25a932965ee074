"""Headless scene tests: the game driven by posted pygame events, asserting on state and text (never pixels)."""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import pytest

pygame = pytest.importorskip("pygame")
pytest.importorskip("pygame_gui")

from pygame_gui.elements import UIButton, UILabel, UITextBox, UITextEntryLine  # noqa: E402

from simulator import i18n  # noqa: E402
from simulator.ui.app import App  # noqa: E402
from simulator.ui.scenes.start import StartScene  # noqa: E402

SCENARIO = """\
title: Zażółć gęślą jaźń
setting: A café, ș ț ă ñ ¿ à
difficulty: easy
situation: The customer got the wrong sandwich.
customer:
  name: Ms Rossi
  temperament: impatient
failure: {kind: outcome, severity: minor, first_failure: true, preventable: false}
mood: 60
loyalty: 70
nodes:
  opening:
    vent: true
    say: "This is ham. I said vegetarian, twice!"
    replies:
      - text: "I'm so sorry, that's our mistake. Tell me what happened?"
        tags: [apologize, own, listen]
        feedback: You apologised at once.
        next: fix
      - text: "The kitchen has been slammed all morning."
        tags: [excuse]
        feedback: An excuse.
        better: "I'm so sorry, that's our mistake."
        next: fix
  fix:
    say: "I just need lunch before my meeting."
    replies:
      - text: "I'll make you a fresh vegetarian sandwich right now, and the cake is on us."
        tags: [resolve, extra_mile]
        compensation: small
        feedback: A fast fix.
        next: happy_end
endings:
  happy_end:
    kind: resolved
    say: "That's very kind of you. Thank you!"
    summary: She leaves with the right sandwich.
  walked_out:
    kind: walked_out
    say: "Forget it."
    summary: She walked out.
"""


@pytest.fixture
def scenario_dir(tmp_path):
    folder = tmp_path / "scenarios"
    (folder / "en").mkdir(parents=True)
    (folder / "en" / "sandwich.yaml").write_text(SCENARIO, encoding="utf-8")
    (folder / "en" / "broken.yaml").write_text("title: [unclosed\nnodes: {\n", encoding="utf-8")
    for lang in ("pl", "ro"):
        (folder / lang).mkdir()
        (folder / lang / "sandwich.yaml").write_text(SCENARIO, encoding="utf-8")
    return folder


@pytest.fixture
def app(tmp_path, scenario_dir):
    i18n.set_language("en")
    a = App(data_dir=tmp_path / "data", scenario_dirs=[], size=(1024, 600), speech="none", shipped=scenario_dir)
    a.push(StartScene(a))
    a.frame(0.016)
    yield a
    a.close()
    i18n.set_language("en")


def press(app, key, mod=0, unicode="", frames=2):
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=unicode, scancode=0))
    for _ in range(frames):
        app.frame(0.016)


def type_text(app, text):
    for ch in text:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
    app.frame(0.016)


def focus_on(app, element):
    for _ in range(len(app.scene.focus.items) + 1):
        if app.scene.focus.current is element:
            return
        press(app, pygame.K_TAB, frames=1)
    raise AssertionError("could not reach the element with Tab")


def select_scenario(app, title_part):
    start = app.scene
    focus_on(app, start.list.current_button)
    while start.selected > 0:
        press(app, pygame.K_UP, frames=1)
    for _ in range(len(start.entries)):
        if title_part in start.entry_label(start.entries[start.selected]):
            return
        press(app, pygame.K_DOWN, frames=1)
    raise AssertionError(title_part)


def texts(app):
    """The text of every visible button, label and text box of the top scene."""
    out = []
    for element in app.manager.get_sprite_group().sprites():
        if isinstance(element, (UIButton, UILabel)) and element.visible:
            out.append(element.text)
        elif isinstance(element, UITextBox) and element.visible:
            out.append(element.html_text)
    return out


def play_to_end(app):
    for _ in range(20):
        if app.scene.name != "play":
            return
        if app.scene.engine.over:
            press(app, pygame.K_RETURN)
        else:
            press(app, pygame.K_1)


def test_start_lists_scenarios_and_broken_one_with_its_error(app):
    start = app.scene
    assert start.name == "start"
    labels = [start.entry_label(e) for e in start.entries]
    assert any("Zażółć gęślą jaźń" in label for label in labels)
    broken = next(e for e in start.entries if not e.ok)
    assert "broken.yaml" in broken.error and ":" in broken.error
    select_scenario(app, "broken.yaml")
    assert "broken.yaml" in start.details.html_text
    assert not start.play_button.is_enabled


def test_whole_scenario_by_keys_saves_before_debrief(app):
    select_scenario(app, "Zażółć")
    press(app, pygame.K_RETURN)
    assert app.scene.name == "play"
    play = app.scene
    press(app, pygame.K_SPACE)                     # show the whole line at once
    assert "vegetarian" in play.line_box.html_text
    press(app, pygame.K_1)
    assert len(play.engine.turns) == 1
    press(app, pygame.K_1)
    assert play.engine.over and app.scene is play
    saved = app.store.list()
    assert len(saved) == 1 and saved[0]["id"] == play.record["id"]      # saved before the debrief shows
    press(app, pygame.K_RETURN)
    assert app.scene.name == "debrief"
    joined = " ".join(texts(app))
    assert "Score" in joined and "Loyalty" in joined
    assert "I&#x27;m so sorry" in joined or "I'm so sorry" in joined


def test_typed_reply_is_sent_with_enter(app):
    select_scenario(app, "Zażółć")
    press(app, pygame.K_RETURN)
    play = app.scene
    focus_on(app, play.entry)
    assert app.typing()
    type_text(app, "I'm so sorry, that's our mistake <b>ąę</b>")
    press(app, pygame.K_RETURN)
    turn = play.engine.turns[-1]
    assert turn.typed and turn.text == "I'm so sorry, that's our mistake <b>ąę</b>"
    assert "&lt;b&gt;ąę&lt;/b&gt;" in play.log_html


def test_typing_anywhere_starts_a_typed_reply(app):
    select_scenario(app, "Zażółć")
    press(app, pygame.K_RETURN)
    play = app.scene
    assert not app.typing() and play.focus.current is play.reply_buttons[0]
    type_text(app, "Ściśle mówiąc, sorry")      # a letter goes to the box, which takes the focus and the rest
    assert app.typing() and play.entry.get_text() == "Ściśle mówiąc, sorry"
    press(app, pygame.K_RETURN)
    assert play.engine.turns[-1].typed and play.engine.turns[-1].text == "Ściśle mówiąc, sorry"


def test_digits_and_space_still_pick_and_skip(app):
    select_scenario(app, "Zażółć")
    press(app, pygame.K_RETURN)
    play = app.scene
    type_text(app, " ")
    assert not app.typing() and play.entry.get_text() == ""
    press(app, pygame.K_1, unicode="1")
    type_text(app, "1")
    assert len(play.engine.turns) == 1 and not play.engine.turns[0].typed and play.entry.get_text() == ""


def test_escape_pauses_and_resume_and_restart(app):
    select_scenario(app, "Zażółć")
    press(app, pygame.K_RETURN)
    press(app, pygame.K_1)
    press(app, pygame.K_ESCAPE)
    assert app.scene.name == "pause"
    press(app, pygame.K_RETURN)                    # Resume is focused first
    assert app.scene.name == "play" and len(app.scene.engine.turns) == 1
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)                    # Restart
    assert app.scene.name == "play" and len(app.scene.engine.turns) == 0


def test_retry_from_a_turn(app):
    select_scenario(app, "Zażółć")
    press(app, pygame.K_RETURN)
    play_to_end(app)
    debrief = app.scene
    assert debrief.name == "debrief" and debrief.retry_turn == 2
    focus_on(app, debrief.by_key["retry_turn"])
    press(app, pygame.K_LEFT)
    assert debrief.retry_turn == 1
    press(app, pygame.K_RIGHT)
    press(app, pygame.K_RETURN)                    # retry from turn 2: turn 1 replayed
    assert app.scene.name == "play"
    assert len(app.scene.engine.turns) == 1 and not app.scene.engine.over


def test_second_attempt_shows_change_from_previous(app):
    for _ in range(2):
        select_scenario(app, "Zażółć")
        press(app, pygame.K_RETURN)
        play_to_end(app)
        assert app.scene.name == "debrief"
        press(app, pygame.K_ESCAPE)
    assert app.scene.name == "start"
    select_scenario(app, "Zażółć")
    press(app, pygame.K_RETURN)
    play_to_end(app)
    assert "Previous attempt" in app.scene.summary_box.html_text
    focus_on(app, app.scene.by_key["history"])
    press(app, pygame.K_RETURN)
    assert app.scene.name == "history"
    assert "3 attempts" in app.scene.box.html_text


def test_language_switch_changes_the_whole_interface(app):
    start = app.scene
    polski = next(b for b, code in start.lang_buttons.items() if code == "pl")
    focus_on(app, polski)
    press(app, pygame.K_RETURN)
    assert i18n.language() == "pl" and app.settings.lang == "pl"
    joined = " ".join(texts(app))
    assert "Graj" in joined and "Ustawienia" in joined and "Twoje imię:" in joined
    assert "Settings" not in joined
    romana = next(b for b, code in app.scene.lang_buttons.items() if code == "ro")
    focus_on(app, romana)
    press(app, pygame.K_RETURN)
    assert "Setări" in " ".join(texts(app))


def test_name_is_kept_for_next_time(app, tmp_path, scenario_dir):
    focus_on(app, app.scene.name_entry)
    type_text(app, "Łucja Ștefănescu")
    press(app, pygame.K_RETURN)
    app.close()
    again = App(data_dir=tmp_path / "data", size=(1024, 600), speech="none", shipped=scenario_dir)
    again.push(StartScene(again))
    assert again.scene.name_entry.get_text() == "Łucja Ștefănescu"
    again.close()


def _inside(app):
    window = pygame.Rect((0, 0), app.size)
    bad = []
    for element in app.manager.get_sprite_group().sprites():
        if isinstance(element, (UIButton, UILabel, UITextBox, UITextEntryLine)) and element.visible:
            if not window.contains(element.rect) or element.rect.h < 20:
                bad.append((type(element).__name__, element.rect))
    return bad


@pytest.mark.parametrize("lang", ["en", "pl", "ro"])
def test_largest_text_fits_1024x600_in_every_scene(app, lang):
    app.set_text_size(2)
    app.set_language(lang)
    assert not _inside(app), "start"
    settings = next(b for b, k in app.scene.action_buttons.items() if k == "settings")
    focus_on(app, settings)
    press(app, pygame.K_RETURN)
    assert app.scene.name == "settings" and not _inside(app)
    press(app, pygame.K_ESCAPE)
    select_scenario(app, "Zażółć")
    press(app, pygame.K_RETURN)
    assert app.scene.name == "play" and not _inside(app)
    play_to_end(app)
    assert app.scene.name == "debrief" and not _inside(app)


def test_resize_reflows(app):
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(1400, 900), w=1400, h=900))
    app.frame(0.016)
    assert app.size == (1400, 900)
    assert max(b.rect.right for b in app.scene.action_buttons) <= 1400
    assert app.scene.details.rect.right > 1024


def test_play_log_opens_on_whole_lines(app):
    """Scrolled to its end, the log shows no half line at its top (it gives that strip up as a gap instead)."""
    from simulator.ui.scenes.play import _clipped_top
    press(app, pygame.K_RETURN)
    scene = app.scene
    scrolled = 0
    for n in range(10, 40, 2):  # logs of many lengths: some would end on a half line without the trim
        scene.log_html = "<br>".join(f"<b>Ms Rossi:</b> line {k} " + "ż ș ñ " * (k % 9) * 3 for k in range(n))
        scene.build_ui()
        if scene.log_box.scroll_bar is not None:
            scrolled += 1
            assert _clipped_top(scene.log_box) == 0, n
    assert scrolled >= 5

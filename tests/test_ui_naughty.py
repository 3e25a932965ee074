"""Every string of the Big List of Naughty Strings as a name and as a typed reply: nothing crashes."""
from __future__ import annotations

import json
import os
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import pytest

pygame = pytest.importorskip("pygame")
pytest.importorskip("pygame_gui")

from simulator import i18n  # noqa: E402
from simulator.ui import settings as user_settings  # noqa: E402
from simulator.ui import text as text_mod  # noqa: E402
from simulator.ui.app import App  # noqa: E402
from simulator.ui.scenes.debrief import DebriefScene  # noqa: E402
from simulator.ui.scenes.history import HistoryScene  # noqa: E402
from simulator.ui.scenes.play import PlayScene  # noqa: E402
from simulator.ui.scenes.start import StartScene  # noqa: E402
from tests.test_ui_scenes import SCENARIO  # noqa: E402

BLNS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "naughty-strings" / "blns.json"


@pytest.mark.skipif(not BLNS.exists(), reason="the naughty-strings corpus is not here")
def test_every_naughty_string_as_name_and_typed_reply(tmp_path):
    strings = json.loads(BLNS.read_text(encoding="utf-8"))
    folder = tmp_path / "scenarios" / "en"
    folder.mkdir(parents=True)
    (folder / "s.yaml").write_text(SCENARIO, encoding="utf-8")
    i18n.set_language("en")
    app = App(data_dir=tmp_path / "data", size=(1024, 600), speech="none", shipped=tmp_path / "scenarios")
    try:
        app.push(StartScene(app))
        scenario = app.scene.entries[0].scenario
        for i, s in enumerate(strings):
            app.settings.name = user_settings.clean_name(s)
            app.save_settings()
            assert user_settings.load(app.data_dir).name == app.settings.name
            play = PlayScene.new(app, scenario)
            app.replace(play)
            play.focus.focus(play.entry)
            for ch in s[:300]:
                pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
            app.frame(0.016)
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r"))
            app.frame(0.016)
            app.frame(0.016)
            if s.strip() and text_mod.displayable(s).strip():
                assert play.engine.turns, repr(s)
            play.send_typed(s)          # the raw string too, straight to the engine and the log
            app.frame(0.016)
            if i % 5 == 0:              # the rest of the path for a fifth of them, to keep the test quick
                play.finish()
                app.replace(DebriefScene(app, play.engine, play.record, play.previous, play.save_error))
                app.frame(0.016)
        app.push(HistoryScene(app))
        app.frame(0.016)
        app.replace(StartScene(app))
        app.frame(0.016)
    finally:
        app.close()

"""Speech: every language spoken to a file by espeak-ng (measured with sox), and silence when nothing works."""
from __future__ import annotations

import os
import shutil
import subprocess
import time

os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest

from simulator.speech import NullSpeaker, espeak_cli, make_speaker
from simulator.speech.voices import VOICES, clean, prosody
from simulator.speech.worker import SynthWorker

LINES = {
    "en": "I said vegetarian, twice, and this is ham.",
    "es": "¿Cómo que cancelado? Mañana se casa mi hermana.",
    "it": "Ho ordinato un panino vegetariano, non questo.",
    "pl": "Zamawiałam kanapkę wegetariańską, a dostałam z szynką. Źle, że żółć!",
    "ro": "Am comandat un sandviș vegetarian și am primit unul cu șuncă, țineți minte.",
}
needs_espeak = pytest.mark.skipif(not (shutil.which("espeak-ng") and shutil.which("soxi")),
                                  reason="espeak-ng and sox are needed")


@needs_espeak
@pytest.mark.parametrize("lang", sorted(LINES))
def test_espeak_speaks_each_language_to_a_file(lang, tmp_path):
    out = tmp_path / f"{lang}.wav"
    assert espeak_cli.synthesize(LINES[lang], lang, "angry", str(out))
    seconds = float(subprocess.run(["soxi", "-D", str(out)], capture_output=True, text=True, check=True).stdout)
    assert 1.0 < seconds < 15.0


@needs_espeak
def test_mood_changes_rate(tmp_path):
    lengths = {}
    for mood in ("calm", "furious"):
        out = tmp_path / f"{mood}.wav"
        espeak_cli.synthesize(LINES["en"], "en", mood, str(out))
        lengths[mood] = float(subprocess.run(["soxi", "-D", str(out)], capture_output=True, text=True).stdout)
    assert lengths["furious"] < lengths["calm"]
    assert prosody("furious")[1] > prosody("calm")[1]


def test_voices_cover_every_language():
    assert set(VOICES) == {"en", "es", "it", "pl", "ro"}
    assert all(not v.startswith("mb/") for v in VOICES.values())


def test_clean_removes_control_characters():
    assert clean("a\x00b\x1bc\n") == "a b c"
    assert len(clean("x" * 5000)) == 1000


def test_voice_off_or_no_engine_is_silent():
    assert isinstance(make_speaker(enabled=False), NullSpeaker)
    assert isinstance(make_speaker(backend="none"), NullSpeaker)
    speaker = NullSpeaker()
    speaker.say("hello", "en", "calm")
    speaker.update()
    assert speaker.speaking_length() is None


def test_worker_survives_a_failing_synthesiser():
    def broken():
        raise RuntimeError("no engine")

    worker = SynthWorker(broken)
    worker.request("hello", "en", "calm")
    time.sleep(0.1)
    assert worker.poll() is None
    worker.close()


def test_worker_keeps_only_the_newest_line(tmp_path):
    made = []

    def synth(text, lang, mood, path):
        time.sleep(0.05)
        made.append(text)
        open(path, "wb").close()
        return True

    worker = SynthWorker(lambda: synth)
    for i in range(5):
        worker.request(f"line {i}", "en", "calm")
    deadline = time.time() + 3
    result = None
    while result is None and time.time() < deadline:
        result = worker.poll()
        time.sleep(0.01)
    assert result is not None and result[0] == worker.latest
    assert "line 4" in made and len(made) < 5
    worker.close()


@needs_espeak
def test_mixer_speaker_plays_without_blocking():
    pygame = pytest.importorskip("pygame")
    pygame.init()
    try:
        speaker = make_speaker(backend="espeak-ng")
        if isinstance(speaker, NullSpeaker):
            pytest.skip("no audio device, not even the dummy one")
        t0 = time.perf_counter()
        speaker.say(LINES["pl"], "pl", "furious")
        assert time.perf_counter() - t0 < 0.05           # say() only queues
        deadline = time.time() + 10
        while speaker.speaking_length() is None and time.time() < deadline:
            t1 = time.perf_counter()
            speaker.update()
            assert time.perf_counter() - t1 < 0.05
            time.sleep(0.01)
        assert speaker.speaking_length() and speaker.speaking_length() > 1
        speaker.close()
    finally:
        pygame.quit()

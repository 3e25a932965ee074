"""The parsed-pattern cache: same data as the YAML, never stale, never a reason to fail."""
from __future__ import annotations

import shutil

import pytest

from simulator.analyzer import _patterns


@pytest.fixture
def pattern_copy(tmp_path, monkeypatch):
    """A private copy of the Polish pattern file and an empty cache; load() reads them, freshly."""
    folder = tmp_path / "patterns"
    folder.mkdir()
    shutil.copy(_patterns.PATTERN_DIR / "pl.yaml", folder / "pl.yaml")
    monkeypatch.setattr(_patterns, "PATTERN_DIR", folder)
    monkeypatch.setenv("SIMULATOR_CACHE_DIR", str(tmp_path / "cache"))
    _patterns.load.cache_clear()
    yield folder / "pl.yaml", tmp_path / "cache" / "analyzer"
    _patterns.load.cache_clear()


def _shape(data):
    return [(e.id, e.tag, e.pattern, e.suppress, e.negatable, e.examples) for e in data.entries], data.vocab


def test_a_cached_file_loads_the_same_entries(pattern_copy):
    _, cache = pattern_copy
    first = _patterns.load("pl")
    assert len(list(cache.glob("pl-*.json"))) == 1
    _patterns.load.cache_clear()
    again = _patterns.load("pl")
    assert again is not first and _shape(again) == _shape(first)


def test_an_edited_file_is_read_again_not_its_old_copy(pattern_copy):
    path, cache = pattern_copy
    _patterns.load("pl")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("patterns:\n", "patterns:\n- id: own.test_cache\n  tag: own\n"
                                 "  match: \"zrobi[eę] to od r[eę]ki\"\n", 1), encoding="utf-8")
    _patterns.load.cache_clear()
    assert "own.test_cache" in {e.id for e in _patterns.load("pl").entries}
    assert len(list(cache.glob("pl-*.json"))) == 2


def test_a_broken_or_unwritable_cache_costs_only_time(pattern_copy, tmp_path, monkeypatch):
    _, cache = pattern_copy
    expected = _shape(_patterns.load("pl"))
    for kept in cache.glob("pl-*.json"):
        kept.write_text('{"patterns": [', encoding="utf-8")  # cut short
    _patterns.load.cache_clear()
    assert _shape(_patterns.load("pl")) == expected
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("SIMULATOR_CACHE_DIR", str(blocker))  # the cache folder cannot be made
    _patterns.load.cache_clear()
    assert _shape(_patterns.load("pl")) == expected


def test_a_file_with_a_problem_is_never_cached(pattern_copy):
    path, cache = pattern_copy
    path.write_text(path.read_text(encoding="utf-8").replace("defs:\n", "defs:\n  broken: \"(unclosed\"\n", 1),
                    encoding="utf-8")
    with pytest.raises(ValueError, match="P006"):
        _patterns.load("pl")
    assert not list(cache.glob("pl-*.json"))


def test_a_cached_copy_of_the_wrong_shape_is_parsed_again(pattern_copy):
    _, cache = pattern_copy
    expected = _shape(_patterns.load("pl"))
    for kept in cache.glob("pl-*.json"):
        kept.write_text('{"patterns": [{"id": 3, "match": {"x": []}}], "defs": [1]}', encoding="utf-8")
    _patterns.load.cache_clear()
    assert _shape(_patterns.load("pl")) == expected

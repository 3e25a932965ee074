"""Every input of the YAML test suite, fed to the loader: a clean result or clean diagnostics, never an exception.

The corpus lives beside the repository, in ../shared/corpora/yaml-test-suite/ (its manifest.json lists the files).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.loader import Diagnostic, LoadResult, load_text

CORPUS = Path(__file__).resolve().parent.parent / ".." / "shared" / "corpora" / "yaml-test-suite"
MANIFEST = CORPUS / "manifest.json"
ENTRIES = json.loads(MANIFEST.read_text(encoding="utf-8")) if MANIFEST.is_file() else []
CODES = {f"E{n:03d}" for n in range(1, 14)} | {f"W{n}" for n in range(101, 106)}


def test_corpus_is_there():
    if not MANIFEST.is_file():
        pytest.skip(f"the YAML test suite corpus is missing ({MANIFEST}); ../shared is not checked out here")
    assert len(ENTRIES) > 100


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["file"] for e in ENTRIES])
def test_corpus_file_loads_cleanly(entry):
    data = (CORPUS / entry["file"]).read_bytes()
    res = load_text(data, path=entry["file"])
    assert isinstance(res, LoadResult)
    assert all(isinstance(d, Diagnostic) and d.code in CODES for d in res.diagnostics), \
        [d.render() for d in res.diagnostics if d.code not in CODES]
    for d in res.diagnostics:
        assert d.render().startswith(f"{entry['file']}:") or d.loc is None
    # None of these is a scenario. (libyaml accepts a few inputs the suite calls invalid, e.g. 9C9N, X4QW: those
    # are then refused for their fields, E004/E005, rather than as bad YAML.)
    assert not res.ok and res.scenario is None
    if entry["invalid_yaml"]:
        assert res.errors, "an invalid YAML file must give an error"

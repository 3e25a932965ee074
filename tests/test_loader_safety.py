"""Hostile and broken files: each gives its documented code, quickly, and never crashes or hangs.

The cases run in a child process: a C-level crash (libyaml's composer recurses on deep nesting) or a hang there
fails these tests instead of killing the test run. Times are printed, not asserted.
"""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))

CASES = {
    "billion_laughs": (BILLION_LAUGHS, "E012", 6),  # the first list that expands past the budget
    "recursive_alias": ("a: &x [1, *x]\n", "E012", 1),
    "deep_flow": ("[" * 10000, "E012", 1),
    "deep_flow_closed": ("x: " + "[" * 5000 + "]" * 5000 + "\n", "E012", 1),
    "deep_flow_huge": ("[" * 900_000, "E012", 1),
    "deep_block": ("".join("  " * i + "a:\n" for i in range(300)), "E012", 101),
    "deep_dashes": ("- " * 200_000 + "x\n", "E012", 1),
    "python_tag": ("title: !!python/object/apply:os.system [\"echo pwned\"]\n", "E013", 1),
    "python_name": ("title: !!python/name:os.system\n", "E013", 1),
    "empty": ("", "E002", 1),
    "blank": ("  \n\n   \n", "E002", 1),
    "comments_only": ("# just a comment\n  # another\n", "E002", 1),
    "bare_list": ("- a\n- b\n", "E003", 1),
    "bare_text": ("hello\n", "E003", 1),
    "two_documents": ("title: a\n---\ntitle: b\n", "E003", 2),
    "nul_byte": ("title: a\x00b\n", "E001", 1),
}

BYTE_CASES = {
    "latin1": (b"title: ok\nsetting: caf\xe9\n", "E002", 2),
    "utf16": ("title: a\n".encode("utf-16"), "E002", 1),
    "two_mib": (b"title: " + b"x" * (2 << 20) + b"\n", "E002", None),
}

RUNNER = textwrap.dedent('''
    import json, sys, time
    from simulator.loader import load_text, load_scenario
    cases = json.loads(sys.stdin.read())
    out = {}
    for name, (text, is_bytes) in cases.items():
        data = text.encode("latin-1") if is_bytes else text
        if name == "two_mib_file":
            t = time.perf_counter(); res = load_scenario(text)
        else:
            t = time.perf_counter(); res = load_text(data, path=name + ".yaml")
        took = time.perf_counter() - t
        out[name] = {"codes": [d.code for d in res.diagnostics],
                     "lines": [d.loc.line if d.loc else None for d in res.diagnostics],
                     "rendered": [d.render() for d in res.diagnostics], "seconds": took,
                     "scenario": res.scenario is not None}
    print(json.dumps(out))
''')


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    big = tmp_path_factory.mktemp("big") / "big.yaml"
    big.write_bytes(BYTE_CASES["two_mib"][0])
    payload = {name: (text, False) for name, (text, _, _) in CASES.items()}
    payload.update({name: (data.decode("latin-1"), True) for name, (data, _, _) in BYTE_CASES.items()})
    payload["two_mib_file"] = (str(big), False)
    proc = subprocess.run([sys.executable, "-c", RUNNER], input=json.dumps(payload), capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout)
    for name, r in sorted(out.items(), key=lambda kv: -kv[1]["seconds"]):
        print(f"{name:18s} {r['seconds'] * 1000:8.1f} ms  {r['codes']}")
    return out


@pytest.mark.parametrize("name", sorted(CASES) + sorted(BYTE_CASES))
def test_hostile_file_gives_its_code(results, name):
    _, code, line = CASES.get(name) or BYTE_CASES[name]
    r = results[name]
    assert not r["scenario"]
    assert r["codes"] and r["codes"][0] == code, r["rendered"]
    if line is not None:
        assert r["lines"][0] == line, r["rendered"]
    assert all(isinstance(text, str) and text for text in r["rendered"])


def test_big_file_rejected_before_reading(results):
    assert results["two_mib_file"]["codes"] == ["E002"]
    assert "1 MiB" in results["two_mib_file"]["rendered"][0]


def test_no_python_object_is_ever_built(tmp_path):
    from simulator.loader import load_text

    marker = tmp_path / "pwned"
    res = load_text(f'title: !!python/object/apply:os.system ["touch {marker}"]\n')
    assert not marker.exists() and "E013" in [d.code for d in res.errors]


def test_surrogates_in_text_are_reported():
    from simulator.loader import load_text

    res = load_text("title: a\ud800b\n")
    assert [d.code for d in res.errors] == ["E002"]

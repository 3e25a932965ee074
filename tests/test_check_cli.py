"""`python -m simulator check`: exit codes, every problem of every file in one run, the summary, --json."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from test_loader_cases import MINI, edit, line_of

REPO = Path(__file__).resolve().parent.parent


def check(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "simulator", "check", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_help():
    proc = check("--help")
    assert proc.returncode == 0 and "PATH" in proc.stdout


def test_valid_file_exits_0(tmp_path):
    path = write(tmp_path, "en/cold_soup.yaml", MINI)
    proc = check(str(path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "1 file checked: 0 errors, 0 warnings"


def test_warnings_alone_exit_0(tmp_path):
    path = write(tmp_path, "cold_soup.yaml", edit("        feedback: Done.\n", ""))
    proc = check(str(path))
    assert proc.returncode == 0 and "warning[W103]" in proc.stdout
    assert proc.stdout.strip().endswith("1 file checked: 0 errors, 1 warning")


def test_two_broken_files_every_problem_in_one_run(tmp_path):
    a = write(tmp_path, "a.yaml", edit("severity: minor", "severity: minr", edit("tags: [excuse]", "tags: [excuze]")))
    b = write(tmp_path, "b.yaml", MINI.encode().replace(b"A diner", b"A caf\xe9"))
    c = write(tmp_path, "c.yaml", edit("        feedback: Done.\n", ""))
    broken_yaml = write(tmp_path, "d.yaml", "title: [unclosed\n")
    proc = check(str(tmp_path))
    assert proc.returncode == 1
    out = proc.stdout
    assert "Traceback" not in out + proc.stderr
    expected = [
        f"{a}:{line_of('severity')}:13: error[E007]",
        f"{a}:{line_of('tags: [excuse]')}:16: error[E008]",
        f"{b}:{line_of('A diner')}:",
        f"{c}:{line_of('- id: serve')}:9: warning[W103]",
        f"{broken_yaml}:2:1: error[E001]",
    ]
    positions = [out.find(e) for e in expected]
    assert all(p >= 0 for p in positions), out
    assert positions == sorted(positions), "by file, then line"
    assert "did you mean 'minor'?" in out and "did you mean 'excuse'?" in out
    assert out.strip().splitlines()[-1] == "4 files checked: 4 errors, 1 warning"


def test_missing_path_is_named_and_the_rest_still_checked(tmp_path):
    good = write(tmp_path, "cold_soup.yaml", MINI)
    proc = check(str(tmp_path / "nope.yaml"), str(good))
    assert proc.returncode == 2
    assert "nope.yaml" in proc.stderr and "1 file checked" in proc.stdout


def test_no_path_is_bad_usage():
    proc = check()
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_json_output(tmp_path):
    path = write(tmp_path, "a.yaml", edit("severity: minor", "severity: minr"))
    proc = check("--json", str(path))
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert [(d["code"], d["line"], d["hint"]) for d in data] == [("E007", line_of("severity"), "did you mean 'minor'?")]


def test_folder_with_non_scenario_files_and_pattern_files(tmp_path):
    write(tmp_path, "scenarios/README.md", "# not yaml\n")
    write(tmp_path, "scenarios/en/cold_soup.yaml", MINI)
    write(tmp_path, "scenarios/en/notes.yml", "- a list, not a scenario\n")
    patterns = write(tmp_path, "patterns/en.yaml", "lang: en\n")
    proc = check(str(tmp_path))
    assert proc.returncode == 1
    assert "notes.yml:1:1: error[E003]" in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr
    assert str(patterns) in proc.stdout  # checked by the analyzer's checker, or reported as skipped


def test_real_scenarios_and_patterns_check():
    proc = check("scenarios", "simulator/analyzer/patterns")
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.returncode in (0, 1)
    assert "files checked" in proc.stdout.strip().splitlines()[-1]

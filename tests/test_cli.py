import subprocess
import sys
from pathlib import Path

import pytest

from simulator.cli import COMMANDS, build_parser

ROOT = Path(__file__).resolve().parent.parent


def simulator(*args):
    return subprocess.run([sys.executable, "-m", "simulator", *args], capture_output=True, text=True, cwd=ROOT)


def test_help_lists_every_command():
    run = simulator("--help")
    assert run.returncode == 0
    for name in ("play", "check", "results"):
        assert name in run.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help(name):
    registered = build_parser()._subparsers._group_actions[0].choices
    if name not in registered:
        pytest.skip(f"command {name} is not built yet")
    run = simulator(name, "--help")
    assert run.returncode == 0 and "usage:" in run.stdout


def test_no_command_is_bad_usage():
    run = simulator()
    assert run.returncode == 2 and "usage:" in run.stderr

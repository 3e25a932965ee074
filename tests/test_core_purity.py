import subprocess
import sys

CORE = ["simulator", "simulator.model", "simulator.tags", "simulator.rubric", "simulator.engine",
        "simulator.mood", "simulator.scoring", "simulator.outcome", "simulator.record", "simulator.store",
        "simulator.terminal", "simulator.loader", "simulator.cli", "simulator.commands.play",
        "simulator.commands.check"]


def test_importing_the_core_leaves_pygame_out():
    code = ("import importlib, sys\n"
            f"for m in {CORE!r}:\n"
            "    try: importlib.import_module(m)\n"
            "    except ModuleNotFoundError as e:\n"
            "        if not e.name.startswith('simulator'): raise\n"
            "from simulator.cli import build_parser; build_parser()\n"
            "print('pygame' in sys.modules, 'pygame_gui' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]

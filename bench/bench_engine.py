"""Engine steps per second on random walks through the shipped scenarios (goal: at least 50,000).

A step is one reply chosen and applied (mood, score, routing); each walk starts a new engine and ends when the
conversation does. Prints figures; asserts nothing.
    python bench/bench_engine.py [--seconds 3]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator.engine import Engine  # noqa: E402
from simulator.loader import discover, load_scenario  # noqa: E402



def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--results", action="store_true", help="also build the result record of every walk")
    args = parser.parse_args()
    scenarios = [r.scenario for r in map(load_scenario, discover(ROOT / "scenarios")) if r.ok]
    if not scenarios:
        sys.exit("no valid scenario under scenarios/")
    rng = random.Random(1)
    for label, build in (("steps only", False), ("steps + result record", True)):
        steps = walks = 0
        start = time.perf_counter()
        while time.perf_counter() - start < args.seconds:
            for scenario in scenarios:
                engine = Engine(scenario, record_id="bench")
                while not engine.over:
                    engine.choose(rng.choice(engine.replies).id)
                    steps += 1
                if build:
                    engine.result()
                walks += 1
        elapsed = time.perf_counter() - start
        print(f"engine ({label}): {steps / elapsed:,.0f} steps/s, {walks / elapsed:,.0f} walks/s "
              f"({steps} steps in {walks} walks over {len(scenarios)} scenarios, {elapsed:.1f} s)"
              + ("; goal: 50,000 steps/s" if not build else ""))


if __name__ == "__main__":
    main()

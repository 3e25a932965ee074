"""How much slower than bare YAML composing is a full load and check? Prints figures; asserts nothing.

    python bench/bench_load.py [NODES]

(a) yaml.compose with libyaml's CSafeLoader, the floor any YAML-based loader pays, as called plainly;
(a') the same with the cyclic GC off: load_scenario turns it off while it loads (the GC otherwise rescans the
     hundreds of thousands of new nodes again and again), so this is the fair floor to compare with;
(b) simulator.loader.load_scenario: read, compose, validate, build the model, every check and warning.
Goal: b/a' (the stricter ratio) at most 2.0.
"""
from __future__ import annotations

import gc
import os
import random
import sys
import tempfile
import time

import yaml

from simulator.loader import load_scenario, safe_yaml

TAG_SETS = (
    ["apologize", "own", "listen"], ["acknowledge", "apologize"], ["resolve", "extra_mile"], ["excuse"],
    ["listen"], ["ask_fair", "own"], ["dismiss", "pass_buck"], ["explain", "apologize", "resolve"],
)


def scenario_text(n: int, seed: int = 1) -> str:
    """A realistic scenario of `n` nodes: 3 replies each with tags, feedback, mood rules; typed rules."""
    rnd = random.Random(seed)
    out = [
        "title: A very long shift",
        "setting: A call centre, all day long",
        "situation: >",
        "  A customer calls back again and again. Every call is a new chance to put things right.",
        "customer:\n  name: Mr Long\n  temperament: volatile\n  voice: male",
        "failure:\n  kind: process\n  severity: moderate\n  first_failure: false\n  preventable: true",
        "mood: 65",
        "loyalty: 50",
        "start: n0",
        "nodes:",
    ]
    ap = out.append
    for i in range(n):
        a, b = f"n{min(i + 1, n - 1)}", f"n{min(i + 2, n - 1)}"
        last = i >= n - 2
        ap(f"  n{i}:")
        ap("    vent: true" if i % 3 == 0 else "    vent: false")
        ap("    say:")
        ap(f"      calm: \"Fine, call {i}. What now?\"")
        ap(f"      tense: \"This is call number {i}. I'm losing patience.\"")
        ap(f"      angry: \"Call {i}! Are you even listening to me?\"")
        ap("    replies:")
        for r in range(3):
            tags = TAG_SETS[rnd.randrange(len(TAG_SETS))]
            ap(f"      - text: \"Reply {r} at call {i}: I'm sorry, let me look at your account right now.\"")
            ap(f"        tags: [{', '.join(tags)}]")
            ap(f"        feedback: Reply {r} {'works' if 'excuse' not in tags else 'shifts the blame'}.")
            if "excuse" in tags or "dismiss" in tags:
                ap("        better: \"I'm sorry, that's on us. Let me fix it.\"")
            if last:
                ap("        next: done" if r else "        next: lost")
            elif r == 0:
                ap("        next:")
                ap(f"          - mood: [calm, tense]\n            goto: {a}")
                ap(f"          - mood: angry\n            goto: {b}")
                ap("          - goto: lost")
            else:
                ap(f"        next: {a if r == 1 else b}")
        ap("    typed:")
        ap(f"      - if: [blame_customer, dismiss, excuse]\n        goto: {'lost' if last else b}")
        ap(f"      - if: apologize\n        mood: [calm, tense]\n        goto: {'done' if last else a}")
        ap(f"      - goto: {'done' if last else a}")
    out += [
        "endings:",
        "  done:\n    kind: resolved\n    say: \"Thank you, finally.\"\n    summary: Resolved at last.",
        "  lost:\n    kind: walked_out\n    say:\n      angry: \"I'm done with you.\"\n      furious: \"Never again!\"",
    ]
    return "\n".join(out) + "\n"


def best_of(fn, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    runs = 3
    text = scenario_text(n)
    # 5,000 realistic nodes make about 5 MB, over the 1 MiB a real scenario may weigh: lift the limit here only.
    safe_yaml.MAX_BYTES = max(safe_yaml.MAX_BYTES, 2 * len(text.encode()))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "long_shift.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        res = load_scenario(path)
        if not res.ok:
            for d in res.errors[:10]:
                print(d.render())
            raise SystemExit("the generated scenario does not load: fix the generator")
        a = best_of(lambda: yaml.compose(text, Loader=yaml.CSafeLoader), runs)
        gc.disable()
        try:
            a_nogc = best_of(lambda: yaml.compose(text, Loader=yaml.CSafeLoader), runs)
        finally:
            gc.enable()
        b = best_of(lambda: load_scenario(path), runs)
    print(f"scenario: {n} nodes, {len(text.encode()):,} bytes, {len(res.warnings)} warnings")
    print(f"(a)  yaml.compose (CSafeLoader):         {a * 1000:8.1f} ms   (best of {runs})")
    print(f"(a') yaml.compose (CSafeLoader), GC off: {a_nogc * 1000:8.1f} ms   (best of {runs})")
    print(f"(b)  load_scenario (full check):         {b * 1000:8.1f} ms   (best of {runs})")
    print(f"ratio b/a:  {b / a:.2f}")
    print(f"ratio b/a': {b / a_nogc:.2f}   (goal: at most 2.0)")


if __name__ == "__main__":
    main()

"""What trainers copy and what we ship must pass the checker without a single warning."""
import re
from pathlib import Path

import pytest

from simulator.loader import discover, load_scenario, load_text

ROOT = Path(__file__).resolve().parent.parent


def test_the_format_docs_example_checks_clean():
    doc = (ROOT / "docs" / "scenario-format.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", doc, re.S).group(1)
    result = load_text(example, path="docs/scenario-format.md#example", lang="en", scenario_id="example")
    assert result.ok and not result.warnings, [d.render() for d in result.diagnostics]


def test_every_error_code_in_the_docs_is_listed():
    doc = (ROOT / "docs" / "scenario-format.md").read_text(encoding="utf-8")
    for code in [f"E0{n:02d}" for n in range(1, 14)] + [f"W10{n}" for n in range(1, 6)]:
        assert f"`{code}`" in doc


@pytest.mark.parametrize("path", discover(ROOT / "scenarios"), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_shipped_scenarios_check_clean(path):
    result = load_scenario(path)
    assert result.ok and not result.warnings, [d.render() for d in result.diagnostics]
    assert result.scenario.lang == path.parent.name


def test_every_language_has_wrong_order_with_the_same_structure():
    base = load_scenario(ROOT / "scenarios" / "en" / "wrong_order.yaml").scenario
    for lang in ("es", "it", "pl", "ro"):
        other = load_scenario(ROOT / "scenarios" / lang / "wrong_order.yaml").scenario
        assert other.nodes.keys() == base.nodes.keys() and other.endings.keys() == base.endings.keys()
        for node_id, node in base.nodes.items():
            assert [r.tags for r in other.nodes[node_id].replies] == [r.tags for r in node.replies]

"""Issue 13, point 4 through the command line: in the shoes demo, "Everyday socks" declined
and a second rule that offers the same crew socks to a canvas sneaker. `simulate` (a scan script,
shared/spec/scan-script.md) shows the socks are not offered again; `lint` warns about the two
rules, by title and product name."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from cli_support import DEMO_ROOT, RunCli, run_subprocess

StoreCopy = Callable[[str], Path]
CANVAS_LOW = "2200000000019"  # Courtline Canvas Low: casual-shoe, sneakers
CREW_SOCKS_AGAIN: dict[str, Any] = {
    "id": "crew-socks-sneakers", "kind": "cross_sell", "title": "Crew socks with any sneaker",
    "when": {"scanned": {"category": ["sneakers"]}}, "offer": {"add": ["SOCK-CREW-3"]},
    "say": "Crew socks for {price}?", "why": "Socks to wear straight away.", "priority": 4}


def shoes_pack_with(tmp_path: Path, *extra: dict[str, Any]) -> Path:
    pack = yaml.safe_load((DEMO_ROOT / "shoes" / "rules.yaml").read_text("utf-8"))
    pack["rules"] = [*pack["rules"], *extra]
    path = tmp_path / "shoes-plus.yaml"
    path.write_text(yaml.safe_dump(pack, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def shoes_two_sock_rules(cli: RunCli, store_copy: StoreCopy, tmp_path: Path) -> Path:
    db = store_copy("shoes")
    result = cli("import", "rules", shoes_pack_with(tmp_path, CREW_SOCKS_AGAIN), "--db", db)
    assert result.code == 0, result.err
    return db


SCRIPT = f"""\
scan {CANVAS_LOW}
expect prompt casual-socks
decline
expect prompt cleaner-with-sneakers
decline
# the customer said no to the crew socks two prompts ago: not again, from another rule
expect prompt none
pay
"""


def test_simulate_does_not_offer_a_declined_item_again(shoes_two_sock_rules: Path,
                                                       tmp_path: Path) -> None:
    script = tmp_path / "socks.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    result = run_subprocess("simulate", "--db", shoes_two_sock_rules, script)
    assert (result.code, result.err) == (0, ""), (result.out, result.err)
    events = result.events()
    assert [e.get("rule") for e in events if e["event"] == "prompt"] == [
        "casual-socks", "cleaner-with-sneakers"]
    assert not [e for e in events if e["event"] == "expect_failed"]


def test_simulate_still_offers_it_after_it_was_only_ignored(
        cli: RunCli, shoes_two_sock_rules: Path, tmp_path: Path) -> None:
    """A second sneaker scanned with the socks up: nobody said no, so they may come back."""
    script = tmp_path / "ignored.txt"
    script.write_text(f"scan {CANVAS_LOW}\nexpect prompt casual-socks\n"
                      f"scan SNK-CANVAS-HIGH\nexpect prompt cleaner-with-sneakers\n"
                      f"decline\nexpect prompt crew-socks-sneakers\n",
                      encoding="utf-8")
    result = cli("simulate", "--db", shoes_two_sock_rules, script)
    assert result.code == 0, (result.out, result.err)
    answers = [(e["event"], e["rule"]) for e in result.events()
               if e["event"] in ("accepted", "declined", "ignored")]
    assert answers == [("ignored", "casual-socks"), ("declined", "cleaner-with-sneakers")]


def test_lint_warns_about_the_two_rules_by_title_and_product(
        cli: RunCli, shoes_two_sock_rules: Path) -> None:
    result = cli("lint", "--db", shoes_two_sock_rules)
    assert result.code == 1, result.err
    lines = result.out.splitlines()
    assert lines[-1] == "0 errors, 1 warning"
    assert lines[0].startswith("warning  crew-socks-sneakers  ")
    assert ('"Crew socks with any sneaker" and "Everyday socks with casual sneakers" both '
            'offer Everyday Crew Socks 3-pack to the same scanned item (for example Courtline '
            'Canvas High)') in lines[0]
    found = json.loads(cli("lint", "--db", shoes_two_sock_rules, "--format", "json").out)
    assert [(f["rule"], f["code"]) for f in found] == [("crew-socks-sneakers", "same-offer")]


def test_lint_of_the_pack_file_says_the_same_before_it_is_published(
        cli: RunCli, store_copy: StoreCopy, tmp_path: Path) -> None:
    pack = shoes_pack_with(tmp_path, CREW_SOCKS_AGAIN)
    result = cli("lint", pack, "--db", store_copy("shoes"))
    assert result.code == 1
    assert "same-offer" not in result.out  # the manager reads words, not the code
    assert "both offer Everyday Crew Socks 3-pack" in result.out
    # on other items only, the same two rules are fine
    other = {**CREW_SOCKS_AGAIN, "offer": {"add": ["INSOLE-COMFORT"]}}
    clean = cli("lint", shoes_pack_with(tmp_path, other), "--db", store_copy("shoes"))
    assert "both offer" not in clean.out

"""`pos-prompter init --demo NAME` ships the demo's generated past sales (reports and the
uplift show something on the first run); `--no-history` leaves them out. The demo scan
scripts still play as their `expect` lines say on a store made with its history."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from cli_support import DEMO_ROOT, RunCli, build_store, order_count, query

from pos_prompter.resources import DEMOS

DEMO_SCRIPTS = sorted(DEMO_ROOT.glob("*/demo-*.txt"))


@pytest.fixture(scope="module")
def with_history(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("with-history")
    return {demo: build_store(folder / f"{demo}.db", demo=demo, history=True)
            for demo in DEMOS}


def report(cli: RunCli, db: Path) -> dict[str, Any]:
    result = cli("report", "--db", db, "--format", "json")
    assert result.code == 0, result.err
    data: dict[str, Any] = json.loads(result.out)
    return data


def test_init_cafe_then_report_shows_figures_and_the_uplift(cli: RunCli,
                                                           tmp_path: Path) -> None:
    db = tmp_path / "cafe.db"
    made = cli("init", "--db", db, "--demo", "cafe")
    assert made.code == 0, made.err
    orders = order_count(db)
    assert orders > 1000
    assert f"and {orders} past orders from 2026-08-25 to 2026-11-22" in made.out
    data = report(cli, db)
    rules = {r["rule"]: r for r in data["rules"]}
    assert set(rules) == {r[0] for r in query(db, "SELECT id FROM rules")}
    for figures in rules.values():
        assert figures["shown"] > 0
        assert figures["accepted"] > 0
        if figures["kind"] != "threshold":  # a reward's revenue is logged as 0 (session)
            assert figures["revenue_added"] != "0.00"
    assert data["totals"]["orders"] == orders
    uplift = {u["rule"]: u for u in data["uplift"]}
    assert set(uplift) == {"coffee-size-up"}
    size_up = uplift["coffee-size-up"]
    assert size_up["enough_data"] is True
    assert size_up["treated_orders"] >= 30
    assert size_up["holdout_orders"] >= 30
    assert size_up["ci_low"] is not None
    assert size_up["sentence"]


def test_no_history_gives_an_empty_history(cli: RunCli, tmp_path: Path) -> None:
    db = tmp_path / "cafe.db"
    made = cli("init", "--db", db, "--demo", "cafe", "--no-history")
    assert made.code == 0, made.err
    assert made.out == f"Created {db} from the cafe demo: 25 products, 6 rules\n"
    assert order_count(db) == 0
    assert query(db, "SELECT COUNT(*) FROM prompt_events") == [(0,)]
    data = report(cli, db)
    assert all(r["shown"] == 0 for r in data["rules"])
    assert all(u["enough_data"] is False for u in data["uplift"])


def test_the_shoes_holdout_has_enough_data(cli: RunCli,
                                           with_history: dict[str, Path]) -> None:
    uplift = {u["rule"]: u for u in report(cli, with_history["shoes"])["uplift"]}
    assert set(uplift) == {"running-socks"}
    assert uplift["running-socks"]["enough_data"] is True


@pytest.mark.parametrize("script", DEMO_SCRIPTS, ids=lambda p: p.stem)
def test_demo_scripts_still_pass_right_after_init(cli: RunCli, with_history: dict[str, Path],
                                                  tmp_path: Path, script: Path) -> None:
    """The scripts' orders come after the history's: none of them may fall in a holdout
    group that changes what the script expects (core.demo_history.DEFAULT_SEED)."""
    db = tmp_path / "store.db"
    shutil.copyfile(with_history[script.parent.name], db)
    before = order_count(db)
    result = cli("simulate", "--db", db, script)
    assert result.code == 0, result.out + result.err
    assert not [e for e in result.events() if e["event"] == "expect_failed"]
    assert order_count(db) > before


@pytest.mark.parametrize("demo", DEMOS)
def test_the_demo_readme_gives_each_history_its_size(with_history: dict[str, Path],
                                                     demo: str) -> None:
    readme = (DEMO_ROOT / "README.md").read_text(encoding="utf-8")
    assert f"| {demo} | {order_count(with_history[demo])} |" in readme

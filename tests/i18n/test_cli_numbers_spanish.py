"""Numbers on the command line in the reader's style (issue 14.3), as money already is:
under LANG=es the tables of `suggest`, `report` and `whatif` write "24,8%", "864,00",
"2,07", the sentences "2,1 veces", and counts "100.000"; English exactly as before; --json
and --csv (machines) keep their own form."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from program import run_program as run

from pos_prompter import i18n
from pos_prompter.core.money import decimal_text, percent_text, said_decimal, whole_text

DRAFT = """\
version: 1
rules:
  - id: muffin-tea
    kind: cross_sell
    title: Muffin with tea
    when: {scanned: {sku: [LATTE-T]}}
    offer: {add: [COOKIE-OAT]}
    say: A cookie?
"""




@pytest.mark.usefixtures("spanish")
def test_the_number_helpers_in_spanish() -> None:
    assert decimal_text(3.55, 1) == "3,5"
    assert decimal_text("864.00", 2) == "864,00"
    assert percent_text(0.248, 1) == "24,8%"
    assert whole_text(100_000) == "100.000"
    assert whole_text(1234) == "1234"
    assert i18n.say(said_decimal("3.6")) == "3,6"
    assert said_decimal("3.6") == "3.6"  # the sentence's English (what --json carries)


def test_the_number_helpers_in_english_are_as_before() -> None:
    assert decimal_text(3.55, 1) == f"{3.55:.1f}"
    assert percent_text(0.248, 1) == "24.8%"
    assert percent_text(Decimal("0.0214"), 2) == "2.14%"
    assert whole_text(100_000) == "100,000"
    assert whole_text(-1234) == "-1,234"
    assert i18n.say(said_decimal("3.6")) == "3.6"


@pytest.fixture(scope="module")
def cafe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cafe") / "cafe.db"
    assert run("init", "--db", path, "--demo", "cafe", lang="en_US.UTF-8").returncode == 0
    return path


def _cells(line: str) -> list[str]:
    return re.split(r"\s{2,}", line.strip())


@pytest.mark.slow
@pytest.mark.usefixtures("built_catalogs")
def test_suggest_writes_numbers_in_spanish_and_json_as_before(cafe: Path) -> None:
    table = run("suggest", "--db", cafe).stdout.splitlines()
    first = _cells(table[1])
    assert re.fullmatch(r"\d+,\d\d%", first[3]), first  # support
    assert re.fullmatch(r"\d+,\d%", first[4]), first  # confidence
    assert re.fullmatch(r"\d+,\d\d", first[5]), first  # lift
    assert re.search(r", \d+,\d+ veces más a menudo", table[1]), table[1]
    assert "." not in "".join(first[2:6])
    found = json.loads(run("suggest", "--db", cafe, "--format", "json").stdout)
    assert re.search(r", \d+\.\d+ times more often than chance", found[0]["why"]), found[0]
    english = _cells(run("suggest", "--db", cafe, lang="en_US.UTF-8").stdout.splitlines()[1])
    assert re.fullmatch(r"\d+\.\d\d%", english[3]), english
    assert re.fullmatch(r"\d+\.\d\d", english[5]), english


@pytest.mark.slow
@pytest.mark.usefixtures("built_catalogs")
def test_report_and_whatif_tables_in_spanish(cafe: Path, tmp_path: Path) -> None:
    report = run("report", "--db", cafe).stdout.splitlines()
    row = _cells(report[4])  # By rule: the first rule
    assert re.fullmatch(r"\d+,\d%", row[5]), row  # rate
    assert re.fullmatch(r"\d+,\d\d", row[6]), row  # revenue
    english = _cells(run("report", "--db", cafe, lang="en_US.UTF-8").stdout.splitlines()[4])
    assert english[5] == row[5].replace(",", "."), (english, row)
    assert english[6] == row[6].replace(",", "."), (english, row)
    machines = json.loads(run("report", "--db", cafe, "--format", "json").stdout)
    assert re.fullmatch(r"\d+\.\d\d", machines["rules"][0]["revenue_added"]), machines["rules"][0]
    draft = tmp_path / "draft.yaml"
    draft.write_text(DRAFT, encoding="utf-8")
    whatif = run("whatif", draft, "--db", cafe).stdout.splitlines()
    cells = _cells(next(line for line in whatif if line.startswith("muffin-tea ")))
    assert re.fullmatch(r"\d+,\d", cells[-2]), cells  # expected accepts


@pytest.mark.slow
@pytest.mark.usefixtures("built_catalogs")
def test_counts_in_help_and_refusals_are_grouped_the_spanish_way(cafe: Path) -> None:
    helped = run("practice", "generate", "--help").stdout
    assert "(de 1 a 100.000)" in helped, helped
    refused = run("practice", "generate", "--db", cafe, "--customers", "0", "--seed", "1")
    assert refused.returncode == 2
    assert "100.000" in refused.stderr, refused.stderr
    assert "100,000" not in refused.stderr, refused.stderr
    english = run("practice", "generate", "--help", lang="en_US.UTF-8").stdout
    assert "(1 to 100,000)" in english, english

"""Hostile rule packs and settings through the real command line (issue 11, points 1 and 5):
each refused with one short sentence and exit 2 (unreadable) or 1 (refused), never an
internal error, never the refused value in full, in bounded time and memory."""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_support import Result, no_display_env, run_subprocess

MAX_OUTPUT = 2_000
MEMORY_LIMIT = 500 * 1024 * 1024


def billion_laughs(*tail: str) -> str:
    """~400 bytes that stand for 9**9 strings: each anchor lists the one before 9 times;
    `tail` lines use the last one (*i)."""
    lines = ["settings:", '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, cur in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"  {cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join([*lines, *(tail or ("  currency: *i", "version: 1", "rules: []"))]) + "\n"


def run_limited(*args: object, memory: int = MEMORY_LIMIT, timeout: float = 60) -> Result:
    """The real CLI in a child process that may use at most `memory` bytes of address space
    (RLIMIT_AS): without the fix the billion laughs would take the machine down."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    proc = subprocess.run([sys.executable, "-m", "pos_prompter", *(str(a) for a in args)],
                          capture_output=True, encoding="utf-8", env=no_display_env(),
                          timeout=timeout, check=False, preexec_fn=limit)
    return Result(proc.returncode, proc.stdout, proc.stderr)


def assert_one_sentence(result: Result, code: int, *needles: str) -> None:
    """Refused with `code`, one short line on stderr naming every needle, no internal error."""
    result.assert_clean_error(code, *needles)
    assert "internal error" not in result.err, result.err
    assert len(result.out) + len(result.err) < MAX_OUTPUT, result.err[:300]
    assert len(result.err.strip().splitlines()) <= 2, result.err[:300]


@pytest.mark.slow
def test_lint_refuses_a_billion_laughs_pack_fast_and_small(tmp_path: Path,
                                                           spec_store: Path) -> None:
    pack = tmp_path / "laughs.yaml"
    pack.write_text(billion_laughs(), encoding="utf-8")
    assert len(pack.read_bytes()) < 600
    started = time.monotonic()
    result = run_limited("lint", pack, "--db", spec_store)
    seconds = time.monotonic() - started
    assert_one_sentence(result, 2, "laughs.yaml", "aliases", "line 7")
    assert seconds < 5, seconds


@pytest.mark.parametrize("tail", [("version: 1", "rules:", "- id: *i"),
                                  ("version: *i",),
                                  ("version: 1", "rules:", "- id: r1",
                                   "  when: {time: {hours: *i}}")])
def test_import_refuses_billion_laughs_anywhere(tmp_path: Path, spec_store: Path,
                                                tail: tuple[str, ...]) -> None:
    pack = tmp_path / "laughs.yaml"
    pack.write_text(billion_laughs(*tail), encoding="utf-8")
    result = run_limited("import", "rules", pack, "--db", spec_store)
    assert_one_sentence(result, 2, "aliases")


def test_a_json_pack_nested_100000_deep_is_one_sentence(tmp_path: Path,
                                                        spec_store: Path) -> None:
    pack = tmp_path / "deep.json"
    pack.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert_one_sentence(run_subprocess("lint", pack, "--db", spec_store), 2,
                        "deep.json", "nested more than 50 deep")


def test_a_400_digit_priority_is_refused_at_its_line(tmp_path: Path, spec_store: Path) -> None:
    pack = tmp_path / "prio.yaml"
    pack.write_text("version: 1\nrules:\n- id: r1\n  kind: cross_sell\n  title: t\n  say: s\n"
                    "  offer: {add: [MUFFIN-B]}\n  priority: " + "9" * 400 + "\n",
                    encoding="utf-8")
    assert_one_sentence(run_subprocess("import", "rules", pack, "--db", spec_store), 2,
                        "line 8", "too long")


@pytest.mark.slow
def test_a_huge_setting_is_refused_and_export_still_works(spec_store: Path) -> None:
    for key in ("max_offer_ratio", "max_prompts_per_order", "rush_scans_per_minute",
                "leaderboard_min_orders", "store_name", "currency"):
        result = run_subprocess("settings", "--db", spec_store, f"{key}={'9' * 5000}")
        assert result.code == 1, (key, result.err[:300])
        assert "internal error" not in result.err, result.err[:300]
        assert len(result.err) < MAX_OUTPUT, (key, result.err[:300])
        assert "(5,000 characters)" in result.err, (key, result.err[:300])
    exported = run_subprocess("export", "rules", "--db", spec_store)
    assert exported.code == 0, exported.err[:300]
    assert "max_offer_ratio: 1" in exported.out


def test_a_huge_value_in_a_pack_is_quoted_cut(tmp_path: Path, spec_store: Path) -> None:
    pack = tmp_path / "long.yaml"
    pack.write_text(f"version: 1\nsettings:\n  currency: '{'X' * 5000}'\nrules: []\n",
                    encoding="utf-8")
    result = run_subprocess("lint", pack, "--db", spec_store)
    assert result.code == 1, result.err[:300]
    assert len(result.err) < MAX_OUTPUT, result.err[:300]
    assert "(5,000 characters)" in result.err


@pytest.mark.slow
@pytest.mark.parametrize("body", [
    "rules:\n" + "- {id: X}\n" * 100_000,
    "rules: []\n" + "".join(f"k{i}: 1\n" for i in range(80_000)),
    "r: &r {id: same, kind: cross_sell, title: t, say: s, offer: {add: [MUFFIN-B]}}\n"
    "rules: [" + ",".join(["*r"] * 190_000) + "]\n",
], ids=["100k-bad-rules", "80k-unknown-fields", "190k-aliased-rules"])
def test_a_megabyte_of_bad_rules_is_refused_in_seconds_with_50_problems(
        tmp_path: Path, spec_store: Path, body: str) -> None:
    pack = tmp_path / "bad.yaml"
    pack.write_text("version: 1\n" + body, encoding="utf-8")
    assert len(pack.read_bytes()) <= 1_000_050
    started = time.monotonic()
    result = run_limited("lint", pack, "--db", spec_store)
    seconds = time.monotonic() - started
    assert result.code == 1, result.err[:300]
    assert "stopped after 50 problems" in result.err
    assert len(result.err.splitlines()) <= 52
    assert len(result.err) < 10_000
    assert seconds < 5, seconds

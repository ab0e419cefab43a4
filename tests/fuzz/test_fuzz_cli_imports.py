"""Fuzzing the command line's imports in a real child process (issue 11: no partial
import): `import catalog`, `import rules` (YAML and JSON), `import orders` and `simulate`
get mutated demo files (hostile or plausible edits). Each either succeeds (exit 0) or is
refused in a sentence on stderr (exit 1 or 2, no traceback, at most a screenful); a refused
one leaves the store file byte for byte as it was. Few, small examples: each run is a new
process (~0.5 s)."""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from fuzz_support import CATALOG_CSV, ORDERS_CSV, RULES_JSON, RULES_YAML, SCRIPT_TXT, mutated
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos_prompter import bootstrap

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("FUZZ_CLI_EXAMPLES", "5"))
STDERR_LIMIT = 20_000
"""A refusal lists at most 50 problems, each with a short excerpt."""

few = settings(max_examples=EXAMPLES, derandomize="FUZZ_CLI_EXAMPLES" not in os.environ,
               database=None, deadline=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.function_scoped_fixture])

COMMANDS: dict[str, tuple[list[str], str, str, str | None, set[int]]] = {
    # name: (arguments before FILE, file name, seed text, field separator, refusal codes)
    "import catalog": (["import", "catalog"], "catalog.csv", CATALOG_CSV, ",", {1, 2}),
    "import rules (YAML)": (["import", "rules"], "rules.yaml", RULES_YAML, ":", {1, 2}),
    "import rules (JSON)": (["import", "rules"], "rules.json", RULES_JSON, ":", {1, 2}),
    "import orders": (["import", "orders"], "orders.csv", ORDERS_CSV, ",", {1, 2}),
    "simulate": (["simulate"], "script.txt", SCRIPT_TXT, " ", {2}),
}


@pytest.fixture(scope="module")
def cafe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cafe") / "cafe.db"
    bootstrap.init_store(path, demo="cafe").close()
    return path


def digest(db: Path) -> str:
    """The store and any write-ahead log beside it, byte for byte."""
    sha = hashlib.sha256()
    for part in (db, db.with_name(db.name + "-wal")):
        sha.update(part.read_bytes() if part.exists() else b"-")
    return sha.hexdigest()


RUN = itertools.count()


@pytest.mark.parametrize("name", list(COMMANDS))
@few
@given(data=st.data())
def test_a_refused_file_changes_nothing_in_the_store(
        cafe: Path, tried: Counter[str], tmp_path_factory: pytest.TempPathFactory,
        name: str, data: st.DataObject) -> None:
    before, file_name, seed, sep, refusals = COMMANDS[name]
    gentle = data.draw(st.booleans(), label="gentle")
    text = data.draw(mutated(seed, sep=sep, gentle=gentle), label="file")
    work = tmp_path_factory.getbasetemp() / f"cli-fuzz-{next(RUN)}"
    work.mkdir()
    db, given_file = work / "cafe.db", work / file_name
    shutil.copyfile(cafe, db)
    given_file.write_text(text, encoding="utf-8", errors="surrogatepass")
    was = digest(db)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    proc = subprocess.run([sys.executable, "-m", "pos_prompter", *before, str(given_file),
                           "--db", str(db)], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=60, check=False)
    outcome = "read" if proc.returncode not in refusals else "refused"
    tried[f"cli {name}"] += 1
    tried[f"cli {name} {outcome}"] += 1
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert "internal error" not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode in refusals | {0, 1}, (proc.returncode, proc.stderr[-3000:])
    if outcome == "refused":
        assert proc.stderr.strip(), "a refusal says why"
        assert len(proc.stderr) <= STDERR_LIMIT, (len(proc.stderr), proc.stderr[:500])
        assert digest(db) == was, f"refused ({proc.returncode}) but the store changed: " \
                                  f"{proc.stderr[-500:]}"
    shutil.rmtree(work)

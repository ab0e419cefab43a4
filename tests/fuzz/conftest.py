"""The fuzz tests count the inputs each reader got; the count is printed in pytest's closing
summary (and so in CI's log) when the session ends."""

from __future__ import annotations

from collections import Counter

import pytest

TRIED = pytest.StashKey[Counter[str]]()


@pytest.fixture(scope="session")
def tried(request: pytest.FixtureRequest) -> Counter[str]:
    """reader -> inputs tried (and "reader refused" -> how many of them were refused)."""
    counts: Counter[str] = Counter()
    request.config.stash[TRIED] = counts
    return counts


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter,
                            config: pytest.Config) -> None:
    counts = config.stash.get(TRIED, None)
    if not counts:
        return
    readers = sorted(k for k in counts if not k.endswith((" refused", " read")))
    terminalreporter.write_line(
        f"fuzzing: {sum(counts[r] for r in readers)} inputs tried: " + ", ".join(
            f"{r} {counts[r]} ({counts[r + ' refused']} refused)" for r in readers))

"""The fault proofs report their figures (kills, events acknowledged, events lost) in the
test report: `figure(name, text)` records it as a property (junit XML) and prints it in
pytest's closing summary."""

from __future__ import annotations

from collections.abc import Callable

import pytest

FIGURES = pytest.StashKey[list[str]]()


@pytest.fixture
def figure(request: pytest.FixtureRequest,
           record_property: Callable[[str, object], None]) -> Callable[[str, str], None]:
    def say(name: str, text: str) -> None:
        record_property(name, text)
        request.config.stash.setdefault(FIGURES, []).append(text)

    return say


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter,
                            config: pytest.Config) -> None:
    for line in config.stash.get(FIGURES, []):
        terminalreporter.write_line(line)

"""Shared test set-up for the whole suite.

Qt must see QT_QPA_PLATFORM before anything imports it, so that comes first. Put shared
fixtures below the hooks; tests in a single area keep theirs in that folder's conftest.py.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

GUI_FIXTURES = frozenset({"qtbot", "qapp"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses Qt widgets (through qtbot or qapp) as `gui`."""
    for item in items:
        if GUI_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _cheap_secret_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """scrypt at OWASP cost (N=2**17) takes ~0.4 s and 128 MiB a secret, and every demo
    store hashes three. Tests hash at a cheap cost; tests/core/test_auth.py proves, in a
    fresh interpreter, that production keeps OWASP's parameters."""
    from pos_prompter.core import auth

    monkeypatch.setattr(auth, "PARAMS", auth.ScryptParams(n=2**10, r=8, p=1))

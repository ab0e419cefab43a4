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

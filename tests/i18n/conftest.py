"""Fixtures for the translation tests: the Spanish catalog built from its .ts (as the set-up
builds it), and the language put back to English after each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pos_prompter import i18n
from pos_prompter.i18n import build


@pytest.fixture(scope="session")
def built_catalogs() -> None:
    """The .qm files, compiled from the .ts sources when they are older (what
    `python -m pos_prompter.i18n build` in the set-up does)."""
    build.build()
    assert i18n.qm_path("es").is_file()


@pytest.fixture
def spanish(built_catalogs: None) -> Iterator[None]:
    """Texts in Spanish for one test; English again afterwards."""
    assert i18n.use_language("es")
    yield
    i18n.use_language("en")

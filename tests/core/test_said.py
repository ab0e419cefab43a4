"""core.said: a sentence for people is its English, and keeps what a translation needs."""

from __future__ import annotations

import pickle

import pytest

from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said, joined


def test_a_said_sentence_is_its_english_with_the_parts_filled_in() -> None:
    said = QT_TRANSLATE_NOOP("store", "{name!r} is already on the staff list").format(
        name="Ana")
    assert said == "'Ana' is already on the staff list"
    assert isinstance(said, str)
    assert (said.context, said.template, dict(said.fields)) == (
        "store", "{name!r} is already on the staff list", {"name": "Ana"})
    assert said.upper() == "'ANA' IS ALREADY ON THE STAFF LIST"


def test_parts_are_named_so_a_translator_may_move_them() -> None:
    with pytest.raises(TypeError):
        QT_TRANSLATE_NOOP("store", "{} left").format(3)


def test_a_said_sentence_survives_pickling_whole() -> None:
    said = QT_TRANSLATE_NOOP("core", "{n} left").format(n=3)
    again = pickle.loads(pickle.dumps(said))
    assert isinstance(again, Said)
    assert (again, again.template, dict(again.fields)) == ("3 left", "{n} left", {"n": 3})


def test_joined_sentences_read_as_one_and_keep_each_part() -> None:
    one = QT_TRANSLATE_NOOP("core", "a is wrong")
    two = QT_TRANSLATE_NOOP("core", "b is wrong")
    both = joined([one, two])
    assert both == "a is wrong; b is wrong"
    assert isinstance(both, Said)
    assert list(both.fields.values()) == [one, two]
    assert joined([one]) is one
    assert joined([]) == ""

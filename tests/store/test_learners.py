"""Learners: creating, listing, PIN checks and the plain messages for bad input."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from tutor.store import (
    DuplicateNameError,
    InvalidNameError,
    InvalidPinError,
    Learner,
    Store,
)


def test_a_new_learner_is_listed_and_signs_in_with_their_pin(store: Store) -> None:
    learner = store.create_learner("  Alex   Smith ", "2580")
    assert learner.display_name == "Alex Smith"
    assert not learner.is_demo
    assert learner.created_at.endswith("Z")
    assert store.list_learners() == [learner]
    assert store.get_learner(learner.id) == learner
    assert store.verify_pin(learner.id, "2580")


def test_learners_are_listed_by_name_whatever_the_case(store: Store) -> None:
    for name in ["zoe", "Adam", "mia", "Ben"]:
        store.create_learner(name, "1234")
    assert [one.display_name for one in store.list_learners()] == ["Adam", "Ben", "mia", "zoe"]


def test_a_demo_learner_is_marked_as_one(store: Store) -> None:
    demo = store.create_learner("Demo One", "0000", is_demo=True)
    assert store.list_learners() == [demo]
    assert demo.is_demo


def test_a_wrong_pin_does_not_sign_in(store: Store, learner: Learner) -> None:
    assert not store.verify_pin(learner.id, "4321")
    assert not store.verify_pin(learner.id, "12345")
    assert not store.verify_pin(learner.id, "")
    assert not store.verify_pin(learner.id, "12a4")


def test_an_unknown_learner_does_not_sign_in(store: Store) -> None:
    assert not store.verify_pin("no-such-learner", "1234")
    assert store.get_learner("no-such-learner") is None


def test_one_learner_pin_does_not_open_another(store: Store, learner: Learner) -> None:
    other = store.create_learner("Jo", "9999")
    assert not store.verify_pin(other.id, "1234")
    assert not store.verify_pin(learner.id, "9999")


@pytest.mark.parametrize("pin", ["", "123", "123456789", "12 34", "12a4", "١٢٣٤", "1234\n"])
def test_a_bad_pin_is_refused_with_a_plain_message(store: Store, pin: str) -> None:
    with pytest.raises(InvalidPinError, match="^Your PIN must be 4 to 8 numbers.$"):
        store.create_learner("Pat", pin)
    assert store.list_learners() == []


@pytest.mark.parametrize("pin", ["0000", "12345678"])
def test_pins_of_four_and_eight_numbers_are_fine(store: Store, pin: str) -> None:
    learner = store.create_learner("Pat", pin)
    assert store.verify_pin(learner.id, pin)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Please type your name."),
        ("    ", "Please type your name."),
        ("x" * 41, "Your name can be up to 40 letters long."),
        ("Sam\tJones", "hidden character"),
        ("Sam\x00", "hidden character"),
        ("Sam\u202eenoJ", "hidden character"),  # right-to-left override
        ("Sam\u2028Jones", "hidden character"),  # line separator
    ],
)
def test_a_bad_name_is_refused_with_a_plain_message(store: Store, name: str, message: str) -> None:
    with pytest.raises(InvalidNameError, match=message):
        store.create_learner(name, "1234")
    assert store.list_learners() == []


def test_names_of_forty_letters_and_beyond_ascii_are_fine(store: Store) -> None:
    forty = store.create_learner("  " + "y" * 40 + "  ", "1234")
    assert forty.display_name == "y" * 40
    accented = store.create_learner("Zoë Ōkubo 👩‍💻", "1234")
    assert accented.display_name == "Zoë Ōkubo 👩‍💻"


def test_a_duplicate_name_is_refused_whatever_the_case_or_spacing(
    store: Store, learner: Learner
) -> None:
    with pytest.raises(DuplicateNameError, match="already uses that name"):
        store.create_learner("  sAM ", "5678")
    assert store.list_learners() == [learner]


def test_the_pin_hash_is_salted_and_never_handed_out(store: Store) -> None:
    first = store.create_learner("Lee", "1357")
    second = store.create_learner("Lou", "1357")
    with sqlite3.connect(store.path) as other:
        rows = dict(
            (learner_id, (salt, pin_hash))
            for learner_id, salt, pin_hash in other.execute(
                "SELECT id, pin_salt, pin_hash FROM learners"
            )
        )
    assert rows[first.id][0] != rows[second.id][0]
    assert rows[first.id][1] != rows[second.id][1]
    assert b"1357" not in rows[first.id][1]
    field_names = {field.name for field in dataclasses.fields(Learner)}
    assert field_names == {"id", "display_name", "created_at", "is_demo"}


def test_learners_are_stamped_with_the_workstation(store: Store, learner: Learner) -> None:
    with sqlite3.connect(store.path) as other:
        (stamped,) = other.execute(
            "SELECT workstation_id FROM learners WHERE id = ?", [learner.id]
        ).fetchone()
    assert stamped == store.workstation_id

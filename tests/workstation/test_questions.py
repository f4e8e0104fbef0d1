"""Questions a learner asks ("I'm stuck"): kept with their code, private, not an attempt."""

from __future__ import annotations

import pytest

from tutor.content.loader import load_library
from tutor.store import Change, Learner, Store
from tutor.store.questions import (
    MAX_QUESTION_LENGTH,
    QuestionError,
    questions_for,
    record_question,
)
from tutor.ui.exercise_controller import where_to_go_next

CODE = {"index.html": "<h1>Hello</h1>", "style.css": "h1 { color: red }"}


def test_a_question_is_kept_with_the_code_and_travels_as_an_event(
        store: Store, sam: Learner) -> None:
    question = record_question(store, sam.id, "html.first-heading", "3",
                               "  Why is my heading red?\r\nI wanted blue. ", CODE)
    assert question.text == "Why is my heading red?\nI wanted blue."
    [event] = store.events_for(sam.id, "html.first-heading")
    assert event.id == question.id and event.kind == "question"
    assert event.results == [{"question": "Why is my heading red?\nI wanted blue."}]
    assert event.files == CODE
    assert event.content_version == "3"
    assert event.workstation_id == store.workstation_id
    assert questions_for(store, sam.id, "html.first-heading") == [question]


def test_questions_belong_to_one_learner_and_one_exercise(store: Store, sam: Learner) -> None:
    alex = store.create_learner("Alex", "5678")
    mine = record_question(store, sam.id, "html.first-heading", "1", "First?", {})
    other_exercise = record_question(store, sam.id, "css.colours", "1", "Second?", {})
    record_question(store, alex.id, "html.first-heading", "1", "Alex asks", {})
    assert questions_for(store, sam.id, "html.first-heading") == [mine]
    assert questions_for(store, sam.id) == [mine, other_exercise]
    assert [q.text for q in questions_for(store, alex.id)] == ["Alex asks"]


@pytest.mark.parametrize("text", ["", "   \n\t ", "\u202e\u200b"])
def test_an_empty_question_is_refused_in_plain_words(
        store: Store, sam: Learner, text: str) -> None:
    with pytest.raises(QuestionError, match="Please type your question first."):
        record_question(store, sam.id, "html.first-heading", "1", text, {})
    assert store.events_for(sam.id) == []


def test_a_question_over_the_limit_is_refused_and_nothing_is_kept(
        store: Store, sam: Learner) -> None:
    record_question(store, sam.id, "x", "1", "a" * MAX_QUESTION_LENGTH, {})
    with pytest.raises(QuestionError, match="too long"):
        record_question(store, sam.id, "x", "1", "a" * (MAX_QUESTION_LENGTH + 1), {})
    assert len(store.events_for(sam.id)) == 1


def test_hidden_characters_that_disguise_text_are_taken_out(store: Store, sam: Learner) -> None:
    question = record_question(store, sam.id, "x", "1", "abc\u202edef\x00\tghi", {})
    assert question.text == "abcdef\tghi"


def test_a_question_is_not_an_attempt_and_does_not_move_where_the_learner_goes_next(
        store: Store, sam: Learner) -> None:
    exercises = load_library().exercises()
    first, later = exercises[0].id, exercises[5].id
    store.record_check(sam.id, first, "1", passed=True, results=[], files={}, duration_ms=1.0)
    before = store.progress(sam.id)
    goes_to = where_to_go_next(exercises, before)
    record_question(store, sam.id, first, "1", "Can I do more?", {})
    record_question(store, sam.id, later, "1", "What is this one about?", {})
    after = store.progress(sam.id)
    assert after[first] == before[first]
    assert after[later].attempts == 0 and after[later].status != "done"
    assert after[later].last_attempt_at is None
    assert where_to_go_next(exercises, after) == goes_to


def test_saving_a_question_tells_the_feedback_tab_to_refresh(store: Store, sam: Learner) -> None:
    heard: list[Change] = []
    store.subscribe(heard.append)
    record_question(store, sam.id, "html.first-heading", "1", "Help?", {})
    assert Change("feedback", sam.id, "html.first-heading") in heard

"""The Feedback tab's widgets: notes in plain text, each beside the code it is about."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tutor.ui.feedback_panel import NO_ANSWER, NOTHING_YET, FeedbackNote, FeedbackPanel, when
from tutor.ui.stuck_dialog import letters_left_text

ASKED = FeedbackNote(heading="You asked on 3 May, 14:05:", text="Why <b>no</b> heading?",
                     answers=(), is_question=True, code_caption="The code you had",
                     files={"index.html": "<p>hi</p>"}, created_at="2026-05-03T13:05:00.000Z")
COMMENT = FeedbackNote(heading="Ms Khan wrote on 4 May, 09:00:",
                       text="<img src='file:///etc/passwd'> Nice work on the list.",
                       code_caption="The code you checked",
                       files={"index.html": "<ul><li>one</li></ul>", "style.css": "ul {}"},
                       created_at="2026-05-04T08:00:00.000Z")


def test_an_empty_tab_says_how_to_ask_for_help(qtbot: QtBot) -> None:
    panel = FeedbackPanel()
    qtbot.addWidget(panel)
    titles: list[str] = []
    panel.summary_changed.connect(titles.append)
    panel.show_notes([])
    assert panel.cards() == [] and panel.empty_label.text() == NOTHING_YET
    assert titles == ["Feedback"]


def test_notes_are_plain_text_and_show_their_code_on_request(qtbot: QtBot) -> None:
    panel = FeedbackPanel()
    qtbot.addWidget(panel)
    panel.show()
    titles: list[str] = []
    panel.summary_changed.connect(titles.append)
    panel.show_notes([COMMENT, ASKED])
    comment_card, question_card = panel.cards()
    assert comment_card.text_label.textFormat() == Qt.TextFormat.PlainText
    assert comment_card.text_label.text() == COMMENT.text
    assert [label.text() for label in question_card.answer_labels] == [NO_ANSWER]
    assert titles == ["Feedback (1)"]  # one thing from the instructor
    # The newest note's code is on show first; the other note's button shows its code.
    assert panel.code.files() == COMMENT.files and panel.code_caption.text() == "The code you checked"
    qtbot.mouseClick(question_card.code_button, Qt.MouseButton.LeftButton)
    assert panel.code.files() == ASKED.files
    assert panel.code.editor("index.html").isReadOnly()


def test_an_answer_replaces_no_answer_yet(qtbot: QtBot) -> None:
    panel = FeedbackPanel()
    qtbot.addWidget(panel)
    answered = FeedbackNote(heading=ASKED.heading, text=ASKED.text, is_question=True,
                            answers=("Ms Khan: Close the <h1> tag.",), files=ASKED.files)
    panel.show_notes([answered])
    [card] = panel.cards()
    assert [label.text() for label in card.answer_labels] == ["Ms Khan: Close the <h1> tag."]


def test_times_are_shown_as_a_day_and_a_time() -> None:
    text = when("2026-05-03T13:05:00.000Z")
    assert "May" in text and ":" in text and "T" not in text
    assert when("not a time") == ""


def test_the_letter_counter_counts_down_and_warns() -> None:
    assert letters_left_text(0) == "You can type 1,000 more letters."
    assert letters_left_text(999) == "You can type 1 more letter."
    assert letters_left_text(1003) == "Too long by 3 letters. Please make it shorter."

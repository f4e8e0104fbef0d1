"""The staff, review, feedback and instructor screens follow the theme and the text size.

Each screen is built under each theme, as a person would see it, and every piece of text on
it is measured: the colour it is drawn in against the colour behind it, which must keep the
theme's contrast (4.5 to 1, or 7 to 1 in high contrast). Code is set in a fixed-pitch font
that grows with the text size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from instructor.populate import fill_instructor_store
from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from review.conftest import write_pack_file

from tutor.content.loader import load_library
from tutor.content.markdown import render_markdown
from tutor.exchange import WorkstationInfo
from tutor.instructor_app import InstructorApp
from tutor.paths import instructor_database_path
from tutor.store import Store
from tutor.store.questions import record_question
from tutor.trust.keys import PrivateKey
from tutor.ui.about_dialog import AboutDialog
from tutor.ui.audit_view import AuditLogDialog
from tutor.ui.code_editor import CodeEditor
from tutor.ui.export_dialog import NO_FOLDER, ExportDialog
from tutor.ui.feedback_panel import FeedbackNote, FeedbackPanel
from tutor.ui.instructor.charts import BAR_COLOUR, FAIL_COLOUR, PASS_COLOUR
from tutor.ui.instructor.import_page import ImportPage
from tutor.ui.instructor.trust_dialog import TrustWorkstationDialog
from tutor.ui.instructor.wording import STATUS_COLOURS, STATUS_TEXT_COLOUR
from tutor.ui.learner_admin import LearnersDialog
from tutor.ui.learner_dialog import LearnerDialog
from tutor.ui.lesson_view import LessonView
from tutor.ui.operations import Operations
from tutor.ui.review_changes import ChangesView
from tutor.ui.review_window import ReviewWindow
from tutor.ui.settings_dialog import SettingsDialog
from tutor.ui.staff_gate import StaffPassphraseDialog
from tutor.ui.stuck_dialog import EMPTY, StuckDialog
from tutor.ui.text_size import TextSize
from tutor.ui.themes import THEMES, Theme, apply_theme, contrast

from .readability import (
    blocks,
    brush_colour,
    colour_counts,
    fragments,
    hard_to_read,
    is_fixed_pitch,
)

TIMEOUT = 15_000
FIRST = "html.first-heading"
LESSON = """Put a heading in `<body>`:

```html
<!-- the biggest heading -->
<h1 class="title">About me</h1>
```

```sql
SELECT name FROM people WHERE age > 12; -- grown up
```
"""
DIFF = ("--- a/index.html\n+++ b/index.html\n@@ -1,2 +1,2 @@\n <title>Me</title>\n"
        "-<h2>About me</h2>\n+<h1>About me</h1>\n")



@pytest.fixture(params=list(THEMES))
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Theme:
    """Each theme in turn, applied to the whole application before the screen is built."""
    chosen = THEMES[request.param]
    apply_theme(chosen, qapp)
    return chosen


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A learner's workstation store with a staff passphrase and two learners."""
    with Store.open(tmp_path / "data" / "progress.sqlite3") as opened:
        opened.set_staff_passphrase("river stones 42")
        for name_, pin in (("Kim", "1234"), ("Ali <b>Bold</b>", "5678")):
            opened.create_learner(name_, pin)
        yield opened


@pytest.fixture
def operations() -> Iterator[Operations]:
    """The store's worker thread."""
    worker = Operations()
    yield worker
    worker.stop()


@pytest.fixture
def show(qtbot: QtBot) -> Callable[[QWidget], QWidget]:
    """Show a window as a person would see it, closed after the test."""
    def shown(window: QWidget) -> QWidget:
        qtbot.addWidget(window)
        window.resize(max(window.width(), 760), max(window.height(), 520))
        window.show()
        qtbot.waitExposed(window)
        return window
    return shown


def build_staff_dialogs(qtbot: QtBot, store: Store, operations: Operations,
                        show: Callable[[QWidget], QWidget]) -> dict[str, QWidget]:
    """The staff and sign-in dialogs of a workstation, each saying what went wrong."""
    folder = store.path.parent
    export = ExportDialog(store=store, data_folder=folder, operations=operations,
                          find_drives=lambda: [])
    show(export)
    qtbot.waitUntil(lambda: export.drive_list.isHidden(), timeout=TIMEOUT)
    export.show_plan()  # with no stick and no folder chosen, it says so
    assert export.where_message.text() == NO_FOLDER
    stuck = StuckDialog(lambda _text: None, operations)
    show(stuck)
    stuck.show_problem(EMPTY)
    stuck.text_box.setPlainText("Why? " * 500)  # too long: the counter says so
    gate = StaffPassphraseDialog(action="change the settings", first_time=False)
    show(gate)
    gate.show_problem("That is not the staff passphrase. Try again.")
    learners = [(learner.id, learner.display_name) for learner in store.list_learners()]
    sign_in = LearnerDialog(lambda: learners, lambda _id, _pin: False, lambda _n, _p: "")
    show(sign_in)
    sign_in.sign_in()  # no name picked yet: it says so
    with qtbot.waitSignal(operations.job_finished, timeout=TIMEOUT):
        settings = SettingsDialog(store, operations, folder)
    show(settings)
    qtbot.waitUntil(settings.save_button.isEnabled, timeout=TIMEOUT)
    with qtbot.waitSignal(operations.job_finished, timeout=TIMEOUT):
        admin = LearnersDialog(store, operations, folder / "practice")
    with qtbot.waitSignal(operations.job_finished, timeout=TIMEOUT):
        audit = AuditLogDialog(store, operations)
    about = AboutDialog("Tutor version 1.0\n\nTutor makes no network connections.")
    for dialog in (admin, audit, about):
        show(dialog)
    return {"export": export, "stuck": stuck, "staff passphrase": gate, "sign in": sign_in,
            "settings": settings, "learners": admin, "audit log": audit, "about": about}


def test_staff_and_sign_in_dialogs_keep_their_contrast(
        qtbot: QtBot, theme: Theme, store: Store, operations: Operations,
        show: Callable[[QWidget], QWidget]) -> None:
    dialogs = build_staff_dialogs(qtbot, store, operations, show)
    problems = {title: hard_to_read(dialog, theme) for title, dialog in dialogs.items()}
    assert problems == {title: [] for title in dialogs}
    # What went wrong is in the theme's own red, not a red chosen for the light theme.
    export, stuck = dialogs["export"], dialogs["stuck"]
    assert isinstance(export, ExportDialog) and isinstance(stuck, StuckDialog)
    for message in (export.where_message, stuck.message, stuck.counter):
        assert message.palette().color(QPalette.ColorRole.WindowText) == QColor(theme.failed)


def wait_for_colours(qtbot: QtBot, editor: CodeEditor) -> None:
    """Wait until the code editor has coloured all its code."""
    highlighter = editor.highlighter
    assert highlighter is not None
    qtbot.waitUntil(lambda: not highlighter.is_pending(), timeout=TIMEOUT)


def feedback_notes() -> list[FeedbackNote]:
    """A comment on some code, an answered question and one still waiting."""
    code = {"index.html": "<!-- my page -->\n<h1 class=\"title\">Hello</h1>\n"}
    return [
        FeedbackNote("Sam wrote (3 May, 14:05):", "Good start. Now add a title.",
                     code_caption="The code you checked on 3 May, 14:00", files=code,
                     created_at="2025-05-03T14:05:00Z"),
        FeedbackNote("You asked (2 May, 10:00):", "Where does the h1 go?",
                     answers=("Sam answered: Inside the body.",), is_question=True,
                     code_caption="The code you had", files=code,
                     created_at="2025-05-02T10:00:00Z"),
        FeedbackNote("You asked (1 May, 09:00):", "What is a tag?", is_question=True,
                     code_caption="The code you had", files=code,
                     created_at="2025-05-01T09:00:00Z"),
    ]


def build_feedback(qtbot: QtBot, show: Callable[[QWidget], QWidget]) -> FeedbackPanel:
    """The learner's Feedback tab with three notes, the newest one's code on show."""
    panel = FeedbackPanel()
    show(panel)
    panel.show_notes(feedback_notes())
    editor = panel.code.currentWidget()
    assert isinstance(editor, CodeEditor)
    wait_for_colours(qtbot, editor)
    return panel


def test_the_feedback_tab_keeps_its_contrast(
        qtbot: QtBot, theme: Theme, show: Callable[[QWidget], QWidget]) -> None:
    panel = build_feedback(qtbot, show)
    assert hard_to_read(panel, theme) == []
    # The note whose code is on show has a frame in a colour that stands out in this theme.
    shown = panel.cards()[0]
    frame = colour_counts(shown.grab().toImage())[QColor(theme.highlight).rgb() & 0xFFFFFF]
    assert frame >= shown.width() + shown.height()
    assert contrast(theme.highlight, theme.window) >= 3.0


def build_review(qtbot: QtBot, store: Store, operations: Operations, tmp_path: Path,
                 show: Callable[[QWidget], QWidget]) -> tuple[ReviewWindow, ChangesView]:
    """The review window on a flagged file, and a diff in the Changes view."""
    window = ReviewWindow(data_folder=store.path.parent, store=store, operations=operations)
    show(window)
    pack = write_pack_file(tmp_path / "flagged.tutorpack", {
        "site/index.html": "<!DOCTYPE html>\n<title>x</title>\n"
                           "<script src=\"https://cdn.x.io/a.js\"></script>\n<p>Hi</p>\n"})
    with qtbot.waitSignal(window.review_loaded, timeout=TIMEOUT):
        window.open_pack(pack)
    with qtbot.waitSignal(window.file_shown, timeout=TIMEOUT):
        window.show_file("site/index.html", line=3)
    assert window.file_view.editor is not None
    wait_for_colours(qtbot, window.file_view.editor)
    changes = ChangesView()
    show(changes)
    changes.diff.setPlainText(DIFF)
    return window, changes


def flag_marks(window: ReviewWindow) -> list[tuple[int, str]]:
    """Each line of the file on show that is marked, with the colour of its mark."""
    editor = window.file_view.editor
    assert editor is not None
    marks = []
    for block in blocks(editor.document()):
        for piece in fragments(block)[:1]:
            mark = piece.charFormat()
            if mark.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline:
                marks.append((block.blockNumber() + 1, mark.underlineColor().name()))
    return marks


def test_review_mode_keeps_its_contrast_and_shows_flags_without_hiding_code(
        qtbot: QtBot, theme: Theme, store: Store, operations: Operations, tmp_path: Path,
        show: Callable[[QWidget], QWidget]) -> None:
    window, changes = build_review(qtbot, store, operations, tmp_path, show)
    assert hard_to_read(window, theme) == []
    assert hard_to_read(changes, theme) == []
    assert flag_marks(window) == [(3, theme.warning)]
    assert contrast(theme.warning, theme.editor_background) >= 3.0
    # Added and removed lines are tinted so they show at a glance.
    tints = {brush_colour(QTextCharFormat(r.format).background())
             for block in blocks(changes.diff.document())
             for r in block.layout().formats()}
    assert len(tints - {None, theme.editor_background}) == 2



@pytest.fixture
def instructor(qtbot: QtBot, tmp_path: Path,
               show: Callable[[QWidget], QWidget]) -> Iterator[InstructorApp]:
    """The instructor's app on a class of made-up learners, one of whom asked a question."""
    folder = tmp_path / "instructor"
    folder.mkdir()
    database = instructor_database_path(folder)
    filled = fill_instructor_store(database, learners=30, demo=True)
    with Store.open(database) as store:
        record_question(store, filled.learner_ids[0], FIRST, "v1", "Where does the h1 go?",
                        {"index.html": "<h2>My page</h2>"})
    app = InstructorApp(data_dir=folder, library=load_library())
    show(app.window)
    app.window.resize(1280, 760)
    qtbot.waitUntil(lambda: app.data.overview is not None, timeout=TIMEOUT)
    yield app
    app.window.close()
    app.shut_down()


def instructor_pages(qtbot: QtBot, app: InstructorApp, tmp_path: Path) -> Iterator[str]:
    """Show each page of the instructor's window in turn, filled; say which is on show."""
    window = app.window
    for title, page in (("dashboard", window.dashboard), ("learners", window.learners),
                        ("exercises", window.exercises)):
        window.show_page(page)
        yield title
    assert app.data.overview is not None
    learner = app.data.overview.learners[0].id
    window.show_learner(learner)
    qtbot.waitUntil(lambda: window.learner_page.history.model().rowCount() > 0,
                    timeout=TIMEOUT)
    yield "learner"
    window.show_work(learner, FIRST)
    qtbot.waitUntil(lambda: window.submission.results.count() > 0, timeout=TIMEOUT)
    yield "work"
    questions = app.exchange.questions
    window.show_page(questions)
    qtbot.waitUntil(lambda: questions.table.model().rowCount() > 0, timeout=TIMEOUT)
    yield "questions"
    window.show_page(app.exchange.reports)
    yield "reports"
    # An import of a file that is not an export at all: refused, in red.
    importer = ImportPage(app.data, staff_action=lambda _action, then: then(),
                          find_drives=lambda: [])
    window.add_page("Import (test)", importer)
    window.show_page(importer)
    junk = tmp_path / "junk.tutorexport"
    junk.write_bytes(b"not an export")
    with qtbot.waitSignal(importer.import_finished, timeout=TIMEOUT):
        importer.start_import([junk])
    yield "import"


def test_every_instructor_page_keeps_its_contrast(
        qtbot: QtBot, theme: Theme, instructor: InstructorApp, tmp_path: Path) -> None:
    problems = {page: hard_to_read(instructor.window, theme)
                for page in instructor_pages(qtbot, instructor, tmp_path)}
    assert problems == {page: [] for page in problems}
    # Bars in the charts stand out from the page (3 to 1, WCAG's measure for graphics).
    chart = instructor.window.exercises.chart
    window_colour = chart.palette().color(QPalette.ColorRole.Window).name()
    for colour in (BAR_COLOUR, PASS_COLOUR, FAIL_COLOUR):
        assert contrast(chart.shape_colour(colour).name(), window_colour) >= 3.0


def test_status_colours_keep_their_text_readable_in_every_theme() -> None:
    # The grid's status colours are the same in every theme; so is the text on them.
    for status, colour in STATUS_COLOURS.items():
        assert contrast(STATUS_TEXT_COLOUR, colour) >= 7.0, status


def build_lesson(show: Callable[[QWidget], QWidget]) -> LessonView:
    """A lesson with inline code and two coloured code boxes."""
    lesson = LessonView()
    lesson.show_lesson("Your first heading", render_markdown(LESSON))
    show(lesson)
    return lesson


def build_trust(show: Callable[[QWidget], QWidget]) -> TrustWorkstationDialog:
    """The question staff answer about a workstation new to this instructor."""
    info = WorkstationInfo("ws-1", "Wing A, PC 1", "7ADA-6203-6456-4E82-E3FD",
                           PrivateKey.generate().public_key("Wing A"), 1)
    dialog = TrustWorkstationDialog(info)
    show(dialog)
    return dialog


def test_trusting_a_workstation_and_lessons_keep_their_contrast(
        theme: Theme, show: Callable[[QWidget], QWidget]) -> None:
    assert hard_to_read(build_trust(show), theme) == []
    lesson = build_lesson(show)
    assert hard_to_read(lesson, theme) == []
    code_colours = {brush_colour(piece.charFormat().foreground())
                    for block in blocks(lesson.document()) for piece in fragments(block)
                    if brush_colour(block.blockFormat().background())}
    assert len(code_colours) >= 4  # the code is still coloured: tags, names, words, notes
    # Code boxes sit quietly in the page: a dark box on a dark theme, never a glaring one.
    page = lesson.palette().color(QPalette.ColorRole.Base).name()
    for block in blocks(lesson.document()):
        box = brush_colour(block.blockFormat().background())
        if box:
            assert contrast(box, page) < 1.5, (box, page)


def test_open_screens_follow_a_change_of_theme(
        qtbot: QtBot, qapp: QApplication, store: Store, operations: Operations,
        tmp_path: Path, instructor: InstructorApp,
        show: Callable[[QWidget], QWidget]) -> None:
    apply_theme(THEMES["light"], qapp)
    feedback = build_feedback(qtbot, show)
    review, changes = build_review(qtbot, store, operations, tmp_path, show)
    lesson = build_lesson(show)
    pages = instructor_pages(qtbot, instructor, tmp_path)
    while next(pages) != "import":
        pass  # the import page's summary is red: it must stay readable too
    for key in ("dark", "high-contrast", "light"):
        theme = THEMES[key]
        apply_theme(theme, qapp)
        for window in (feedback, review, changes, lesson, instructor.window):
            assert hard_to_read(window, theme) == [], (key, type(window).__name__)
        assert flag_marks(review) == [(3, theme.warning)]


def test_code_is_fixed_pitch_and_grows_with_the_text_size(
        qtbot: QtBot, store: Store, operations: Operations, tmp_path: Path,
        show: Callable[[QWidget], QWidget]) -> None:
    text_size = TextSize()
    usual = text_size.usual_point_size()
    feedback = build_feedback(qtbot, show)
    review, changes = build_review(qtbot, store, operations, tmp_path, show)
    lesson = build_lesson(show)
    try:
        text_size.set_percent(150)  # with the screens open
        QApplication.processEvents()
        trust = build_trust(show)  # and one made at the larger size
        code_box = next(block for block in blocks(lesson.document())
                        if brush_colour(block.blockFormat().background()))
        lesson_code = fragments(code_box)[0].charFormat().font()
        assert review.file_view.editor is not None
        fonts = {"diff": (changes.diff.font(), 1.0),
                 "file under review": (review.file_view.editor.font(), 1.0),
                 "code in feedback": (feedback.code.currentWidget().font(), 1.0),
                 "lesson code": (lesson_code.resolve(lesson.document().defaultFont()), 1.0),
                 # Bigger than the name above it, which is bigger than the text.
                 "fingerprint": (trust.fingerprint.font(), 1.2 * 1.2)}
        for where, (font, scale) in fonts.items():
            assert is_fixed_pitch(font), where
            assert font.pointSizeF() == pytest.approx(usual * 1.5 * scale, rel=0.02), where
    finally:
        text_size.restore_usual_font()

"""USB sticks on the workstation, from the window's side: finding them without freezing the
window, and bringing the instructor's feedback file in from one (a staff action).

Looking at drives can hang on a slow or half-pulled stick, so it runs on its own thread.
Importing runs on the store's worker thread; when the file is signed by an instructor key
this workstation does not know yet, that thread waits while staff are asked, on the GUI
thread, whether to trust the key.

Threads here never hold a Qt object: they fill plain Python boxes that a timer on the GUI
thread reads. A window whose last reference is dropped on another thread is freed there,
and that crashes Qt.
"""

from __future__ import annotations

import logging
import queue
import threading
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from tutor.exchange import ExchangeError, import_feedback
from tutor.exchange.drives import Drive, find_removable_drives, first_drive_folder
from tutor.ui.operations import Operations

POLL_MS = 50
FEEDBACK_FILTER = "Feedback files (*.tutorfeedback)"
NOT_IMPORTED = "The feedback was not added. Nothing on this computer was changed."

FindDrives = Callable[[], list[Drive]]
ChooseFile = Callable[[QWidget, Path | None], Path | None]
ConfirmKey = Callable[[QWidget, str], bool]
log = logging.getLogger(__name__)


def while_alive(method: Callable[[Any], None]) -> Callable[[Any], None]:
    """`method`, held weakly, for a job's result: called only if its object still exists.

    Operations keeps a finished job's callback on its worker thread for a while. If that were
    the last hold on a window, the window would be freed on the worker thread, which crashes
    Qt; a weak hold never keeps a window alive, and a closed window is simply not told.
    """
    weak = weakref.WeakMethod(method)

    def deliver(result: Any) -> None:
        target = weak()
        if target is not None and shiboken6.isValid(getattr(target, "__self__", None)):
            target(result)

    return deliver


class DriveFinder(QObject):
    """Lists removable drives on a thread; `drives_found` brings the list to the GUI thread."""

    drives_found = Signal(list)  # list[Drive]

    def __init__(self, find_drives: FindDrives = find_removable_drives,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._find_drives = find_drives
        self._box: dict[str, list[Drive]] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._check)

    @property
    def looking(self) -> bool:
        """True while a look has not come back yet."""
        return self._box is not None

    def look(self) -> None:
        """Start looking; a look started later wins over an earlier one still running."""
        box: dict[str, list[Drive]] = {}
        find_drives = self._find_drives

        def work() -> None:
            try:
                box["drives"] = list(find_drives())
            except Exception:  # noqa: BLE001 - no drive list is better than a broken window
                log.exception("Looking for USB sticks did not work")
                box["drives"] = []

        self._box = box  # an older look that finishes late fills a box nobody reads
        # A daemon thread: a hung drive must never keep the app from closing.
        threading.Thread(target=work, name="tutor-drive-finder", daemon=True).start()
        self._timer.start()

    def _check(self) -> None:
        box = self._box
        if box is None or "drives" not in box:
            return
        self._timer.stop()
        self._box = None
        self.drives_found.emit(box["drives"])


def trust_question(fingerprint: str) -> str:
    """What staff are asked the first time a feedback file comes from a new instructor key."""
    return ("This feedback file is signed by an instructor key that this computer does not "
            f"know yet.\n\nKey fingerprint: {fingerprint}\n\nCheck it with the instructor. "
            "Trust feedback signed by this key?")


def ask_to_trust_key(parent: QWidget, fingerprint: str) -> bool:
    """Ask staff whether to trust a new instructor key; True only for a clear yes."""
    box = QMessageBox(QMessageBox.Icon.Question, "A new instructor key",
                      trust_question(fingerprint), parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    trust = box.addButton("Trust this key", QMessageBox.ButtonRole.YesRole)
    box.addButton("Do not trust it", QMessageBox.ButtonRole.NoRole)
    box.exec()
    return box.clickedButton() is trust


def choose_feedback_file(parent: QWidget, start: Path | None) -> Path | None:
    """Let staff pick a feedback file, starting on the USB stick when there is one."""
    name, _filter = QFileDialog.getOpenFileName(
        parent, "Choose the feedback file", str(start or Path.home()), FEEDBACK_FILTER)
    return Path(name) if name else None


def import_summary(new_by_learner: dict[str, int], already_here: int, left_out: int) -> str:
    """What staff read after an import, such as "3 new comments for 2 learners."."""
    new = sum(new_by_learner.values())
    learners = sum(1 for count in new_by_learner.values() if count)
    if new == 0 and already_here:
        lines = ["No new comments. These comments were added before."]
    elif new == 0:
        lines = ["This file holds no comments for learners on this computer."]
    else:
        comments = "1 new comment" if new == 1 else f"{new:,} new comments"
        people = "1 learner" if learners == 1 else f"{learners:,} learners"
        lines = [f"{comments} for {people}."]
    if already_here and new:
        lines.append(f"{already_here:,} other {'comment was' if already_here == 1 else 'comments were'}"
                     " here already.")
    if left_out:
        lines.append(f"{left_out:,} {'comment is' if left_out == 1 else 'comments are'} for "
                     "learners who are not on this computer, so "
                     f"{'it was' if left_out == 1 else 'they were'} left out.")
    return " ".join(lines)


def _comments_by_learner(store: Any) -> dict[str, int]:
    from tutor.store.feedback import feedback_for

    return {learner.id: len(feedback_for(store, learner.id)) for learner in store.list_learners()}


class FeedbackImport(QObject):
    """The staff action "Import feedback": pick the file, trust its key once, add it."""

    finished = Signal(str)  # what staff were told at the end ("" if they cancelled)

    def __init__(self, *, store: Any, data_folder: Path, operations: Operations,
                 parent: QWidget, find_drives: FindDrives = find_removable_drives,
                 choose_file: ChooseFile = choose_feedback_file,
                 confirm_key: ConfirmKey = ask_to_trust_key,
                 show_message: Callable[[QWidget, str], None] | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._data_folder = data_folder
        self._operations = operations
        self._parent = parent
        self._choose_file = choose_file
        self._confirm_key = confirm_key
        self._show_message = show_message or _message_box
        self._finder = DriveFinder(find_drives, self)
        self._finder.drives_found.connect(self._pick_file)
        # Key questions from the worker thread: (fingerprint, answer box) pairs.
        self._questions: queue.Queue[tuple[str, dict[str, Any]]] = queue.Queue()
        self._question_timer = QTimer(self)
        self._question_timer.setInterval(POLL_MS)
        self._question_timer.timeout.connect(self._answer_questions)

    def start(self) -> None:
        """Look for a USB stick, then open the file picker there."""
        self._finder.look()

    def _pick_file(self, drives: list[Drive]) -> None:
        path = self._choose_file(self._parent, first_drive_folder(drives))
        if path is None:
            self.finished.emit("")  # staff changed their mind: nothing to say
            return
        self.import_file(path)

    def import_file(self, path: Path) -> None:
        """Add the feedback in one file (on the store's worker thread); then say what came in."""
        store, data_folder, questions = self._store, self._data_folder, self._questions

        def ask_staff(fingerprint: str) -> bool:
            # On the worker thread, inside the import: wait for staff to answer.
            answer: dict[str, Any] = {"answered": threading.Event(), "trusted": False}
            questions.put((fingerprint, answer))
            answer["answered"].wait()
            return bool(answer["trusted"])

        def job() -> str:
            try:
                before = _comments_by_learner(store)
                report = import_feedback(store, data_folder, path, enrol_instructor=ask_staff)
                after = _comments_by_learner(store)
            except ExchangeError as error:  # its message is written for staff
                return str(error) or NOT_IMPORTED
            except Exception:  # noqa: BLE001 - staff get a plain message instead
                log.exception("The feedback import did not work")
                return NOT_IMPORTED
            new = {learner: after[learner] - before.get(learner, 0) for learner in after}
            return import_summary(new, report.already_here, report.unknown_learner)

        self._question_timer.start()
        self._operations.run(job, while_alive(self._done))

    def _answer_questions(self) -> None:
        while True:
            try:
                fingerprint, answer = self._questions.get_nowait()
            except queue.Empty:
                return
            try:
                answer["trusted"] = self._confirm_key(self._parent, fingerprint)
            finally:
                answer["answered"].set()

    def _done(self, message: str) -> None:
        self._question_timer.stop()
        self._show_message(self._parent, message)
        self.finished.emit(message)


def _message_box(parent: QWidget, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, "Import feedback", text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()

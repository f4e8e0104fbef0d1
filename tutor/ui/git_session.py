"""One learner's git practice area: the console, the commit graph and the editor agree.

Git commands run on a background thread (a command can take a few hundred milliseconds,
and a hanging one is ended by the console's own time limit). After each command the
editor's files and the graph are read again, so what the learner sees always matches the
working tree. Edits in the editor are written through to the working tree.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from sandbox.git import (
    NO_GIT_MESSAGE,
    CommandResult,
    GitConsole,
    Graph,
    git_available,
    open_practice_area,
    practice_files,
    prepare_practice_area,
    save_practice_file,
)
from sandbox.results import CHECKS_COULD_NOT_RUN, CheckReport
from tutor.content.model import Exercise
from tutor.ui.background import BackgroundCalls
from tutor.ui.commit_graph_view import CommitGraphView
from tutor.ui.git_console_panel import CommitMessageDialog, GitConsolePanel
from tutor.ui.themes import set_tone


class GitWorkArea(QWidget):
    """The console above and the commit graph below, where the preview usually is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.console = GitConsolePanel()
        self.graph = CommitGraphView()
        self.notice = QLabel()
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        set_tone(self.notice, "notice")  # the theme gives notices their colours
        self.notice.hide()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.console)
        split.addWidget(self.graph)
        split.setSizes([220, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notice)
        layout.addWidget(split, 1)

    def show_notice(self, text: str) -> None:
        """Show a plain message above the console (for example: git is missing)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def show_graph(self, graph: Graph) -> None:
        """Draw a repository graph from the sandbox."""
        commits = [{"sha": c.sha, "short": c.short_sha, "parents": list(c.parents),
                    "message": c.message} for c in graph.commits]
        remotes = {name: sha for name, sha in graph.remote_branches.items()
                   if not name.endswith("/HEAD")}
        self.graph.show_graph(commits, graph.head_sha, graph.head_branch,
                              dict(graph.branches), remotes, dict(graph.tags))


class GitSession(QObject):
    """Drives the git work area for one exercise of one learner."""

    files_changed = Signal(dict)  # the working-tree files after a command
    check_finished = Signal(object)  # CheckReport

    def __init__(self, *, exercise: Exercise, folder: Path, area: GitWorkArea,
                 background: BackgroundCalls, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.exercise = exercise
        self.folder = folder
        self.area = area
        self._background = background
        self._console: GitConsole | None = None
        self._closed = False
        self.files_shown: dict[str, str] = {}
        self.files_changed.connect(self._remember_files)
        area.console.clear()
        area.show_notice("")
        area.console.command_entered.connect(self._on_command)

    def start(self) -> None:
        """Open the practice area (making it the first time) and show its state."""
        if not git_available():
            self.area.show_notice(NO_GIT_MESSAGE)
            self.area.console.set_busy(True)
            return
        self.area.console.set_busy(True)
        self._background.run(self._open, self._opened)

    def _open(self) -> tuple[GitConsole, dict[str, str], Graph]:
        check_files = self.exercise.check_files
        if self.folder.is_dir() and any(self.folder.iterdir()):
            console = open_practice_area(check_files, self.folder)
        else:
            console = prepare_practice_area(check_files, self.folder)
        return console, practice_files(console, list(self.exercise.file_names)), console.graph()

    def _opened(self, result: Any) -> None:
        if self._closed:
            return
        if isinstance(result, Exception):
            self.area.show_notice("The practice folder could not be made. Please tell your "
                                  "instructor.")
            return
        self._console, files, graph = result
        self.area.console.set_busy(False)
        self.area.show_graph(graph)
        self.files_changed.emit(files)

    def _on_command(self, line: str) -> None:
        console = self._console
        if console is None or self.area.console.is_busy():
            return
        self.area.console.set_busy(True)
        self._background.run(lambda: self._run(console, line, None), self._ran)

    def _run(self, console: GitConsole, line: str,
             message: str | None) -> tuple[CommandResult, dict[str, str], Graph]:
        result = console.run(line) if message is None else console.run_with_message(line, message)
        return result, practice_files(console, list(self.exercise.file_names)), console.graph()

    def _ran(self, outcome: Any) -> None:
        if self._closed:
            return
        panel = self.area.console
        panel.set_busy(False)
        if isinstance(outcome, Exception):
            panel.show_result("", "That command could not run. Please try again.", False)
            return
        result, files, graph = outcome
        if result.cleared:
            panel.clear()
        elif result.needs_message:
            self._ask_for_message(result.command)
            return
        else:
            panel.show_result(result.command, result.output,
                              result.allowed and result.exit_code == 0,
                              refused=not result.allowed)
        self.area.show_graph(graph)
        self.files_changed.emit(files)

    def _ask_for_message(self, line: str) -> None:
        dialog = CommitMessageDialog(self.area)
        if dialog.exec() and dialog.message() and self._console is not None:
            console, message = self._console, dialog.message()
            self.area.console.set_busy(True)
            self._background.run(lambda: self._run(console, line, message), self._ran)
        else:
            self.area.console.show_result(line, "No message, so nothing was saved.", False)

    def _remember_files(self, files: dict[str, str]) -> None:
        self.files_shown = dict(files)

    def write_files(self, files: dict[str, str]) -> None:
        """Write the editor's files into the working tree (off the GUI thread)."""
        console = self._console
        if console is None:
            return

        def write() -> None:
            for name, text in files.items():
                save_practice_file(console, name, text)

        self._background.run(write, lambda _result: None)

    def check(self) -> None:
        """Check the practice area against the exercise's checks."""
        from sandbox.git import evaluate_git_checks

        check_files, folder = self.exercise.check_files, self.folder
        self._background.run(lambda: evaluate_git_checks(check_files, folder),
                             self._checked)

    def _checked(self, report: Any) -> None:
        if isinstance(report, Exception):
            report = CheckReport.failed_with(CHECKS_COULD_NOT_RUN)
        self.check_finished.emit(report)

    def start_again(self) -> None:
        """Throw the practice area away and set it up fresh."""
        console, self._console = self._console, None
        if console is not None:
            console.close()
        shutil.rmtree(self.folder, ignore_errors=True)
        self.area.console.clear()
        self.start()

    def close(self) -> None:
        """Stop listening to the console panel and let go of the practice area."""
        self._closed = True
        self.area.console.command_entered.disconnect(self._on_command)
        if self._console is not None:
            self._console.close()
            self._console = None

"""One code editor tab per exercise file."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QWidget

from tutor.ui.code_editor import CodeEditor


class EditorTabs(QTabWidget):
    """The exercise's files, each in its own editor tab; says when the learner edits them."""

    files_edited = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Your files")
        self.setDocumentMode(True)
        self._editors: dict[str, CodeEditor] = {}
        self._loading = False
        self._read_only = False
        # Ctrl+Tab leaves the editor, so these move between files instead.
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self._move_tab(step))

    def set_files(self, files: dict[str, str]) -> None:
        """Show these files (name to text), one tab each, without announcing an edit."""
        self._loading = True
        try:
            if list(files) == list(self._editors):
                for name, text in files.items():
                    self._editors[name].set_text(text)
                return
            current = self.tabText(self.currentIndex()) if self.count() else ""
            while self.count():
                old = self.widget(0)
                self.removeTab(0)
                if old is not None:
                    old.hide()  # deleteLater waits for the event loop; it must vanish now
                    old.deleteLater()
            self._editors = {}
            for name, text in files.items():
                editor = CodeEditor(name)
                editor.set_text(text)
                editor.setReadOnly(self._read_only)
                editor.textChanged.connect(self._note_edit)
                self._editors[name] = editor
                self.addTab(editor, name)
            if current in self._editors:
                self.setCurrentWidget(self._editors[current])
            # New widgets join the end of the window's Tab chain; put the editors straight
            # after the file tabs, where a keyboard user expects them.
            previous: QWidget = self.tabBar()
            for editor in self._editors.values():
                QWidget.setTabOrder(previous, editor)
                previous = editor
        finally:
            self._loading = False

    def files(self) -> dict[str, str]:
        """Every file's name and current text."""
        return {name: editor.toPlainText() for name, editor in self._editors.items()}

    def editor(self, file_name: str) -> CodeEditor:
        """The editor that holds one file."""
        return self._editors[file_name]

    def set_read_only(self, read_only: bool) -> None:
        """Stop (or allow) typing in every file, for example while a check runs."""
        self._read_only = read_only
        for editor in self._editors.values():
            editor.setReadOnly(read_only)

    def _note_edit(self) -> None:
        if not self._loading:
            self.files_edited.emit(self.files())

    def _move_tab(self, step: int) -> None:
        if self.count():
            self.setCurrentIndex((self.currentIndex() + step) % self.count())
            self.currentWidget().setFocus(Qt.FocusReason.TabFocusReason)

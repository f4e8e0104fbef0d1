"""Reads the lesson aloud with the computer's own offline voice, where it has one.

Qt's text-to-speech module talks to the system's speech engine (speech-dispatcher on Linux,
the built-in voices on Windows). Loading the module and starting an engine can take a
tenth of a second or more, so both happen on a thread of their own, which also owns the
engine afterwards; the window only sends it text and hears back when speaking starts and
stops. When no engine starts (or Qt's speech module cannot load), the app never shows the
Read aloud button at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QTextDocument

# Qt ships a pretend engine for its own tests; it makes no sound, so it never counts.
PRETEND_ENGINE = "mock"
CODE_SPOKEN = "Here is some code. Read it on the screen."


def lesson_speech_text(document: QTextDocument) -> str:
    """The lesson as words to speak: its paragraphs in order, with code blocks left out.

    Spoken code ("less than h1 greater than") helps no one, so each block of code becomes
    one short sentence that points to the screen.
    """
    parts: list[str] = []
    block = document.begin()
    in_code = False
    while block.isValid():
        is_code = block.blockFormat().nonBreakableLines()  # how Qt marks a <pre> block
        text = block.text().strip()
        if is_code:
            if not in_code:
                parts.append(CODE_SPOKEN)
            in_code = True
        else:
            in_code = False
            if text:
                parts.append(text)
        block = block.next()
    return "\n".join(parts)


class _SpeechWorker(QObject):
    """Lives on the speech thread: starts an engine, then speaks and stops when asked."""

    engine_found = Signal(str)  # the engine's name, or "" when none works
    speaking_changed = Signal(bool)

    def __init__(self, engines: Sequence[str] | None) -> None:
        super().__init__()
        self._wanted = list(engines) if engines is not None else None
        self._speech: Any = None

    @Slot()
    def find_engine(self) -> None:
        """Try each engine in turn; keep the first one that starts."""
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:  # Qt's speech module, or a library it needs, is not installed
            self.engine_found.emit("")
            return
        names = [name for name in QTextToSpeech.availableEngines()
                 if (name in self._wanted if self._wanted is not None
                     else name != PRETEND_ENGINE)]
        for name in names:
            speech = QTextToSpeech(name, self)
            if speech.state() != QTextToSpeech.State.Error:
                self._speech = speech
                speech.stateChanged.connect(self._note_state)
                self.engine_found.emit(name)
                return
            speech.deleteLater()
        self.engine_found.emit("")

    @Slot(str)
    def say(self, text: str) -> None:
        """Start reading `text`, stopping anything read before."""
        if self._speech is not None:
            self._speech.stop()
            self._speech.say(text)

    @Slot()
    def stop(self) -> None:
        """Stop reading now."""
        if self._speech is not None:
            self._speech.stop()

    def _note_state(self, state: Any) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        busy = (QTextToSpeech.State.Speaking, QTextToSpeech.State.Synthesizing,
                QTextToSpeech.State.Paused)
        self.speaking_changed.emit(state in busy)


class ReadAloud(QObject):
    """Reading aloud for the window: says whether it can, reads text, and stops."""

    availability_found = Signal(bool)
    speaking_changed = Signal(bool)
    _say_requested = Signal(str)
    _stop_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: _SpeechWorker | None = None
        self._engine = ""
        self._searched = False
        self._speaking = False

    def start(self, *, engines: Sequence[str] | None = None) -> None:
        """Look for a working engine on the speech thread (all real ones when `engines` is
        None); `availability_found` says what was found."""
        if self._thread is not None:
            return
        thread = QThread()
        thread.setObjectName("speech")
        worker = _SpeechWorker(engines)
        worker.moveToThread(thread)
        thread.started.connect(worker.find_engine)
        thread.finished.connect(worker.deleteLater)
        worker.engine_found.connect(self._found)
        worker.speaking_changed.connect(self._note_speaking)
        self._say_requested.connect(worker.say)
        self._stop_requested.connect(worker.stop)
        self._thread, self._worker = thread, worker
        thread.start()

    def available(self) -> bool:
        """True once an engine has started."""
        return bool(self._engine)

    def engine(self) -> str:
        """The engine's name, or "" when there is none (yet)."""
        return self._engine

    def searched(self) -> bool:
        """True once the search for an engine has finished, found or not."""
        return self._searched

    def is_speaking(self) -> bool:
        """True while the voice is reading."""
        return self._speaking

    def read(self, text: str) -> None:
        """Read `text` aloud (does nothing when there is no engine or no text)."""
        if self.available() and text.strip():
            self._say_requested.emit(text)

    def stop(self) -> None:
        """Stop reading."""
        if self.available():
            self._stop_requested.emit()

    def close(self) -> None:
        """Stop reading and end the speech thread (when the app closes)."""
        if self._thread is None:
            return
        self.stop()
        self._thread.quit()
        self._thread.wait(5000)
        self._thread = None
        self._worker = None
        self._engine = ""

    def _found(self, engine: str) -> None:
        self._engine = engine
        self._searched = True
        self.availability_found.emit(bool(engine))

    def _note_speaking(self, speaking: bool) -> None:
        if speaking != self._speaking:
            self._speaking = speaking
            self.speaking_changed.emit(speaking)

"""What staff can do from review mode: save the report, approve and sign, install.

Each action runs its file work on a background thread and its store work (the audit log)
through the store's worker, and reports back by signal with a plain message. Approving and
installing ask for the staff passphrase first; saving a report changes nothing, so it does
not.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from tutor.content.review import Decision, ReviewedPack

if TYPE_CHECKING:
    from tutor.store import Store
    from tutor.ui.operations import Operations
    from tutor.ui.staff_gate import StaffGate

APPROVE_ACTION = "approve a lesson pack"
INSTALL_ACTION = "install a lesson pack"
NO_GATE = "Staff actions are not available here."


@dataclass(frozen=True)
class _Outcome:
    """What a background action ended with: a value, or a plain message saying why not."""

    value: Any = None
    problem: str = ""


class ReviewActions(QObject):
    """Saves reports, approves and installs the pack shown in a review window."""

    report_saved = Signal(str)  # the file written
    pack_approved = Signal(str)  # the fingerprint of the key that signed
    pack_installed = Signal(object)  # the InstalledPack
    action_failed = Signal(str)  # a plain message
    message_shown = Signal(str)  # any message for the window's status line

    def __init__(self, window: QWidget, *, data_folder: Path, store: Store,
                 operations: Operations, staff_gate: StaffGate | None) -> None:
        super().__init__(window)
        from tutor.ui.background import BackgroundCalls

        self.window = window
        self.data_folder = data_folder
        self.store = store
        self.operations = operations
        self.staff_gate = staff_gate
        self.decision = Decision()
        self.loaded: ReviewedPack | None = None
        self._calls = BackgroundCalls(self)
        self.report_saved.connect(lambda path: self.message_shown.emit(f"Report saved: {path}"))
        self.action_failed.connect(self.message_shown.emit)

    def set_pack(self, loaded: ReviewedPack) -> None:
        """The pack the actions are about; a new pack starts undecided."""
        self.loaded = loaded
        self.decision = Decision()

    # ---- the report ----------------------------------------------------------------------

    def choose_and_save_report(self) -> None:
        """Ask where to save the report, then save it."""
        if self.loaded is None:
            return
        review = self.loaded.review
        suggested = str(self.loaded.path.with_name(
            f"{review.pack_id}-v{review.version}-review.html"))
        target, _filter = QFileDialog.getSaveFileName(self.window, "Save the review report",
                                                      suggested, "Web page (*.html)")
        if target:
            self.save_report_to(Path(target))

    def save_report_to(self, target: Path) -> None:
        """Write the report (with the decision so far) to target, off the GUI thread."""
        if self.loaded is None:
            return
        from tutor.content.review import report_html
        from tutor.trust.atomic import write_atomically

        review, decision = self.loaded.review, self.decision

        def job() -> _Outcome:
            try:
                write_atomically(target, report_html(review, decision).encode("utf-8"))
            except OSError as error:
                return _Outcome(problem=f"The report could not be saved: {error.strerror}.")
            return _Outcome(str(target))

        self.message_shown.emit("Saving the report...")
        self._calls.run(job, lambda outcome: self._finish(outcome, self.report_saved))

    # ---- approve and sign ----------------------------------------------------------------

    def choose_key_and_approve(self) -> None:
        """Ask for the reviewer's private key file, then approve with it."""
        key_file, _filter = QFileDialog.getOpenFileName(
            self.window, "Choose your signing key", "", "Tutor private key (*.key);;All files (*)")
        if key_file:
            self.approve_with_key(Path(key_file))

    def approve_with_key(self, key_path: Path) -> None:
        """Check the key file, ask the staff gate, then sign the pack that was reviewed."""
        if self.loaded is None:
            return
        from tutor.trust.keys import KeyFileError, read_private_key

        try:
            key = read_private_key(key_path)
        except KeyFileError as error:
            self.action_failed.emit(str(error))
            return
        if self.staff_gate is None:
            self.action_failed.emit(NO_GATE)
            return
        loaded = self.loaded

        def sign() -> None:
            self.message_shown.emit("Signing...")
            self._calls.run(lambda: self._approve_job(loaded, key_path, key), self._approved)

        self.staff_gate.run(APPROVE_ACTION, sign)

    @staticmethod
    def _approve_job(loaded: ReviewedPack, key_path: Path, key: Any) -> _Outcome:
        from tutor.content.packs import PackError
        from tutor.content.review import approve_pack, key_comment

        try:
            signer = approve_pack(loaded.path, key,
                                  reviewed_manifest_sha256=loaded.review.manifest_sha256)
        except PackError as error:
            return _Outcome(problem=str(error))
        return _Outcome(Decision(signer.fingerprint, key_comment(key_path, signer)))

    def _approved(self, outcome: object) -> None:
        if not isinstance(outcome, _Outcome) or outcome.problem:
            self.action_failed.emit(_problem(outcome))
            return
        decision: Decision = outcome.value
        review = self.loaded.review if self.loaded else None
        detail = {"pack_id": review.pack_id if review else "",
                  "version": review.version if review else 0,
                  "fingerprint": decision.fingerprint,
                  "manifest_sha256": review.manifest_sha256 if review else ""}
        store = self.store

        def announce(_result: object) -> None:
            self.decision = decision
            self.message_shown.emit(f"Approved: signed with the key {decision.fingerprint}. "
                                    "Save the report to keep a record.")
            self.pack_approved.emit(decision.fingerprint or "")

        self.operations.run(lambda: store.record_audit("staff", "pack approved", detail),
                            announce)

    # ---- install -------------------------------------------------------------------------

    def install(self) -> None:
        """Ask the staff gate, then install the pack with this computer's trusted keys."""
        if self.loaded is None:
            return
        if self.staff_gate is None:
            self.action_failed.emit(NO_GATE)
            return
        path, folder = self.loaded.path, self.data_folder

        def job() -> _Outcome:
            from tutor.content.packs import PackError, install_pack
            from tutor.trust.keys import KeyFileError, read_trusted_keys

            try:
                return _Outcome(install_pack(path, folder, read_trusted_keys(folder)))
            except (PackError, KeyFileError) as error:
                return _Outcome(problem=str(error))

        def start() -> None:
            self.message_shown.emit("Installing...")
            self._calls.run(job, self._installed)

        self.staff_gate.run(INSTALL_ACTION, start)

    def _installed(self, outcome: object) -> None:
        store = self.store
        if not isinstance(outcome, _Outcome) or outcome.problem:
            problem = _problem(outcome)
            name = self.loaded.path.name if self.loaded else ""
            self.operations.run(lambda: store.record_audit(
                "staff", "refused a lesson pack", {"file": name, "reason": problem}))
            self.action_failed.emit(f"Not installed. {problem}")
            return
        pack = outcome.value
        detail = {"pack_id": pack.pack_id, "version": pack.version,
                  "signers": [key.fingerprint for key in pack.signers]}

        def announce(_result: object) -> None:
            self.message_shown.emit(f"Installed version {pack.version} of {pack.title}. "
                                    "Learners see it the next time Tutor starts.")
            self.pack_installed.emit(pack)

        self.operations.run(lambda: store.record_audit("staff", "installed a lesson pack",
                                                       detail), announce)

    def _finish(self, outcome: object, done: Any) -> None:
        if isinstance(outcome, _Outcome) and not outcome.problem:
            done.emit(outcome.value)
        else:
            self.action_failed.emit(_problem(outcome))


def _problem(outcome: object) -> str:
    """The plain message of a failed outcome (or of an unexpected error)."""
    if isinstance(outcome, _Outcome):
        return outcome.problem
    return f"Something went wrong: {outcome}"

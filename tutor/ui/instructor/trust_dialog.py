"""The question staff answer the first time a file comes from a workstation: trust it or not.

Trusting pins the workstation's key here for good, so the dialog shows the fingerprint large
and plain, says where to compare it, and makes Refuse the default button.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from tutor.exchange import WorkstationInfo
from tutor.ui.instructor.dashboard_page import plain_label
from tutor.ui.text_size import fixed_pitch_font

TITLE = "A new workstation"
COMPARE = ("Only press Trust if this matches the fingerprint shown in that workstation's "
           "settings. If it does not match, press Refuse and tell the security team.")


def trust_text(info: WorkstationInfo) -> str:
    """What staff read, in full: the workstation, its fingerprint, and what to check."""
    return f"A new workstation: {info.name}.\n\nFingerprint: {info.fingerprint}\n\n{COMPARE}"


class TrustWorkstationDialog(QDialog):
    """Trust or refuse a workstation that has not sent progress here before."""

    def __init__(self, info: WorkstationInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.setAccessibleDescription(trust_text(info))
        self.name = plain_label(f"A new workstation: {info.name}.")
        bold = QFont(self.name.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.2)
        self.name.setFont(bold)
        self.fingerprint = plain_label(f"Fingerprint: {info.fingerprint}")
        mono = fixed_pitch_font()
        # Larger than the name, which is already larger than the text size: both move with it.
        mono.setPointSizeF(bold.pointSizeF() * 1.2)
        mono.setBold(True)
        self.fingerprint.setFont(mono)
        self.compare = plain_label(COMPARE)
        self.trust_button = QPushButton("Trust")
        self.refuse_button = QPushButton("Refuse")
        self.refuse_button.setDefault(True)
        self.refuse_button.setAutoDefault(True)
        self.trust_button.setAutoDefault(False)
        self.trust_button.clicked.connect(self.accept)
        self.refuse_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.trust_button)
        buttons.addWidget(self.refuse_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addSpacing(6)
        layout.addWidget(self.fingerprint)
        layout.addSpacing(6)
        layout.addWidget(self.compare)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)
        self.refuse_button.setFocus()


def ask_to_trust_workstation(parent: QWidget, info: WorkstationInfo) -> bool:
    """Ask staff whether to trust a new workstation; True only when they press Trust."""
    dialog = TrustWorkstationDialog(info, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()

"""Progress exports, imports and feedback files: everything that crosses the air gap.

No Qt here. Every function may take seconds on a big store or a slow USB stick, so the
window calls them on its worker thread.
"""

from __future__ import annotations

from .archive import ExchangeLimits
from .errors import ExchangeError
from .export_file import ExportResult, write_export
from .feedback_files import FeedbackImportReport, import_feedback, write_feedback
from .identity import (
    instructor_fingerprint,
    instructor_key,
    workstation_fingerprint,
    workstation_key,
)
from .import_report import FileReport, ImportReport, WorkstationInfo
from .importer import import_exports
from .plan import ExportPlan, plan_export

__all__ = [
    "ExchangeError",
    "ExchangeLimits",
    "ExportPlan",
    "ExportResult",
    "FeedbackImportReport",
    "FileReport",
    "ImportReport",
    "WorkstationInfo",
    "import_exports",
    "import_feedback",
    "instructor_fingerprint",
    "instructor_key",
    "plan_export",
    "workstation_fingerprint",
    "workstation_key",
    "write_export",
    "write_feedback",
]

"""What a check run reports, shared by every runner (web, git, SQL)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

TestStatus = Literal["passed", "failed", "skipped"]

# Said when the checking machinery itself broke (never for a learner's mistake); the detail
# goes to the console for the instructor.
CHECKS_COULD_NOT_RUN = ("The checks could not run. This is not your fault. "
                        "Please tell your instructor.")
NO_CHECKS = "This exercise has no checks."
ConsoleLevel = Literal["log", "info", "warn", "error"]


@dataclass(frozen=True)
class TestOutcome:
    """One check: its name, whether it passed, and what to fix when it did not."""

    name: str
    status: TestStatus
    message: str = ""
    duration_ms: float = 0.0

    @property
    def passed(self) -> bool:
        return self.status == "passed"

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "passed": self.passed,
            "status": self.status,
            "message": self.message,
            "duration_ms": round(self.duration_ms, 1),
        }


@dataclass(frozen=True)
class ConsoleEntry:
    """A line the learner's code printed, or an error it raised, with where it came from."""

    level: ConsoleLevel
    text: str
    source: str = ""
    line: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"level": self.level, "text": self.text, "source": self.source, "line": self.line}


@dataclass(frozen=True)
class CheckReport:
    """The whole result of one check run."""

    passed: bool
    tests: tuple[TestOutcome, ...] = ()
    console: tuple[ConsoleEntry, ...] = ()
    duration_ms: float = 0.0
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self, exercise_id: str) -> dict[str, Any]:
        data: dict[str, Any] = {
            "exercise": exercise_id,
            "passed": self.passed,
            "tests": [t.to_json() for t in self.tests],
            "console": [c.to_json() for c in self.console],
            "duration_ms": round(self.duration_ms, 1),
            "error": self.error,
        }
        data.update(self.extra)
        return data

    @staticmethod
    def failed_with(error: str, *, console: tuple[ConsoleEntry, ...] = (),
                    duration_ms: float = 0.0) -> CheckReport:
        """A run that could not finish: no test passed, and `error` says why in plain words."""
        return CheckReport(passed=False, console=console, duration_ms=duration_ms, error=error)

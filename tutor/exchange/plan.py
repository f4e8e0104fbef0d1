"""What an export will carry off the workstation, in words a vetting officer can check."""

from __future__ import annotations

from dataclasses import dataclass, field

from tutor.store import Store
from tutor.store.merge import LearnerSummary, export_state, export_summary

from .export_file import DEMO_SETTING
from .identity import workstation_name
from .records import EVENT_FIELDS, LEARNER_FIELDS

# What each field is, in plain words, in the order the file holds them.
LEARNER_FIELD_WORDS: dict[str, str] = {
    "id": "their id (a long code made at random)",
    "display_name": "their display name",
    "created_at": "when they were added",
    "is_demo": "whether they are made up for a demo",
    "workstation_id": "the id of the workstation they were added on",
}
EVENT_FIELD_WORDS: dict[str, str] = {
    "id": "its id (a long code made at random)",
    "learner_id": "which learner it belongs to",
    "exercise_id": "which exercise it is about",
    "content_version": "which version of the exercise",
    "kind": "what kind of record it is",
    "created_at": "when it was made",
    "passed": "whether the checks passed",
    "results": "the check results, or the question the learner asked",
    "files": "the learner's code at that moment",
    "duration_ms": "how long the checks took",
    "workstation_id": "the id of this workstation",
}
KIND_WORDS = {"check": ("attempt", "attempts"), "hint_shown": ("hint shown", "hints shown"),
              "started_again": ("fresh start", "fresh starts"),
              "question": ("question", "questions")}


def _count(number: int, one: str, many: str) -> str:
    return f"1 {one}" if number == 1 else f"{number:,} {many}"


@dataclass(frozen=True)
class ExportPlan:
    """Exactly what the next export will hold, worked out before anything is written."""

    workstation_id: str
    workstation_name: str
    sequence: int
    learners: list[LearnerSummary]
    total_events: int
    total_attempts: int
    kinds: dict[str, int]
    demo: bool
    fields: dict[str, tuple[str, ...]] = field(default_factory=lambda: {
        "learners": LEARNER_FIELDS, "events": EVENT_FIELDS})

    def summary_lines(self) -> list[str]:
        """The plan as short plain sentences, one idea each, for staff to read before writing."""
        lines: list[str] = []
        if self.demo:
            lines.append("This is demo data. It was made up for training.")
        if not self.learners:
            lines.append("There are no learners on this workstation yet. "
                         "The file will hold no work.")
        else:
            lines.append(f"The file will hold the work of "
                         f"{_count(len(self.learners), 'learner', 'learners')}:")
            for learner in self.learners:
                demo = " (made up for a demo)" if learner.is_demo else ""
                lines.append(f"  {learner.display_name}{demo}: "
                             f"{_count(learner.attempts, 'attempt', 'attempts')}, "
                             f"{_count(learner.events, 'record', 'records')} in all.")
            lines.append(f"In all: {_count(self.total_attempts, 'attempt', 'attempts')} at "
                         f"exercises, in {_count(self.total_events, 'record', 'records')}.")
            others = [_count(count, *KIND_WORDS.get(kind, (kind.replace("_", " "),) * 2))
                      for kind, count in sorted(self.kinds.items()) if kind != "check"]
            if others:
                lines.append("The other records are: " + ", ".join(others) + ".")
        lines.append("For each learner, the file holds:")
        lines += [f"  - {LEARNER_FIELD_WORDS.get(name, name)}" for name in self.fields["learners"]]
        lines.append("For each record, the file holds:")
        lines += [f"  - {EVENT_FIELD_WORDS.get(name, name)}" for name in self.fields["events"]]
        lines.append(f"It also holds this workstation's name ({self.workstation_name}), "
                     f"its id, its public key and the number of this export ({self.sequence}).")
        lines.append("Nothing else leaves this workstation: no PINs, no unsaved work, "
                     "no settings.")
        return lines


def plan_export(store: Store) -> ExportPlan:
    """Work out what the next export will hold (call it off the GUI thread)."""
    learners, kinds = export_summary(store)
    return ExportPlan(
        workstation_id=store.workstation_id,
        workstation_name=workstation_name(store),
        sequence=export_state(store).sequence + 1,
        learners=learners,
        total_events=sum(kinds.values()),
        total_attempts=kinds.get("check", 0),
        kinds=kinds,
        demo=store.setting(DEMO_SETTING) == "true",
    )

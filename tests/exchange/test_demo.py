"""Demo data: believable work, marked as made up wherever it shows, and never mixed with real."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tutor.content.loader import load_library
from tutor.exchange import ExchangeError, import_exports, plan_export
from tutor.exchange.demo import DEMO_PIN, fill_demo
from tutor.store import Store
from tutor.store.merge import known_workstations

from .conftest import Workstation, trust_all

LIBRARY = load_library()
MakeWorkstation = Callable[[str], Workstation]


def test_demo_work_looks_real_and_is_marked(make_workstation: MakeWorkstation,
                                            instructor: Store, stick: Path) -> None:
    demo = make_workstation("demo")
    summary = fill_demo(demo.store, LIBRARY, learners=6, seed=7)
    learners = demo.store.list_learners()
    assert summary.learners == 6 and len(learners) == 6
    assert all(learner.is_demo and learner.display_name.startswith("Demo ")
               for learner in learners)
    assert demo.store.setting("demo_data") == "true"
    assert demo.store.verify_pin(learners[0].id, DEMO_PIN)
    events = [event for learner in learners for event in demo.store.events_for(learner.id)]
    kinds = Counter(event.kind for event in events)
    assert kinds["check"] > kinds["hint_shown"] > 0
    known = {exercise.id for exercise in LIBRARY.exercises()}
    assert {event.exercise_id for event in events} <= known
    for learner in learners:
        mine = demo.store.events_for(learner.id)
        first = next(exercise for exercise in LIBRARY.exercises()
                     if exercise.id == mine[0].exercise_id)
        checks = [event for event in mine if event.kind == "check" and
                  event.exercise_id == first.id]
        # Many learners fail first; whoever passes, passes with the solution's code.
        assert checks[-1].passed is (checks[-1].files == dict(first.solution_files))
        assert all(event.files == dict(first.starter_files) for event in checks
                   if not event.passed)
        times = [event.created_at for event in mine]
        assert times == sorted(times)
    questions = [event for event in events if event.kind == "question"]
    for question in questions:
        assert isinstance(question.results[0]["question"], str) and question.files
    assert "This is demo data" in "\n".join(plan_export(demo.store).summary_lines())
    report = import_exports(instructor, [demo.export(stick)], enrol=trust_all)
    assert report.files[0].status == "imported" and "demo data" in report.files[0].message
    assert all(learner.is_demo for learner in instructor.list_learners())
    assert report.events_held == summary.events


def test_demo_data_never_goes_in_with_real_learners(workstation: Workstation) -> None:
    with pytest.raises(ExchangeError, match="real learners"):
        fill_demo(workstation.store, LIBRARY, learners=3)
    assert len(workstation.store.list_learners()) == 2


def test_an_instructors_demo_spreads_learners_over_workstations(instructor: Store) -> None:
    summary = fill_demo(instructor, LIBRARY, learners=9, workstations=3, instructor=True, seed=3)
    stations = known_workstations(instructor)
    assert [station.name for station in stations] == [
        "Demo workstation 1", "Demo workstation 2", "Demo workstation 3"]
    assert summary.pin is None and instructor.setting("demo_data") == "true"
    learners = instructor.list_learners()
    assert len(learners) == 9 and not instructor.verify_pin(learners[0].id, DEMO_PIN)
    with instructor._reading() as database:
        homes = Counter(row[0] for row in database.conn.execute(
            "SELECT workstation_id FROM learners"))
    assert sorted(homes.values()) == [3, 3, 3]
    assert set(homes) == {station.id for station in stations}
    assert instructor.stats()["events"] == summary.events


def test_a_workstation_demo_has_one_workstation(make_workstation: MakeWorkstation) -> None:
    demo = make_workstation("demo")
    with pytest.raises(ExchangeError, match="--instructor"):
        fill_demo(demo.store, LIBRARY, learners=3, workstations=2)
    assert demo.store.stats()["learners"] == 0

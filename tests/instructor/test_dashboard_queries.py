"""The dashboard's figures, worked out from crafted event logs with known answers."""

from __future__ import annotations

from datetime import UTC, date, timedelta

import pytest

from tutor.store import Store
from tutor.store.dashboard import (
    GAP_CAP_SECONDS,
    LEARNER_EVENTS_SQL,
    PROGRESS_EVERY,
    STUCK_FAILED_CHECKS,
    STUCK_MINUTES,
    DashboardCache,
    activity_by_day,
    cell_status,
    learner_history,
)

from .conftest import LogWriter


def overview_of(log: LogWriter):  # type: ignore[no-untyped-def]
    with Store.open(log.path) as store:
        return DashboardCache(store).refresh()


def test_statuses_follow_the_stuck_rules(log: LogWriter) -> None:
    done = log.learner("Dana")
    for minute in range(6):
        log.event(done, "html.a", minute)
    log.event(done, "html.a", 7, passed=True)
    four_fails = log.learner("Femi")
    for minute in range(STUCK_FAILED_CHECKS - 1):
        log.event(four_fails, "html.a", minute)
    five_fails = log.learner("Gary")
    for minute in range(STUCK_FAILED_CHECKS):
        log.event(five_fails, "html.a", minute)
    slow = log.learner("Harry")  # two failed checks, but 20 minutes of steady work
    log.event(slow, "html.a", 0, "hint_shown")  # the first event counts as 10 minutes
    log.event(slow, "html.a", 4)
    log.event(slow, "html.a", STUCK_MINUTES - GAP_CAP_SECONDS / 60)
    nearly = log.learner("Ivan")  # the same, a second short
    log.event(nearly, "html.a", 0, "hint_shown")
    log.event(nearly, "html.a", 4)
    log.event(nearly, "html.a", STUCK_MINUTES - GAP_CAP_SECONDS / 60 - 1 / 60)
    overview = overview_of(log)

    assert overview.learner(done).status("html.a") == "done"  # stuck before, but passed
    assert overview.learner(four_fails).status("html.a") == "started"
    assert overview.learner(five_fails).status("html.a") == "stuck"
    assert overview.learner(slow).cells["html.a"].seconds_spent == STUCK_MINUTES * 60
    assert overview.learner(slow).status("html.a") == "stuck"
    assert overview.learner(slow).status("html.b") == "not started"
    assert overview.learner(nearly).status("html.a") == "started"
    summary = overview.exercise_summary("html.a")
    assert (summary.done, summary.started, summary.stuck, summary.not_started) == (1, 2, 2, 0)
    assert [s.display_name for s in summary.stuck_learners] == ["Gary", "Harry"]
    assert [s.failed_checks for s in summary.stuck_learners] == [5, 2]


def test_a_hint_or_question_alone_counts_as_started() -> None:
    assert cell_status(passed=False, failed_checks=0, seconds_spent=60) == "started"
    assert cell_status(passed=False, failed_checks=0, seconds_spent=0,
                       any_events=False) == "not started"


def test_time_spent_caps_each_gap_and_goes_to_the_later_exercise(log: LogWriter) -> None:
    sam = log.learner("Sam")
    log.event(sam, "html.a", 0)          # first event of all: the cap, 10 minutes
    log.event(sam, "html.a", 4)          # 4 minutes
    log.event(sam, "html.b", 7)          # 3 minutes, counted for html.b
    log.event(sam, "html.b", 60 * 24)    # the next day: capped at 10 minutes
    log.event(sam, "html.a", 60 * 24 + 2, passed=True)  # 2 minutes, back on html.a
    learner = overview_of(log).learner(sam)

    assert learner.cells["html.a"].seconds_spent == (10 + 4 + 2) * 60
    assert learner.cells["html.b"].seconds_spent == (3 + 10) * 60
    assert learner.seconds_spent == 29 * 60
    assert learner.cells["html.a"].checks_to_pass == 3
    assert learner.cells["html.a"].failed_checks == 2
    assert learner.current_exercise_id == "html.a"
    assert (learner.done, learner.started, learner.stuck) == (1, 1, 0)


def test_checks_to_pass_counts_checks_up_to_the_first_pass(log: LogWriter) -> None:
    needs = {"Ann": 1, "Ben": 3, "Cal": 3, "Dee": 12}
    for name, checks in needs.items():
        learner = log.learner(name)
        for minute in range(checks - 1):
            log.event(learner, "css.a", minute)
            log.event(learner, "css.a", minute + 0.5, "hint_shown")  # not a check
        log.event(learner, "css.a", checks, passed=True)
        log.event(learner, "css.a", checks + 1, passed=False)  # after passing: no change
    summary = overview_of(log).exercise_summary("css.a")

    assert dict(summary.checks_to_pass) == {1: 1, 3: 2, 12: 1}
    assert summary.done == 4 and summary.stuck == 0


def test_workstations_demo_and_totals(log: LogWriter) -> None:
    moved = log.learner("Moved", workstation="ws-home")
    log.event(moved, "html.a", 0, workstation="ws-other")
    log.learner("Idle")
    overview = overview_of(log)

    assert overview.learner(moved).workstation_ids == ("ws-home", "ws-other")
    assert [learner.display_name for learner in overview.learners] == ["Idle", "Moved"]
    assert overview.events == 1
    assert not overview.demo
    log.learner("Practice", is_demo=True)
    assert overview_of(log).demo


def test_the_demo_setting_marks_demo_data(log: LogWriter) -> None:
    with Store.open(log.path) as store:
        store.set_setting("demo_data", "true")
        assert DashboardCache(store).refresh().demo


def test_a_refresh_works_out_new_events_and_forgets_removed_learners(log: LogWriter) -> None:
    kept = log.learner("Kept")
    log.event(kept, "html.a", 0)
    with Store.open(log.path) as store:
        cache = DashboardCache(store)
        assert cache.refresh().learner(kept).cells["html.a"].checks == 1
        # Through the public API, as the learner's own app writes.
        store.record_check(kept, "html.a", "v1", passed=True, results=[], files={},
                           duration_ms=3.0)
        newcomer = store.create_learner("Newcomer", "1234")
        store.record_event(newcomer.id, "html.b", "v1", "hint_shown")
        overview = cache.refresh()
        assert overview.learner(kept).cells["html.a"].checks == 2
        assert overview.learner(kept).status("html.a") == "done"
        assert overview.learner(newcomer.id).status("html.b") == "started"
        assert overview.events == 3
        with store._writing() as database:
            database.conn.execute("DELETE FROM learners WHERE id = ?", [newcomer.id])
        # The newcomer's event had the highest rowid; this one takes it over.
        store.record_check(kept, "html.a", "v1", passed=False, results=[], files={},
                           duration_ms=3.0)
        overview = cache.refresh()
        assert overview.learner(newcomer.id) is None
        assert [learner.display_name for learner in overview.learners] == ["Kept"]
        assert overview.learner(kept).cells["html.a"].checks == 3


def test_history_is_newest_first_with_counts_and_questions(log: LogWriter) -> None:
    sam = log.learner("Sam")
    log.event(sam, "html.a", 0, results=[
        {"name": "Heading", "status": "passed", "message": ""},
        {"name": "Title", "status": "failed", "message": "Add a title."},
        {"name": "Old shape", "passed": True, "message": ""}])
    log.event(sam, "html.a", 1, "question", results=[{"question": "Why no title?\nHelp"}])
    log.event(sam, "html.a", 2, "hint_shown")
    with Store.open(log.path) as store:
        history = learner_history(store, sam)

    assert [item.kind for item in history] == ["hint_shown", "question", "check"]
    assert (history[2].checks_passed, history[2].checks_total) == (2, 3)
    assert history[1].question == "Why no title?\nHelp"
    assert history[2].passed is False


def test_activity_is_counted_per_day(log: LogWriter) -> None:
    sam = log.learner("Sam")
    log.event(sam, "html.a", 0)
    log.event(sam, "html.a", 5, passed=True)
    log.event(sam, "html.b", 6, "hint_shown")
    log.event(sam, "html.b", 60 * 48)
    with Store.open(log.path) as store:
        days = activity_by_day(learner_history(store, sam), UTC)
    first = log.at(0).date()

    assert [(d.day, d.checks, d.passes, d.other) for d in days] == [
        (first, 2, 1, 1), (first + timedelta(days=2), 1, 0, 0)]
    assert isinstance(days[0].day, date)


@pytest.mark.slow
def test_a_class_of_three_hundred_is_worked_out_quickly(big_class) -> None:  # type: ignore[no-untyped-def]
    import time

    path, filled = big_class
    heard: list[tuple[int, int]] = []
    with Store.open(path) as store:
        started = time.perf_counter()
        overview = DashboardCache(store).refresh(lambda done, total: heard.append((done, total)))
        took = time.perf_counter() - started
    assert len(overview.learners) == 300 and overview.events == filled.events
    assert took < 5.0, f"the overview took {took:.2f} s"
    assert heard[0] == (PROGRESS_EVERY, 300) and heard[-1] == (300, 300)


def test_a_learners_events_are_read_from_the_dashboard_index_alone(log: LogWriter) -> None:
    with Store.open(log.path) as store, store._reading() as database:
        plan = database.conn.execute("EXPLAIN QUERY PLAN " + LEARNER_EVENTS_SQL,
                                     ["someone"]).fetchall()
    assert "USING COVERING INDEX events_for_dashboard" in " ".join(str(row[-1]) for row in plan)

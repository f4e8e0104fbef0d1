"""`tutor export`, `import`, `feedback`, `demo` and `stats --instructor`, run as a script would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tutor.paths import instructor_database_path
from tutor.store import Store
from tutor.store.feedback import add_feedback

PASSPHRASE = "correct horse battery"


def tutor(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TUTOR_STAFF_PASSPHRASE=PASSPHRASE)
    env.pop("TUTOR_DATA_DIR", None)
    return subprocess.run([sys.executable, "-m", "tutor.cli", "--data-dir", str(data_dir),
                           *args], capture_output=True, text=True, timeout=120, env=env,
                          stdin=subprocess.DEVNULL)


def ok_json(result: subprocess.CompletedProcess[str]) -> Any:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def places(tmp_path: Path) -> tuple[Path, Path, Path]:
    workstation, instructor, stick = tmp_path / "ws", tmp_path / "instructor", tmp_path / "stick"
    stick.mkdir()
    return workstation, instructor, stick


def test_demo_export_import_and_feedback_round_trip(places: tuple[Path, Path, Path]) -> None:
    workstation, instructor, stick = places
    demo = ok_json(tutor("demo", "--learners", "3", "--seed", "5", "--json",
                         data_dir=workstation))
    assert demo["learners"] == 3 and demo["pin"] == "1234" and demo["demo_data"] is True
    stats = ok_json(tutor("stats", "--json", data_dir=workstation))
    assert stats["events"] == demo["events"] and stats["demo_data"] is True

    exported = ok_json(tutor("export", "--to", str(stick), "--json", data_dir=workstation))
    assert set(exported) >= {"file", "learners", "events", "sequence"}
    assert (exported["learners"], exported["events"], exported["sequence"]) == (
        3, demo["events"], 1)

    # No terminal and no --enrol: an unknown workstation is refused, and the command says so.
    strange = tutor("import", str(stick), "--json", data_dir=instructor)
    assert strange.returncode == 1 and "--enrol" in strange.stderr
    refused = json.loads(strange.stdout)["files"][0]
    assert refused["status"] == "refused" and exported["fingerprint"] in refused["message"]

    imported = ok_json(tutor("import", exported["file"], "--enrol", exported["fingerprint"],
                             "--json", data_dir=instructor))
    assert imported["events_held"] == demo["events"]
    first = imported["files"][0]
    assert (first["status"], first["new_events"]) == ("imported", demo["events"])
    assert first["message"]
    again = ok_json(tutor("import", str(stick), "--json", data_dir=instructor))
    assert [item["status"] for item in again["files"]] == ["duplicate"]
    assert again["files"][0]["new_events"] == 0 and again["events_held"] == demo["events"]
    counted = ok_json(tutor("stats", "--instructor", "--json", data_dir=instructor))
    assert (counted["learners"], counted["events"]) == (3, demo["events"])

    with Store.open(instructor_database_path(instructor)) as store:
        learner = store.list_learners()[0]
        add_feedback(store, learner_id=learner.id, exercise_id="html.first-heading",
                     text="Nice work.", author="Jo")
    short = Path(exported["file"]).name.split("-")[2]
    sent = ok_json(tutor("feedback", "export", "--workstation", short, "--to", str(stick),
                         "--json", data_dir=instructor))
    assert sent["feedback"] == 1 and Path(sent["file"]).is_file()
    unsure = tutor("feedback", "import", sent["file"], "--json", data_dir=workstation)
    assert unsure.returncode == 1 and json.loads(unsure.stdout)["status"] == "refused"
    fingerprint = json.loads(unsure.stdout)["message"].split("fingerprint ")[1][:24]
    taken = ok_json(tutor("feedback", "import", sent["file"], "--enrol", fingerprint, "--json",
                          data_dir=workstation))
    assert taken["new_feedback"] == 1 and taken["status"] == "imported"


def test_bad_input_says_so_on_one_line(places: tuple[Path, Path, Path]) -> None:
    workstation, instructor, stick = places
    missing = tutor("export", "--to", str(stick / "unplugged"), data_dir=workstation)
    assert missing.returncode == 2 and len(missing.stderr.strip().splitlines()) == 1
    assert "no folder" in missing.stderr
    nothing = tutor("import", str(stick / "nothing.tutorexport"), "--json", data_dir=instructor)
    assert nothing.returncode == 1
    assert json.loads(nothing.stdout)["files"][0]["status"] == "refused"
    typo = tutor("import", str(stick), "--enrol", "not-a-fingerprint", data_dir=instructor)
    assert typo.returncode == 2 and "not a fingerprint" in typo.stderr
    mixed = tutor("demo", "--learners", "2", "--workstations", "2", data_dir=workstation)
    assert mixed.returncode == 2 and "--instructor" in mixed.stderr

"""Applying the installer config at start: keys, passphrase, settings, the data folder, refusal."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tutor.cli import main
from tutor.install_config import read_install_config
from tutor.paths import database_path
from tutor.store import Store
from tutor.store.learner_admin import change_setting
from tutor.trust.keys import read_trusted_keys
from tutor.workstation_setup import apply_to_data_folder

from .conftest import PASSPHRASE, passphrase_hash, public_key

WriteConfig = Callable[[str], Path]


def audit_actions(folder: Path) -> list[tuple[str, str]]:
    with Store.open(database_path(folder)) as store:
        return [(entry.role, entry.action) for entry in store.audit_entries()]


def full_config(write_config: WriteConfig, *, hashed: str | None = None) -> Path:
    key = public_key()
    return write_config(f'''
workstation_name = "Desk 4"
staff_passphrase_hash = "{hashed or passphrase_hash()}"
learners_may_reset_pin = true
trusted_keys = ["{key.as_line()}"]
''')


def test_a_new_workstation_gets_every_setting_and_an_audit_entry_for_each(
        write_config: WriteConfig, tmp_path: Path) -> None:
    config = read_install_config(full_config(write_config))
    folder = tmp_path / "data"
    changes = apply_to_data_folder(config, folder)
    assert len(changes) == 4
    assert [key.raw for key in read_trusted_keys(folder)] == [config.trusted_keys[0].raw]
    with Store.open(database_path(folder)) as store:
        assert store.verify_staff_passphrase(PASSPHRASE)
        assert store.setting("workstation_name") == "Desk 4"
        assert store.setting("learners_may_reset_pin") == "true"
        entries = store.audit_entries()
    assert {entry.role for entry in entries} == {"installer"}
    assert entries[0].detail["fingerprint"] == config.trusted_keys[0].fingerprint
    assert len(entries) == 4


def test_starting_again_changes_nothing(write_config: WriteConfig, tmp_path: Path) -> None:
    config = read_install_config(full_config(write_config))
    folder = tmp_path / "data"
    apply_to_data_folder(config, folder)
    before = audit_actions(folder)
    assert apply_to_data_folder(config, folder) == []
    assert audit_actions(folder) == before
    assert len(read_trusted_keys(folder)) == 1


def test_a_passphrase_staff_changed_later_is_never_put_back(
        write_config: WriteConfig, tmp_path: Path) -> None:
    config = read_install_config(full_config(write_config))
    folder = tmp_path / "data"
    apply_to_data_folder(config, folder)
    with Store.open(database_path(folder)) as store:
        store.set_staff_passphrase("a newer staff passphrase", current=PASSPHRASE)
    apply_to_data_folder(config, folder)
    with Store.open(database_path(folder)) as store:
        assert store.verify_staff_passphrase("a newer staff passphrase")
        assert not store.verify_staff_passphrase(PASSPHRASE)


def test_a_new_config_hash_does_not_replace_a_passphrase_and_says_so_once(
        write_config: WriteConfig, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    apply_to_data_folder(read_install_config(full_config(write_config)), folder)
    newer = read_install_config(full_config(write_config, hashed=passphrase_hash("another one!")))
    changes = apply_to_data_folder(newer, folder)
    assert "The staff passphrase was kept: this workstation already had one." in changes
    apply_to_data_folder(newer, folder)
    assert audit_actions(folder).count(("installer", "installer config passphrase not used")) == 1
    with Store.open(database_path(folder)) as store:
        assert store.verify_staff_passphrase(PASSPHRASE)


def test_changed_settings_in_a_new_config_are_applied(write_config: WriteConfig,
                                                      tmp_path: Path) -> None:
    folder = tmp_path / "data"
    apply_to_data_folder(read_install_config(full_config(write_config)), folder)
    apply_to_data_folder(read_install_config(write_config(
        'workstation_name = "Library, desk 1"\nlearners_may_reset_pin = false\n')), folder)
    with Store.open(database_path(folder)) as store:
        assert store.setting("workstation_name") == "Library, desk 1"
        assert store.setting("learners_may_reset_pin") == "false"


def staff_change_in_settings(folder: Path, name: str, may_reset_pin: str) -> None:
    """Change the name and PIN setting as the staff Settings dialog does."""
    with Store.open(database_path(folder)) as store:
        change_setting(store, "workstation_name", name)
        change_setting(store, "learners_may_reset_pin", may_reset_pin)


def settings_of(folder: Path) -> tuple[str | None, str | None]:
    with Store.open(database_path(folder)) as store:
        return store.setting("workstation_name"), store.setting("learners_may_reset_pin")


def test_what_staff_set_in_settings_stays_while_the_config_is_unchanged(
        write_config: WriteConfig, tmp_path: Path) -> None:
    config = read_install_config(full_config(write_config))
    folder = tmp_path / "data"
    apply_to_data_folder(config, folder)
    staff_change_in_settings(folder, "Library, desk 9", "false")
    before = audit_actions(folder)

    assert apply_to_data_folder(config, folder) == []  # the next start

    assert settings_of(folder) == ("Library, desk 9", "false")
    assert audit_actions(folder) == before


def test_a_changed_config_wins_over_staff_once(write_config: WriteConfig,
                                               tmp_path: Path) -> None:
    folder = tmp_path / "data"
    apply_to_data_folder(read_install_config(full_config(write_config)), folder)
    staff_change_in_settings(folder, "Library, desk 9", "false")
    newer = read_install_config(write_config(
        'workstation_name = "Desk 5"\nlearners_may_reset_pin = false\n'))

    changes = apply_to_data_folder(newer, folder)

    assert changes == ["Workstation name set to Desk 5."]  # the PIN setting was false already
    assert settings_of(folder) == ("Desk 5", "false")
    assert audit_actions(folder)[-1] == ("installer", "setting changed")
    staff_change_in_settings(folder, "Desk 6", "true")
    assert apply_to_data_folder(newer, folder) == []
    assert settings_of(folder) == ("Desk 6", "true")


def test_a_setting_taken_out_of_the_config_and_put_back_is_applied_again(
        write_config: WriteConfig, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    named = write_config('workstation_name = "Desk 4"\n')
    apply_to_data_folder(read_install_config(named), folder)
    apply_to_data_folder(read_install_config(write_config("")), folder)
    staff_change_in_settings(folder, "Desk 9", "false")
    assert settings_of(folder)[0] == "Desk 9"

    apply_to_data_folder(read_install_config(write_config('workstation_name = "Desk 4"\n')),
                         folder)

    assert settings_of(folder)[0] == "Desk 4"


def test_a_workstation_set_up_before_keeps_its_settings_and_its_audit_log_quiet(
        write_config: WriteConfig, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    with Store.open(database_path(folder)) as store:
        change_setting(store, "workstation_name", "Desk 4", role="installer")
        change_setting(store, "learners_may_reset_pin", "true", role="installer")
    before = audit_actions(folder)
    apply_to_data_folder(read_install_config(full_config(write_config)), folder)
    after = audit_actions(folder)
    assert ("installer", "setting changed") not in after[len(before):]
    assert settings_of(folder) == ("Desk 4", "true")


def test_keys_already_trusted_stay_and_new_ones_are_added(write_config: WriteConfig,
                                                          tmp_path: Path) -> None:
    folder = tmp_path / "data"
    first, second = public_key("first"), public_key("second")
    apply_to_data_folder(read_install_config(write_config(
        f'trusted_keys = ["{first.as_line()}"]\n')), folder)
    apply_to_data_folder(read_install_config(write_config(
        f'trusted_keys = ["{second.as_line()}", "{first.as_line()}"]\n')), folder)
    assert [key.comment for key in read_trusted_keys(folder)] == ["first", "second"]


# ---- at the start of every run ----------------------------------------------------------------

def test_every_command_applies_the_config_named_by_tutor_config(
        write_config: WriteConfig, tmp_path: Path, clean_start: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = full_config(write_config)
    clean_start.setenv("TUTOR_CONFIG", str(path))
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["learners"] == 0
    assert len(read_trusted_keys(folder)) == 1
    assert ("installer", "staff passphrase set from the installer config") in audit_actions(folder)


def test_the_bundled_program_ignores_tutor_config(
        write_config: WriteConfig, tmp_path: Path, clean_start: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    program = tmp_path / "program"
    program.mkdir()
    clean_start.setattr(sys, "frozen", True, raising=False)
    clean_start.setattr(sys, "executable", str(program / "tutor"))
    someone_elses = write_config(f'trusted_keys = ["{public_key("their own").as_line()}"]\n')
    clean_start.setenv("TUTOR_CONFIG", str(someone_elses))
    folder = tmp_path / "data"

    assert main(["--data-dir", str(folder), "stats"]) == 0

    assert read_trusted_keys(folder) == []  # their key is not trusted
    assert "TUTOR_CONFIG" in capsys.readouterr().err  # and they are told it was not used
    ours = public_key("vetting team")
    (program / "tutor-config.toml").write_text(f'trusted_keys = ["{ours.as_line()}"]\n',
                                               encoding="utf-8")
    assert main(["--data-dir", str(folder), "stats"]) == 0
    assert [key.raw for key in read_trusted_keys(folder)] == [ours.raw]


def test_the_config_chooses_the_data_folder_unless_told_otherwise(
        write_config: WriteConfig, tmp_path: Path, clean_start: pytest.MonkeyPatch) -> None:
    path = write_config('data_dir = "progress"\nworkstation_name = "Desk 4"\n')
    clean_start.setenv("TUTOR_CONFIG", str(path))
    assert main(["stats"]) == 0
    assert database_path(path.parent / "progress").is_file()  # read from the config's folder
    chosen = tmp_path / "chosen"
    assert main(["--data-dir", str(chosen), "stats"]) == 0
    assert database_path(chosen).is_file()
    from_environment = tmp_path / "from-environment"
    clean_start.setenv("TUTOR_DATA_DIR", str(from_environment))
    assert main(["stats"]) == 0
    assert database_path(from_environment).is_file()


def test_a_broken_config_stops_every_command_and_writes_nothing(
        write_config: WriteConfig, tmp_path: Path, clean_start: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = write_config(f'staff_passphrase_hash = "{PASSPHRASE}"\n')
    clean_start.setenv("TUTOR_CONFIG", str(path))
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "stats"]) == 2
    error = capsys.readouterr().err
    assert "Tutor cannot start, because its setup file has a mistake." in error
    assert "tutor-config.toml, line 1: the staff passphrase hash is not right." in error
    assert not folder.exists()


def test_a_config_file_that_is_not_there_stops_the_run(
        tmp_path: Path, clean_start: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    clean_start.setenv("TUTOR_CONFIG", str(tmp_path / "typo.toml"))
    assert main(["--data-dir", str(tmp_path / "data"), "stats"]) == 2
    assert "There is no config file at" in capsys.readouterr().err


def test_a_data_folder_that_cannot_be_made_stops_the_run(
        write_config: WriteConfig, tmp_path: Path, clean_start: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    clean_start.setenv("TUTOR_CONFIG", str(write_config('workstation_name = "Desk 4"\n')))
    assert main(["--data-dir", str(blocker / "data"), "stats"]) == 2
    assert "cannot be used" in capsys.readouterr().err


def test_a_damaged_database_stops_the_run_with_a_message(
        write_config: WriteConfig, tmp_path: Path, clean_start: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    database_path(folder).write_bytes(b"this is not a database, it is a shopping list" * 100)
    clean_start.setenv("TUTOR_CONFIG", str(write_config('workstation_name = "Desk 4"\n')))
    assert main(["--data-dir", str(folder), "stats"]) == 2
    assert f"The data folder {folder} cannot be used" in capsys.readouterr().err


def test_config_commands_work_while_the_config_is_broken(
        write_config: WriteConfig, clean_start: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = write_config("workstation_name = 4\n")
    clean_start.setenv("TUTOR_CONFIG", str(path))
    assert main(["config", "check", str(path)]) == 1  # IT can still find the mistake
    clean_start.setenv("TUTOR_STAFF_PASSPHRASE", PASSPHRASE)
    assert main(["config", "hash-passphrase"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith('staff_passphrase_hash = "scrypt:')


def test_the_printed_hash_line_unlocks_the_workstation(
        write_config: WriteConfig, tmp_path: Path, clean_start: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    clean_start.setenv("TUTOR_STAFF_PASSPHRASE", PASSPHRASE)
    assert main(["config", "hash-passphrase"]) == 0
    line = capsys.readouterr().out.strip()
    folder = tmp_path / "data"
    apply_to_data_folder(read_install_config(write_config(line + "\n")), folder)
    with Store.open(database_path(folder)) as store:
        assert store.verify_staff_passphrase(PASSPHRASE)
        assert not store.verify_staff_passphrase("something else")


def test_a_short_passphrase_is_not_hashed(clean_start: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    clean_start.setenv("TUTOR_STAFF_PASSPHRASE", "short")
    assert main(["config", "hash-passphrase", "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "at least 10 characters" in captured.err

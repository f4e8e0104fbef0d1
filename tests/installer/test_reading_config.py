"""Reading the installer config: every setting, and a plain message naming the line of a mistake."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tutor.cli import main
from tutor.install_config import (
    CONFIG_FILE_NAME,
    SETTING_NAMES,
    InstallConfigError,
    config_path,
    read_install_config,
)

from .conftest import passphrase_hash, public_key

REPOSITORY = Path(__file__).resolve().parents[2]
EXAMPLE = REPOSITORY / "docs" / "install-config.example.toml"
WriteConfig = Callable[[str], Path]


def problems_of(path: Path) -> list[str]:
    with pytest.raises(InstallConfigError) as caught:
        read_install_config(path)
    return list(caught.value.problems)


def test_a_full_config_is_read(write_config: WriteConfig) -> None:
    key, hashed = public_key(), passphrase_hash()
    path = write_config(f'''
workstation_name = "Room 2,   desk 4"
data_dir = "progress"
staff_passphrase_hash = "{hashed}"
learners_may_reset_pin = true
trusted_keys = [
    "{key.as_line()}",
]
''')
    config = read_install_config(path)
    assert config.workstation_name == "Room 2, desk 4"
    # A relative folder is read from the config's own folder.
    assert config.data_dir == path.parent / "progress"
    assert config.staff_passphrase_hash == hashed
    assert config.learners_may_reset_pin is True
    assert [k.raw for k in config.trusted_keys] == [key.raw]
    assert config.trusted_keys[0].comment == "vetting team"


def test_an_empty_config_changes_nothing(write_config: WriteConfig) -> None:
    config = read_install_config(write_config("# nothing set yet\n"))
    assert (config.workstation_name, config.data_dir, config.staff_passphrase_hash,
            config.learners_may_reset_pin, config.trusted_keys) == (None, None, None, None, ())


def test_a_misspelt_setting_is_named_with_its_line_and_the_right_spelling(
        write_config: WriteConfig) -> None:
    path = write_config('learners_may_reset_pin = false\nworkstaton_name = "Desk 4"\n')
    [problem] = problems_of(path)
    assert problem.startswith(f"{CONFIG_FILE_NAME}, line 2:")
    assert '"workstaton_name" is not a setting' in problem
    assert 'Did you mean "workstation_name"?' in problem


def test_a_section_is_not_a_setting(write_config: WriteConfig) -> None:
    [problem] = problems_of(write_config('workstation_name = "Desk 4"\n\n[network]\nproxy = "x"\n'))
    assert problem.startswith(f"{CONFIG_FILE_NAME}, line 3:") and '"network"' in problem


@pytest.mark.parametrize(("line", "expected"), [
    ("workstation_name = 4", "workstation_name must be text in quotes."),
    ('workstation_name = "   "', "workstation_name is empty."),
    ('workstation_name = "A name far too long for anyone to read on a list"', "up to 40 letters"),
    ('workstation_name = "Desk\\u202e4"', "hidden characters"),
    ("data_dir = ['a']", "data_dir must be text in quotes."),
    ('learners_may_reset_pin = "yes"', "must be true or false, with no quotes."),
    ('trusted_keys = "tutor-ed25519-public abc"', "trusted_keys must be a list"),
    ("trusted_keys = [1]", "each trusted key must be one line of text in quotes."),
    ('staff_passphrase_hash = "correct horse battery"',
     'Make a new one with "tutor config hash-passphrase".'),
])
def test_each_wrong_value_says_what_is_wrong(write_config: WriteConfig, line: str,
                                             expected: str) -> None:
    [problem] = problems_of(write_config(f"# IT's settings\n{line}\n"))
    assert problem.startswith(f"{CONFIG_FILE_NAME}, line 2:"), problem
    assert expected in problem


def test_a_passphrase_written_in_place_of_its_hash_is_refused(write_config: WriteConfig) -> None:
    hashed = passphrase_hash()
    damaged = hashed[:-4] + "zzzz"
    [problem] = problems_of(write_config(f'staff_passphrase_hash = "{damaged}"\n'))
    assert "the staff passphrase hash is not right" in problem and "damaged" in problem


def test_a_bad_key_is_named_by_its_own_line(write_config: WriteConfig) -> None:
    good = public_key().as_line()
    path = write_config(f'trusted_keys = [\n    "{good}",\n    "tutor-ed25519-public QUJD team",\n'
                        '    "ssh-ed25519 AAAAC3Nza laptop",\n]\n')
    first, second = problems_of(path)
    assert first.startswith(f"{CONFIG_FILE_NAME}, line 3:") and "wrong length" in first
    assert second.startswith(f"{CONFIG_FILE_NAME}, line 4:") and "not a Tutor public key" in second


def test_every_mistake_is_listed_at_once(write_config: WriteConfig) -> None:
    path = write_config('colour = "blue"\nlearners_may_reset_pin = 1\ndata_dir = false\n')
    assert [problem.split(":")[0] for problem in problems_of(path)] == [
        f"{CONFIG_FILE_NAME}, line 1", f"{CONFIG_FILE_NAME}, line 3", f"{CONFIG_FILE_NAME}, line 2"]


@pytest.mark.parametrize(("text", "expected"), [
    ('workstation_name = "Desk 4\n', "line 1: this line is not written the way"),
    ('workstation_name = "A"\nworkstation_name = "B"\n', "line 2:"),
    ("trusted_keys = [\n", "the file ends too soon"),
])
def test_broken_toml_says_where_in_plain_words(write_config: WriteConfig, text: str,
                                               expected: str) -> None:
    [problem] = problems_of(write_config(text))
    assert expected in problem
    assert "TOML" not in problem and "Invalid" not in problem


def test_a_file_that_is_not_text_or_far_too_big_is_refused(write_config: WriteConfig) -> None:
    path = write_config("")
    path.write_bytes(b"workstation_name = \"\xff\xfe\"\n")
    assert "not plain text" in problems_of(path)[0]
    path.write_text("# " + "x" * 70_000 + "\n", encoding="utf-8")
    assert "too big" in problems_of(path)[0]


def test_tutor_config_names_the_file_on_any_run(tmp_path: Path) -> None:
    path = tmp_path / "elsewhere.toml"
    assert config_path({"TUTOR_CONFIG": str(path)}) == path
    assert config_path({}) is None  # from source, nothing is beside the program


def test_the_bundled_program_reads_only_the_config_beside_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "tutor"))
    someone_elses = {"TUTOR_CONFIG": str(tmp_path / "other.toml")}
    assert config_path({}) is None  # no config written yet: an unconfigured bundle
    assert config_path(someone_elses) is None  # anyone can set a variable: it never counts
    (tmp_path / CONFIG_FILE_NAME).write_text("", encoding="utf-8")
    assert config_path({}) == tmp_path / CONFIG_FILE_NAME
    assert config_path(someone_elses) == tmp_path / CONFIG_FILE_NAME


def test_the_shipped_example_is_right_and_explains_every_setting(
        capsys: pytest.CaptureFixture[str], clean_start: pytest.MonkeyPatch) -> None:
    assert main(["config", "check", str(EXAMPLE)]) == 0
    assert "The config is right." in capsys.readouterr().out
    text = EXAMPLE.read_text(encoding="utf-8")
    for name in SETTING_NAMES:
        assert f"# {name} = " in text, f"the example does not show {name}"


def uncommented(example: str) -> str:
    """The example as IT would fill it in: each setting's line with its # taken off."""
    settings = tuple(f"# {name} = " for name in SETTING_NAMES)
    lines = []
    for line in example.splitlines():
        if line.startswith("# data_dir = 'C:"):
            continue  # the Windows example of the same setting
        if line.startswith(settings) or line.startswith(('#     "tutor-ed25519', "# ]")):
            line = line.removeprefix("# ")
        lines.append(line)
    return "\n".join(lines)


def test_the_example_with_its_settings_filled_in_is_right(write_config: WriteConfig) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("scrypt:16384:8:1:<salt>:<hash>", passphrase_hash())
    text = text.replace("tutor-ed25519-public AAAAC3NzaC1lZDI1NTE5AAAAIA... vetting team",
                        public_key().as_line())
    config = read_install_config(write_config(uncommented(text)))
    assert config.workstation_name and config.data_dir and config.staff_passphrase_hash
    assert config.learners_may_reset_pin is False and len(config.trusted_keys) == 1


def test_check_prints_what_a_config_will_do(
        write_config: WriteConfig, capsys: pytest.CaptureFixture[str],
        clean_start: pytest.MonkeyPatch) -> None:
    key = public_key()
    path = write_config(f'workstation_name = "Desk 4"\nlearners_may_reset_pin = false\n'
                        f'trusted_keys = ["{key.as_line()}"]\n')
    assert main(["config", "check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Workstation name: Desk 4" in out
    assert "Learners may reset their own PIN: no" in out
    assert f"Trusted key: {key.fingerprint} (vetting team)" in out


def test_check_exits_1_listing_mistakes_and_2_without_a_file(
        write_config: WriteConfig, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        clean_start: pytest.MonkeyPatch) -> None:
    path = write_config('workstation_name = 4\nwho = "me"\n')
    assert main(["config", "check", str(path), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is False and len(report["problems"]) == 2
    assert main(["config", "check", str(path)]) == 1
    assert "2 mistakes. Tutor will not start with this file." in capsys.readouterr().out
    assert main(["config", "check", str(tmp_path / "missing.toml")]) == 2
    assert "There is no config file at" in capsys.readouterr().err

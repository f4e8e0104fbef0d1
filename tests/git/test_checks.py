"""Declarative checks in git.toml: each kind passes and fails as a learner would expect."""

from __future__ import annotations

import pytest

from sandbox.git import GitCheckFormatError, check_messages, evaluate_git_checks
from sandbox.git.git_checks import load_git_checks

from .conftest import Practice


def checks(body: str, repository: str = ".") -> dict[str, str]:
    return {"git.toml": f'format_version = 1\nrepository = "{repository}"\n{body}'}


def outcome(practice: Practice, kind_line: str) -> tuple[bool, str]:
    report = evaluate_git_checks(checks(f'[[check]]\nname = "It"\n{kind_line}\n'),
                                 practice.area)
    assert report.error is None and len(report.tests) == 1
    return report.tests[0].passed, report.tests[0].message


@pytest.mark.parametrize("text, problem", [
    ("", "format_version"),
    ("format_version = 1\n", "at least one"),
    ('format_version = 1\ncolour = "red"\n', "unknown setting"),
    ('format_version = 1\n[[check]]\nname = "x"\nbranch_exist = "a"\n', "unknown check"),
    ('format_version = 1\n[[check]]\nbranch_exists = "a"\n', "needs a name"),
    ('format_version = 1\n[[check]]\nname = "x"\nbranch_exists = "a"\ntag_exists = "b"\n',
     "exactly one"),
    ('format_version = 1\n[[check]]\nname = "x"\ncommit_message = { matches = "(" }\n',
     "bad pattern"),
    ('format_version = 1\n[[check]]\nname = "x"\nfile_content = { path = "a", size = 3 }\n',
     "does not take"),
    ('format_version = 1\nrepository = "../up"\n[[check]]\nname = "x"\nclean_working_tree '
     '= true\n', "folder name"),
    ("format_version = [\n", "cannot be read"),
])
def test_a_badly_written_git_toml_is_explained(text: str, problem: str) -> None:
    with pytest.raises(GitCheckFormatError, match=problem):
        load_git_checks({"git.toml": text})


def test_a_broken_git_toml_is_an_error_not_a_crash(practice: Practice) -> None:
    report = evaluate_git_checks({}, practice.area)
    assert not report.passed and report.error == "The exercise has no checks/git.toml."


def test_no_repository_fails_every_check_with_one_plain_message(practice: Practice) -> None:
    assert outcome(practice, 'branch_exists = "main"') == (
        False, "There is no repository here yet. Start with git init.")


def test_branch_head_and_count(repo: Practice) -> None:
    assert outcome(repo, 'branch_exists = "main"')[0]
    passed, message = outcome(repo, 'branch_exists = "idea"')
    assert not passed and "git switch -c idea" in message
    assert outcome(repo, 'head_on_branch = "main"')[0]
    repo.ok("git switch -c idea")
    assert not outcome(repo, 'head_on_branch = "main"')[0]
    assert outcome(repo, 'commit_count = { branch = "main", exactly = 1 }')[0]
    passed, message = outcome(repo, 'commit_count = { at_least = 2 }')
    assert not passed and "There are 1" in message
    assert not outcome(repo, 'commit_count = { branch = "nope", at_least = 1 }')[0]


def test_messages_files_and_clean_tree(repo: Practice) -> None:
    assert outcome(repo, 'commit_message = { matches = "^First" }')[0]
    assert not outcome(repo, 'commit_message = { matches = "^Second" }')[0]
    assert outcome(repo, 'file_content = { at = "main", path = "notes.txt", '
                   'equals = "first line" }')[0]
    assert outcome(repo, 'clean_working_tree = true')[0]
    repo.ok('echo "changed" > notes.txt')
    passed, message = outcome(repo, 'clean_working_tree = true')
    assert not passed and "git status" in message
    assert outcome(repo, 'file_content = { path = "notes.txt", contains = "changed" }')[0]
    assert not outcome(repo, 'file_content = { at = "main", path = "notes.txt", '
                       'contains = "changed" }')[0]
    assert outcome(repo, 'file_content = { path = "gone.txt", absent = true }')[0]
    assert not outcome(repo, 'file_content = { path = "../outside/secret.txt", '
                       'contains = "do" }')[0]


def test_merges_conflicts_tags_and_settings(repo: Practice) -> None:
    assert not outcome(repo, "merge_commit = true")[0]
    repo.ok("git switch -c other")
    repo.ok('echo "theirs" > notes.txt')
    repo.ok('git commit -am "Theirs"')
    repo.ok("git switch main")
    repo.ok('echo "ours" > notes.txt')
    repo.ok('git commit -am "Ours"')
    repo.run("git merge other")
    passed, message = outcome(repo, "conflict_resolved = true")
    assert not passed and "git add" in message
    repo.ok("git add notes.txt")
    passed, message = outcome(repo, "conflict_resolved = true")
    assert not passed and "<<<<<<<" in message
    repo.ok('echo "both" > notes.txt')
    repo.ok("git add notes.txt")
    repo.ok("git commit")
    assert outcome(repo, "conflict_resolved = true")[0]
    assert outcome(repo, 'merge_commit = { branch = "main" }')[0]
    assert not outcome(repo, 'tag_exists = "v1"')[0]
    repo.ok("git tag v1")
    assert outcome(repo, 'tag_exists = "v1"')[0]
    assert not outcome(repo, 'config_value = { key = "user.name" }')[0]
    repo.ok('git config user.name "Sam"')
    assert outcome(repo, 'config_value = { key = "user.name", matches = "^Sam$" }')[0]


def test_remote_branch(repo: Practice) -> None:
    remote = 'remote_branch = { folder = "shared.git", branch = "main", same_as = "main" }'
    repo.ok("git init --bare shared.git")
    repo.ok("git remote add origin shared.git")
    passed, message = outcome(repo, remote)
    assert not passed and "git push" in message
    repo.ok("git push origin main")
    assert outcome(repo, remote)[0]
    assert outcome(repo, 'remote_branch = { folder = "shared.git", has_message = "First" }')[0]
    repo.ok('git commit --allow-empty -m "Later"')
    assert not outcome(repo, remote)[0]


def test_all_and_any_with_their_own_message(repo: Practice) -> None:
    both = ('all = [ { branch_exists = "main" }, { branch_exists = "idea", fail = "Make idea." } ]')
    assert outcome(repo, both) == (False, "Make idea.")
    either = 'any = [ { branch_exists = "main" }, { branch_exists = "idea" } ]'
    assert outcome(repo, either)[0]
    report = evaluate_git_checks(checks(
        '[[check]]\nname = "Both"\nfail = "Make both branches."\n'
        'any = [ { branch_exists = "x" }, { branch_exists = "y" } ]\n'), repo.area)
    assert report.tests[0].message == "Make both branches."


def test_check_messages_lists_what_a_learner_reads() -> None:
    found = check_messages(checks('[[check]]\nname = "Made it"\nfail = "Try again."\n'
                                  'all = [ { branch_exists = "a", fail = "Make a." } ]\n'))
    assert found == ["Made it", "Try again.", "Make a."]

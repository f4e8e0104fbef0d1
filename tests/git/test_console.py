"""Everyday work in the console: the things a learner types all work as they would at work."""

from __future__ import annotations

from pathlib import Path

import pytest

from sandbox.git import GitConsole, PathRefused, repository_graph, save_practice_file

from .conftest import Practice


def test_a_first_commit_asks_for_a_message_instead_of_opening_an_editor(
        practice: Practice) -> None:
    practice.ok("git init")
    practice.ok('echo "hello" > notes.txt')
    practice.ok("git add notes.txt")
    asked = practice.run("git commit")
    assert asked.needs_message and "message" in asked.output
    done = practice.console.run_with_message("git commit", "Add my notes")
    assert done.exit_code == 0, done.output
    assert practice.ok("git log --oneline").output.strip().endswith("Add my notes")
    assert not practice.console.run_with_message("git commit", "  ").allowed
    assert practice.run("git tag -a v1").needs_message
    assert practice.console.run_with_message("git tag -a v1", "First version").exit_code == 0
    assert practice.ok("git tag -n").output.split() == ["v1", "First", "version"]
    assert not practice.console.run_with_message("git push", "x").allowed


def test_branch_merge_and_graph(repo: Practice) -> None:
    repo.ok("git switch -c idea")
    repo.ok('echo "idea" >> notes.txt')
    repo.ok('git commit -am "Try an idea"')
    repo.ok("git switch main")
    repo.ok('echo "other" > other.txt')
    repo.ok("git add other.txt")
    repo.ok('git commit -m "Other work"')
    repo.ok('git merge idea -m "Merge idea"')
    repo.ok("git tag v1")
    graph = repository_graph(repo.area)
    assert graph.is_repository and graph.head_branch == "main" and not graph.detached
    assert set(graph.branches) == {"main", "idea"}
    assert graph.tags == {"v1": graph.branches["main"]}
    merge = graph.commits[0]
    assert merge.message == "Merge idea" and len(merge.parents) == 2
    assert [c.message for c in graph.commits if not c.parents] == ["First commit"]
    assert all(len(c.short_sha) >= 7 and c.author_time > 0 for c in graph.commits)


def test_a_merge_conflict_is_finished_with_plain_git_commit(repo: Practice) -> None:
    repo.ok("git switch -c other")
    repo.ok('echo "theirs" > notes.txt')
    repo.ok('git commit -am "Theirs"')
    repo.ok("git switch main")
    repo.ok('echo "ours" > notes.txt')
    repo.ok('git commit -am "Ours"')
    conflict = repo.run("git merge other")
    assert conflict.allowed and conflict.exit_code == 1 and "CONFLICT" in conflict.output
    repo.ok('echo "both" > notes.txt')
    repo.ok("git add notes.txt")
    finished = repo.run("git commit")
    assert not finished.needs_message and finished.exit_code == 0, finished.output
    assert len(repository_graph(repo.area).commits[0].parents) == 2


def test_clone_push_pull_between_folders_in_the_area(practice: Practice) -> None:
    practice.ok("git init --bare shared.git")
    practice.ok("git clone shared.git me")
    practice.ok("git clone shared.git friend")
    practice.ok("cd me")
    practice.ok('echo "a" > a.txt')
    practice.ok("git add a.txt")
    practice.ok('git commit -m "A"')
    practice.ok("git push -u origin main")
    practice.ok("cd ../friend")
    practice.ok("git pull origin main")
    assert practice.ok("cat a.txt").output == "a\n"
    assert practice.ok("pwd").output == "practice/friend\n"
    graph = repository_graph(practice.area / "friend")
    assert graph.remote_branches == {"origin/main": graph.branches["main"]}


def test_stash_rebase_restore_and_reset(repo: Practice) -> None:
    repo.ok('echo "draft" >> notes.txt')
    repo.ok('git stash push -m "Draft"')
    assert repo.ok("cat notes.txt").output == "first line\n"
    repo.ok("git stash pop")
    repo.ok("git restore notes.txt")
    repo.ok("git switch -c side")
    repo.ok('echo "side" > side.txt')
    repo.ok("git add side.txt")
    repo.ok('git commit -m "Side"')
    repo.ok("git switch main")
    repo.ok('echo "main" > main.txt')
    repo.ok("git add main.txt")
    repo.ok('git commit -m "Main"')
    repo.ok("git switch side")
    repo.ok("git rebase main")
    assert repository_graph(repo.area).commits[0].message == "Side"
    repo.ok("git reset --hard HEAD~1")
    assert "side.txt" not in repo.ok("ls").output


def test_config_user_name_is_used_for_commits(repo: Practice) -> None:
    repo.ok('git config user.name "Sam Lee"')
    repo.ok('echo "x" >> notes.txt')
    repo.ok('git commit -am "By Sam"')
    assert repo.ok("git log -1 --format=%an").output.strip() == "Sam Lee"
    listing = repo.ok("git config --list").output
    assert "user.name=Sam Lee" in listing
    assert "hookspath" not in listing.lower() and "/" not in listing


def test_file_commands(practice: Practice) -> None:
    practice.ok("mkdir notes")
    practice.ok("cd notes")
    practice.ok("touch a.txt")
    practice.ok('echo "one" > b.txt')
    practice.ok("echo two >> b.txt")
    assert practice.ok("cat b.txt").output == "one\ntwo\n"
    assert practice.ok("ls").output == "a.txt  b.txt"
    practice.ok("rm a.txt")
    practice.ok("cd ..")
    assert practice.ok("ls").output == "notes/"
    practice.ok("rm -r notes")
    assert practice.ok("ls").output == "(This folder is empty.)"
    assert practice.run("cat nothing.txt").output == "There is no file called nothing.txt."
    assert practice.run("clear").cleared
    assert "git init" in practice.ok("help").output


def test_plain_answers_for_things_that_are_not_here(practice: Practice) -> None:
    assert practice.run("vim notes.txt").output == (
        "`vim` is not available here. Edit the file in the editor tab.")
    assert "Type help" in practice.run("python3").output
    assert "git init" in practice.ok("git").output
    assert "git commit -h" in practice.ok("git help commit").output
    usage = practice.run("git commit --help")
    assert usage.allowed and "usage: git commit" in usage.output
    assert not practice.run("git gui").allowed
    assert practice.ok("git version").output.startswith("git version 2.")


def test_start_folder_and_cd_home(tmp_path: Path) -> None:
    with GitConsole(tmp_path / "area", start="project") as console:
        assert console.location == "practice/project"
        assert console.run("cd ..").exit_code == 0
        assert console.location == "practice"
        assert console.run("cd").exit_code == 0
        assert console.cwd == console.home


def test_no_repository_gives_git_own_plain_answer(practice: Practice) -> None:
    result = practice.run("git status")
    assert result.allowed and result.exit_code != 0 and "not a git repository" in result.output
    assert not repository_graph(practice.area).is_repository


def test_the_editor_saves_into_the_practice_area_only(repo: Practice) -> None:
    save_practice_file(repo.console, "notes.txt", "edited in the editor\n")
    assert "edited in the editor" in repo.ok("git diff").output
    for name in ("../outside/marker", ".git/config", str(repo.marker)):
        with pytest.raises(PathRefused):
            save_practice_file(repo.console, name, "x")
    assert repo.outside_untouched()


def test_output_never_shows_where_the_area_is_on_this_computer(repo: Practice) -> None:
    assert repo.ok("git rev-parse --show-toplevel").output == "practice\n"
    assert repo.console.graph().branches.keys() == {"main"}


def test_a_missing_git_program_gets_a_plain_answer(tmp_path: Path) -> None:
    with GitConsole(tmp_path / "area", git_program=str(tmp_path / "no-git")) as console:
        result = console.run("git status")
        assert result.exit_code == 127 and "Ask a member of staff" in result.output
        assert console.run("ls").allowed

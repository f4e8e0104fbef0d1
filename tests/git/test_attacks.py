"""Attacks on the git console. Each is refused in plain words and leaves no trace outside.

Every payload tries to create the marker file outside the practice area (or to read or
write outside it). A test passes only if the console refused the line, said why in a
short plain sentence, and nothing appeared outside.
"""

from __future__ import annotations

import pytest

from sandbox.git import CommandResult

from .conftest import Practice


def assert_refused(practice: Practice, result: CommandResult) -> None:
    assert not result.allowed, result.output
    assert result.exit_code != 0
    message = result.output
    assert message and len(message) < 300 and "Traceback" not in message
    assert str(practice.area) not in message and str(practice.outside) not in message
    assert practice.outside_untouched()


# Lines refused before git ever runs. {m} is the marker outside, {o} the outside folder,
# {s} a secret file outside.
REFUSED_LINES = {
    "learner -c pager": "git -c core.pager='touch {m}' log",
    "learner -c alias": "git -c alias.x='!touch {m}' x",
    "-C elsewhere": "git -C {o} init",
    "--git-dir": "git --git-dir={o} init",
    "--work-tree into hooks": "git --work-tree=.git/hooks checkout -- .",
    "--exec-path": "git --exec-path={o} status",
    "--config-env": "git --config-env=core.pager=HOME log",
    "alias in config": "git config alias.st '!touch {m}'",
    "hooksPath in config": "git config core.hooksPath hooks",
    "fsmonitor in config": "git config core.fsmonitor 'touch {m}'",
    "external diff in config": "git config diff.external 'touch {m}'",
    "include.path": "git config include.path ../outside/evil",
    "includeIf": "git config includeIf.gitdir:/.path ../outside/evil",
    "ssh command": "git config core.sshCommand 'touch {m}'",
    "credential helper": "git config credential.helper '!touch {m}'",
    "filter driver in config": "git config filter.evil.clean 'touch {m}'",
    "config --global": "git config --global user.name Sam",
    "config --system": "git config --system user.name Sam",
    "config --file": "git config --file {o}/gitconfig user.name Sam",
    "config -f": "git config -f ../outside/gitconfig user.name Sam",
    "rebase --exec": "git rebase --exec 'touch {m}' main",
    "rebase -x": "git rebase -x 'touch {m}' main",
    "rebase -i": "git rebase -i main",
    "fetch --upload-pack": "git fetch --upload-pack='touch {m}' shared.git",
    "abbreviated --upload-pack": "git fetch --upload='touch {m}' shared.git",
    "clone -u": "git clone -u 'touch {m}' shared.git copy",
    "push --receive-pack": "git push --receive-pack='touch {m}' shared.git main",
    "push --exec": "git push --exec='touch {m}' shared.git main",
    "ext:: transport": "git clone 'ext::sh -c touch% {m}' copy",
    "file:// outside": "git clone file://{o} copy",
    "absolute clone source": "git clone {o} copy",
    "ssh-style address": "git clone 'evil.example:repo' copy",
    "remote add outside": "git remote add evil {o}",
    "remote add climbing": "git remote add evil ../outside",
    "update-index chmod": "git update-index --chmod=+x notes.txt",
    "log --output": "git log --output={m}",
    "log --output climbing": "git log --output=../outside/marker",
    "diff --no-index": "git diff --no-index {s} notes.txt",
    "diff --ext-diff": "git diff --ext-diff",
    "option hidden as a value of -U": "git diff -U --output={m}",
    "option hidden as a value of -n": "git log -n --output={m}",
    "option hidden as a value of --onto": "git rebase --onto --exec=touch main",
    "commit -F": "git commit -F {s}",
    "commit --file": "git commit --file=../outside/secret.txt",
    "merge -s NAME": "git merge -s evil main",
    "merge --strategy NAME": "git merge --strategy=evil main",
    "archive -o": "git archive -o {m} HEAD",
    "init --template": "git init --template={o}",
    "init --separate-git-dir": "git init --separate-git-dir={o}/repo",
    "clone --config": "git clone --config core.fsmonitor='touch {m}' shared.git copy",
    "clone --template": "git clone --template=../outside shared.git copy",
    "difftool": "git difftool --extcmd='touch {m}'",
    "mergetool": "git mergetool --tool=evil",
    "submodule": "git submodule add ../outside sub",
    "filter-branch": "git filter-branch --tree-filter 'touch {m}'",
    "instaweb": "git instaweb",
    "daemon": "git daemon --base-path=.",
    "send-email": "git send-email --smtp-server='touch {m}' HEAD",
    "credential fill": "git credential fill",
    "bisect run": "git bisect run touch {m}",
    "GIT_DIR in the line": "GIT_DIR={o} git init",
    "GIT_CONFIG_PARAMETERS in the line": "GIT_CONFIG_PARAMETERS=\"'core.pager'='touch {m}'\" git log",
    "git add absolute": "git add {s}",
    "git add climbing": "git add ../outside/secret.txt",
    "git add .git": "git add .git/config",
    "git init climbing": "git init ../outside/repo",
    "git mv out": "git mv notes.txt ../outside/notes.txt",
    "git show absolute": "git show HEAD:{s}",
    "cat absolute": "cat {s}",
    "cat climbing": "cat ../outside/secret.txt",
    "cat home": "cat ~/.bashrc",
    "echo climbing": "echo pwned > ../outside/marker",
    "echo absolute": "echo pwned > {m}",
    "echo into hooks": "echo 'touch {m}' > .git/hooks/pre-commit",
    "echo into config": "echo '[alias]' >> .git/config",
    "echo filter attribute": "echo '* filter=evil' > .gitattributes",
    "cd out": "cd ..",
    "cd absolute": "cd /",
    "touch outside": "touch ../outside/marker",
    "mkdir outside": "mkdir ../outside/made",
    "rm outside": "rm ../outside/secret.txt",
    "ls outside": "ls ../outside",
    "shell": "sh -c 'touch {m}'",
    "ln": "ln -s ../outside link",
    "redirect on git": "git log > ../outside/marker",
    "chain": "git status; touch {m}",
}


@pytest.mark.parametrize("line", REFUSED_LINES.values(), ids=REFUSED_LINES.keys())
def test_attack_line_is_refused(repo: Practice, line: str) -> None:
    repo.ok("git init --bare shared.git")
    config_before = repo.config()
    result = repo.run(line.format(m=repo.marker, o=repo.outside, s=repo.secret))
    assert_refused(repo, result)
    assert repo.config() == config_before
    assert not (repo.area / ".git" / "hooks").exists()
    # The console still works after the refusal.
    assert repo.ok("git status").output


def test_git_variables_from_outside_never_reach_git(repo: Practice,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    touch = f"touch {repo.marker}"
    monkeypatch.setenv("GIT_DIR", str(repo.outside))
    monkeypatch.setenv("GIT_CONFIG_PARAMETERS", f"'core.pager'='{touch}'")
    monkeypatch.setenv("GIT_EXTERNAL_DIFF", touch)
    monkeypatch.setenv("GIT_PAGER", touch)
    monkeypatch.setenv("GIT_SSH_COMMAND", touch)
    repo.ok('echo "second line" >> notes.txt')
    assert "second line" in repo.ok("git diff").output
    repo.ok("git log -p")
    assert repo.outside_untouched()


def test_the_inside_of_a_bare_repository_is_gits_own(repo: Practice) -> None:
    repo.ok("git init --bare shared.git")
    for line in (f"echo 'touch {repo.marker}' > shared.git/hooks/post-receive",
                 "echo '[alias]' >> shared.git/config", "mkdir shared.git/hooks",
                 "git mv notes.txt shared.git/hooks/post-receive", "rm shared.git/HEAD"):
        assert_refused(repo, repo.run(line))
    repo.ok("ls shared.git")
    repo.ok("git remote add origin shared.git")
    repo.ok("git push origin main")
    assert repo.outside_untouched()

"""Splitting a console line into words: quotes work, shell tricks are refused."""

from __future__ import annotations

import pytest

from sandbox.git.command_line import CommandLineError, split_line


def texts(line: str) -> list[str]:
    return [word.text for word in split_line(line)]


def test_quotes_keep_spaces_together() -> None:
    assert texts('git commit -m "Add my notes"') == ["git", "commit", "-m", "Add my notes"]
    assert texts("git commit -m 'It is $5'") == ["git", "commit", "-m", "It is $5"]
    assert texts(r'echo "say \"hi\""') == ["echo", 'say "hi"']


def test_redirect_is_a_word_of_its_own() -> None:
    words = split_line('echo "hi">notes.txt')
    assert [(w.text, w.operator) for w in words] == [
        ("echo", False), ("hi", False), (">", True), ("notes.txt", False)]
    assert split_line("echo hi >> notes.txt")[2].text == ">>"
    assert not split_line("echo '>'")[1].operator


@pytest.mark.parametrize("line", [
    "git log; touch marker", "git log && touch marker", "git log | sh", "git log & ",
    "echo $(touch marker)", "echo `touch marker`", 'echo "$HOME"', "cat < notes.txt",
    "echo $PATH", "echo 'open", 'echo "open',
])
def test_shell_tricks_are_refused_with_a_reason(line: str) -> None:
    with pytest.raises(CommandLineError) as refused:
        split_line(line)
    assert refused.value.args[0].endswith(".")

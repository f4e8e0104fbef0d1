"""Split a line typed into the practice console into words, the way a simple shell would.

Only quoting is understood. Anything that would make a real shell do more than run one
program (pipes, `;`, `&&`, variables, `$(...)`, backticks, input redirection) is refused,
so the console never needs a shell and a learner can never reach one.
"""

from __future__ import annotations

from dataclasses import dataclass

# Characters that mean something to a real shell. Outside quotes they are refused, apart
# from `>` which the console understands for `echo "text" > file`.
_REFUSED_OUTSIDE_QUOTES = {
    ";": "`;`", "|": "`|`", "&": "`&`", "<": "`<`", "`": "backticks",
    "$": "`$`", "(": "`(`", ")": "`)`",
}

REDIRECT_WRITE = ">"
REDIRECT_APPEND = ">>"


class CommandLineError(ValueError):
    """The line cannot be split into words; the message says why in plain words."""


@dataclass(frozen=True)
class Word:
    """One word of the line; `operator` is true for an unquoted `>` or `>>`."""

    text: str
    operator: bool = False


def split_line(line: str) -> list[Word]:
    """The words of `line`, or a CommandLineError that says what is not allowed."""
    words: list[Word] = []
    current: list[str] = []
    in_word = False
    index = 0
    length = len(line)
    while index < length:
        char = line[index]
        if char in " \t":
            if in_word:
                words.append(Word("".join(current)))
                current, in_word = [], False
            index += 1
        elif char == "'":
            end = line.find("'", index + 1)
            if end < 0:
                raise CommandLineError("A quote ' is not closed. Add the closing quote.")
            current.append(line[index + 1:end])
            in_word = True
            index = end + 1
        elif char == '"':
            index, text = _double_quoted(line, index + 1)
            current.append(text)
            in_word = True
        elif char == "\\":
            if index + 1 >= length:
                raise CommandLineError("A line cannot end with \\.")
            current.append(line[index + 1])
            in_word = True
            index += 2
        elif char == ">":
            if in_word:
                words.append(Word("".join(current)))
                current, in_word = [], False
            if line.startswith(">>", index):
                words.append(Word(REDIRECT_APPEND, operator=True))
                index += 2
            else:
                words.append(Word(REDIRECT_WRITE, operator=True))
                index += 1
        elif char in _REFUSED_OUTSIDE_QUOTES:
            raise CommandLineError(
                f"{_REFUSED_OUTSIDE_QUOTES[char]} is not allowed here. "
                "Type one command at a time. Put text in quotes.")
        elif char in "\r\n\x00":
            raise CommandLineError("Type one command on one line.")
        else:
            current.append(char)
            in_word = True
            index += 1
    if in_word:
        words.append(Word("".join(current)))
    return words


def _double_quoted(line: str, index: int) -> tuple[int, str]:
    """Read a "quoted" part from `index`; returns where it ends and its text."""
    text: list[str] = []
    while index < len(line):
        char = line[index]
        if char == '"':
            return index + 1, "".join(text)
        if char == "\\" and index + 1 < len(line) and line[index + 1] in '"\\':
            text.append(line[index + 1])
            index += 2
            continue
        if char in "$`":
            # A real shell would run or expand this even inside double quotes.
            raise CommandLineError(
                f"{'`$`' if char == '$' else 'backticks'} cannot be used inside \"double "
                "quotes\" here. Use 'single quotes' for text with that sign.")
        text.append(char)
        index += 1
    raise CommandLineError('A quote " is not closed. Add the closing quote.')

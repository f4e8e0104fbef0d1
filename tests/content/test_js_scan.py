"""Reading check files as text: the messages a learner sees, and what a file imports."""

from __future__ import annotations

from tutor.content.js_scan import import_specifiers, learner_messages, names_used

CHECK = r"""
import { describe, expect, test } from '@jest/globals';
import { check } from "@tutor/checks";
import { greet } from './greet';

// test('A commented-out test', () => {});
describe('Greeting', () => {
  test("It says hello", async () => {
    const pattern = /it's "quoted" (not a string)/g;
    expect(greet('Sam'), 'greet("Sam") should ' + "say hello.").toBe(pattern.source);
    expect(greet(), `No name gives ${greet()} back.`).toBe('x');
    expect(greet('Ada')).toBe(greet('Ada', { loud: true }));
    check(greet, 'Keep the greet function.');
    list.check(1, 'not the check helper');
  });
});
/* fetch('nowhere') in a block comment */
"""


def test_messages_are_test_names_and_second_arguments() -> None:
    found = [(m.text, m.source) for m in learner_messages(CHECK)]
    assert found == [
        ("Greeting", "test name"),
        ("It says hello", "test name"),
        ('greet("Sam") should say hello.', "expect message"),
        ("No name gives this back.", "expect message"),
        ("Keep the greet function.", "check message"),
    ]


def test_messages_know_their_line() -> None:
    lines = {m.text: m.line for m in learner_messages(CHECK)}
    assert lines["It says hello"] == 8
    assert lines["Keep the greet function."] == 13


def test_imports_are_found_and_comments_are_not_code() -> None:
    assert [s for s, _ in import_specifiers(CHECK)] == ["@jest/globals", "@tutor/checks",
                                                         "./greet"]
    names = {name for name, _ in names_used(CHECK)}
    assert "fetch" not in names
    assert "greet" in names


def test_dynamic_and_bare_imports() -> None:
    source = 'import "./setup";\nexport * from "./shared";\nconst m = await import("./late");\n'
    assert import_specifiers(source) == [("./setup", 1), ("./shared", 2), ("./late", 3)]

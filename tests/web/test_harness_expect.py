"""Jest's `expect` in the check page: every matcher passes when it should, and fails with
Jest's own words and layout, so learners read what they will meet at work.

All cases run in one page load (a page run costs about 100 ms); each pytest case looks up
its own check by name.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from sandbox.results import TestOutcome as Outcome
from sandbox.web.check_runner import run_check_sync

PASSING: dict[str, str] = {
    "toBe compares with Object.is": "expect(1 + 1).toBe(2); expect(NaN).toBe(NaN);",
    "not.toBe on two new objects": "expect({}).not.toBe({});",
    "toEqual ignores undefined properties": "expect({a: 1, b: undefined}).toEqual({a: 1});",
    "toEqual treats holes as undefined": "expect([, 1]).toEqual([undefined, 1]);",
    "toEqual ignores class types": """
        class Point { constructor() { this.x = 1; } }
        expect(new Point()).toEqual({x: 1});""",
    "toEqual on Sets ignores order": "expect(new Set([1, 2])).toEqual(new Set([2, 1]));",
    "toEqual on Maps": "expect(new Map([['a', {b: 1}]])).toEqual(new Map([['a', {b: 1}]]));",
    "toEqual on Dates, RegExps, BigInts": """
        expect(new Date(5)).toEqual(new Date(5));
        expect(/a/g).toEqual(/a/g);
        expect(10n).toEqual(10n);""",
    "toEqual with asymmetric matchers": """
        expect({id: 7, name: 'Ada', tags: ['x', 'y'], when: new Date(), size: 0.1 + 0.2}).toEqual({
          id: expect.any(Number), name: expect.stringMatching(/^A/),
          tags: expect.arrayContaining(['y']), when: expect.anything(),
          size: expect.closeTo(0.3, 5)});
        expect({a: 'hello world', b: 2}).toEqual(
          expect.objectContaining({a: expect.stringContaining('world')}));
        expect(['a']).toEqual(expect.not.arrayContaining(['b']));""",
    "toEqual compares DOM nodes": """
        const make = () => { const p = document.createElement('p'); p.textContent = 'hi'; return p; };
        expect(make()).toEqual(make());""",
    "toStrictEqual on equal values": "expect({a: [1, {b: 2}]}).toStrictEqual({a: [1, {b: 2}]});",
    "toThrow in every form": """
        const boom = () => { throw new TypeError('Bad input here'); };
        expect(boom).toThrow();
        expect(boom).toThrow('input');
        expect(boom).toThrow(/^Bad/);
        expect(boom).toThrow(TypeError);
        expect(boom).toThrow(new Error('Bad input here'));
        expect(boom).toThrowError('Bad');
        expect(() => {}).not.toThrow();""",
    "toBeInstanceOf passes": "expect(new Map()).toBeInstanceOf(Map); expect([]).not.toBeInstanceOf(Map);",
    "simple value matchers": """
        expect(1).toBeTruthy(); expect('').toBeFalsy(); expect(null).toBeNull();
        expect(undefined).toBeUndefined(); expect(0).toBeDefined(); expect(0 / 0).toBeNaN();""",
    "toContain on strings, arrays, Sets and iterables": """
        expect('hello').toContain('ell');
        expect([1, 2]).toContain(2);
        expect(new Set(['a'])).toContain('a');
        expect(new Map([[1, 2]]).keys()).toContain(1);
        expect(document.querySelectorAll('html')).toContain(document.documentElement);""",
    "toContainEqual passes": "expect([{a: 1}, {b: 2}]).toContainEqual({b: 2});",
    "toHaveLength passes": "expect('abc').toHaveLength(3); expect([1]).toHaveLength(1);",
    "toHaveProperty passes": """
        expect({a: {b: [1, 2]}}).toHaveProperty('a.b[1]', 2);
        expect({a: {b: 1}}).toHaveProperty(['a', 'b']);
        expect({a: undefined}).toHaveProperty('a');""",
    "toMatch passes": "expect('Hello world').toMatch('world'); expect('Hello world').toMatch(/^H/);",
    "toMatchObject passes": "expect({a: 1, b: {c: 2, d: 3}, e: [1]}).toMatchObject({b: {c: 2}, e: [1]});",
    "toBeCloseTo passes": "expect(0.1 + 0.2).toBeCloseTo(0.3); expect(1.234).toBeCloseTo(1.2, 1);",
    "number comparisons": """
        expect(3).toBeGreaterThan(2); expect(3).toBeGreaterThanOrEqual(3);
        expect(1).toBeLessThan(2); expect(2).toBeLessThanOrEqual(2);
        expect(2n).toBeGreaterThan(1n);""",
    "jest.fn records calls and results": """
        const double = jest.fn((x) => x * 2);
        double(2); double(5);
        expect(double.mock.calls).toEqual([[2], [5]]);
        expect(double.mock.results).toEqual([{type: 'return', value: 4}, {type: 'return', value: 10}]);
        expect(double).toHaveBeenCalled();
        expect(double).toHaveBeenCalledTimes(2);
        expect(double).toHaveBeenCalledWith(2);
        expect(double).toHaveBeenLastCalledWith(5);
        expect(double).toHaveBeenNthCalledWith(1, 2);
        expect(double).toHaveReturnedWith(10);""",
    "mockReturnValue and mockImplementation": """
        const f = jest.fn().mockReturnValue(3);
        expect(f()).toBe(3);
        f.mockImplementation((a, b) => a + b);
        expect(f(1, 2)).toBe(3);
        f.mockReturnValueOnce('once');
        expect([f(1, 1), f(1, 1)]).toEqual(['once', 2]);""",
    "jest.spyOn calls through, then restores": """
        const calc = {add: (a, b) => a + b};
        const original = calc.add;
        const spy = jest.spyOn(calc, 'add');
        expect(calc.add(1, 2)).toBe(3);
        expect(spy).toHaveBeenCalledWith(1, 2);
        spy.mockRestore();
        expect(calc.add).toBe(original);""",
    "resolves and rejects": """
        return (async () => {
          await expect(Promise.resolve(5)).resolves.toBe(5);
          await expect(Promise.reject(new Error('no'))).rejects.toThrow('no');
          await expect(Promise.resolve(1)).resolves.not.toBe(2);
        })();""",
    "expect.assertions counts every expect": "expect.assertions(2); expect(1).toBe(1); expect(2).toBe(2);",
}

RECEIVED_DIFF_HEAD = "- Expected  - 1\n+ Received  + 1\n\n"

FAILING: dict[str, tuple[str, str]] = {
    "toBe quotes strings": (
        "expect('hello').toBe('Hello');",
        'expect(received).toBe(expected) // Object.is equality\n\n'
        'Expected: "Hello"\nReceived: "hello"'),
    "toBe suggests a deep equality matcher": (
        "expect({a: 1}).toBe({a: 1});",
        'expect(received).toBe(expected) // Object.is equality\n\n'
        'If it should pass with deep equality, replace "toBe" with "toStrictEqual"\n\n'
        'Expected: {"a": 1}\nReceived: serializes to the same string'),
    "not.toBe": (
        "expect(1).not.toBe(1);",
        "expect(received).not.toBe(expected) // Object.is equality\n\nExpected: not 1"),
    "toEqual shows a diff of objects and arrays": (
        "expect({name: 'Ada', langs: ['js', 'css']}).toEqual({name: 'Ada', langs: ['js', 'html']});",
        "expect(received).toEqual(expected) // deep equality\n\n" + RECEIVED_DIFF_HEAD +
        '  Object {\n    "langs": Array [\n      "js",\n-     "html",\n+     "css",\n    ],\n'
        '    "name": "Ada",\n  }'),
    "toEqual on Sets": (
        "expect(new Set([1, 2])).toEqual(new Set([1, 3]));",
        "expect(received).toEqual(expected) // deep equality\n\n" + RECEIVED_DIFF_HEAD +
        "  Set {\n    1,\n-   3,\n+   2,\n  }"),
    "toEqual on Dates": (
        "expect(new Date(0)).toEqual(new Date(1000));",
        "expect(received).toEqual(expected) // deep equality\n\n"
        "Expected: 1970-01-01T00:00:01.000Z\nReceived: 1970-01-01T00:00:00.000Z"),
    "toEqual on RegExps": (
        "expect(/a/g).toEqual(/a/i);",
        "expect(received).toEqual(expected) // deep equality\n\nExpected: /a/i\nReceived: /a/g"),
    "toEqual on BigInts": (
        "expect(1n).toEqual(2n);",
        "expect(received).toEqual(expected) // deep equality\n\nExpected: 2n\nReceived: 1n"),
    "toEqual on Symbols": (
        "expect(Symbol('a')).toEqual(Symbol('a'));",
        "expect(received).toEqual(expected) // deep equality\n\n"
        "Expected: Symbol(a)\nReceived: serializes to the same string"),
    "toEqual shows matched asymmetric matchers as they are": (
        "expect({a: 'x', b: 2}).toEqual({a: expect.any(String), b: 3});",
        "expect(received).toEqual(expected) // deep equality\n\n" + RECEIVED_DIFF_HEAD +
        '  Object {\n    "a": Any<String>,\n-   "b": 3,\n+   "b": 2,\n  }'),
    "objectContaining that fails": (
        "expect({a: 1}).toEqual(expect.objectContaining({b: 2}));",
        "expect(received).toEqual(expected) // deep equality\n\n"
        'Expected: ObjectContaining {"b": 2}\nReceived: {"a": 1}'),
    "toStrictEqual sees undefined properties": (
        "expect({a: 1, b: undefined}).toStrictEqual({a: 1});",
        "expect(received).toStrictEqual(expected) // deep equality\n\n"
        '- Expected  - 0\n+ Received  + 1\n\n  Object {\n    "a": 1,\n+   "b": undefined,\n  }'),
    "toStrictEqual sees class types": (
        "class Point { constructor() { this.x = 1; } } expect(new Point()).toStrictEqual({x: 1});",
        "expect(received).toStrictEqual(expected) // deep equality\n\n" + RECEIVED_DIFF_HEAD +
        '- Object {\n+ Point {\n    "x": 1,\n  }'),
    "toStrictEqual sees holes": (
        "expect([, 1]).toStrictEqual([undefined, 1]);",
        "expect(received).toStrictEqual(expected) // deep equality\n\n"
        "Expected: [undefined, 1]\nReceived: [, 1]"),
    "a diff of strings on many lines": (
        "expect('a\\nb\\nc').toBe('a\\nB\\nc');",
        "expect(received).toBe(expected) // Object.is equality\n\n" + RECEIVED_DIFF_HEAD +
        "  a\n- B\n+ b\n  c"),
    "toThrow when nothing is thrown": (
        "expect(() => {}).toThrow();",
        "expect(received).toThrow()\n\nReceived function did not throw"),
    "toThrow with a substring": (
        "expect(() => { throw new Error('boom'); }).toThrow('bang');",
        'expect(received).toThrow(expected)\n\nExpected substring: "bang"\n'
        'Received message:   "boom"'),
    "toThrow with a RegExp": (
        "expect(() => { throw new Error('boom'); }).toThrow(/bang/);",
        'expect(received).toThrow(expected)\n\nExpected pattern: /bang/\nReceived message: "boom"'),
    "toThrow with an error class": (
        "expect(() => { throw new TypeError('boom'); }).toThrow(RangeError);",
        "expect(received).toThrow(expected)\n\nExpected constructor: RangeError\n"
        'Received constructor: TypeError\n\nReceived message: "boom"'),
    "toThrow with an error object": (
        "expect(() => { throw new Error('boom'); }).toThrow(new Error('bang'));",
        'expect(received).toThrow(expected)\n\nExpected message: "bang"\nReceived message: "boom"'),
    "not.toThrow": (
        "expect(() => { throw new Error('boom'); }).not.toThrow();",
        'expect(received).not.toThrow()\n\nError name:    "Error"\nError message: "boom"'),
    "toBeInstanceOf": (
        "expect([]).toBeInstanceOf(Map);",
        "expect(received).toBeInstanceOf(expected)\n\nExpected constructor: Map\n"
        "Received constructor: Array"),
    "toBeTruthy": ("expect(0).toBeTruthy();", "expect(received).toBeTruthy()\n\nReceived: 0"),
    "toBeFalsy": ("expect('x').toBeFalsy();", 'expect(received).toBeFalsy()\n\nReceived: "x"'),
    "toBeNull": ("expect(undefined).toBeNull();", "expect(received).toBeNull()\n\nReceived: undefined"),
    "toBeUndefined": ("expect(null).toBeUndefined();", "expect(received).toBeUndefined()\n\nReceived: null"),
    "toBeDefined": ("expect(undefined).toBeDefined();", "expect(received).toBeDefined()\n\nReceived: undefined"),
    "toBeNaN": ("expect(1).toBeNaN();", "expect(received).toBeNaN()\n\nReceived: 1"),
    "toContain on an array": (
        "expect([1, 2]).toContain(3);",
        "expect(received).toContain(expected) // indexOf\n\nExpected value: 3\nReceived array: [1, 2]"),
    "toContain on a string": (
        "expect('hello').toContain('x');",
        'expect(received).toContain(expected) // indexOf\n\nExpected substring: "x"\n'
        'Received string:    "hello"'),
    "toContain on a Set": (
        "expect(new Set([1])).toContain(2);",
        "expect(received).toContain(expected) // indexOf\n\nExpected value: 2\nReceived set:   Set {1}"),
    "toContain suggests toContainEqual": (
        "expect([{a: 1}]).toContain({a: 1});",
        'expect(received).toContain(expected) // indexOf\n\nExpected value: {"a": 1}\n'
        'Received array: [{"a": 1}]\n\nLooks like you wanted to test for object/array equality '
        "with the stricter `toContain` matcher. You probably need to use `toContainEqual` instead."),
    "toContainEqual": (
        "expect([{a: 1}]).toContainEqual({a: 2});",
        'expect(received).toContainEqual(expected) // deep equality\n\nExpected value: {"a": 2}\n'
        'Received array: [{"a": 1}]'),
    "toHaveLength": (
        "expect([1, 2]).toHaveLength(3);",
        "expect(received).toHaveLength(expected)\n\nExpected length: 3\nReceived length: 2\n"
        "Received array:  [1, 2]"),
    "toHaveProperty with a missing path": (
        "expect({a: {b: 1}}).toHaveProperty('a.c');",
        'expect(received).toHaveProperty(path)\n\nExpected path: "a.c"\nReceived path: "a"\n\n'
        'Received value: {"b": 1}'),
    "toHaveProperty with a value": (
        "expect({a: {b: 1}}).toHaveProperty('a.b', 2);",
        'expect(received).toHaveProperty(path, value)\n\nExpected path: "a.b"\n\n'
        "Expected value: 2\nReceived value: 1"),
    "toMatch": (
        "expect('hello').toMatch(/x/);",
        'expect(received).toMatch(expected)\n\nExpected pattern: /x/\nReceived string:  "hello"'),
    "toMatchObject": (
        "expect({a: 1, b: 2, c: 3}).toMatchObject({a: 1, b: 3});",
        "expect(received).toMatchObject(expected)\n\n" + RECEIVED_DIFF_HEAD +
        '  Object {\n    "a": 1,\n-   "b": 3,\n+   "b": 2,\n  }'),
    "toBeCloseTo": (
        "expect(0.1 + 0.2).toBeCloseTo(0.31, 2);",
        "expect(received).toBeCloseTo(expected, precision)\n\nExpected: 0.31\n"
        "Received: 0.30000000000000004\n\nExpected precision:    2\n"
        "Expected difference: < 0.005\nReceived difference:   0.009999999999999953"),
    "toBeGreaterThan": (
        "expect(1).toBeGreaterThan(2);",
        "expect(received).toBeGreaterThan(expected)\n\nExpected: > 2\nReceived:   1"),
    "not.toBeLessThanOrEqual": (
        "expect(1).not.toBeLessThanOrEqual(2);",
        "expect(received).not.toBeLessThanOrEqual(expected)\n\nExpected: not <= 2\n"
        "Received:        1"),
    "a matcher given the wrong type": (
        "expect('a').toBeGreaterThan(2);",
        "expect(received).toBeGreaterThan(expected)\n\nMatcher error: received value must be a "
        'number or bigint\n\nReceived has type:  string\nReceived has value: "a"'),
    "toHaveBeenCalled": (
        "expect(jest.fn()).toHaveBeenCalled();",
        "expect(jest.fn()).toHaveBeenCalled()\n\nExpected number of calls: >= 1\n"
        "Received number of calls:    0"),
    "not.toHaveBeenCalled": (
        "const f = jest.fn(); f(1, 'a'); expect(f).not.toHaveBeenCalled();",
        "expect(jest.fn()).not.toHaveBeenCalled()\n\nExpected number of calls: 0\n"
        'Received number of calls: 1\n\n1: 1, "a"'),
    "toHaveBeenCalledTimes": (
        "const f = jest.fn(); f(); expect(f).toHaveBeenCalledTimes(2);",
        "expect(jest.fn()).toHaveBeenCalledTimes(expected)\n\nExpected number of calls: 2\n"
        "Received number of calls: 1"),
    "toHaveBeenCalledWith": (
        "const f = jest.fn(); f(1, 'a'); expect(f).toHaveBeenCalledWith(1, 'b');",
        'expect(jest.fn()).toHaveBeenCalledWith(...expected)\n\nExpected: 1, "b"\n'
        'Received: 1, "a"\n\nNumber of calls: 1'),
    "toHaveBeenLastCalledWith": (
        "const f = jest.fn(); f('a'); f('b'); expect(f).toHaveBeenLastCalledWith('c');",
        'expect(jest.fn()).toHaveBeenLastCalledWith(...expected)\n\nExpected: "c"\nReceived\n'
        '       1: "a"\n->     2: "b"\n\nNumber of calls: 2'),
    "a mock's name shows in the message": (
        "expect(jest.fn().mockName('onClick')).toHaveBeenCalled();",
        "expect(onClick).toHaveBeenCalled()\n\nExpected number of calls: >= 1\n"
        "Received number of calls:    0"),
    "resolves when the promise rejects": (
        "return expect(Promise.reject(new Error('no'))).resolves.toBe(1);",
        "expect(received).resolves.toBe()\n\nReceived promise rejected instead of resolved\n"
        "Rejected to value: [Error: no]"),
    "rejects when the promise resolves": (
        "return expect(Promise.resolve(2)).rejects.toThrow('x');",
        "expect(received).rejects.toThrow()\n\nReceived promise resolved instead of rejected\n"
        "Resolved to value: 2"),
    "resolves, then the matcher fails": (
        "return expect(Promise.resolve(2)).resolves.toBe(3);",
        "expect(received).resolves.toBe(expected) // Object.is equality\n\n"
        "Expected: 3\nReceived: 2"),
    "rejects, then toThrow fails": (
        "return expect(Promise.reject(new Error('no'))).rejects.toThrow('yes');",
        'expect(received).rejects.toThrow(expected)\n\nExpected substring: "yes"\n'
        'Received message:   "no"'),
    "a plain-English message comes first": (
        "expect(document.querySelector('h1'), 'Your page needs an <h1> heading.').toBeTruthy();",
        "Your page needs an <h1> heading.\n\nexpect(received).toBeTruthy()\n\nReceived: null"),
    "a plain-English message with .not": (
        "expect(2, 'Two is not allowed here.').not.toBe(2);",
        "Two is not allowed here.\n\nexpect(received).not.toBe(expected) // Object.is equality"
        "\n\nExpected: not 2"),
    "a plain-English message with resolves": (
        "return expect(Promise.resolve(2), 'The answer should be 3.').resolves.toBe(3);",
        "The answer should be 3.\n\nexpect(received).resolves.toBe(expected) // Object.is "
        "equality\n\nExpected: 3\nReceived: 2"),
    "expect.assertions": (
        "expect.assertions(2); expect(1).toBe(1);",
        "expect.assertions(2)\n\nExpected two assertions to be called but received one "
        "assertion call."),
    "expect.hasAssertions": (
        "expect.hasAssertions();",
        "expect.hasAssertions()\n\nExpected at least one assertion to be called but received none."),
    "DOM elements print as HTML": (
        "const p = document.createElement('p'); p.className = 'note'; p.textContent = 'Hi';"
        " expect(p).toBeNull();",
        'expect(received).toBeNull()\n\nReceived: <p class="note">Hi</p>'),
}


def _check_file() -> str:
    cases = {**PASSING, **{name: body for name, (body, _message) in FAILING.items()}}
    return "\n".join(f"test({json.dumps(name)}, () => {{\n{body}\n}});" for name, body in cases.items())


@pytest.fixture(scope="module")
def outcomes(qapp: Any) -> dict[str, Outcome]:
    """Every case above, run once in one page."""
    report = run_check_sync({}, {"matchers.test.js": _check_file()}, entry=None,
                            time_limit_seconds=30)
    assert report.error is None, report.error
    return {outcome.name: outcome for outcome in report.tests}


def test_every_case_ran_once(outcomes: dict[str, Outcome]) -> None:
    assert sorted(outcomes) == sorted([*PASSING, *FAILING])


@pytest.mark.parametrize("name", PASSING)
def test_matcher_passes(outcomes: dict[str, Outcome], name: str) -> None:
    outcome = outcomes[name]
    assert outcome.status == "passed", outcome.message


@pytest.mark.parametrize("name", FAILING)
def test_matcher_fails_with_jest_message(outcomes: dict[str, Outcome], name: str) -> None:
    outcome = outcomes[name]
    assert outcome.status == "failed"
    assert outcome.message == FAILING[name][1]

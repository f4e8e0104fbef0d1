"""The helpers lesson authors import from '@tutor/checks', used on a real page."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sandbox.results import CheckReport
from sandbox.results import TestOutcome as Outcome
from sandbox.web.check_runner import run_check_sync

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><link rel="stylesheet" href="style.css"></head>
<body>
  <!-- <h2>An old heading, commented out</h2> -->
  <h1 class="title">  Hello, world!  </h1>
  <ul><li>one</li><li>two</li><li>three</li></ul>
  <input id="name"><button id="go">Go</button><p id="out"></p>
  <script src="script.js"></script>
</body></html>
"""

STYLE = """/* h1 { color: blue; } */
h1 { color: rgb(255, 0, 0); background-color: #00ff00; }
a::after { content: "/* not a comment */"; }
"""

SCRIPT = """// Say hello when the button is clicked.
const url = "http://example.com/*not-a-comment*/"; /* a block
comment */ const pattern = /\\/\\/ still code/g;
const total = 10 / 2; // half
const message = `Sum: ${1 + 2} // kept ${'/* kept */'}`;
window.events = [];
const input = document.querySelector('#name');
input.addEventListener('input', () => events.push('input'));
input.addEventListener('change', () => events.push('change'));
document.querySelector('#go').addEventListener('click', () => {
  document.querySelector('#out').textContent = 'Hi ' + input.value;
});
"""

SCRIPT_WITHOUT_COMMENTS = """
const url = "http://example.com/*not-a-comment*/"; \n const pattern = /\\/\\/ still code/g;
const total = 10 / 2; \nconst message = `Sum: ${1 + 2} // kept ${'/* kept */'}`;
""" + SCRIPT.split("\n", 5)[5]

STYLE_WITHOUT_COMMENTS = """
h1 { color: rgb(255, 0, 0); background-color: #00ff00; }
a::after { content: "/* not a comment */"; }
"""

CHECKS = f"""import {{ $, $$, text, style, source, sourceWithoutComments, check, click, typeInto, wait }}
  from '@tutor/checks';
test('$ finds an element or null', () => {{
  expect($('h1').tagName).toBe('H1');
  expect($('h2')).toBeNull();
}});
test('$$ gives an array', () => {{
  expect(Array.isArray($$('li'))).toBe(true);
  expect($$('li').map((li) => li.textContent)).toEqual(['one', 'two', 'three']);
}});
test('text is trimmed', () => {{
  expect(text('h1')).toBe('Hello, world!');
  expect(text('h2')).toBe('');
}});
test('style gives computed values', () => {{
  expect(style('h1', 'color')).toBe('rgb(255, 0, 0)');
  expect(style($('h1'), 'backgroundColor')).toBe('rgb(0, 255, 0)');
  expect(style('h2', 'color')).toBe('');
}});
test('source gives the file as written', () => {{
  expect(source('style.css')).toBe({json.dumps(STYLE)});
  expect(source('./script.js')).toBe({json.dumps(SCRIPT)});
}});
test('a missing file', () => {{ source('other.css'); }});
test('comments are taken out of JavaScript', () => {{
  expect(sourceWithoutComments('script.js')).toBe({json.dumps(SCRIPT_WITHOUT_COMMENTS)});
}});
test('comments are taken out of CSS', () => {{
  expect(sourceWithoutComments('style.css')).toBe({json.dumps(STYLE_WITHOUT_COMMENTS)});
}});
test('comments are taken out of HTML', () => {{
  const page = sourceWithoutComments('index.html');
  expect(page).not.toContain('<h2>');
  expect(page).toContain('<h1 class="title">');
}});
test('check passes quietly', () => {{ check(true, 'never shown'); }});
test('check fails with exactly its message', () => {{
  check($('h2'), 'Your page needs an <h2> heading.');
}});
test('click and typeInto act like a person', async () => {{
  typeInto('#name', 'Ada');
  click('#go');
  await wait(10);
  expect(text('#out')).toBe('Hi Ada');
  expect(events).toEqual(['input', 'change']);
}});
test('click on something missing', () => {{ click('#nothing'); }});
"""


@pytest.fixture(scope="module")
def helpers(qapp: Any) -> dict[str, Outcome]:
    """The page above with the checks above, run once."""
    report: CheckReport = run_check_sync(
        {"index.html": PAGE, "style.css": STYLE, "script.js": SCRIPT},
        {"helpers.test.js": CHECKS}, entry="index.html", time_limit_seconds=30)
    assert report.error is None, report.error
    return {outcome.name: outcome for outcome in report.tests}


@pytest.mark.parametrize("name", [
    "$ finds an element or null", "$$ gives an array", "text is trimmed",
    "style gives computed values", "source gives the file as written",
    "comments are taken out of JavaScript", "comments are taken out of CSS",
    "comments are taken out of HTML", "check passes quietly", "click and typeInto act like a person",
])
def test_helper_works(helpers: dict[str, Outcome], name: str) -> None:
    assert helpers[name].status == "passed", helpers[name].message


def test_check_fails_with_exactly_its_message(helpers: dict[str, Outcome]) -> None:
    outcome = helpers["check fails with exactly its message"]
    assert (outcome.status, outcome.message) == ("failed", "Your page needs an <h2> heading.")


def test_helpers_explain_what_is_missing(helpers: dict[str, Outcome]) -> None:
    assert helpers["a missing file"].message == "There is no file called other.css."
    assert helpers["click on something missing"].message == (
        'Your page has no element that matches "#nothing".')

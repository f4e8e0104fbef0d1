"""Small lesson libraries written into a temporary folder, good or broken on purpose."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

GOOD_LESSON = """# A heading

A page needs a title. Put it at the top.

```html
<h1>Hello</h1>
```

## Your turn

Add an `<h1>` heading to the page.
"""

GOOD_CHECK = """import { expect, test } from '@jest/globals';
import { $ } from '@tutor/checks';

test('The page has a heading', () => {
  expect($('h1'), 'Your page needs an <h1> heading.').not.toBeNull();
});
"""


def exercise_toml(exercise_id: str, **settings: object) -> str:
    """The text of an exercise.toml, with good settings unless told otherwise."""
    values: dict[str, object] = {
        "format_version": 1,
        "id": exercise_id,
        "title": "A heading",
        "kind": "web",
        "order": 1,
        "entry": "index.html",
        "files": ["index.html"],
        "time_limit_seconds": 5,
        "hints": ["Look for the TODO line.", "Write an h1 tag there."],
    }
    values.update(settings)
    lines = []
    for key, value in values.items():
        if value is not None:
            # JSON strings, numbers and lists of strings are also valid TOML values.
            lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


WriteExercise = Callable[..., Path]


@pytest.fixture
def lessons_root(tmp_path: Path) -> Path:
    """An empty lessons folder with one track, `html`."""
    root = tmp_path / "lessons"
    (root / "html").mkdir(parents=True)
    (root / "html" / "track.toml").write_text(
        'format_version = 1\nid = "html"\ntitle = "HTML and CSS"\norder = 1\n', encoding="utf-8"
    )
    return root


@pytest.fixture
def write_exercise(lessons_root: Path) -> WriteExercise:
    """Write a good exercise; `disk` adds or replaces files, other keywords change settings."""

    def write(folder: str = "01-heading", exercise_id: str = "html.heading", *,
              track: str = "html", disk: dict[str, str] | None = None,
              lesson: str = GOOD_LESSON, **settings: object) -> Path:
        place = lessons_root / track / folder
        place.mkdir(parents=True)
        (place / "exercise.toml").write_text(exercise_toml(exercise_id, **settings),
                                             encoding="utf-8")
        (place / "lesson.md").write_text(lesson, encoding="utf-8")
        all_files = {
            "starter/index.html": "<body>\n<!-- TODO: Add a heading. -->\n</body>\n",
            "solution/index.html": "<body>\n<h1>Hello</h1>\n</body>\n",
            "checks/page.test.js": GOOD_CHECK,
        }
        all_files.update(disk or {})
        for name, text in all_files.items():
            path = place / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return place

    return write

"""Each kind of flag fires on a crafted file, at the right line, and not on its harmless twin."""

from __future__ import annotations

import pytest

from tutor.content.lesson_files import MAX_FILE_BYTES
from tutor.content.packs import read_pack
from tutor.content.review import Flag, review_file, review_pack

from .conftest import crafted_pack

# (kind, file, content whose line 2 should be flagged, the text flagged, a harmless twin)
CASES = [
    ("address", "notes/read.md", "# Notes\nSee https://evil.example.net/x for more.\n",
     "https://evil.example.net/x", "# Notes\nSee the notes page for more.\n"),
    ("address", "data/query.sql", "-- people\nINSERT INTO t VALUES ('files.badhost.com');\n",
     "files.badhost.com", "-- people\nINSERT INTO t VALUES ('files');\n"),
    ("address", "site/a.html", "<p>Hi</p>\n<a href=\"//evil.org/x\">x</a>\n", "//evil.org/x",
     "<p>Hi</p>\n<a href=\"x.html\">x</a>\n"),
    ("address", "notes/ip.txt", "Servers:\nconnect to 10.1.2.3 now\n", "10.1.2.3",
     "Servers:\nversion 10.1 now\n"),
    ("address", "notes/local.txt", "Servers:\nopen localhost:8080\n", "localhost",
     "Servers:\nopen the local page\n"),
    ("address", "code/app.js", "// app\nconst site = 'shop.example.co.uk';\n",
     "shop.example.co.uk",
     "// app\nconsole.log(document.body.style.color, this.co, lesson.md);\n"),
    ("outside-load", "site/b.html", "<!DOCTYPE html>\n<script src=\"https://cdn.site.io/x.js\">"
     "</script>\n", "https://cdn.site.io/x.js", "<!DOCTYPE html>\n<script src=\"x.js\"></script>\n"),
    ("outside-load", "site/c.html", "<head>\n<link rel=\"stylesheet\" href=\"//cdn.net/a.css\">\n",
     "//cdn.net/a.css", "<head>\n<link rel=\"stylesheet\" href=\"a.css\">\n"),
    ("outside-load", "site/d.css", "/* fonts */\n@import url(\"https://fonts.web.com/css\");\n",
     "https://fonts.web.com/css", "/* fonts */\n@import \"local.css\";\n"),
    ("outside-load", "site/e.css", "body {\n  background: url(http://x.org/a.png);\n}\n",
     "http://x.org/a.png",
     "body {\n  background: url(a.png), url(data:image/png;base64,AAAA);\n}\n"),
    ("outside-load", "site/f.html", "<body>\n<iframe src=\"https://x.org/\"></iframe>\n",
     "https://x.org/", "<body>\n<iframe src=\"frame.html\"></iframe>\n"),
    ("outside-load", "site/g.html", "<body>\n<iframe srcdoc=\"<p>hi</p>\"></iframe>\n",
     "<p>hi</p>", "<body>\n<iframe title=\"empty\"></iframe>\n"),
    ("outside-load", "site/h.html", "<body>\n<script src=\"data:text/javascript,go()\"></script>\n",
     "data:text/javascript,go()", "<body>\n<img src=\"data:image/png;base64,AAAA\" alt=\"\">\n"),
    ("outside-load", "code/i.js", "// lib\nimport pad from \"https://esm.run/pad\";\n",
     "https://esm.run/pad", "// lib\nimport pad from \"./pad.js\";\n"),
    ("outside-load", "site/j.html", "<style>\n</style><style>p { background: url(//a.net/b.png) }"
     "</style>\n", "//a.net/b.png", "<style>\n</style><style>p { color: red }</style>\n"),
    ("outside-load", "site/k.html", "<body>\n<form action=\"https://x.org/send\"></form>\n",
     "https://x.org/send", "<body>\n<form action=\"#\"></form>\n"),
    ("file-path", "site/l.html", "<body>\n<img src=\"file:///etc/passwd\" alt=\"\">\n",
     "file:///etc/passwd", "<body>\n<img src=\"passwd.png\" alt=\"\">\n"),
    ("file-path", "notes/m.txt", "Files:\nC:\\Users\\learner\\secret.txt\n",
     "C:\\Users\\learner\\secret.txt", "Files:\nPress C: then the Users key\n"),
    ("file-path", "code/n.js", "// read\nconst x = { file: true, path: 'file:///C:/x' };\n",
     "file:///C:/x", "// read\nconst x = { file: true, path: 'x' };\n"),
    ("risky-code", "checks/o.js", "// net\nfetch('/api');\n", "fetch",
     "// fetch is not used here\nconst name = 'fetch';\n"),
    ("risky-code", "checks/p.js", "// net\nconst r = new XMLHttpRequest();\n", "XMLHttpRequest",
     "// net\nconst request = null;\n"),
    ("risky-code", "checks/q.js", "// net\nconst s = new WebSocket('ws://h');\n", "WebSocket",
     "// net\nconst socket = 1;\n"),
    ("risky-code", "checks/r.js", "// run\neval('1 + 1');\n", "eval",
     "// run\nconst evaluation = evaluate(1);\n"),
    ("risky-code", "checks/s.js", "// run\nconst f = new Function('return 1');\n", "Function",
     "// run\nconst ok = f instanceof Function && typeof f === 'function';\n"),
    ("risky-code", "checks/t.js", "// run\nsetTimeout('alert(1)', 10);\n", "setTimeout",
     "// run\nsetTimeout(() => alert(1), 10);\n"),
    ("risky-code", "site/u.html", "<body>\n<button onclick=\"fetch('/x')\">Go</button>\n",
     "fetch", "<body>\n<button onclick=\"go()\">Go</button>\n"),
    ("risky-code", "site/v.html", "<body><script>\n  navigator.sendBeacon('/x');\n</script>\n",
     "sendBeacon", "<body><script>\n  navigator.language;\n</script>\n"),
    ("risky-code", "site/w.html", "<body>\n<a href=\"javascript:go()\">Go</a>\n",
     "javascript:go()", "<body>\n<a href=\"#top\">Go</a>\n"),
    ("hidden-text", "code/x.js", "// ok\nconst admin = false; /*\u202e } \u2066*/\n",
     "U+202E, U+2066", "// ok\nconst admin = false; /* done */\n"),
    ("hidden-text", "notes/y.md", "# Words\nsecret\u200bname\n", "U+200B",
     "\ufeff# Words\nsecret name\n"),
]


def _flags(path: str, content: str | bytes) -> list[Flag]:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return review_file(path, data)[1]


@pytest.mark.parametrize(("kind", "path", "content", "flagged", "twin"), CASES,
                         ids=[f"{case[0]}:{case[1]}" for case in CASES])
def test_each_flag_fires_at_its_line_and_not_on_the_harmless_twin(
        kind: str, path: str, content: str, flagged: str, twin: str) -> None:
    found = [flag for flag in _flags(path, content) if flag.kind == kind]
    assert [(flag.line, flag.text) for flag in found] == [(2, flagged)], found
    assert found[0].message and found[0].path == path
    assert _flags(path, twin) == []


def test_a_file_of_a_kind_packs_may_not_hold_is_flagged() -> None:
    assert [(f.kind, f.line, f.text) for f in _flags("tools/run.py", "print(1)\n")] == [
        ("file-type", 0, ".py")]
    assert _flags("tools/run.txt", "print(1)\n") == []


def test_a_file_over_the_size_limit_is_flagged() -> None:
    too_big = b"a" * (MAX_FILE_BYTES + 1)
    assert [f.kind for f in _flags("notes/big.txt", too_big)] == ["oversized"]
    assert _flags("notes/big.txt", b"a" * MAX_FILE_BYTES) == []


def test_a_text_file_that_is_not_utf8_is_flagged_and_a_picture_is_not() -> None:
    assert [f.kind for f in _flags("notes/odd.txt", b"\xff\xfe\x00bad")] == ["not-text"]
    assert _flags("pictures/a.png", b"\x89PNG\r\n\x1a\n\xff\x00") == []
    assert review_file("pictures/a.png", b"\x89PNG\r\n\x1a\n")[0] is None


def test_an_address_inside_a_flagged_load_is_not_counted_twice() -> None:
    flags = _flags("site/z.html", '<script src="https://cdn.site.io/x.js"></script>\n')
    assert [flag.kind for flag in flags] == ["outside-load"]


def test_xml_namespace_names_are_not_addresses() -> None:
    code = "const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');\n"
    assert _flags("code/draw.js", code) == []


def test_hidden_characters_are_shown_as_markers_in_the_text_a_reviewer_reads() -> None:
    text, _flags_found = review_file("code/x.js", "a\u202eb\r\nc\u2028d\n".encode())
    assert text == "a⟨U+202E⟩b\nc⟨U+2028⟩d\n"


def test_line_numbers_count_only_newlines_so_every_view_agrees() -> None:
    # A form feed or U+2028 must not shift the line a flag points at.
    content = "one\x0c two\u2028three\nfetch('/x')\n"
    flags = _flags("code/shift.js", content)
    assert ("risky-code", 2) in [(flag.kind, flag.line) for flag in flags]


def test_the_pack_summary_counts_flags_by_kind() -> None:
    pack = crafted_pack({"a.js": "fetch('/x');\neval('2');\n", "b.md": "https://x.org/a\n",
                         "c.txt": "nothing here\n"})
    review = review_pack(pack, None)
    assert review.flag_counts() == {"risky-code": 2, "address": 1}
    assert [flag.kind for flag in review.flags] == ["risky-code", "risky-code", "address"]
    assert {file.path: len(file.flags) for file in review.files} == {"a.js": 2, "b.md": 1,
                                                                    "c.txt": 0}


def test_the_built_in_curriculum_has_few_flags_and_each_is_on_its_line(
        curriculum_pack: object) -> None:
    review = review_pack(read_pack(curriculum_pack), None)  # type: ignore[arg-type]
    assert len(review.files) > 500
    assert len(review.flags) <= 20
    for flag in review.flags:
        file = review.file(flag.path)
        assert file is not None and file.text is not None
        assert flag.text in file.text.split("\n")[flag.line - 1], flag

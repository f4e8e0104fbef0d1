"""The printable report: self-contained, every pack text escaped, flags first, the decision."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html.parser import HTMLParser

from tutor.content.review import Decision, report_html, review_pack
from tutor.trust.keys import PrivateKey

from .conftest import crafted_pack

HOSTILE = ("<script>alert('x')</script></pre></td></table>"
           "<img src=file:///etc/passwd onerror=alert(1)>")


class _Tags(HTMLParser):
    """Collects every tag and attribute in a page, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Tags:
    reader = _Tags()
    reader.feed(page)
    return reader


def _hostile_review():  # type: ignore[no-untyped-def]
    pack = crafted_pack({
        "site/index.html": f"<p>{HOSTILE}</p>\n<img src=\"file:///etc/shadow\">\n",
        f"notes/{'x' * 3}.md": f"# {HOSTILE}\n",
    }, title=f"Pack {HOSTILE}")
    return review_pack(pack, {"site/index.html": f"old {HOSTILE}\n".encode()})


def test_hostile_pack_text_is_escaped_everywhere_in_the_report() -> None:
    page = report_html(_hostile_review(), Decision())
    tags = _parse(page)
    names = [tag for tag, _ in tags.tags]
    assert "script" not in names and "img" not in names and "iframe" not in names
    assert not any(name.startswith("on") for _, attrs in tags.tags for name in attrs)
    # The text is all there for the reviewer to read, as text.
    assert HOSTILE in "".join(tags.text)
    assert "file:///etc/shadow" in "".join(tags.text)


def test_the_report_loads_nothing_from_anywhere() -> None:
    page = report_html(_hostile_review(), Decision())
    tags = _parse(page)
    for tag, attrs in tags.tags:
        assert tag not in ("link", "script", "img", "iframe", "object", "embed"), tag
        for name, value in attrs.items():
            if name in ("src", "href") and value is not None:
                assert value.startswith("#"), (tag, name, value)
    policy = [attrs.get("content") for tag, attrs in tags.tags
              if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"]
    assert policy and "default-src 'none'" in str(policy[0])
    assert "@import" not in page and "url(" not in page.split("</style>")[0]


def test_flags_come_first_then_the_file_table_then_each_file_with_line_numbers() -> None:
    pack = crafted_pack({"a.js": "// net\nfetch('/x');\n", "b.md": "# Plain\n"})
    review = review_pack(pack, None)
    page = report_html(review, Decision())
    flags_at = page.index("<h2>Flags (1)</h2>")
    table_at = page.index("<h2>Every file (2)</h2>")
    contents_at = page.index("<h2>What every file holds</h2>")
    assert flags_at < table_at < contents_at
    for file in review.files:
        assert file.sha256 in page and f"{file.size:,} bytes" in page
    # The flag links to its line, and the line is marked for print, not only by colour.
    assert 'href="#f1-L2"' in page
    row = re.search(r'<tr id="f1-L2" class="flagged">(.*?)</tr>', page)
    assert row is not None and "fetch(&#x27;/x&#x27;);" in row.group(1) and "&#9654;" in row.group(1)
    assert "@media print" in page and "break-before: page" in page


def test_the_decision_and_the_date_are_in_the_report() -> None:
    review = review_pack(crafted_pack({"a.md": "# Plain\n"}), None)
    key = PrivateKey.generate().public_key("Vetting team <b>")
    when = datetime(2025, 3, 4, 10, 30, tzinfo=UTC)
    approved = report_html(review, Decision(key.fingerprint, key.comment, when))
    assert "Approved." in approved and key.fingerprint in approved
    assert "Vetting team &lt;b&gt;" in approved and "March 2025" in approved
    refused = report_html(review, Decision(decided_at=when))
    assert "Not approved." in refused and key.fingerprint not in refused
    assert review.manifest_sha256 in refused

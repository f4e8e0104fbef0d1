"""A printable HTML report of a pack review: flags first, then every file, hash and content.

The report is one self-contained file: no scripts, no pictures, no fonts or styles from
anywhere else, and a Content-Security-Policy that forbids loading anything should a browser
be asked to. Every piece of pack text (title, paths, code, key comments) is escaped, so a
pack cannot put markup into the report. It is made to be printed and signed on paper:
black on white, borders rather than background colours for what matters, line numbers on
every line of code, headings that stay with what follows them.
"""

from __future__ import annotations

from html import escape

from tutor.content.review.hidden_text import lines_of
from tutor.content.review.model import FLAG_KINDS, Decision, FileReview, Review
from tutor.content.review.report_style import REPORT_CSS

CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _size(size: int) -> str:
    return f"{size:,} bytes"


def _line_id(index: int, line: int) -> str:
    return f"f{index}-L{line}" if line else f"f{index}"


def report_html(review: Review, decision: Decision) -> str:
    """The whole report as one HTML page, ready to save, open and print."""
    index = {file.path: number for number, file in enumerate(review.files, start=1)}
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>Lesson pack review: {_e(review.title)} (version {review.version})</title>",
        f"<style>{REPORT_CSS}</style></head><body>",
        _header(review, decision),
        _flag_section(review, index),
        _changes_section(review),
        _file_table(review, index),
        '<section class="contents"><h2>What every file holds</h2>',
        *(_file_contents(file, number) for number, file in enumerate(review.files, start=1)),
        "</section>",
        f'<p class="end">End of the report on {_e(review.title)}, version {review.version}.'
        f" Pack hash (the SHA-256 of its list of files): "
        f'<span class="hash">{review.manifest_sha256}</span></p>',
        "</body></html>",
    ]
    return "\n".join(parts)


def _header(review: Review, decision: Decision) -> str:
    when = decision.decided_at.astimezone().strftime("%d %B %Y, %H:%M (UTC%z)")
    if decision.approved:
        who = f" ({_e(decision.key_comment)})" if decision.key_comment else ""
        verdict = (f'<div class="decision approved"><strong>Approved.</strong> Signed with the '
                   f'key <span class="fingerprint">{_e(decision.fingerprint)}</span>{who} '
                   f"on {_e(when)}.</div>")
    else:
        verdict = ('<div class="decision not-approved"><strong>Not approved.</strong> '
                   f"This report was made on {_e(when)}; nobody has signed the pack with it."
                   "</div>")
    signers = "".join(
        f'<li><span class="fingerprint">{_e(s.fingerprint)}</span>'
        f"{' (' + _e(s.comment) + ')' if s.comment else ''}: "
        f"{'the signature checks out' if s.valid else 'BROKEN: the pack changed after this'}"
        "</li>" for s in review.signers) or "<li>None yet.</li>"
    compared = ("the version installed on this computer" if review.installed_version_compared
                else "nothing: no version of this pack is installed here")
    facts = [("Title", _e(review.title)), ("Pack id", _e(review.pack_id)),
             ("Version", str(review.version)),
             ("Needs Tutor version", _e(review.min_app_version)),
             ("Files", f"{len(review.files):,} ({_size(review.total_size())} in all)"),
             ("Pack hash", f'<span class="hash">{review.manifest_sha256}</span> '
                           "(the SHA-256 of its list of files, which a signature covers)"),
             ("Compared with", compared),
             ("Signatures in the pack", f"<ul>{signers}</ul>")]
    rows = "".join(f"<tr><th>{name}</th><td>{value}</td></tr>" for name, value in facts)
    return (f"<header><h1>Lesson pack review</h1>{_cannot_install(review)}{verdict}"
            f'<table class="facts">{rows}</table></header>')


def _cannot_install(review: Review) -> str:
    """A box that says plainly why the pack cannot be installed, when it cannot."""
    if review.installable:
        return ""
    reasons = "".join(f"<li>{_e(problem)}</li>" for problem in review.install_problems)
    return ('<div class="decision cannot-install"><strong>This pack cannot be installed:'
            "</strong> a workstation refuses it, whoever signs it. It is shown here so "
            f"you can see what it holds.<ul>{reasons}</ul></div>")


def _flag_section(review: Review, index: dict[str, int]) -> str:
    flags = review.flags
    parts = [f'<section class="flags"><h2>Flags ({len(flags)})</h2>']
    if not flags:
        parts.append("<p>Nothing was flagged.</p></section>")
        return "".join(parts)
    parts.append("<p>Flags show what a reviewer should look at. They are not faults in "
                 "themselves: the app blocks the network and files on disk anyway.</p>")
    counts = review.flag_counts()
    parts.append('<table class="summary"><thead><tr><th>Kind</th><th>How many</th></tr>'
                 "</thead><tbody>")
    parts += [f"<tr><td>{_e(label)}</td><td>{counts[kind]}</td></tr>"
              for kind, label in FLAG_KINDS.items() if kind in counts]
    parts.append("</tbody></table>")
    for kind, label in FLAG_KINDS.items():
        of_kind = [flag for flag in flags if flag.kind == kind]
        if not of_kind:
            continue
        parts.append(f"<h3>{_e(label)} ({len(of_kind)})</h3>"
                     '<table class="flag-list"><thead><tr><th>Where</th><th>Text</th>'
                     "<th>What it is</th></tr></thead><tbody>")
        for flag in of_kind:
            target = _line_id(index[flag.path], flag.line)
            parts.append(f'<tr><td><a href="#{target}">{_e(flag.where())}</a></td>'
                         f'<td class="flagged-text">{_e(flag.text)}</td>'
                         f"<td>{_e(flag.message)}</td></tr>")
        parts.append("</tbody></table>")
    parts.append("</section>")
    return "".join(parts)


def _changes_section(review: Review) -> str:
    if not review.installed_version_compared:
        return ('<section class="changes"><h2>Changes</h2><p>No version of this pack is '
                "installed on this computer, so every file is new.</p></section>")
    if not review.changes:
        return ('<section class="changes"><h2>Changes</h2><p>The files are the same as in '
                "the installed version.</p></section>")
    counts = {status: sum(1 for c in review.changes if c.status == status)
              for status in ("added", "removed", "changed")}
    parts = ['<section class="changes"><h2>Changes since the installed version</h2>',
             f"<p>{counts['added']} added, {counts['removed']} removed, "
             f"{counts['changed']} changed.</p><ul>"]
    parts += [f"<li><strong>{c.status}</strong>: {_e(c.path)}</li>" for c in review.changes]
    parts.append("</ul>")
    for change in review.changes:
        parts.append(f'<div class="diff-block"><h3>{_e(change.status.capitalize())}: '
                     f"{_e(change.path)}</h3>")
        if not change.diff:
            parts.append(f"<p>{_e(change.note)}</p></div>")
            continue
        lines = []
        for line in lines_of(change.diff):
            mark = ("add" if line.startswith("+") and not line.startswith("+++") else
                    "del" if line.startswith("-") and not line.startswith("---") else
                    "hunk" if line.startswith("@@") else "ctx")
            lines.append(f'<span class="{mark}">{_e(line) or " "}</span>')
        # Each line is a block of its own, so no newlines between them (they would double).
        parts.append(f'<pre class="diff">{"".join(lines)}</pre></div>')
    parts.append("</section>")
    return "".join(parts)


def _file_table(review: Review, index: dict[str, int]) -> str:
    parts = [f'<section class="file-table"><h2>Every file ({len(review.files):,})</h2>',
             '<table class="files"><thead><tr><th>#</th><th>File</th><th>Kind</th>'
             "<th>Size</th><th>SHA-256</th><th>Flags</th><th>Change</th></tr></thead><tbody>"]
    for file in review.files:
        number = index[file.path]
        parts.append(f'<tr><td>{number}</td><td><a href="#f{number}">{_e(file.path)}</a></td>'
                     f"<td>{_e(file.kind)}</td><td class=\"num\">{_size(file.size)}</td>"
                     f'<td class="hash">{file.sha256}</td><td class="num">{len(file.flags)}</td>'
                     f"<td>{_e(file.change)}</td></tr>")
    parts.append("</tbody></table></section>")
    return "".join(parts)


def _file_contents(file: FileReview, number: int) -> str:
    head = (f'<article class="file" id="f{number}"><h3>{number}. {_e(file.path)}</h3>'
            f'<p class="meta">{_e(file.kind)}, {_size(file.size)}, SHA-256 '
            f'<span class="hash">{file.sha256}</span>'
            f"{', ' + str(len(file.flags)) + ' flagged' if file.flags else ''}</p>")
    whole_file = [flag for flag in file.flags if not flag.line]
    notes = "".join(f'<p class="file-flag">Flag: {_e(flag.message)} ({_e(flag.text)})</p>'
                    for flag in whole_file)
    if file.withheld:
        return (f"{head}{notes}<p>This file is too big to show here. Its size and hash above "
                "were checked against the pack's list of files.</p></article>")
    if file.text is None:
        what = "a picture" if file.kind == "image" else "not plain text"
        return f"{head}{notes}<p>This file is {what}, so it is not shown here.</p></article>"
    flagged = file.flagged_lines()
    rows = []
    for line_number, line in enumerate(lines_of(file.text), start=1):
        css = ' class="flagged"' if line_number in flagged else ""
        mark = "&#9654; " if line_number in flagged else ""
        rows.append(f'<tr id="f{number}-L{line_number}"{css}><td class="n">{mark}{line_number}'
                    f'</td><td class="c">{_e(line)}</td></tr>')
    if not rows:
        return f"{head}{notes}<p>This file is empty.</p></article>"
    return f'{head}{notes}<table class="code"><tbody>{"".join(rows)}</tbody></table></article>'

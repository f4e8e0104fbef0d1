"""The report's style sheet: plain on screen, and made to print well on A4 or Letter."""

from __future__ import annotations

# Backgrounds often do not print, so what matters is shown with borders and marks too.
REPORT_CSS = """
@page { margin: 14mm 12mm; }
html { background: #fff; color: #111; }
body { font: 11pt/1.45 "DejaVu Sans", "Segoe UI", Arial, sans-serif; max-width: 62em;
       margin: 0 auto; padding: 1em 1.5em; }
h1 { font-size: 20pt; margin: 0 0 .4em; }
h2 { font-size: 15pt; margin: 1.6em 0 .5em; border-bottom: 2px solid #111;
     break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11.5pt; margin: 1.2em 0 .3em; break-after: avoid; page-break-after: avoid;
     overflow-wrap: anywhere; }
a { color: #0b4a9e; }
table { border-collapse: collapse; width: 100%; margin: .3em 0 1em; }
th, td { text-align: left; vertical-align: top; padding: .2em .45em;
         border: 1px solid #999; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
ul { margin: .2em 0; padding-left: 1.3em; }
.facts th { width: 12em; background: #f2f2f2; }
.decision { border: 3px solid #111; padding: .6em .8em; margin: .6em 0 1em; font-size: 12pt; }
.decision.approved { border-color: #1b5e20; }
.decision.not-approved { border-style: dashed; }
.decision.cannot-install { border-width: 5px; border-style: double; }
.hash, .fingerprint { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 9pt;
                      overflow-wrap: anywhere; }
.fingerprint { font-size: 10.5pt; font-weight: bold; }
.flag-list td:first-child { width: 30%; overflow-wrap: anywhere; }
.flagged-text { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 9.5pt;
                overflow-wrap: anywhere; }
.files { font-size: 9pt; }
.files td:nth-child(2) { overflow-wrap: anywhere; }
.num { text-align: right; white-space: nowrap; }
.file-table, .contents { break-before: page; page-break-before: always; }
.file { margin-bottom: 1.2em; }
.meta { margin: 0 0 .3em; color: #333; font-size: 9.5pt; }
.file-flag { border-left: 4px solid #111; padding-left: .5em; }
.code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8.5pt;
        line-height: 1.35; table-layout: fixed; }
.code td { border: none; padding: 0 .5em; }
.code td.n { width: 4.2em; text-align: right; color: #555; border-right: 1px solid #999;
             user-select: none; white-space: nowrap; }
.code td.c { white-space: pre-wrap; overflow-wrap: anywhere; }
.code tr.flagged td { background: #fff0b3; font-weight: bold; }
.code tr.flagged td.n { color: #111; border-right: 4px solid #111; }
.diff { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8.5pt;
        white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid #999;
        padding: .4em; margin: 0; }
.diff span { display: block; }
.diff .add { background: #e3f4e3; }
.diff .del { background: #fbe3e3; }
.diff .hunk { color: #0b4a9e; font-weight: bold; }
.end { margin-top: 2em; border-top: 1px solid #999; padding-top: .5em; font-size: 9.5pt; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
  .code tr.flagged td, .diff .add, .diff .del { -webkit-print-color-adjust: exact;
                                               print-color-adjust: exact; }
}
"""

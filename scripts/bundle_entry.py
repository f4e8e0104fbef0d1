"""The bundled program's first module: the same `tutor` command the Python package installs."""

from __future__ import annotations

import os
import sys

# The Windows program without a console window has nowhere to print to. Its messages go
# nowhere, rather than stopping it the first time it tries to say something.
if sys.stdout is None:
    sys.stdout = open(os.devnull, "w", encoding="utf-8")
if sys.stderr is None:
    sys.stderr = open(os.devnull, "w", encoding="utf-8")

from tutor.cli import main  # noqa: E402 (after the streams above exist)

if __name__ == "__main__":
    sys.exit(main())

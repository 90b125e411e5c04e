"""Paths as reports and messages show them."""
from __future__ import annotations

from pathlib import Path


def relative(path) -> str:
    """A path as CI tools want it: relative to the working directory when inside it, else absolute."""
    path = Path(path).resolve()
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()

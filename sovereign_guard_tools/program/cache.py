"""Captures kept between checks: running a program again costs seconds (importing the provider SDKs), reading its
last capture milliseconds.

A capture is reused only when nothing it depends on changed: the job (stacks, their config with secrets decrypted,
mode), the runner's own code and outputs index, the interpreter and the packages installed in its environment (the
names of site-packages entries carry their versions), every file of the project outside virtualenvs and hidden or
cache directories (path, size, modification time), and the environment variables a program or its providers read
(PULUMI_*, GOOGLE_*, GCP_*, CLOUDSDK_*, OVH_*). Entries live in `$XDG_CACHE_HOME/sovereign-guard/captures` (default
`~/.cache`), or `$SOVEREIGN_GUARD_CACHE_DIR`; `--no-cache` or SOVEREIGN_GUARD_NO_CACHE=1 turn the cache off.
Keys are SHA-256 digests, so no config value is written in clear in a file name; the captured props may hold
decrypted secrets, so entries are readable by their owner only.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Optional

HERE = Path(__file__).resolve().parent
RUNNER_FILES = ("runner.py", "mocks.py", "outputs.py", "outputs_index/gcp.json", "outputs_index/ovh.json")
ENV_PREFIXES = ("PULUMI_", "GOOGLE_", "GCP_", "CLOUDSDK_", "OVH_")
SKIPPED_DIRS = {"__pycache__", "node_modules"}
MAX_FILES = 20_000  # a project tree larger than this is not cached (hashing it would cost what it saves)


def directory() -> Path:
    if os.environ.get("SOVEREIGN_GUARD_CACHE_DIR"):
        return Path(os.environ["SOVEREIGN_GUARD_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "sovereign-guard" / "captures"


def enabled() -> bool:
    return os.environ.get("SOVEREIGN_GUARD_NO_CACHE", "") in ("", "0")


def _stat(path: Path) -> list:
    try:
        found = path.stat()
    except OSError:
        return [str(path), None]
    return [str(path), found.st_size, found.st_mtime_ns]


def _project_files(root: Path) -> Optional[list]:
    files = []
    for folder, dirs, names in os.walk(root):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS
                         and not (here / d / "pyvenv.cfg").exists())
        files += [_stat(here / name) for name in sorted(names) if not name.endswith(".pyc")]
        if len(files) > MAX_FILES:
            return None
    return files


def _site_packages(python: str) -> list:
    """The entries of the interpreter's environment's site-packages (their names carry the versions)."""
    env = Path(python).parent.parent  # <env>/bin/python, unresolved: a virtualenv's python links elsewhere
    roots = list(env.glob("lib/python*/site-packages")) + list(env.glob("Lib/site-packages"))
    if Path(python).resolve() == Path(sys.executable).resolve():
        roots += [Path(p) for p in sys.path if p.endswith("site-packages")]
    return sorted({f"{root}/{name}" for root in roots if root.is_dir() for name in os.listdir(root)})


def key(project, python: str, job: dict) -> Optional[str]:
    """The cache key of a capture, or None when it must not be cached."""
    if not enabled():
        return None
    files = _project_files(project.root)
    if files is None:
        return None
    parts = {
        "job": job,
        "runner": [_stat(HERE / name) for name in RUNNER_FILES],
        "python": _stat(Path(python)),
        "packages": _site_packages(python),
        "files": files,
        "env": sorted((k, v) for k, v in os.environ.items() if k.startswith(ENV_PREFIXES)),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def load(digest: str) -> Optional[dict]:
    try:
        return json.loads((directory() / f"{digest}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def store(digest: str, results: dict) -> None:
    folder = directory()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(results, out)
        os.replace(temporary, folder / f"{digest}.json")
    except OSError:
        pass  # a cache that cannot be written only costs time

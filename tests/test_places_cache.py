"""The per-user gazetteer cache (tidings.places.cache): a second process loads what the first built,
any change to the inputs makes a new file, and a broken or unwritable cache falls back to building."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.places import cache
from tidings.places.gazetteer import Gazetteer, gazetteer


class Built:
    def __init__(self, n: int) -> None:
        self.n = n


def test_built_once_then_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(tmp_path))
    calls: list[int] = []

    def build() -> Built:
        calls.append(1)
        return Built(len(calls))

    key = cache.build_key([b"code", b"data"])
    assert cache.load_or_build("thing", key, build, Built).n == 1
    assert cache.load_or_build("thing", key, build, Built).n == 1  # from the file, not built again
    assert calls == [1]
    files = list(tmp_path.glob("thing-*.pickle"))
    assert len(files) == 1 and files[0].stat().st_mode & 0o077 == 0  # the user's own file
    # changed data: another key, built anew
    other = cache.build_key([b"code", b"data, edited"])
    assert other != key
    assert cache.load_or_build("thing", other, build, Built).n == 2


def test_a_torn_file_is_rebuilt_and_off_turns_it_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(tmp_path))
    key = cache.build_key([b"x"])
    (tmp_path / f"thing-{key}.pickle").write_bytes(b"\x80\x05not a pickle")
    assert cache.load_or_build("thing", key, lambda: Built(7), Built).n == 7
    assert cache.load_or_build("thing", key, lambda: Built(8), Built).n == 7  # replaced by the good one
    monkeypatch.setenv("TIDINGS_CACHE_DIR", "off")
    assert cache.cache_dir() is None
    assert cache.load_or_build("thing", key, lambda: Built(9), Built).n == 9


def test_an_unwritable_cache_still_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(blocker / "sub"))
    assert cache.load_or_build("thing", "k", lambda: Built(3), Built).n == 3


def test_a_cached_gazetteer_answers_like_a_built_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pickle

    g = gazetteer()
    copy = pickle.loads(pickle.dumps(g))
    assert isinstance(copy, Gazetteer)
    for name in ("Aleppo", "Texas", "Darfur", "Paris"):
        assert copy.lookup(name) == g.lookup(name)
    assert copy.demonym("Syrian") == "SYR"

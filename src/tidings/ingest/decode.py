"""Bytes to text, with a clear refusal for what is not text."""

from __future__ import annotations

import codecs

from tidings.errors import InputError

#: the largest article accepted by default; a larger input is refused with a clear error
MAX_ARTICLE_BYTES = 5 * 1024 * 1024


def decode_bytes(data: bytes, what: str = "input") -> str:
    """Decode an article's bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252
    when the bytes are plainly text in a legacy encoding.  Binary data is refused."""
    if not data.strip():
        raise InputError(f"{what} is empty: give an article's text or HTML")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{what} starts with a UTF-16 mark but is not valid UTF-16: {exc.reason}") from exc
    sample = data[:65536]
    if b"\x00" in sample or _control_share(sample) > 0.05:
        raise InputError(
            f"{what} looks binary (NUL or control bytes), not an article: give a text, HTML or JSONL file"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{what} is neither UTF-8 nor Windows-1252 text (bad byte at {exc.start}): re-encode it as UTF-8"
        ) from exc
    return text


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(sample)


def check_size(n_bytes: int, what: str = "input", limit: int = MAX_ARTICLE_BYTES) -> None:
    if n_bytes > limit:
        raise InputError(
            f"{what} is {n_bytes / 1_048_576:.1f} MB, over the {limit / 1_048_576:.0f} MB limit for one "
            "article: split it into articles (JSONL, one per line)"
        )

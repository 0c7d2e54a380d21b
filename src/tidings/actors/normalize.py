"""One normal form for every way of writing a name, shared by data files and running text."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACE = re.compile(r"\s+")
_TRANSLATE = str.maketrans(
    {
        "’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"',
        "ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
        "–": "-", "—": "-", "‐": "-", "_": " ",
    }
)
_LEADING = ("the ", "a ", "an ")


def fold(text: str) -> str:
    """Accents off, typographic quotes and dashes to ASCII."""
    text = text.translate(_TRANSLATE)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """The lookup key of a name: folded, lower case, no dots, hyphens as spaces, no article,
    no trailing possessive ("the U.S.'s" -> "us")."""
    text = fold(text).lower().replace(".", "").replace("-", " ").replace("[", " ").replace("]", " ")
    text = _SPACE.sub(" ", text).strip(" ,;:\"'()")
    if text.endswith("'s"):
        text = text[:-2].rstrip()
    elif text.endswith("s'"):
        text = text[:-1]
    for lead in _LEADING:
        if text.startswith(lead) and len(text) > len(lead):
            text = text[len(lead):]
            break
    return text


def is_acronym(alias: str) -> bool:
    """Short capitalised forms ("US", "U.S.", "UN", "ROK") that must match only in capitals."""
    letters = alias.replace(".", "").replace(" ", "")
    return 1 < len(letters) <= 5 and letters.isalpha() and letters.isupper()


def looks_upper(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)

"""Which of a copy's changes are a choice of words.

A spinner trades a report's usual words for rarer ones, so the side of a swapped pair with the
rarer word tells which article is the copy (``store/provenance.py``).  A copy also changes words
in ways that are no choice of words, and that run either way: it respells a report in British or
American English, shifts its tense ("says" for "said"), writes a name out or in its initials
("United States" for "US").  Such pairs say nothing of which side is the copy; this module tells
them apart.  Spelling rules written for the project from the conventions of the two spellings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: both spellings must be words English uses (wordfreq Zipf), not a typo
SPELLING_ZIPF = 1.5


@lru_cache(maxsize=65536)
def phrase_zipf(phrase: str) -> float:
    """How common a word or phrase is in English (Zipf scale; a phrase is rarer than its rarest
    word, as ``wordfreq`` estimates it)."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return 0.0
    return float(zipf_frequency(phrase, "en"))


#: the spelling conventions of British and American English, as (British, American) endings or
#: infixes: "colour"/"color", "organise"/"organize", "centre"/"center", "travelled"/"traveled"
_SPELLINGS = (
    (re.compile(r"our(?=s?$|ed$|ing$|ite|able|ful|less|er)"), "or"),
    (re.compile(r"is(?=e$|es$|ed$|ing$|ation|ations|er$|ers$)"), "iz"),
    (re.compile(r"ys(?=e$|es$|ed$|ing$)"), "yz"),
    (re.compile(r"tre(?=s?$)"), "ter"),
    (re.compile(r"(?<=[fc])ence(?=s?$)"), "ense"),
    (re.compile(r"(?<=[ae]l)l(?=ed$|ing$|er$|ers$)"), ""),
    (re.compile(r"ogue(?=s?$)"), "og"),
    (re.compile(r"amme(?=s?$)"), "am"),
    (re.compile(r"(?<=[a-z])(ae|oe)(?=[a-z])"), "e"),
    (re.compile(r"(?<=g)e(?=ing$|ment)"), ""),
)


def _spelled(word: str) -> str:
    for pattern, repl in _SPELLINGS:
        word = pattern.sub(repl, word)
    return word


def spelling_variants(a: str, b: str) -> bool:
    """Two phrases that are the same words in British and American spelling ("labour party" /
    "labor party", "organised" / "organized"): a copy may respell a report either way, so the
    pair says nothing of which side is the copy."""
    wa, wb = a.lower().split(), b.lower().split()
    return len(wa) == len(wb) and wa != wb and all(
        x == y or (min(len(x), len(y)) >= 5 and _spelled(x) == _spelled(y)
                   and min(phrase_zipf(x), phrase_zipf(y)) >= SPELLING_ZIPF)
        for x, y in zip(wa, wb))


#: forms of one verb whose tense a copy may shift ("was" for "is", "said" for "says")
_VERB_FORMS = tuple(frozenset(f.split()) for f in (
    "be am is are was were been being", "have has had having", "do does did done doing",
    "say says said saying", "will would", "can could", "shall should", "may might"))
_ENDINGS = ("ing", "ies", "ied", "es", "ed", "s", "d")


def _stems(word: str) -> set[str]:
    out = {word}
    for end in _ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 3:
            out.add(word[: -len(end)])
    return out


def grammatical_variants(a: str, b: str) -> bool:
    """Two phrases that differ only in the form of their words, not their choice: a verb put in
    another tense or person ("was"/"is", "announced"/"announces"), a name written out or in its
    initials ("US"/"United States", "UN"/"United Nations").  A copy shifts a report's tense or a
    name's form either way, so such a pair says nothing of which side is the copy."""
    wa, wb = a.lower().split(), b.lower().split()
    for short, long in ((wa, wb), (wb, wa)):
        if len(short) == 1 and len(long) > 1 and short[0].replace(".", "") == "".join(w[0] for w in long):
            return True
    return len(wa) == len(wb) and wa != wb and all(
        x == y or any(x in f and y in f for f in _VERB_FORMS) or bool(_stems(x) & _stems(y))
        for x, y in zip(wa, wb))


def _acronym(word: str) -> bool:
    return word.isalpha() and word.isupper() and 2 <= len(word) <= 6


def figures_only(a: str, b: str) -> bool:
    """Two phrases that are the same words once their figures, and an acronym one side adds,
    are set aside ("09 30 the" / "the", "2 000 tonnes" / "tonnes", "has" / "NUT has"): a copy
    that drops a live blog's timestamps, a figure or a body's initials, or adds them, has chosen
    no word, so the pair says nothing of which side is the copy (and figures and initials are
    rare "words" to a frequency list).  One acronym for another ("US" / "USA") is a choice."""
    acr_a = [w for w in a.split() if _acronym(w)]
    acr_b = [w for w in b.split() if _acronym(w)]
    if acr_a and acr_b:
        acr_a = acr_b = []
    wa = [w.lower() for w in a.split() if not w.isdigit() and w not in acr_a]
    wb = [w.lower() for w in b.split() if not w.isdigit() and w not in acr_b]
    return wa == wb


def _unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def accents_only(a: str, b: str) -> bool:
    """Two phrases that differ only in their accents ("Bogota" / "Bogotá", "Turkiye" / "Türkiye"):
    a feed or a scraper loses them and a local outlet keeps them, neither a choice of words."""
    return a.lower() != b.lower() and _unaccented(a) == _unaccented(b)


def directing_pairs(swaps: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """The distinct swapped pairs (lower-cased) that are a choice of words, which alone can tell
    which side a spinner wrote: not a respelling (:func:`spelling_variants`), a change of a
    word's form (:func:`grammatical_variants`), a figure or initials put in or left out
    (:func:`figures_only`) nor accents lost or kept (:func:`accents_only`)."""
    return {(a.lower(), b.lower()) for a, b in swaps
            if a.lower() != b.lower() and not spelling_variants(a, b) and not grammatical_variants(a, b)
            and not figures_only(a, b) and not accents_only(a, b)}

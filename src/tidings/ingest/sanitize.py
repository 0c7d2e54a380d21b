"""Last cleaning of a body before it is parsed: control characters out, pathological runs cut,
spaces within a line made plain.

spaCy's tokenizer strips leading and trailing punctuation one character at a time, so a single
"word" of thousands of punctuation marks (a wall of quotation marks, an ASCII-art divider) costs
quadratic time: 8,000 quote marks take seconds, 100,000 take hours.  Such runs are not prose; each
is shortened to its first few characters and the cut is reported in ``removed``.

A no-break space (or a thin, narrow or ideographic one) becomes a plain space, as the HTML path
already renders them: the tokenizer makes each such character a token of its own, which splits
"Donald\u00a0Trump" in two for the tagger, the entity recognizer and every stage after them.
One character for one, so every offset stays where it was.
"""

from __future__ import annotations

import re

from tidings.model import Removed

#: a run of this many or more punctuation/symbol characters with no letter, digit or space
MAX_PUNCT_RUN = 40
_KEEP = 3
_PUNCT_RUN = re.compile(r"[^\w\s]{%d,}" % MAX_PUNCT_RUN)
# C0/C1 control characters other than tab, newline, carriage return; U+2028/U+0085 stay (text)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_INLINE_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def sanitize_body(text: str) -> tuple[str, list[Removed]]:
    """The body with control characters removed and punctuation walls shortened, and what was cut."""
    removed: list[Removed] = []
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    text = _INLINE_SPACE.sub(" ", text)

    def cut(m: re.Match[str]) -> str:
        run = m.group(0)
        removed.append(
            Removed(run[:60] + ("…" if len(run) > 60 else ""), "junk", note=f"a run of {len(run)} punctuation characters")
        )
        return run[:_KEEP]

    text = _PUNCT_RUN.sub(cut, text)
    return text, removed

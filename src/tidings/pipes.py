"""Adding the project's own spaCy pipeline components (``tidings.datelines``,
``tidings.headlines``, ``tidings.premodifiers``) to a loaded pipeline, each registered once as a
spaCy factory."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language


def append(nlp: Language, name: str, make: Callable[[Language], Any], before: str | None = None) -> None:
    """Append the component ``name``, built by ``make(nlp)``, to ``nlp`` (once); with ``before``,
    put it before that component when the pipeline has it."""
    if name in nlp.pipe_names:
        return
    from spacy.language import Language as _Language

    if not _Language.has_factory(name):
        def _make(nlp: Language, name: str) -> Any:
            return make(nlp)

        _Language.factory(name)(_make)
    if before is not None and before in nlp.pipe_names:
        nlp.add_pipe(name, before=before)
    else:
        nlp.add_pipe(name, last=True)

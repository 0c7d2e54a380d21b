"""Articles through the per-article stages, in order, one spaCy model for the whole stream.

The stages are pure functions of (article, parsed doc, loaded knowledge): no I/O and no state
between articles, which is what lets the same code run in a process pool or on Spark executors.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from wordfreq import zipf_frequency

from tidings import nlp
from tidings.actors import ActorKnowledge, ArticleActors
from tidings.errors import InputError
from tidings.events import code_events
from tidings.events.verbdict import table_with
from tidings.ingest.sources import (
    DEFAULT_ARTICLE_TIMEOUT,
    ArticleTimeout,
    Failure,
    Item,
    time_limit,
    timeout_message,
)
from tidings.model import Analysis, Article, Quote, Reliability, Signal, StageError
from tidings.places import article_places, locate
from tidings.places.gazetteer import gazetteer
from tidings.quotes import extract_quotes
from tidings.reliability import findings
from tidings.reliability.score import combine

if TYPE_CHECKING:
    from spacy.tokens import Doc

Result = Analysis | Failure
T = TypeVar("T")

#: the longest body analysed (spaCy's own default limit, about 1 GB of parser memory)
MAX_BODY_CHARS = 1_000_000


class Analyzer:
    """Holds what is loaded once per process (model, dictionaries) and analyses articles."""

    def __init__(
        self, actor_files: Sequence[str | Path] = (), timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
        verb_files: Sequence[str | Path] = (),
    ) -> None:
        self.actor_files = list(actor_files)
        self.verb_files = list(verb_files)
        #: seconds the stages after the parse may take on one article (None: no limit); see time_limit
        self.timeout = timeout if timeout and timeout > 0 else None
        self.nlp = nlp.load()
        self.knowledge = ActorKnowledge.load(extra=self.actor_files)
        gazetteer()  # built once per process, before the first article rather than during it
        zipf_frequency("the", "en")  # wordfreq's English list, likewise (0.15 s on first use)
        try:
            self.verbs = table_with(self.verb_files)
        except ValueError as exc:
            raise InputError(f"{exc}; --verbs takes a PETRARCH-format verb dictionary "
                             "(such as CAMEO.2.0.txt)") from None
        # the model and the dictionaries live as long as the process: keep their ~600,000
        # objects out of the cyclic collector's full passes, which the stages' many short-lived
        # objects trigger again and again (collector time 0.73 -> 0.46 s per 300 articles)
        gc.freeze()

    def analyze_doc(self, article: Article, doc: Doc) -> Analysis:
        """One article through the stages after the parse.  A stage that raises on this article
        leaves its part empty and is named in ``stage_errors``; the other stages still run (a bug
        in the event coder must not cost the article its quotes).  The actor stage is the
        exception: every later stage reads its mentions, so its failure fails the article."""
        actors = self.knowledge.for_article(article, doc)
        entities = actors.entities()
        guard = _Guard()
        quotes = guard.run("quotes", lambda: extract_quotes(article, doc), [])
        for quote in quotes:
            guard.run("speakers", lambda q=quote: _code_speaker(q, actors, self.knowledge, article.published), None)
        events = guard.run("events", lambda: code_events(article, doc, actors, quotes, verbs=self.verbs), [])
        places = guard.run("places", lambda: article_places(article.text, doc, entities), [])
        guard.run("places", lambda: locate(events, places, doc), None)
        found = guard.run("reliability", lambda: findings(article, doc, quotes, entities, events), None)
        reliability = combine(found) if found is not None else _unjudged()
        return Analysis(
            id=article.id, article=article, entities=entities, quotes=quotes, events=events,
            reliability=reliability, findings=found or [], places=places, stage_errors=guard.errors,
        )

    def _admit(self, item: Item) -> Item:
        """An article too long for the parser becomes a failure here, not a crash of the batch."""
        if isinstance(item, Article) and len(item.text) > MAX_BODY_CHARS:
            return Failure(
                item.id,
                f"the article body is {len(item.text):,} characters, over the {MAX_BODY_CHARS:,} limit for one "
                "article: split it into several articles",
            )
        return item

    def analyze(self, article: Article) -> Analysis:
        admitted = self._admit(article)
        if isinstance(admitted, Failure):
            raise InputError(admitted.error)
        doc = self.nlp(article.text)
        try:
            with time_limit(self.timeout):
                return self.analyze_doc(article, doc)
        except ArticleTimeout:
            raise InputError(timeout_message("analysing the article", self.timeout)) from None

    def stream(self, items: Iterable[Item], batch_size: int = 16, workers: int = 1) -> Iterator[Result]:
        """Analyses (or failures) in input order; memory stays flat however long the stream.

        With ``workers`` > 1 the articles are analysed in that many processes."""
        if workers > 1:
            from tidings.workers import ordered_map

            yield from ordered_map(
                _analyze_chunk, items, workers, _init_worker,
                (self.actor_files, batch_size, self.timeout, self.verb_files), chunk_size=batch_size,
            )
            return
        tuples = ((it.text if isinstance(it, Article) else "", it) for it in map(self._admit, items))
        for doc, item in self.nlp.pipe(tuples, as_tuples=True, batch_size=batch_size):
            if isinstance(item, Failure):
                yield item
                continue
            try:
                with time_limit(self.timeout):
                    result: Result = self.analyze_doc(item, doc)
            except ArticleTimeout:  # a stage that runs away on one article must not hang the batch
                result = Failure(item.id, timeout_message("analysing the article", self.timeout))
            except Exception as exc:  # one article's bug must not lose the rest of the batch
                result = Failure(item.id, f"internal error while analysing: {type(exc).__name__}: {exc}")
            yield result


class _Guard:
    """Runs the stages of one article, keeping the first error of each stage that raises."""

    def __init__(self) -> None:
        self.errors: list[StageError] = []

    def run(self, stage: str, step: Callable[[], T], default: T) -> T:
        try:
            return step()
        except Exception as exc:  # ArticleTimeout is a BaseException: a time limit still ends the article
            if not any(e.stage == stage for e in self.errors):
                self.errors.append(StageError(stage, f"{type(exc).__name__}: {exc}"))
            return default


def _unjudged() -> Reliability:
    """The reliability of an article the reliability stage failed on: neutral, and saying so."""
    return Reliability(score=50, signals=[Signal(
        "not_judged", "medium",
        "the reliability stage failed on this article, so the score is a neutral 50, not a judgement",
    )])


def _code_speaker(quote: Quote, actors: ArticleActors, knowledge: ActorKnowledge, date: str | None) -> None:
    """Give a quote's speaker its actor code: from the mention in context, else from the resolved name."""
    for inner in quote.embedded:
        _code_speaker(inner, actors, knowledge, date)
    sp = quote.speaker
    if sp is None or sp.actor:
        return
    match = None
    if sp.start is not None and sp.end is not None:
        match = actors.code_text(sp.start, sp.end)
    if match is None and sp.name:
        match = knowledge.lookup(sp.name, date)
    if match is not None:
        sp.actor = match.code


class ParallelAnalyzer:
    """An analyzer whose ``stream`` runs in ``workers`` processes (for callers that only call
    ``stream``, such as the corpus store's ingest)."""

    def __init__(self, analyzer: Analyzer, workers: int) -> None:
        self.analyzer = analyzer
        self.workers = workers

    def stream(self, items: Iterable[Item], batch_size: int = 16) -> Iterator[Result]:
        return self.analyzer.stream(items, batch_size=batch_size, workers=self.workers)


_worker: Analyzer | None = None
_worker_batch = 16


def _init_worker(actor_files: list[str | Path], batch_size: int, timeout: float | None = None,
                 verb_files: Sequence[str | Path] = ()) -> None:
    global _worker, _worker_batch
    _worker = Analyzer(actor_files=actor_files, timeout=timeout, verb_files=verb_files)
    _worker_batch = batch_size


def _analyze_chunk(items: list[Item]) -> list[Result]:
    assert _worker is not None, "worker process not initialised"
    return list(_worker.stream(items, batch_size=_worker_batch))

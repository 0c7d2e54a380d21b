"""Analysing a stream in several processes, in input order, with bounded memory.

Each worker process loads the model and dictionaries once (``initializer``) and analyses chunks of
articles; the parent keeps at most ``window`` chunks in flight, so a 10-million-line batch holds
only a few hundred articles in memory at any moment.  Output order is input order.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def ordered_map(
    fn: Callable[[list[T]], list[R]],
    items: Iterable[T],
    workers: int,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...] = (),
    chunk_size: int = 16,
    window: int | None = None,
) -> Iterator[R]:
    """``fn`` over chunks of ``items`` in ``workers`` processes; results in input order."""
    window = window or workers * 3
    try:
        ctx = mp.get_context("fork")  # workers inherit the loaded model copy-on-write
    except ValueError:  # platforms without fork
        ctx = mp.get_context("spawn")
    with ctx.Pool(workers, initializer=initializer, initargs=initargs) as pool:
        pending: deque[AsyncResult[list[R]]] = deque()
        for batch in chunks(items, chunk_size):
            pending.append(pool.apply_async(fn, (batch,)))
            while len(pending) >= window:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()

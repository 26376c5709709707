"""Run one function over many items on every core, in order, with few items in flight.

Each worker process builds its state once (``load(*args)``: the gazetteer and curated
tables, say) and then applies ``work(state, item)`` to the items it is sent. Results come
back in the order of the items, and at most ``window`` items are submitted but not yet
returned, so walking a folder of 100,000 files holds a few dozen articles in memory.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")

#: A worker process's own state, built by the pool's initializer. Only worker processes set
#: it: a pool initializer has nowhere else to leave what the tasks will need.
_WORKER_STATE: list[Any] = []


def _start_worker(load: Callable[..., Any], args: tuple[Any, ...]) -> None:
    """Build this worker's state once, before its first task."""
    _WORKER_STATE[:] = [load(*args)]


def _run_task(work: Callable[[Any, T], R], item: T) -> R:
    """Apply the work to one item with this worker's state."""
    return work(_WORKER_STATE[0], item)


def _context(modules: Iterable[str]) -> multiprocessing.context.BaseContext:
    """Return a start method that copies neither this process's threads nor its connections.

    The fork server imports the modules once and forks each worker from itself, so workers
    start without importing the package again (about two seconds each).
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(sorted(set(modules)))
    return context


def map_ordered(work: Callable[[S, T], R], items: Iterable[T], *, workers: int,
                state: Callable[[], S], load: Callable[..., S], args: tuple[Any, ...],
                window: int = 0) -> Iterator[R]:
    """Yield ``work(state, item)`` for each item in order, on ``workers`` processes.

    With one worker everything runs in this process on ``state()``; otherwise each worker
    process builds its state with ``load(*args)`` (both must be importable functions).
    ``window`` bounds the items in flight (default: four per worker).
    """
    if workers <= 1:
        local = state()
        for item in items:
            yield work(local, item)
        return
    limit = window or 4 * workers
    pending: deque[Future[R]] = deque()
    context = _context([work.__module__, load.__module__])
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                             initargs=(load, args)) as pool:
        try:
            for item in items:
                pending.append(pool.submit(_run_task, work, item))
                if len(pending) >= limit:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:  # the caller stopped early: drop what has not started
                future.cancel()

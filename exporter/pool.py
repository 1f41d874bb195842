"""Worker processes for a batch: a pool per round of tasks, each failure isolated.

Imported only when a run has more than one input to spread over more than one
process: ``concurrent.futures`` and ``multiprocessing`` are about a third of a
one-article run's imports, which pays for none of it (`exporter.batch`
runs a single input in the calling process).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

Item = TypeVar("Item")


def run_in_pool(todo: list[tuple[int, Item]], task: Callable[[Item], Any], workers: int,
                cancel: threading.Event | None, finished: Callable[[int, Any], None],
                crashed: Callable[[Item, BaseException], Any]) -> None:
    """Run ``task`` (picklable) over ``todo`` in ``workers`` processes;
    ``finished(index, result)`` is called in the caller's process, ``crashed``
    makes the result of a task whose worker died or raised."""
    queue = list(todo)
    items = dict(todo)
    while queue:  # a fresh pool per round of tasks (see TASKS_PER_WORKER), or after a worker died
        batch, queue = queue[:workers * TASKS_PER_WORKER], queue[workers * TASKS_PER_WORKER:]
        not_started, suspects = _run_pool(batch, task, workers, cancel, finished, crashed, items)
        # When a worker dies, every task running in the pool fails with it. Run each of
        # those again alone, so only the input that kills its worker is reported.
        for suspect in suspects:
            _, still_broken = _run_pool([suspect], task, 1, cancel, finished, crashed, items)
            for index, item in still_broken:
                finished(index, crashed(item, BrokenProcessPool("the worker process died on this input")))
        queue = not_started + queue


# Workers are replaced after this many tasks each: WeasyPrint and Pango keep font and
# layout caches for the life of a process, so a long batch would otherwise keep growing
# (measured: 328 MB after 100 articles, 391 MB after 300). Forking a new pool is cheap
# because the caller preloads the backends before the first fork.
TASKS_PER_WORKER = 40


def _run_pool(todo: list[tuple[int, Item]], task: Callable[[Item], Any], workers: int,
              cancel: threading.Event | None, finished: Callable[[int, Any], None],
              crashed: Callable[[Item, BaseException], Any],
              items: dict[int, Item]) -> tuple[list[tuple[int, Item]], list[tuple[int, Item]]]:
    """Run ``todo`` on one pool. When a worker dies (the OS killed it) the pool is
    unusable: returns the tasks not yet started and the tasks that were running
    ("suspects"), for the caller to run again; otherwise two empty lists."""
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init)
    pending: dict[Future, int] = {}
    queue = list(todo)
    try:
        # Keep at most 2 tasks per worker in flight so a cancel stops promptly.
        while queue or pending:
            while queue and len(pending) < workers * 2:
                index, item = queue[0]
                try:
                    pending[pool.submit(task, item)] = index
                except BrokenProcessPool:
                    return _abandon(pool, pending, finished, items, queue)
                queue.pop(0)
            complete, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            if cancel is not None and cancel.is_set():
                raise KeyboardInterrupt
            for future in complete:
                index = pending.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool:  # a worker died: the pool is unusable
                    pending[future] = index
                    return _abandon(pool, pending, finished, items, queue)
                except Exception as err:
                    result = crashed(items[index], err)
                finished(index, result)
    except KeyboardInterrupt:
        for future in pending:
            future.cancel()
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()  # stop promptly; atomic temporaries are swept by the caller
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return [], []


def _abandon(pool: ProcessPoolExecutor, pending: dict[Future, int], finished: Callable[[int, Any], None],
             items: dict[int, Item], queue: list[tuple[int, Item]]):
    """Close a broken pool: keep the results that came back, and hand back the
    tasks not yet started and the ones that were running."""
    suspects = []
    for future, index in pending.items():
        if future.done() and not future.cancelled() and future.exception() is None:
            finished(index, future.result())
        else:
            suspects.append((index, items[index]))
    pending.clear()
    pool.shutdown(wait=True, cancel_futures=True)
    return queue, suspects


def _worker_init() -> None:
    # Ctrl-C is handled by the parent, which cancels the pool; workers that
    # still get SIGINT clean their temporaries through atomic_output.
    logging.getLogger("exporter").setLevel(logging.INFO)

"""The bounded worker is forked with the caller's objects frozen for the garbage collector (so the
worker's collections copy none of their pages), and the caller gets them back unfrozen."""

from __future__ import annotations

import gc

from contractgen.templating.worker import isolation_enabled, run_bounded


def _frozen_in_worker() -> int:
    return gc.get_freeze_count()


def test_the_worker_sees_the_callers_objects_frozen_and_the_caller_does_not():
    assert isolation_enabled()
    before = gc.get_freeze_count()
    assert run_bounded(_frozen_in_worker) > before
    assert gc.get_freeze_count() == before


def test_threads_forking_at_once_leave_nothing_frozen():
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        counts = list(pool.map(lambda _: run_bounded(_frozen_in_worker), range(8)))
    assert all(count > 0 for count in counts)
    assert gc.get_freeze_count() == 0

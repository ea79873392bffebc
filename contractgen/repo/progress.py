"""Progress of per-deal work (`build`, `render` of many deals), and running that work in processes.

On a terminal a Rich bar shows how far the run is, with a line above it for each finished deal.
Anywhere else (a CI log, a pipe) one plain line per deal is printed and flushed as it finishes:
``[3/9] deals/acme.yaml: rendered in 4.2 s``. Deals may finish out of order in parallel; their
lines still come in the order the deals were given, each as soon as every deal before it is done,
so two runs print the same lines in the same order.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from contractgen.errors import ContractgenError
from contractgen.templating.worker import run_bounded


def timed_call(work: Callable[[Any], Any], item: Any) -> tuple[Any, float]:
    """Return (work(item), seconds it took), measured where it ran (a worker process).

    The work runs in a bounded render worker (CPU, memory and wall-clock limits); one that is
    stopped becomes an error result naming the clause file it was rendering.
    """
    deal = str(getattr(item, "deal", item))
    start = time.perf_counter()
    try:
        result = run_bounded(work, item, what=deal)
    except ContractgenError as exc:
        result = {"deal": deal, "status": "error", "lines": exc.lines()}
    return result, time.perf_counter() - start


class DealProgress:
    """Report deals as they finish: a Rich bar on a terminal, else ordered plain lines (see module doc).

    `mode`: None decides by whether the stream is a terminal; True forces the bar; False prints nothing.
    """

    def __init__(
        self, deals: Sequence[str], verb: str = "rendering", mode: bool | None = None, stream: TextIO | None = None
    ):
        self.deals = list(deals)
        self.verb = verb
        self.stream = stream if stream is not None else sys.stderr
        self.live = self.stream.isatty() if mode is None else mode
        self.quiet = mode is False
        self._position = {deal: index for index, deal in enumerate(self.deals)}
        self._finished: dict[int, str] = {}
        self._next = 0
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> DealProgress:
        if self.live and not self.quiet:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(
                TextColumn(self.verb),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.description}"),
                console=Console(file=self.stream),
                transient=True,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("", total=len(self.deals))
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
        if not self.live and not self.quiet and exc[0] is None:
            self._flush(everything=True)

    def done(self, deal: str, status: str = "done", seconds: float | None = None) -> None:
        """Record that `deal` finished with `status` ("rendered", "unchanged", "failed"), taking `seconds`."""
        if self.quiet:
            return
        index = self._position.get(deal)
        if index is None:  # not announced: report it at the end
            index = len(self.deals)
            self.deals.append(deal)
            self._position[deal] = index
        line = f"[{index + 1}/{len(self.deals)}] {deal}: {status}" + (
            f" in {seconds:.1f} s" if seconds is not None else ""
        )
        if self._bar is not None:
            self._bar.console.print(line, markup=False, highlight=False)
            self._bar.update(self._task, description=deal)
            self._bar.advance(self._task)
            return
        self._finished[index] = line
        self._flush()

    def _flush(self, everything: bool = False) -> None:
        while self._next in self._finished or (everything and self._next < len(self.deals)):
            line = self._finished.pop(self._next, None)
            if line is not None:
                self.stream.write(line + "\n")
            self._next += 1
        self.stream.flush()


def status_of(result: Any) -> str:
    """The word for how a deal's work ended, from a result mapping's "status"."""
    status = result.get("status") if isinstance(result, dict) else None
    return {"error": "failed", None: "done"}.get(status) or str(status)


def run_each(
    items: Sequence[Any],
    work: Callable[[Any], dict[str, Any]],
    jobs: int,
    progress: DealProgress,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    name: Callable[[Any], str] = str,
) -> list[dict[str, Any]]:
    """Run `work(item)` for every item, in `jobs` worker processes (here for one), reporting each to `progress`.

    `work` and `initializer` must be module-level functions (workers are forked, or spawned where
    fork is missing); `name(item)` is the deal progress shows; results come back in the order of `items`.
    """
    results: dict[int, dict[str, Any]] = {}
    seconds: float | None
    if jobs <= 1 or len(items) <= 1:
        if initializer is not None:
            initializer(*initargs)
        for index, item in enumerate(items):
            results[index], seconds = timed_call(work, item)
            progress.done(name(item), status_of(results[index]), seconds)
        return [results[index] for index in range(len(items))]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(items)), mp_context=context, initializer=initializer, initargs=initargs
    ) as pool:
        futures = {pool.submit(timed_call, work, item): index for index, item in enumerate(items)}
        for future in as_completed(futures):
            index = futures[future]
            try:
                results[index], seconds = future.result()
            except Exception as exc:  # a worker died (killed, out of memory)
                results[index], seconds = (
                    {"status": "error", "lines": [f"worker failed: {type(exc).__name__}: {exc}"]},
                    None,
                )
            progress.done(name(items[index]), status_of(results[index]), seconds)
    return [results[index] for index in range(len(items))]

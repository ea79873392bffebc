"""Bound every render from outside Python: a forked worker process with CPU, memory and wall-clock limits.

The sandbox's own checks run inside the interpreter; a single C-level operation (a huge
integer product, a regular expression) or an allocation they did not foresee still runs to
the end. So whatever renders untrusted templates runs in `run_bounded`: the work is done in a
child forked from the (warm) caller, with RLIMIT_CPU and RLIMIT_AS set, while the parent waits
with a wall-clock limit. A child that is killed, runs out of memory or outlives the limit
becomes a TemplateError naming the clause file it was rendering (the child records it in a
page of memory shared with the parent, see `rendering`).

Limits (environment): CONTRACTGEN_RENDER_CPU_SECONDS (default 60), CONTRACTGEN_RENDER_MEMORY_MB
(address space the render may add to what the caller already maps, default 2048),
CONTRACTGEN_RENDER_WALL_SECONDS (default 120);
CONTRACTGEN_RENDER_ISOLATION=off runs the work in the calling process (for debugging).
"""

from __future__ import annotations

import gc
import mmap
import os
import pickle
import resource
import select
import signal
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable, Iterator, TypeVar

from contractgen.errors import ContractgenError, Problem, TemplateError

_LABEL_SIZE = 4096
_label: mmap.mmap | None = None  # in a worker: the page the parent reads the current file from
_inside = False  # True in a worker (a nested run_bounded runs in place)
_FORKING = threading.Lock()  # held from gc.freeze to the fork (the worker never takes it: it runs in place)


@dataclass(frozen=True)
class Limits:
    """The limits of one bounded render: CPU seconds, address space in MB, wall-clock seconds."""

    cpu_seconds: int
    memory_mb: int
    wall_seconds: float

    @classmethod
    def from_environment(cls) -> Limits:
        """Read the limits from CONTRACTGEN_RENDER_* (defaults: 60 s CPU, 2048 MB, 120 s)."""

        def number(name: str, default: float) -> float:
            try:
                return float(os.environ.get(name, "") or default)
            except ValueError:
                return default

        return cls(
            int(number("CONTRACTGEN_RENDER_CPU_SECONDS", 60)),
            int(number("CONTRACTGEN_RENDER_MEMORY_MB", 2048)),
            number("CONTRACTGEN_RENDER_WALL_SECONDS", 120),
        )

    def scaled(self, factor: float) -> Limits:
        """The same limits with `factor` times the time (for a whole-library pass such as lint)."""
        return Limits(int(self.cpu_seconds * factor), self.memory_mb, self.wall_seconds * factor)


def isolation_enabled() -> bool:
    """Whether renders run in a bounded worker (off only when CONTRACTGEN_RENDER_ISOLATION=off)."""
    return os.environ.get("CONTRACTGEN_RENDER_ISOLATION", "").strip().lower() != "off" and hasattr(os, "fork")


@contextmanager
def rendering(where: str) -> Iterator[None]:
    """Record, for the parent, which file the worker is rendering (the error names it if the worker dies)."""
    if _label is None:
        yield
        return
    previous = _read_label(_label)
    _write_label(_label, where)
    try:
        yield
    except MemoryError:
        raise  # the worker reports it: keep the file that ran out of memory named
    except BaseException:
        _write_label(_label, previous)
        raise
    _write_label(_label, previous)


def _write_label(page: mmap.mmap, text: str) -> None:
    data = text.encode("utf-8", "replace")[: _LABEL_SIZE - 4]
    page[4 : 4 + len(data)] = data
    page[0:4] = len(data).to_bytes(4, "little")


def _read_label(page: mmap.mmap) -> str:
    size = min(int.from_bytes(page[0:4], "little"), _LABEL_SIZE - 4)
    return page[4 : 4 + size].decode("utf-8", "replace")


def _mapped_bytes() -> int:
    """The address space this process maps now (0 where the system does not say)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _arm(limits: Limits) -> None:
    """In the worker: cap its CPU time and the address space it may add (the kernel stops it past either)."""
    used = resource.getrusage(resource.RUSAGE_SELF)
    cpu = int(used.ru_utime + used.ru_stime) + max(limits.cpu_seconds, 1)
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu if hard == resource.RLIM_INFINITY else min(cpu, hard), hard))
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    # Relative to what the fork inherited: a long-lived caller (a test run, the web workspace with
    # its threads' malloc arenas) may already map more than the limit before the render starts.
    memory = _mapped_bytes() + limits.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory if hard == resource.RLIM_INFINITY else min(memory, hard), hard))
    signal.signal(signal.SIGXCPU, signal.SIG_DFL)


Result = TypeVar("Result")


def run_bounded(work: Callable[..., Result], *args: Any, what: str = "", limits: Limits | None = None) -> Result:
    """Return `work(*args)` computed in a bounded worker process; raise what it raised.

    `what` names the input (a deal file) when the worker dies outside any clause. A result or
    exception that cannot be pickled comes back as a ContractgenError with its text.
    """
    global _label, _inside
    if _inside or not isolation_enabled():
        return work(*args)
    limits = limits or Limits.from_environment()
    page = mmap.mmap(-1, _LABEL_SIZE)
    _write_label(page, "")
    read_end, write_end = os.pipe()
    _flush()
    with _FORKING:  # threads forking at once (the web workspace): the last one out unfreezes
        thawed = not gc.get_freeze_count()
        gc.freeze()  # the worker's collections leave the caller's objects alone: fewer pages copied on write
        try:
            pid = os.fork()
        except BaseException:
            if thawed:
                gc.unfreeze()
            raise
        if pid and thawed:
            gc.unfreeze()
    if pid == 0:  # the worker
        status = 0
        try:
            os.close(read_end)
            _label, _inside = page, True
            _arm(limits)
            try:
                outcome: tuple[str, Any] = ("ok", work(*args))
            except MemoryError:
                outcome = ("memory", None)
            except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent
                outcome = ("raised", exc)
            _send(write_end, outcome)
        except BaseException:  # noqa: BLE001
            status = 1
        finally:
            _flush()
            os._exit(status)
    os.close(write_end)
    try:
        data, timed_out = _receive(read_end, pid, limits.wall_seconds)
    finally:
        os.close(read_end)
    _, wait_status = os.waitpid(pid, 0)
    where = _read_label(page) or what
    page.close()
    if timed_out:
        raise _stopped(where, f"it took longer than {limits.wall_seconds:g} seconds")
    if data:
        try:
            kind, value = pickle.loads(data)
        except Exception as exc:  # noqa: BLE001 - a value whose class cannot be rebuilt from its pickle
            raise ContractgenError(
                f"{what or 'the render'}: its result could not be read back from the render "
                f"worker ({type(exc).__name__}: {exc})"
            ) from None
        if kind == "ok":
            return value
        if kind == "memory":
            raise _stopped(where, f"it needs more than {limits.memory_mb} MB of memory")
        raise value
    if os.WIFSIGNALED(wait_status) and os.WTERMSIG(wait_status) == signal.SIGXCPU:
        raise _stopped(where, f"it used more than {limits.cpu_seconds} seconds of processor time")
    if os.WIFSIGNALED(wait_status) and os.WTERMSIG(wait_status) in (signal.SIGKILL, signal.SIGSEGV, signal.SIGABRT):
        raise _stopped(where, f"it was stopped (probably more than {limits.memory_mb} MB of memory)")
    raise _stopped(where, "the render process ended without a result")


def _flush() -> None:
    """Flush Python's buffered output (a forked worker must neither lose nor repeat it)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001 - a closed stream has nothing to flush
            pass


def _send(fd: int, outcome: tuple[str, Any]) -> None:
    try:
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - an unpicklable result or exception travels as its text
        kind, value = outcome
        lines = value.lines() if isinstance(value, ContractgenError) else [f"{type(value).__name__}: {value}"]
        data = pickle.dumps(("raised", ContractgenError("\n".join(lines))), protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.close(fd)


def _receive(fd: int, pid: int, wall_seconds: float) -> tuple[bytes, bool]:
    """Read the worker's whole answer; kill it when the wall-clock limit passes first."""
    chunks: list[bytes] = []
    deadline = time.monotonic() + wall_seconds
    while True:
        left = deadline - time.monotonic()
        ready, _, _ = select.select([fd], [], [], max(left, 0)) if left > 0 else ([], [], [])
        if not ready:
            os.kill(pid, signal.SIGKILL)
            return b"", True
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks), False
        chunks.append(chunk)


def _stopped(where: str, why: str) -> TemplateError:
    return TemplateError(problems=[Problem(where or "the render", None, "", f"rendering was stopped: {why}")])

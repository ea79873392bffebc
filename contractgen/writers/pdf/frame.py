"""The contract PDF laid out in parts, in parallel worker processes, and joined.

``CONTRACTGEN_PDF_PARTS`` chooses how: ``off`` lays the contract out whole, in one WeasyPrint
layout; ``serial`` lays its parts out one after the other in this process; a number N lays them
out in N processes (this one and N-1 forked children, each exiting with its share); ``auto`` (the default) uses one
worker per core, at most one per part, in a main process; in a worker process of a build it uses
the cores that no sibling is rendering a contract on (``share_cores``), and in one of ``render
--jobs`` or of the web workspace it lays them out serially (its siblings have the cores). Every way but ``off`` goes through the same parts and the
same join, so the bytes do not depend on how many processes laid them out.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import pickle
import signal
import tempfile
from pathlib import Path
from typing import Any

from contractgen.errors import ContractgenError, OutputError

SETTING = "CONTRACTGEN_PDF_PARTS"


def setting() -> str:
    """Return the parts setting: "off", "serial", "auto" or a number of worker processes as text."""
    value = os.environ.get(SETTING, "").strip().lower() or "auto"
    if value in ("off", "serial", "auto") or value.isdigit():
        return value
    raise OutputError(f"{SETTING}={value!r}: choose off, serial, auto or a number of worker processes")


_SIBLINGS: dict[str, Any] = {}


def share_cores(busy) -> None:
    """In a worker process of a build: `busy` (a multiprocessing.Value shared by the siblings) counts
    the contracts being rendered now, so `auto` lays this one's parts out on the cores none of them uses."""
    _SIBLINGS["busy"] = busy


@contextlib.contextmanager
def rendering_one():
    """Count this process's contract among the siblings' busy ones for the duration of the block."""
    busy = _SIBLINGS.get("busy")
    if busy is None:
        yield
        return
    with busy.get_lock():
        busy.value += 1
    try:
        yield
    finally:
        with busy.get_lock():
            busy.value -= 1


def worker_count(parts: int) -> int:
    """Return how many processes lay out `parts` parts (this one included; 1: this one alone)."""
    value = setting()
    if value in ("off", "serial") or parts < 2 or not hasattr(os, "fork"):
        return 1
    cores = os.cpu_count() or 1
    if value == "auto" and multiprocessing.parent_process() is not None:
        # a build, web or `render --jobs` worker shares the cores with its siblings: it takes only
        # those no sibling is rendering on (a build's last contracts, a rebuild of fewer contracts than cores)
        busy = _SIBLINGS.get("busy")
        wanted = 1 if busy is None else 1 + max(0, cores - max(int(busy.value), 1))
    else:
        wanted = cores if value == "auto" else int(value)
    return max(1, min(wanted, parts))


def shares(weights: list[int], workers: int) -> list[list[int]]:
    """Split item positions (1 …) among workers, heaviest first to the least loaded (each share in order)."""
    totals = [0] * workers
    given: list[list[int]] = [[] for _ in range(workers)]
    for index in sorted(range(len(weights)), key=lambda i: (-weights[i], i)):
        least = min(range(workers), key=lambda w: (totals[w], w))
        totals[least] += weights[index]
        given[least].append(index + 1)
    return [sorted(share) for share in given if share]


def _in_child(jobs: list[tuple[str, str]], kit, out) -> None:
    """In a forked child: lay out the (markup, key) jobs, pickle the results (or the error) into `out`, never return."""
    from contractgen.writers.pdf.parts import lay_out_part

    status = 1
    try:
        try:
            result: object = [lay_out_part(markup, key, kit) for markup, key in jobs]
            status = 0
        except BaseException as exc:  # the parent raises it
            result = exc if isinstance(exc, ContractgenError) else OutputError(f"{type(exc).__name__}: {exc}")
        pickle.dump(result, out)
        out.flush()
    finally:
        os._exit(status)


def lay_out_parts(jobs: list[tuple[str, str]], kit) -> list:
    """Return the LaidOutPart of each (markup, key) job, in order, laid out here and in forked children.

    The jobs are shared out by the length of their markup; each child lays out its share and exits
    (nothing is kept that could outlive this call); this process lays out the first share meanwhile.
    """
    from contractgen.writers.pdf.parts import lay_out_part

    workers = worker_count(len(jobs))
    if workers < 2:
        return [lay_out_part(markup, key, kit) for markup, key in jobs]
    plan = [[position - 1 for position in share] for share in shares([len(m) for m, _ in jobs], workers)]
    children: dict[int, tuple[list[int], Any]] = {}
    try:
        for share in plan[1:]:
            out = tempfile.TemporaryFile()
            pid = os.fork()
            if pid == 0:  # pragma: no cover (the child)
                _in_child([jobs[i] for i in share], kit, out)
            children[pid] = (share, out)
        done = {i: lay_out_part(jobs[i][0], jobs[i][1], kit) for i in plan[0]}
        for pid in list(children):
            share, out = children.pop(pid)
            with out:
                code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
                out.seek(0)
                try:
                    result = pickle.load(out)
                except Exception:
                    raise OutputError(f"a PDF part worker stopped without its parts (exit {code})") from None
            if isinstance(result, BaseException):
                raise result
            done.update(zip(share, result))
    finally:
        for pid, (_, out) in children.items():  # only when this process failed first
            out.close()
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
    return [done[i] for i in range(len(jobs))]


def _font_digest(font_files: list[Path]) -> str:
    """Return a digest of the template's font files (name and content), kept per file version."""
    digest = hashlib.sha256()
    for path in sorted(font_files):
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        if key not in _FONT_DIGESTS:
            _FONT_DIGESTS[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        digest.update(f"{path.name}\0{_FONT_DIGESTS[key]}\n".encode())
    return digest.hexdigest()


_FONT_DIGESTS: dict[tuple, str] = {}


def prepare_fonts(font_files: list[Path]) -> None:
    """Digest the template's fonts and load the joining libraries now (a build's parent, before it forks)."""
    import fontTools.subset  # noqa: F401
    import pikepdf  # noqa: F401

    _font_digest(font_files)


def lay_out_or_reuse(markups: list[str], kit, identity: str) -> list:
    """Return each part's LaidOutPart: from the part cache when its key is there, else laid out (and stored).

    `identity` names everything besides a part's markup that its PDF depends on (versions, stylesheet, fonts).
    """
    from contractgen.writers.pdf import cache, flow

    keys = [cache.part_key(identity, markup.encode("utf-8")) for markup in markups]
    found = {i: cache.load(key) or flow.load_part(key) for i, key in enumerate(keys)} if cache.cache_dir() else {}
    missing = [i for i in range(len(markups)) if found.get(i) is None]
    for i, part in zip(missing, lay_out_parts([(markups[i], keys[i]) for i in missing], kit)):
        if not part.pieces:  # a part laid out in chunks is cached chunk by chunk
            cache.store(keys[i], part)
        found[i] = part
    return [found[i] for i in range(len(markups))]


def render_in_parts(html: str, kit, css_digest: str, font_files: list[Path], settings: dict) -> bytes | None:
    """Return the contract PDF laid out in parts and joined, or None when the layout marks no parts.

    `kit` (parts.Kit) carries the template's fonts, stylesheets and fetcher; `settings` are the
    whole contract's write_pdf options (identifier, PDF/A variant, provenance, attachments): they go
    to the blank pages that carry the contract's identity (``writers.pdf.furniture``), under the frame's
    pages and the parts' pages. The caller holds the render lock.
    """
    from contractgen import __version__
    from contractgen.writers.pdf import engine
    from contractgen.writers.pdf.assemble import join
    from contractgen.writers.pdf.furniture import frame_pages, identity_pdf
    from contractgen.writers.pdf.parts import NO_FURNITURE, add_frame_pages, prune_to_frame, split

    with engine.fetch_errors():
        parts_of = split(html, kit.base_url, kit.fetcher)
    if parts_of.count < 2:
        return None
    identity = "\n".join(
        ["contractgen PDF part", __version__, engine.version(), css_digest, _font_digest(font_files), NO_FURNITURE]
    )
    kit.identity = identity
    from contractgen.writers.pdf import cache

    for markup, page in zip(parts_of.markups, parts_of.pages):
        kit.trees[cache.part_key(identity, markup.encode("utf-8"))] = (parts_of.frame, page)
    parts = lay_out_or_reuse(parts_of.markups, kit, identity)
    kit.trees.clear()
    prune_to_frame(parts_of)
    add_frame_pages(parts_of.body, parts)
    engine.rewrap(parts_of.frame)
    drawn = frame_pages(parts_of.frame, kit, parts)  # cover, contents and page furniture: reused when unchanged
    placed = [page for part in parts for page in part.pages]
    first = len(drawn.pages) - len(placed)
    if first < 1:
        raise OutputError("the PDF's frame has fewer pages than the parts it carries")
    pages = drawn.pages[:first] + placed
    blank = identity_pdf(parts_of.frame, kit, pages, settings)
    return join(blank, [[drawn.pdf], [pdf for part in parts for pdf in part.sources()]], font_files)

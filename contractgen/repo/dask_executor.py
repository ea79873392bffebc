"""Run a build's render tasks on a dask.distributed cluster instead of local worker processes.

Workers get the repository's inputs as content, not through a shared file system: the clause
library, the templates, `contractgen.toml`, the deal files and the stored document models are
scattered once to every worker (keyed by their hash) and written into a private folder there.
Each task returns the output bytes; only the client writes files, after the whole batch came
back (repo/build.py). A worker lost mid-build has its tasks run again elsewhere by the scheduler.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import tempfile
from pathlib import Path
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Callable

from contractgen import safefs
from contractgen.errors import DaskUnavailableError, RepoError
from contractgen.repo.config import CONFIG_NAME, RepoConfig
from contractgen.repo.task_outputs import Task

if TYPE_CHECKING:
    from distributed import Client, LocalCluster

# a module-level function a worker imports by name: repo/build.py's run_one_task
Work = Callable[[RepoConfig, Task], dict[str, Any]]

INSTALL = "pip install 'contractgen[dask]'"
ENVIRONMENT = ("SOURCE_DATE_EPOCH",)  # settings that change output bytes travel with each task
_BUNDLES: dict[str, Path] = {}  # on a worker: bundle hash → the folder it was written to


def _inside(config: RepoConfig, folder: Path) -> str:
    """Return folder relative to the repository root; a RepoError when it lies outside."""
    try:
        return folder.resolve().relative_to(config.root.resolve()).as_posix()
    except ValueError:
        raise RepoError(
            f"--dask: {folder} lies outside the repository; workers receive only the repository's "
            "own library and templates (copy them in, e.g. with `contractgen init`)"
        ) from None


def collect_bundle(config: RepoConfig, tasks: list[Task]) -> dict[str, bytes]:
    """Return {repository-relative path: bytes} of everything a worker needs to render the tasks."""
    files: dict[str, bytes] = {}
    for folder in (config.clauses_dir, config.templates_dir, *([config.law_dir] if config.law_dir.is_dir() else [])):
        _inside(config, folder)
        for path in sorted(folder.rglob("*")):
            if (path.is_file() or path.is_symlink()) and "__pycache__" not in path.parts:
                data = safefs.read_bytes(path, config.root)  # never what a link points to outside
                files[config.rel(path)] = data
    config_file = config.root / CONFIG_NAME
    if config_file.is_file():
        files[CONFIG_NAME] = safefs.read_bytes(config_file, config.root)
    for task in tasks:
        files[task.deal] = task.raw if task.raw is not None else safefs.read_bytes(config.root / task.deal, config.root)
        model = safefs.read_if_possible(config.root / task.model, config.root) if task.redlines else None
        if model is not None:
            files[task.model] = model
    return files


def bundle_digest(files: dict[str, bytes]) -> str:
    """Return one hash over a bundle's paths and contents."""
    digest = hashlib.sha256()
    for rel in sorted(files):
        digest.update(rel.encode() + b"\0" + hashlib.sha256(files[rel]).digest())
    return digest.hexdigest()


def _materialise(digest: str, files: dict[str, bytes]) -> Path:
    """On a worker: write the bundle into a private folder once, and return that folder."""
    root = _BUNDLES.get(digest)
    if root is not None and root.is_dir():
        return root
    root = Path(tempfile.mkdtemp(prefix=f"contractgen-{digest[:12]}-"))
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    _BUNDLES[digest] = root
    return root


def _set_environment(values: dict[str, str | None]) -> None:
    """Set each variable to its value, or remove it where the value is None."""
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@contextlib.contextmanager
def _environment(values: dict[str, str | None]) -> Iterator[None]:
    """Set the client's output-affecting environment for the duration of one task."""
    saved = {name: os.environ.get(name) for name in values}
    try:
        _set_environment(values)
        yield
    finally:
        _set_environment(saved)


def run_remote(
    work: Work, digest: str, files: dict[str, bytes], config: RepoConfig, task: Task, environment: dict[str, str | None]
) -> dict[str, Any]:
    """On a worker: run `work(config, task)` against the bundle; return what a local worker returns."""
    local = dataclasses.replace(config, root=_materialise(digest, files))
    with _environment(environment):
        return work(local, task)


def _connect(address: str) -> tuple[Client, LocalCluster | None]:
    """Return (client, cluster or None) for `local[:N]` or a scheduler address."""
    try:
        import logging

        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskUnavailableError(f"--dask needs dask.distributed, which is not installed: {INSTALL}") from None
    if address == "local" or address.startswith("local:"):
        count = address.partition(":")[2]
        if count and not count.isdigit():
            raise RepoError(f"--dask {address}: expected local or local:N (N worker processes)")
        workers = int(count) if count else (os.cpu_count() or 1)
        cluster = LocalCluster(
            n_workers=max(1, workers),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        return Client(cluster), cluster
    try:
        return Client(address, timeout="30s"), None
    except OSError as exc:
        raise RepoError(f"--dask {address}: cannot reach the scheduler: {exc}") from None


def execute_on_dask(
    config: RepoConfig, tasks: list[Task], address: str, advance: Callable[[str], None], work: Work
) -> list[dict[str, Any]]:
    """Run `work(config, task)` for each task on the cluster at `address`; call advance(deal) as each comes back.

    `work` is a module-level function (repo/build.py's run_one_task), so workers import it by name.
    """
    files = collect_bundle(config, tasks)
    digest = bundle_digest(files)
    environment = {name: os.environ.get(name) for name in ENVIRONMENT}
    client, cluster = _connect(address)
    try:
        from distributed import as_completed

        [bundle] = client.scatter([files], broadcast=True, hash=False)
        futures = {
            client.submit(
                run_remote,
                work,
                digest,
                bundle,
                config,
                task,
                environment,
                pure=False,
                retries=2,
                key=f"contractgen-{digest[:16]}-{task.deal}",
            ): task
            for task in tasks
        }
        results = []
        for future in as_completed(futures):
            task = futures[future]
            try:
                results.append(future.result())
            except Exception as exc:  # the task failed on every worker it was given to
                results.append(
                    {"deal": task.deal, "status": "error", "lines": [f"worker failed: {type(exc).__name__}: {exc}"]}
                )
            advance(task.deal)
        return results
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

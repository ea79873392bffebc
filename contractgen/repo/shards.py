"""Shards of a build: a stable split of the deals over N machines, and the merge of their partial locks.

`build --shard K/N` renders only the deals of shard K and writes a partial lock beside the lock
(`contractgen.lock.shard-K-of-N`) instead of the lock itself; `lock merge` joins the N partial locks
into `contractgen.lock`. Each partial lock carries the library snapshot it was built against, so a
partial lock made from another library state is refused when merging.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from contractgen.errors import ShardError
from contractgen.outputs import write_atomically
from contractgen.repo.lockfile import Lock, lock_from_data, read_lock_data, write_lock

_SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


def parse_shard(text: str) -> tuple[int, int]:
    """Return (K, N) from "K/N" (1 ≤ K ≤ N); a ShardError otherwise."""
    match = _SHARD.match(text or "")
    if not match:
        raise ShardError(f"--shard {text!r}: expected K/N, such as 2/4 (shard 2 of 4)")
    k, n = int(match.group(1)), int(match.group(2))
    if not 1 <= k <= n:
        raise ShardError(f"--shard {text}: K must be between 1 and N (got shard {k} of {n})")
    return k, n


def shard_deals(deals: list[str], k: int, n: int) -> list[str]:
    """Return the deals of shard K of N: every N-th of the sorted paths, so shards differ by one deal at most."""
    return [deal for index, deal in enumerate(sorted(deals)) if index % n == k - 1]


def partial_lock_path(lock_path: Path, k: int, n: int) -> Path:
    """Return where shard K of N writes its partial lock (beside the lock)."""
    return lock_path.with_name(f"{lock_path.name}.shard-{k}-of-{n}")


def partial_to_json(lock: Lock, k: int, n: int) -> str:
    """Return a partial lock as JSON: the lock's form plus the shard it covers."""
    data = {**lock.to_data(), "shard": {"index": k, "count": n}}
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_partial_lock(lock_path: Path, lock: Lock, k: int, n: int) -> Path:
    """Write shard K's partial lock atomically and return its path."""
    path = partial_lock_path(lock_path, k, n)
    write_atomically(path, partial_to_json(lock, k, n).encode("utf-8"))
    return path


def _read_partial(path: Path) -> tuple[Lock, int, int]:
    """Read one partial lock: (lock, K, N)."""
    data = read_lock_data(path)
    if data is None:
        raise ShardError(f"{path}: no such partial lock")
    shard = data.get("shard")
    if not isinstance(shard, dict):
        raise ShardError(f"{path}: not a partial lock of `contractgen build --shard K/N`")
    try:
        k, n = int(shard["index"]), int(shard["count"])
    except (KeyError, TypeError, ValueError):
        raise ShardError(f"{path}: malformed shard record {shard!r}") from None
    return lock_from_data(data, path), k, n


def merge_partial_locks(paths: list[Path]) -> Lock:
    """Join the partial locks of shards 1..N into one lock; refuse gaps, overlaps and mixed library states."""
    if not paths:
        raise ShardError("lock merge: name the partial locks to merge (contractgen.lock.shard-*)")
    parts = [(Path(p), *_read_partial(Path(p))) for p in paths]
    counts = {n for _p, _lock, _k, n in parts}
    if len(counts) != 1:
        raise ShardError(f"lock merge: the partial locks come from builds split differently (N = {sorted(counts)})")
    n = counts.pop()
    seen: dict[int, Path] = {}
    for path, _lock, k, _n in parts:
        if k in seen:
            raise ShardError(f"lock merge: shard {k} of {n} given twice ({seen[k]} and {path})")
        seen[k] = path
    missing = sorted(set(range(1, n + 1)) - set(seen))
    if missing:
        raise ShardError(
            f"lock merge: shard(s) {', '.join(map(str, missing))} of {n} missing; merge the partial lock of every shard"
        )
    first_path, first, _k, _n = parts[0]
    merged = Lock(library=dict(first.library), deals={}, tools=dict(first.tools))
    for path, lock, _k, _n in parts:
        if lock.library != first.library:
            raise ShardError(
                f"lock merge: {path} was built against another state of the clause library than "
                f"{first_path}; rebuild that shard against the same commit"
            )
        if lock.tools != first.tools:
            raise ShardError(
                f"lock merge: {path} was built with other versions of contractgen, WeasyPrint or the "
                f"template fonts than {first_path}; build every shard with the same installation"
            )
        for deal, entry in lock.deals.items():
            if deal in merged.deals and merged.deals[deal] != entry:
                raise ShardError(f"lock merge: {deal} is in two partial locks with different entries")
            merged.deals[deal] = entry
    return merged


def merge_into(lock_path: Path, paths: list[Path], remove: bool = False) -> bool:
    """Merge the partial locks into the lock at lock_path; return whether the lock changed."""
    changed = write_lock(lock_path, merge_partial_locks(paths))
    if remove:
        for path in paths:
            Path(path).unlink(missing_ok=True)
    return changed

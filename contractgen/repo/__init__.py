"""Contracts repositories: settings and scaffold, the lock file, staleness checks, the incremental
(and sharded or distributed) build, library impact and the provenance written into outputs.
"""

from contractgen import lazy_exports

PUBLIC = {
    "RepoConfig": "config",
    "load_config": "config",
    "find_repo": "config",
    "init_repo": "config",
    "run_build": "build",
    "assess": "staleness",
    "library_impact": "impact",
    "read_provenance": "provenance",
    "Lock": "lockfile",
    "read_lock": "lockfile",
}
__getattr__ = lazy_exports(__name__, PUBLIC)
__all__ = sorted(PUBLIC)

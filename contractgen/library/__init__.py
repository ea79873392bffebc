"""The clause library: clause folders and their versions (front matter, status, the default
version a deal gets), the template outline, and resolving a deal to the clause versions it includes.
"""

from contractgen import lazy_exports

PUBLIC = {
    "Library": "clauses",
    "Clause": "clauses",
    "ClauseVersion": "clauses",
    "load_library": "clauses",
    "default_version": "clauses",
    "scan_library_folder": "clauses",
    "Outline": "resolve",
    "load_outline": "resolve",
    "resolve_contract": "resolve",
    "ResolvedContract": "resolve",
}
__getattr__ = lazy_exports(__name__, PUBLIC)
__all__ = sorted(PUBLIC)

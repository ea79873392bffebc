"""Which clauses use a law record, read from what each clause's template and `when` condition read.

A clause uses a record when its default version (the one a new contract gets)
- compares a value the record sets with that value: ``law.family == "scots"`` uses the Scotland record
  and the Scots family; ``'DORA' in regulatory`` the DORA record; ``"ccpa" in privacy.keys`` the CCPA;
- or prints a field the record fills in: ``{{ law.tax.name }}`` uses every jurisdiction record with a
  ``tax`` block, ``{{ regime.authority }}`` in a loop over ``privacy.regimes`` every privacy law that
  names its authority;
- or is one the record brings (a privacy law's ``brings.clauses``).
The paths are read from the Jinja syntax tree (loop variables and ``set`` names followed back to the
context variable they stand for), so a word in the clause's prose never counts. Read by `contractgen
law show` and the web workspace's law page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import jinja2
from jinja2 import nodes

Path = tuple[str, ...]

# What each kind of record sets in the clause context: (context path, the record's value there).
# The value is a key of the record's data, or "" for the record's own id.
_SELECTORS: dict[str, tuple[tuple[Path, str], ...]] = {
    "jurisdictions": (
        (("law", "key"), ""),
        (("forum", "key"), ""),
        (("law", "family"), "family"),
        (("law", "tradition"), "tradition"),
        (("law", "country"), "country"),
        (("forum", "country"), "country"),
    ),
    "families": ((("law", "family"), ""),),
    "privacy": ((("privacy", "keys"), ""), (("privacy", "regimes", "key"), ""), (("privacy", "regimes"), "")),
    "sector": ((("regulatory",), ""), (("regulatory",), "key")),
    "forums": ((("disputes", "arbitration", "institution", "key"), ""),),
}
# Where a record's fields are printed: (context path, the record's data key whose value lands there);
# a data key "*" stands for the field read after the path (regime.authority → the record's authority).
_CARRIERS: dict[str, tuple[tuple[Path, str], ...]] = {
    "jurisdictions": (
        (("law", "name"), "name"),
        (("law", "wording"), "law"),
        (("forum", "courts"), "courts"),
        (("law", "jury_trial"), "jury_trial"),
        (("law", "late_payment"), "late_payment"),
        (("law", "tax"), "tax"),
        (("law", "anti_bribery"), "anti_bribery"),
        (("law", "insolvency"), "insolvency"),
        (("law", "execution"), "execution"),
        (("law", "must_not_use"), "must_not_use"),
        (("public",), "public_sector"),
    ),
    "families": ((("law", "must_not_use"), "must_not_use"),),
    "privacy": (
        (("privacy", "regimes"), "*"),
        (("privacy", "processor_regimes"), "*"),
        (("privacy", "words"), "terms"),
        (("privacy", "security_provisions"), "provisions"),
        (("privacy", "assistance_provisions"), "provisions"),
    ),
    "sector": ((("regulatory",), "*"),),
    "forums": ((("disputes", "arbitration", "institution"), "*"),),
}
_SECTIONS_OF_DEAL = ("deal",)  # `deal.regulatory` reads the same value as `regulatory`
_ITEM_FILTERS = {"first", "last", "min", "max", "random"}
_LIST_FILTERS = {"selectattr", "rejectattr", "select", "reject", "list", "sort", "unique", "reverse", "batch"}


def record_row(record) -> dict[str, Any]:
    """One record as `law list --json` prints it."""
    data = record.data
    return {
        "id": record.ref,
        "kind": record.kind,
        "name": str(data.get("name") or data.get("key") or record.id),
        "as_of": str(data.get("as_of") or ""),
        "reviewed_on": str(data.get("reviewed_on") or ""),
        "origin": record.origin,
        "path": record.rel,
        "sha256": record.sha256,
    }


@dataclass
class Reads:
    """What one clause reads from its context: the paths it reads, and the (path, constant) pairs it compares."""

    fields: set[Path] = field(default_factory=set)
    tests: set[tuple[Path, str]] = field(default_factory=set)


class _Reader:
    """Collects the context paths and compared constants of one parsed template."""

    def __init__(self, tree: nodes.Node) -> None:
        self.aliases: dict[str, nodes.Node] = {}
        for loop in tree.find_all(nodes.For):
            self._alias(loop.target, loop.iter)
        for assign in tree.find_all(nodes.Assign):
            self._alias(assign.target, assign.node)
        self.reads = Reads()
        for read in tree.find_all(nodes.Getattr):
            path = self.path(read)
            if path:
                self.reads.fields.add(path)
        for compare in tree.find_all(nodes.Compare):
            self._compare(compare)
        for applied in tree.find_all(nodes.Filter):
            self._filter(applied)

    def _alias(self, target: nodes.Node, source: nodes.Node) -> None:
        """Remember what a loop variable or a set name stands for (each name of a tuple target too)."""
        for name in [target, *getattr(target, "items", [])]:
            if isinstance(name, nodes.Name):
                self.aliases.setdefault(name.name, source)

    def path(self, node: nodes.Node, seen: frozenset[str] = frozenset()) -> Path | None:
        """The context path an expression reads (loop items and set names followed back), or None."""
        if isinstance(node, nodes.Name):
            if node.name in self.aliases and node.name not in seen:
                return self.path(self.aliases[node.name], seen | {node.name})
            return () if node.name in _SECTIONS_OF_DEAL else (node.name,)
        if isinstance(node, nodes.Getattr):
            base = self.path(node.node, seen)
            return None if base is None else base + (node.attr,)
        if isinstance(node, nodes.Getitem):
            base = self.path(node.node, seen)
            key = node.arg.value if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str) else None
            return None if base is None else base + ((key,) if key else ())
        if isinstance(node, nodes.Filter) and node.node is not None and node.name in _LIST_FILTERS | _ITEM_FILTERS:
            return self.path(node.node, seen)
        return None

    @staticmethod
    def constants(node: nodes.Node) -> list[str]:
        """The strings a constant or a list of constants holds."""
        if isinstance(node, nodes.Const) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, (nodes.List, nodes.Tuple)):
            return [item.value for item in node.items if isinstance(item, nodes.Const) and isinstance(item.value, str)]
        return []

    def _pair(self, a: nodes.Node, b: nodes.Node) -> None:
        for one, other in ((a, b), (b, a)):
            path = self.path(one)
            if path:
                self.reads.tests.update((path, value) for value in self.constants(other))

    def _compare(self, node: nodes.Compare) -> None:
        left = node.expr
        for operand in node.ops:
            self._pair(left, operand.expr)
            left = operand.expr

    def _filter(self, node: nodes.Filter) -> None:
        path = self.path(node.node) if node.node is not None else None
        if not path or node.name not in _LIST_FILTERS:
            return
        args = [a.value for a in node.args if isinstance(a, nodes.Const) and isinstance(a.value, str)]
        if node.name in ("selectattr", "rejectattr") and args:
            self.reads.fields.add(path + (args[0],))
            if len(node.args) == 3:
                self.reads.tests.update((path + (args[0],), v) for v in self.constants(node.args[2]))
        if node.name in ("select", "reject") and len(node.args) == 2:
            self.reads.tests.update((path, v) for v in self.constants(node.args[1]))


@lru_cache(maxsize=4096)
def _reads_of(body: str, when: str) -> Reads:
    from contractgen.templating.analysis import lint_environment
    from contractgen.templating.sandbox import condition_environment

    reads = Reads()
    for env, source in (
        (lint_environment(), body),
        (condition_environment(), "{{ (" + when + "\n) }}" if when else ""),
    ):
        if not source:
            continue
        try:
            found = _Reader(env.parse(source)).reads
        except jinja2.TemplateSyntaxError:  # a template that does not parse reads nothing here; lint reports it
            continue
        reads.fields |= found.fields
        reads.tests |= found.tests
    return reads


def clause_reads(version) -> Reads:
    """What a clause version's body and `when` condition read from the clause context."""
    return _reads_of(version.body, version.when or "")


def _has(data: dict[str, Any], key: str) -> bool:
    """Whether a record fills in `key` (at its top level or in one of its blocks)."""
    if data.get(key) not in (None, "", [], {}):
        return True
    return any(isinstance(v, dict) and v.get(key) not in (None, "", [], {}) for v in data.values())


def uses(record, reads: Reads) -> bool:
    """Whether a clause that reads `reads` uses `record`."""
    data = record.data
    for path, key in _SELECTORS.get(record.kind, ()):
        value = record.id if not key else str(data.get(key) or "")
        if value and (path, value) in reads.tests:
            return True
    for path, key in _CARRIERS.get(record.kind, ()):
        for read in reads.fields:
            if read[: len(path)] != path:
                continue
            if key != "*" and _has(data, key):
                return True
            if key == "*" and len(read) > len(path) and _has(data, read[len(path)]):
                return True
    return False


def clauses_using(record, library) -> list[str]:
    """The clauses whose default version reads the record (see the module's docstring), or that it brings."""
    brought = set((record.data.get("brings") or {}).get("clauses") or ()) if record.kind == "privacy" else set()
    found = []
    for clause in library.clauses.values():
        version = clause.default() or clause.versions[max(clause.versions)]
        if clause.id in brought or uses(record, clause_reads(version)):
            found.append(f"{clause.id} v{version.version}")
    return found

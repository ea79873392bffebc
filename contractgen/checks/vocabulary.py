"""Words a contract under a law must not use (law/families and law/jurisdictions, ``must_not_use``):
lint finds them in clause text that can print under that law, and the build finds them in a contract.

Lint reads each clause the outline can put in a contract under a law (its slot, the variant chosen
for the law, its own ``when``) and the text of the ``{% if %}`` branches that can print there. Only
conditions on ``law`` (its family, tradition, country, key, jury_trial) are decided, once per law
record and once per family (a law without a record of its own); every other condition may go
either way, so text any deal could print under that law counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jinja2
from jinja2 import nodes

from contractgen.checks.lint_sources import LintReport, Template, Version
from contractgen.law.families import load_families
from contractgen.law.library import active
from contractgen.templating.sandbox import clause_environment, condition_environment

UNKNOWN: Any = object()  # a condition this check cannot decide: either way is possible
_COMPARE = {
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "in": lambda a, b: a in b,
    "notin": lambda a, b: a not in b,
}


@dataclass(frozen=True)
class Probe:
    """A law clauses are read under: the `law` fields conditions test, and the words it forbids."""

    label: str  # "French law (law/jurisdictions/france.yaml)"
    law: dict[str, Any]  # family, tradition, country, key, jury_trial (UNKNOWN where any value may come)
    words: tuple[str, ...]


def word_pattern(word: str) -> re.Pattern:
    """A forbidden word matched whole, ignoring case (the rule of docs/law.md)."""
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)


def probes() -> list[Probe]:
    """One probe per jurisdiction record and one per family (a law of that family without a record)."""
    law = active()
    families = load_families()
    raw = {key: record.data for key, record in law.records("families").items()}
    found = []
    for key, record in sorted(law.records("jurisdictions").items()):
        data = record.data
        family = families.get(data["family"])
        words = tuple(raw.get(data["family"], {}).get("must_not_use") or ()) + tuple(data.get("must_not_use") or ())
        fields = dict(
            key=key,
            family=data["family"],
            tradition=family.variants if family else data["tradition"],
            country=data["country"],
            jury_trial=str(data.get("jury_trial") or ""),
        )
        found.append(Probe(f"{data['name']} (law/jurisdictions/{key}.yaml)", fields, words))
    for key, family in sorted(families.items()):
        words = tuple(raw.get(key, {}).get("must_not_use") or ())
        fields = dict(key="", family=key, tradition=family.variants, country=UNKNOWN, jury_trial="")
        found.append(Probe(f"a law of the {key} family without a record (law/families/{key}.yaml)", fields, words))
    return found


def decide(node: nodes.Node, law: dict[str, Any], names: dict[str, Any]) -> Any:
    """The value of an expression under a probe's law: a constant, a `law` field, or UNKNOWN."""
    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, (nodes.List, nodes.Tuple)):
        items = [decide(item, law, names) for item in node.items]
        return UNKNOWN if any(i is UNKNOWN for i in items) else items
    if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name) and node.node.name == "law":
        return law.get(node.attr, UNKNOWN)
    if isinstance(node, nodes.Getattr) and (path := _dotted(node)) in law:
        return law[path]  # a situation probe's fact, e.g. "disputes.arbitration": True
    if isinstance(node, nodes.Name):
        return names.get(node.name, UNKNOWN)
    if isinstance(node, nodes.Not):
        value = decide(node.node, law, names)
        return UNKNOWN if value is UNKNOWN else not value
    if isinstance(node, (nodes.And, nodes.Or)):
        left, right = decide(node.left, law, names), decide(node.right, law, names)
        settles = isinstance(node, nodes.Or)  # True settles an `or`, False an `and`
        for value in (left, right):
            if value is not UNKNOWN and bool(value) is settles:
                return settles
        return UNKNOWN if UNKNOWN in (left, right) else (not settles)
    if isinstance(node, nodes.Compare) and len(node.ops) == 1 and node.ops[0].op in _COMPARE:
        left, right = decide(node.expr, law, names), decide(node.ops[0].expr, law, names)
        if left is UNKNOWN or right is UNKNOWN:
            return UNKNOWN
        try:
            return _COMPARE[node.ops[0].op](left, right)
        except TypeError:
            return UNKNOWN
    return UNKNOWN


def _dotted(node: nodes.Node) -> str:
    """The dotted name of an attribute chain (`disputes.arbitration`), or "" for anything else."""
    parts: list[str] = []
    while isinstance(node, nodes.Getattr):
        parts.append(node.attr)
        node = node.node
    return ".".join([node.name, *reversed(parts)]) if isinstance(node, nodes.Name) and parts else ""


@lru_cache(maxsize=4096)
def _parse(env: jinja2.Environment, source: str) -> nodes.Template | None:
    try:
        return env.parse(source)
    except jinja2.TemplateSyntaxError:
        return None  # lint reports the syntax error elsewhere


def condition(env: jinja2.Environment, expression: str, law: dict[str, Any]) -> Any:
    """A `when` condition under a probe's law: True, False or UNKNOWN ("" is True)."""
    if not expression:
        return True
    parsed = _parse(env, "{{ (" + expression + "\n) }}")
    output = parsed.body[0] if parsed is not None else None
    return decide(output.nodes[0], law, {}) if isinstance(output, nodes.Output) else UNKNOWN


def printable_text(env: jinja2.Environment, body: str, law: dict[str, Any]) -> list[tuple[int, str]]:
    """The static text of a clause body that can print under a probe's law: (line in the body, text)."""
    tree = _parse(env, body)
    if tree is None:
        return []
    names: dict[str, Any] = {}
    found: list[tuple[int, str]] = []

    def walk(node: nodes.Node) -> None:
        if isinstance(node, nodes.Assign) and isinstance(node.target, nodes.Name):
            names[node.target.name] = decide(node.node, law, names)
            return
        if isinstance(node, nodes.If):
            value = decide(node.test, law, names)
            if value is UNKNOWN or value:
                for child in node.body:
                    walk(child)
            if value is UNKNOWN or not value:
                rest = node.elif_ + node.else_
                if node.elif_:  # an elif is an If of its own, with the else after the last one
                    first, *others = node.elif_
                    rest = [nodes.If(first.test, first.body, others, node.else_, lineno=first.lineno)]
                for child in rest:
                    walk(child)
            return
        if isinstance(node, nodes.TemplateData):
            found.append((node.lineno, node.data))
            return
        for child in node.iter_child_nodes():
            walk(child)

    walk(tree)
    return found


def _chosen(item: Any, law: dict[str, Any], env: jinja2.Environment) -> list[str]:
    """The clause ids a slot can print under a law: the variants whose condition may hold, in order."""
    ids: list[str] = []
    for clause_id, when in item.variants:
        value = condition(env, when, law)
        if value is True:
            return [*ids, clause_id]
        if value is UNKNOWN or value:
            ids.append(clause_id)
    return [*ids, item.id]


def _law_reads(tree: nodes.Template | None) -> tuple[str, ...]:
    """The `law` fields a body's conditions read: probes that agree on them print the same text."""
    if tree is None:
        return ()
    found = {n.attr for n in tree.find_all(nodes.Getattr) if isinstance(n.node, nodes.Name) and n.node.name == "law"}
    return tuple(sorted(found))


@lru_cache(maxsize=256)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(word_pattern(w).pattern for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)


def check_vocabulary(newest: dict[str, Version], templates: list[Template], report: LintReport) -> None:
    """Report each word a law forbids that a clause (its newest version) can print in a contract under that law."""
    for (rel, line, word), labels in sorted(vocabulary_hits(newest, templates).items()):
        more = f" and {len(labels) - 2} more" if len(labels) > 2 else ""
        report.add(
            rel,
            line,
            f"'{word}' can print in a contract under {', '.join(labels[:2])}{more}, whose must_not_use "
            "lists it: put the wording in a branch for the laws that use it",
        )


def vocabulary_hits(newest: dict[str, Version], templates: list[Template]) -> dict[tuple[str, int, str], list[str]]:
    """{(clause file, line, word): the laws under which it can print although they forbid it}."""
    env, cond_env = clause_environment(), condition_environment()
    hits: dict[tuple[str, int, str], list[str]] = {}
    found: dict[tuple, list[tuple[int, str]]] = {}  # (clause, the law fields it reads, words) -> (line, word)
    for probe in probes():
        if not probe.words:
            continue
        pattern = _words_pattern(probe.words)
        for clause_id in reachable(templates, probe.law, cond_env):
            version = newest.get(clause_id)
            if version is None or condition(cond_env, version.version.when, probe.law) is False:
                continue
            body = version.version.body
            reads = _law_reads(_parse(env, body))
            key = (clause_id, tuple(probe.law.get(name, UNKNOWN) for name in reads), probe.words)
            if key not in found:
                found[key] = _words_in(version, printable_text(env, body, probe.law), pattern, probe.words)
            for line, word in found[key]:
                hits.setdefault((version.rel, line, word), []).append(probe.label)
    return hits


def _words_in(version: Version, texts: list[tuple[int, str]], pattern: re.Pattern, words: tuple[str, ...]):
    """(file line, forbidden word) for each forbidden word in a body's printable text and its definitions."""
    by_case = {w.casefold(): w for w in words}
    out = []
    for lineno, text in texts:
        for match in pattern.finditer(text):
            line = version.version.body_line + lineno - 1 + text.count("\n", 0, match.start())
            out.append((line, by_case.get(match.group(0).casefold(), match.group(0))))
    for term, text in version.version.defines:
        for match in pattern.finditer(f"{term} {text}"):
            out.append((version.key_line("defines"), by_case.get(match.group(0).casefold(), match.group(0))))
    return out


def reachable(templates: list[Template], law: dict[str, Any], env: jinja2.Environment) -> list[str]:
    """The clause ids the outlines can put in a contract under a law."""
    ids: list[str] = []
    for template in templates:
        if template.outline is None:
            continue
        for part in template.outline.parts:
            if condition(env, part.when, law) is False:
                continue
            for item in part.items:
                if condition(env, item.when, law) is not False:
                    ids += [i for i in _chosen(item, law, env) if i not in ids]
    return ids

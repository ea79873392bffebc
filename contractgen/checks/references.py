"""Lint: every cross-reference is printed only where its target is in the contract.

A reference `[](#x)` renders under the conditions around it: its part's and outline slot's `when`,
its clause version's `when` and the `{% if %}` blocks it sits in. Its target (a clause slot, a
schedule, or a paragraph anchor `{#x}` in some clause) is in the contract under conditions of its
own. Each condition is read as the deal values it tests (`employees.transfer_on_exit`,
`data_protection.personal_data` …, with `{% set %}` names followed to what they stand for); a
target condition on a value the reference's conditions never test means some valid deal prints a
reference to nothing, which only rendering would otherwise find.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import jinja2
from jinja2 import nodes

from contractgen.checks.lint_sources import LintReport, Template, Version
from contractgen.templating.sandbox import clause_environment, condition_environment

REFERENCE = re.compile(r"\[\]\(#([A-Za-z][A-Za-z0-9._-]*)\)")
ANCHOR_MARK = re.compile(r"\{#([A-Za-z][A-Za-z0-9._-]*)\}")
# Names of the clause context that are not conditions on the deal (helpers, derived wording).
IGNORED_ROOTS = {"loop", "none", "true", "false", "True", "False", "None"}
# What testing a value settles by a rule of the deal (deal/rules.py): a transition charge needs a
# transition; the pricing model decides which figures the deal gives (a rate card for time and materials).
IMPLIED = {
    "commercials.transition_charges": {"scope.transition"},
    "commercials.pricing_model": {
        "commercials.rate_card",
        "commercials.monthly_charges",
        "commercials.unit_name",
        "commercials.unit_price",
    },
}
# The deal's own sections: a condition on them is a switch a lawyer sets. Conditions on what the
# library derives (law, privacy, derived …) choose variants and wording, and imply one another in
# ways a reading of the text cannot follow; the property test renders those combinations.
DEAL_SWITCHES = {
    "contract",
    "parties",
    "sourcing",
    "scope",
    "deliverables",
    "service_levels",
    "governance",
    "data_protection",
    "security",
    "commercials",
    "liability",
    "term",
    "regulatory",
    "critical_or_important",
    "employees",
    "step_in",
    "benchmarking",
    "escrow",
    "guarantor",
    "process_agent",
    "language",
}


Frame = tuple[int, int, frozenset[str]]  # (which if-block, which of its branches, the values its tests read)


@dataclass
class Place:
    """Where a reference or an anchor is in a clause body: its line and the if-blocks around it."""

    line: int
    frames: tuple[Frame, ...]

    @property
    def tested(self) -> frozenset[str]:
        """Return every value the if-blocks around this place test."""
        return frozenset(v for _, _, values in self.frames for v in values)


@dataclass
class BodyScan:
    """The references and anchors of one clause body, and the branch counts of its if-blocks."""

    references: list[tuple[str, Place]] = field(default_factory=list)
    anchors: dict[str, list[Place]] = field(default_factory=dict)
    branches: dict[int, int] = field(default_factory=dict)  # if-block -> branches, counting else (0: no else)

    def anchor_needs(self, anchor: str) -> frozenset[str]:
        """Return the values an anchor's presence depends on: if-blocks that have it in every branch do not count."""
        places = self.anchors[anchor]
        seen: dict[int, set[int]] = {}
        for place in places:
            for block, branch, _ in place.frames:
                seen.setdefault(block, set()).add(branch)
        settled = {
            block
            for block, branches in seen.items()
            if self.branches.get(block) and len(branches) == self.branches[block]
        }
        needs: set[str] = set()
        for place in places:
            needs |= {v for block, _, values in place.frames if block not in settled for v in values}
        return frozenset(needs)


def tested_values(
    expression: nodes.Node, names: dict[str, frozenset[str]], aliases: dict[str, str] | None = None
) -> set[str]:
    """Return the dotted deal values an expression reads ("employees.transfer_on_exit"), `set` names followed."""
    found: set[str] = set()
    for node in [expression, *expression.find_all((nodes.Getattr, nodes.Name))]:
        if not isinstance(node, (nodes.Getattr, nodes.Name)):
            continue
        dotted = _dotted(node)
        if dotted is None:
            continue
        root, _, rest = dotted.partition(".")
        if aliases and root in aliases:
            dotted = aliases[root] + ("." + rest if rest else "")
            root = dotted.split(".")[0]
        found |= IMPLIED.get(dotted, set())
        if root in names:
            found |= names[root]
        elif root not in IGNORED_ROOTS:
            found.add(dotted)
    return found


def _dotted(node: nodes.Node) -> str | None:
    parts = []
    while isinstance(node, nodes.Getattr):
        parts.append(node.attr)
        node = node.node
    if not isinstance(node, nodes.Name):
        return None
    return ".".join([node.name, *reversed(parts)])


def scan_body(env: jinja2.Environment, body: str, first_line: int) -> BodyScan:
    """Walk a clause body: every reference and anchor with the values of the if-blocks around it."""
    scan = BodyScan()
    try:
        tree = env.parse(body)
    except jinja2.TemplateSyntaxError:
        return scan  # lint reports the syntax error elsewhere
    names: dict[str, frozenset[str]] = {}
    aliases: dict[str, str] = {}

    def walk(node: nodes.Node, frames: tuple[Frame, ...]) -> None:
        if isinstance(node, nodes.Assign) and isinstance(node.target, nodes.Name):
            dotted = _dotted(node.node)
            if dotted is not None and dotted.split(".")[0] not in names:
                aliases[node.target.name] = dotted  # `{% set c = commercials %}`: c.x reads commercials.x
            else:
                names[node.target.name] = frozenset(tested_values(node.node, names, aliases))
            return
        if isinstance(node, nodes.For):  # a loop body runs only for a non-empty list
            values = frozenset(tested_values(node.iter, names, aliases))
            block = len(scan.branches)
            scan.branches[block] = 0
            for child in node.body:
                walk(child, frames + ((block, 0, values),))
            for child in node.else_:
                walk(child, frames)
            return
        if isinstance(node, nodes.If):
            block = len(scan.branches)
            scan.branches[block] = 0
            values = frozenset(tested_values(node.test, names, aliases))
            branches = [node.body] + [[elif_] for elif_ in node.elif_]
            for number, children in enumerate(branches):
                for child in children:
                    walk(child, frames + ((block, number, values),))
            if node.else_:
                scan.branches[block] = len(branches) + 1
                for child in node.else_:
                    walk(child, frames + ((block, len(branches), values),))
            return
        if isinstance(node, nodes.TemplateData):
            for match in REFERENCE.finditer(node.data):
                line = first_line + node.lineno - 1 + node.data.count("\n", 0, match.start())
                scan.references.append((match.group(1), Place(line, frames)))
            for match in ANCHOR_MARK.finditer(node.data):
                line = first_line + node.lineno - 1 + node.data.count("\n", 0, match.start())
                scan.anchors.setdefault(match.group(1), []).append(Place(line, frames))
            return
        for child in node.iter_child_nodes():
            walk(child, frames)

    walk(tree, ())
    return scan


def _covered(value: str, tested: frozenset[str]) -> bool:
    """Whether the reference's conditions test `value` (or a value under it, which implies it is set)."""
    return any(t == value or t.startswith(value + ".") for t in tested)


def check_reference_conditions(versions: list[Version], templates: list[Template], report: LintReport) -> None:
    """Report each cross-reference whose target depends on a deal value the reference's conditions never test."""
    env, cond_env = clause_environment(), condition_environment()

    def expression_values(expression: str) -> frozenset[str]:
        if not expression:
            return frozenset()
        try:
            parsed = cond_env.parse("{{ (" + expression + "\n) }}")
        except jinja2.TemplateSyntaxError:
            return frozenset()
        outputs = [output for output in parsed.body if isinstance(output, nodes.Output)]  # the one {{ … }}
        return frozenset(v for output in outputs for expr in output.nodes for v in tested_values(expr, {}))

    newest: dict[str, Version] = {}
    for version in versions:
        if version.version.status == "approved":
            current = newest.get(version.version.id)
            if current is None or version.version.version > current.version.version:
                newest[version.version.id] = version
    slot_conditions: dict[str, frozenset[str]] = {}  # clause id -> what its part and slot test
    slot_of: dict[str, str] = {}  # clause id -> the slot id it answers to
    part_conditions: dict[str, frozenset[str]] = {}
    for template in templates:
        if template.outline is None:
            continue
        for part in template.outline.parts:
            part_when = expression_values(part.when)
            part_conditions[part.id] = part_when
            for item in part.items:
                for clause_id in item.clause_ids():
                    slot_conditions[clause_id] = part_when | expression_values(item.when)
                    slot_of[clause_id] = item.id
    scans = {cid: scan_body(env, v.version.body, v.version.body_line) for cid, v in newest.items()}
    # what each target needs: a clause slot, a schedule, or an anchor in some clause (any of the clauses
    # that define it: a value tested around every one of them is needed)
    needs: dict[str, frozenset[str]] = {}
    for cid, version in newest.items():
        if cid not in slot_of:
            continue
        own = slot_conditions[cid] | expression_values(version.version.when)
        if slot_of[cid] == cid:
            needs[cid] = needs.get(cid, frozenset()) | own
        for anchor in scans[cid].anchors:
            # an anchor in alternative clauses (variants) must be in whichever one renders
            needs[anchor] = needs.get(anchor, frozenset()) | own | scans[cid].anchor_needs(anchor)
    for part_id, condition in part_conditions.items():
        needs.setdefault(part_id, condition)
    for cid, version in newest.items():
        if cid not in slot_of:
            continue
        around = slot_conditions[cid] | expression_values(version.version.when)
        for target, place in scans[cid].references:
            need = needs.get(target, frozenset())
            if target in scans[cid].anchors:  # an anchor of the same clause: only the if-blocks differ
                need = scans[cid].anchor_needs(target) - place.tested
            missing = sorted(
                v for v in need if v.split(".")[0] in DEAL_SWITCHES and not _covered(v, around | place.tested)
            )
            if missing:
                report.add(
                    version.rel,
                    place.line,
                    f"cross-reference to '#{target}' is printed whatever {', '.join(missing)} "
                    f"{'is' if len(missing) == 1 else 'are'}, but its target is in the contract only "
                    "for some values: guard the reference with the same condition, or point it at a "
                    "target every contract has",
                )

"""Static analysis of clause templates: which deal fields, filters and tests a template reads.

The Jinja AST of a clause body (or a `when` expression) is walked with a scope of known
variable types; `Getattr`/`Getitem` chains from a `Name` are followed through the pydantic
models of the deal and the dataclasses of its derived figures (the types: deal_types.py). A type that cannot be known (a macro
argument, a namespace, an arithmetic result …) is skipped silently: only certain mistakes are
reported.
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass, field
from typing import Any

import jinja2
from jinja2 import nodes

from contractgen.templating.context import context_types
from contractgen.templating.deal_types import (
    UNKNOWN,
    DictOf,
    ForbiddenAttribute,
    ListOf,
    LoopType,
    MissingAttribute,
    attribute_type,
    item_type,
    type_name,
)
from contractgen.templating.sandbox import clause_environment, condition_environment

UNSAFE_NAMES = {"mark_safe", "Markup"}
JINJA_GLOBALS = {
    "range",
    "dict",
    "lipsum",
    "cycler",
    "joiner",
    "namespace",
    "true",
    "false",
    "none",
    "True",
    "False",
    "None",
}
# Filters whose result is the same kind of list as their input.
_LIST_PRESERVING = {
    "sort",
    "reverse",
    "unique",
    "list",
    "select",
    "reject",
    "selectattr",
    "rejectattr",
    "batch",
    "slice",
}
_ITEM_RESULT = {"first", "last", "random", "min", "max"}
# Filters whose `attribute` (first positional argument, or keyword) names a field of the items.
_ATTRIBUTE_FILTERS = {
    "selectattr": 0,
    "rejectattr": 0,
    "groupby": 0,
    "map": None,
    "sort": None,
    "sum": None,
    "unique": None,
    "min": None,
    "max": None,
}


# ---------------------------------------------------------------- the walk


@dataclass(frozen=True)
class Finding:
    """One problem found by the analysis; `line` is relative to the analysed source (1-based)."""

    line: int
    message: str


@dataclass
class Analyzer:
    """Walks a Jinja AST, typing expressions and collecting findings."""

    env: jinja2.Environment
    roots: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)

    def report(self, node: nodes.Node, message: str) -> None:
        """Record a finding at the node's line."""
        finding = Finding(getattr(node, "lineno", 1) or 1, message)
        if finding not in self.findings:
            self.findings.append(finding)

    # ---- statements

    def walk(self, node: nodes.Node, scope: dict[str, Any]) -> None:
        """Walk a statement node (or template) with the given scope; assignments update the scope."""
        if isinstance(node, nodes.For):
            iterable = self.expr(node.iter, scope)
            inner = dict(scope)
            self.bind(node.target, item_type(iterable), inner)
            inner["loop"] = LoopType()
            if node.test is not None:
                self.expr(node.test, inner)
            for child in node.body:
                self.walk(child, inner)
            for child in node.else_:
                self.walk(child, dict(scope))
            return
        if isinstance(node, nodes.Assign):
            value = self.expr(node.node, scope)
            if isinstance(node.target, nodes.NSRef):
                self.expr(nodes.Name(node.target.name, "load", lineno=node.lineno), scope)
            else:
                self.bind(node.target, value, scope)
            return
        if isinstance(node, nodes.AssignBlock):
            for child in node.body:
                self.walk(child, scope)
            if node.filter is not None:
                self.check_filter_chain(node.filter, scope)
            self.bind(node.target, str, scope)
            return
        if isinstance(node, (nodes.Macro, nodes.CallBlock)):
            inner = dict(scope)
            for arg in node.args:
                inner[arg.name] = UNKNOWN
            for default in node.defaults:
                self.expr(default, scope)
            inner.update(caller=UNKNOWN, varargs=UNKNOWN, kwargs=UNKNOWN)
            if isinstance(node, nodes.CallBlock):
                self.expr(node.call, scope)
            else:
                scope[node.name] = UNKNOWN
            for child in node.body:
                self.walk(child, inner)
            return
        if isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values):
                self.bind(target, self.expr(value, scope), inner)
            for child in node.body:
                self.walk(child, inner)
            return
        if isinstance(node, nodes.FilterBlock):
            for child in node.body:
                self.walk(child, scope)
            self.check_filter_chain(node.filter, scope)
            return
        if isinstance(node, nodes.If):
            self.expr(node.test, scope)
            for child in node.body:
                self.walk(child, scope)
            for elif_ in node.elif_:
                self.walk(elif_, scope)
            for child in node.else_:
                self.walk(child, scope)
            return
        if isinstance(node, nodes.Expr):
            self.expr(node, scope)
            return
        for child in node.iter_child_nodes():
            if isinstance(child, nodes.Expr):
                self.expr(child, scope)
            else:
                self.walk(child, scope)

    def check_filter_chain(self, node: nodes.Filter, scope: dict[str, Any]) -> None:
        """Check a filter node that has no input expression (filter blocks, set blocks)."""
        self.check_filter_name(node)
        for arg in node.args:
            self.expr(arg, scope)
        for kwarg in node.kwargs:
            self.expr(kwarg.value, scope)

    def bind(self, target: nodes.Node, tp: Any, scope: dict[str, Any]) -> None:
        """Give a loop or assignment target its type."""
        if isinstance(target, nodes.Name):
            scope[target.name] = tp
        elif isinstance(target, nodes.Tuple):
            for item in target.items:
                self.bind(item, UNKNOWN, scope)

    # ---- expressions

    def expr(self, node: nodes.Node, scope: dict[str, Any]) -> Any:
        """Return the type of an expression, reporting unknown names, fields, filters and tests."""
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if node.name in UNSAFE_NAMES:
                self.report(node, f"'{node.name}' is not allowed: values must stay escaped")
                return UNKNOWN
            if node.name in JINJA_GLOBALS or node.name in self.env.globals:
                return UNKNOWN
            close = difflib.get_close_matches(node.name, list(scope), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            self.report(node, f"'{node.name}' is not a variable of the deal{hint}")
            return UNKNOWN
        if isinstance(node, (nodes.Getattr, nodes.Getitem)):
            return self.access(node, scope)
        if isinstance(node, nodes.Filter):
            return self.filter(node, scope)
        if isinstance(node, nodes.Test):
            if node.node is not None:
                self.expr(node.node, scope)
            if node.name not in self.env.tests:
                self.report(node, f"unknown test '{node.name}'")
            self.visit_args(node, scope)
            return bool
        if isinstance(node, nodes.Call):
            callee = node.node
            self.visit_args(node, scope)
            if isinstance(callee, nodes.Getattr):
                if callee.attr.startswith("_") or self.is_global(callee.node, scope):
                    self.report(callee, self.forbidden(callee))
                    return UNKNOWN
                owner = self.expr(callee.node, scope)
                if isinstance(owner, DictOf):
                    if callee.attr == "values":
                        return ListOf(owner.value)
                    if callee.attr == "keys":
                        return ListOf(owner.key)
                    return UNKNOWN
                try:
                    attribute_type(owner, callee.attr)
                except ForbiddenAttribute:
                    self.report(callee, self.forbidden(callee))
                except MissingAttribute as missing:
                    self.report(callee, f"'{self.path(callee)}' is not a method of {type_name(missing.owner)}")
                return UNKNOWN
            self.expr(callee, scope)
            return UNKNOWN
        if isinstance(node, nodes.Const):
            return type(node.value) if node.value is not None else UNKNOWN
        if isinstance(node, nodes.CondExpr):
            self.expr(node.test, scope)
            left = self.expr(node.expr1, scope)
            right = self.expr(node.expr2, scope) if node.expr2 is not None else UNKNOWN
            return left if left == right else UNKNOWN
        if isinstance(node, nodes.Or):
            left, right = self.expr(node.left, scope), self.expr(node.right, scope)
            return left if left == right else UNKNOWN
        if isinstance(node, nodes.And):
            self.expr(node.left, scope)
            return self.expr(node.right, scope)
        for child in node.iter_child_nodes():
            self.expr(child, scope)
        return UNKNOWN

    def visit_args(self, node: nodes.Node, scope: dict[str, Any]) -> None:
        """Type every argument of a call, filter or test."""
        for arg in getattr(node, "args", []) or []:
            self.expr(arg, scope)
        for kwarg in getattr(node, "kwargs", []) or []:
            self.expr(kwarg.value, scope)
        for extra in (getattr(node, "dyn_args", None), getattr(node, "dyn_kwargs", None)):
            if extra is not None:
                self.expr(extra, scope)

    def check_filter_name(self, node: nodes.Filter) -> None:
        """Report unknown and unsafe filters."""
        if node.name in ("safe", "mark_safe", "forceescape"):
            self.report(node, f"the '{node.name}' filter is not allowed: values must stay escaped")
        elif node.name not in self.env.filters:
            close = difflib.get_close_matches(node.name, list(self.env.filters), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            self.report(node, f"unknown filter '{node.name}'{hint}")

    def filter(self, node: nodes.Filter, scope: dict[str, Any]) -> Any:
        """Check a filter and return the type of its result."""
        source = self.expr(node.node, scope) if node.node is not None else UNKNOWN
        self.check_filter_name(node)
        self.visit_args(node, scope)
        name = node.name
        if name in _ATTRIBUTE_FILTERS:
            attribute = self.attribute_argument(node, _ATTRIBUTE_FILTERS[name])
            if attribute is not None:
                result = self.follow_dotted(node, item_type(source), attribute)
                if name == "map":
                    return ListOf(result)
                if name == "sum":
                    return result
        if name in ("default", "d"):
            return source
        if name in _LIST_PRESERVING:
            return source if isinstance(source, ListOf) else UNKNOWN
        if name in _ITEM_RESULT:
            return item_type(source)
        if name == "length" or name == "count":
            return int
        if (
            name == "string"
            or name in self.env.filters
            and name
            in {
                "money",
                "money0",
                "date",
                "number",
                "percent",
                "hours",
                "words",
                "words_or",
                "country",
                "place",
                "duration",
                "cap",
                "count_words",
                "timezone",
                "local_time",
                "hours_only",
                "join",
                "lower",
                "upper",
                "title",
                "capitalize",
                "trim",
            }
        ):
            return str
        return UNKNOWN

    @staticmethod
    def attribute_argument(node: nodes.Filter, position: int | None) -> str | None:
        """Return the constant attribute name a filter reads from its items, if any."""
        for kwarg in node.kwargs:
            if kwarg.key == "attribute" and isinstance(kwarg.value, nodes.Const) and isinstance(kwarg.value.value, str):
                return kwarg.value.value
        if position is not None and len(node.args) > position:
            arg = node.args[position]
            if isinstance(arg, nodes.Const) and isinstance(arg.value, str):
                return arg.value
        return None

    def follow_dotted(self, node: nodes.Node, tp: Any, dotted: str) -> Any:
        """Follow 'a.b' from an item type (filter attribute arguments); report a missing field."""
        for part in dotted.split("."):
            if part.isdigit():
                tp = item_type(tp)
                continue
            try:
                tp = attribute_type(tp, part)
            except ForbiddenAttribute:
                self.report(node, f"'{dotted}' is not allowed in a template: it reads data fields only")
                return UNKNOWN
            except MissingAttribute as missing:
                hint = missing.suggestion()
                hint = f" (did you mean '{hint}'?)" if hint else ""
                self.report(node, f"'{dotted}' is not a field of {type_name(missing.owner)}{hint}")
                return UNKNOWN
        return tp

    def access(self, node: nodes.Getattr | nodes.Getitem, scope: dict[str, Any]) -> Any:
        """Type an attribute or item access, reporting a field the deal model does not have."""
        owner = self.expr(node.node, scope)
        if isinstance(node, nodes.Getitem):
            self.expr(node.arg, scope)
            key = node.arg.value if isinstance(node.arg, nodes.Const) else None
            if isinstance(owner, ListOf):
                return owner.item
            if isinstance(owner, DictOf):
                return owner.value
            if not isinstance(key, str):
                return UNKNOWN
            name = key
        else:
            name = node.attr
            if name.startswith("_") or self.is_global(node.node, scope):
                self.report(node, self.forbidden(node))
                return UNKNOWN
        if owner is UNKNOWN:
            return UNKNOWN
        try:
            return attribute_type(owner, name)
        except ForbiddenAttribute:
            self.report(node, self.forbidden(node))
            return UNKNOWN
        except MissingAttribute as missing:
            hint = missing.suggestion()
            hint = f" (did you mean '{hint}'?)" if hint else ""
            path = self.path(node)
            root = self.root_name(node)
            if root in self.roots and root not in ("CLIENT", "SUPPLIER", "loop"):
                what = "the deal"
            else:
                what = type_name(missing.owner)
            if isinstance(missing.owner, ListOf):
                self.report(node, f"'{path}' reads '{name}' of {type_name(missing.owner)}; loop over it first")
            else:
                self.report(node, f"'{path}' is not a field of {what}{hint}")
            return UNKNOWN

    def forbidden(self, node: nodes.Node) -> str:
        """The finding for an attribute the sandbox refuses (a method, a class's internals …)."""
        return f"'{self.path(node)}' is not allowed in a template: templates read data fields only"

    def is_global(self, node: nodes.Node, scope: dict[str, Any]) -> bool:
        """Whether a node names one of Jinja's globals (a function or class, whose attributes are refused)."""
        return (
            isinstance(node, nodes.Name)
            and node.name not in scope
            and (node.name in JINJA_GLOBALS or node.name in self.env.globals)
            and node.name not in ("true", "false", "none", "True", "False", "None")
        )

    @staticmethod
    def root_name(node: nodes.Node) -> str:
        """Return the variable name an access chain starts from, or ''."""
        while isinstance(node, (nodes.Getattr, nodes.Getitem)):
            node = node.node
        return node.name if isinstance(node, nodes.Name) else ""

    def path(self, node: nodes.Node) -> str:
        """Return the dotted path of an access chain as written: 'service_levels.service_credits'."""
        if isinstance(node, nodes.Name):
            return node.name
        if isinstance(node, nodes.Getattr):
            return f"{self.path(node.node)}.{node.attr}"
        if isinstance(node, nodes.Getitem):
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return f"{self.path(node.node)}.{node.arg.value}"
            if isinstance(node.arg, nodes.Const):
                return f"{self.path(node.node)}[{node.arg.value!r}]"
            return f"{self.path(node.node)}[…]"
        return "(…)"


# ---------------------------------------------------------------- entry points


@functools.lru_cache(maxsize=1)
def lint_environment() -> jinja2.Environment:
    """Return an environment with the clause delimiters, filters and tests (for parsing only)."""
    return clause_environment()


def analyse_template(source: str, roots: dict[str, Any] | None = None) -> list[Finding]:
    """Analyse a clause body; return findings with lines relative to the body (syntax errors too)."""
    env = lint_environment()
    try:
        tree = env.parse(source)
    except jinja2.TemplateSyntaxError as exc:
        return [Finding(exc.lineno or 1, f"template syntax: {exc.message}")]
    roots = roots if roots is not None else context_types()
    analyzer = Analyzer(env, roots)
    analyzer.walk(tree, dict(roots))
    return analyzer.findings


def analyse_expression(expression: str, roots: dict[str, Any] | None = None) -> list[Finding]:
    """Analyse a `when` expression (parsed like the condition environment does)."""
    env = condition_environment()
    try:
        parsed = env.parse("{{ (" + expression + "\n) }}")
    except jinja2.TemplateSyntaxError as exc:
        return [Finding(1, f"invalid condition '{expression}': {exc.message}")]
    roots = roots if roots is not None else context_types()
    analyzer = Analyzer(env, roots)
    analyzer.walk(parsed, dict(roots))
    return analyzer.findings

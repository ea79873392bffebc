"""The one place Jinja environments are made: sandboxed, immutable, limited.

Every template the project renders goes through `make_environment`: clause bodies, `when`
conditions and cover wording (untrusted: they come from the clause library of a pull request),
the PDF layouts of a template folder (untrusted too) and the web workspace's own pages. The
environment is an ImmutableSandboxedEnvironment that also

- lets untrusted templates read data only: fields and properties of the deal's models and
  dataclasses, items of mappings and lists, and a short list of harmless methods of strings,
  mappings and lists (`readable_attribute`, shared with lint's static analysis); no other
  attribute and no other callable is reachable;
- refuses computations that would exhaust memory before they run (huge powers and products,
  repeated strings, paddings and `%` widths, long joins and concatenations, large ranges);
- counts loop iterations and calls (macros included) against a budget per render, with a
  deadline checked as they run, and caps macro nesting.

These limits run inside the renderer; worker.py bounds the process from outside as well.
"""

from __future__ import annotations

import os
import re
import string
import time
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

from jinja2 import BaseLoader, ChainableUndefined, StrictUndefined, nodes
from jinja2.compiler import CodeGenerator
from jinja2.runtime import BlockReference, LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.utils import Cycler, Joiner

from contractgen.templating.deal_types import readable_attribute
from contractgen.templating.filters import (
    FILTERS,
    MAX_STRING_LENGTH,
    UNSAFE_FILTERS,
    check_length,
    escape_markdown,
    replaced_size,
    size_of,
)

MAX_POWER_EXPONENT = 64
MAX_INTEGER_BITS = 64 * 1024  # an integer a template computes (a product or a power)
MAX_RANGE = 10_000
MAX_OPERATIONS = 200_000  # loop iterations and calls per render (nested loops multiply)
MAX_LOOP_ITERATIONS = MAX_OPERATIONS
MAX_CALL_DEPTH = 64  # macros calling macros
MAX_OUTPUT = 2_000_000  # characters of Markdown per clause
MAX_DOCUMENT_OUTPUT = 100_000_000  # characters of HTML a layout's macro may print
MAX_RENDER_SECONDS = float(os.environ.get("CONTRACTGEN_RENDER_SECONDS", "10") or 10)
_HUGE_WIDTH = re.compile(r"\d{7,}")  # a field width of a million characters or more
# A printf-style conversion: flags, width, precision; `*` takes the width from the arguments.
_PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d*))?[hlL]?[a-zA-Z%]")

# Per render: [operations so far, deadline, call depth]. Set by `budget`; None outside a render.
_BUDGET: ContextVar[list | None] = ContextVar("contractgen_render_budget", default=None)
_TICK = "__contractgen_loop_tick"
_SAFE_TYPES = (Macro, LoopContext, BlockReference, Joiner, Cycler)


def new_budget() -> list:
    """Return a fresh budget for one render: no operations yet, the deadline, depth 0."""
    return [0, time.monotonic() + MAX_RENDER_SECONDS, 0]


def budget_var() -> ContextVar:
    """The context variable holding the budget of the render in progress."""
    return _BUDGET


def _spend() -> None:
    """Count one loop iteration or call of the template being rendered; refuse runaway templates."""
    budget = _BUDGET.get()
    if budget is not None:
        budget[0] += 1
        if budget[0] > MAX_OPERATIONS:
            raise SecurityError(f"the template loops more than {MAX_OPERATIONS:,} times (loop iterations and calls)")
        if budget[0] % 256 == 0 and time.monotonic() > budget[1]:
            raise SecurityError(f"the template takes longer than {MAX_RENDER_SECONDS:g} seconds")


def _loop_tick() -> str:
    """Count one loop iteration (inserted at the top of every loop body)."""
    _spend()
    return ""


def _percent_width(fmt: str) -> int:
    """Return the characters the widths and precisions of a `%` format can pad to; refuse `*`."""
    total = 0
    for width, precision in _PERCENT_FIELD.findall(fmt):
        if width == "*" or precision == "*":
            raise SecurityError("a '*' width in a format string is not allowed")
        total += int(width or 0) + int(precision or 0)
    return total


def _format_width(fmt: str) -> int:
    """Return the characters the widths and precisions of a `str.format` string can pad to.

    A width taken from an argument (`{:{}}`) is refused: it is the way round a check of the text.
    """
    total = 0
    try:
        fields = list(string.Formatter().parse(fmt))
    except ValueError:
        return 0  # str.format raises the same error
    for _, _, spec, _ in fields:
        if spec and "{" in spec:
            raise SecurityError("a width or precision taken from an argument is not allowed in a format string")
        total += sum(int(digits) for digits in re.findall(r"\d+", spec or ""))
    return total


class TemplateList(list):
    """A list the template wrote itself (`[]`, `[a, b]`): the only list it may grow, by append, within the size limit.

    Lists of the deal stay read-only, so a clause cannot change what the next one reads.
    """


class _LimitedCodeGenerator(CodeGenerator):
    """Compiles `a ~ b` so that its result is length-checked (it bypasses call_binop), and a list
    literal as a TemplateList."""

    def visit_Concat(self, node, frame) -> None:
        self.write("environment.checked_concat(")
        super().visit_Concat(node, frame)
        self.write(")")

    def visit_List(self, node, frame) -> None:
        self.write("environment.template_list(")
        super().visit_List(node, frame)
        self.write(")")

    def visit_Const(self, node, frame) -> None:
        if not isinstance(node.value, list):  # a list literal of constants, folded at compile time
            return super().visit_Const(node, frame)
        self.write("environment.template_list(")
        super().visit_Const(node, frame)
        self.write(")")


class LimitedSandbox(ImmutableSandboxedEnvironment):
    """An immutable sandbox that reads data only and refuses computations that exhaust memory or time.

    `data_only` (untrusted templates) restricts attributes and calls to `readable_attribute`;
    the web workspace's own pages keep the immutable sandbox's rules but still cannot reach
    a class or a model's methods.
    """

    code_generator_class = _LimitedCodeGenerator
    data_only = True
    max_macro_output = MAX_OUTPUT

    def _parse(self, source, name, filename):
        """Parse, then make every loop body count its iterations (see _loop_tick)."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            tick = nodes.ExprStmt(nodes.Call(nodes.Name(_TICK, "load"), [], [], None, None))
            loop.body.insert(0, tick.set_lineno(loop.lineno))
        return tree

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Data only: a field or property of the deal's types, or a listed harmless method."""
        if attr == "append" and type(obj) is TemplateList:
            return True
        if not super().is_safe_attribute(obj, attr, value) or isinstance(obj, type):
            return False
        kind: type = type(obj)
        if self.data_only:
            return readable_attribute(kind, attr)
        return not hasattr(kind, "model_fields") or readable_attribute(kind, attr)

    def is_safe_callable(self, obj: Any) -> bool:
        """Only macros, the environment's own globals and listed methods can be called."""
        if not super().is_safe_callable(obj):
            return False
        if isinstance(obj, _SAFE_TYPES) or any(obj is value for value in self.globals.values()):
            return True
        owner = getattr(obj, "__self__", None)
        if type(owner) is TemplateList and getattr(obj, "__name__", "") == "append":
            return True
        if owner is not None and not isinstance(owner, type):
            owner_type: type = type(owner)
            return readable_attribute(owner_type, getattr(obj, "__name__", ""))
        return not self.data_only and not isinstance(obj, type)

    @staticmethod
    def template_list(items: list) -> TemplateList:
        """Return a list literal of the template as a TemplateList (see there)."""
        return TemplateList(items)

    @staticmethod
    def checked_concat(value: str) -> str:
        """Refuse a `~` concatenation longer than the string limit (doubling in a loop grows fast)."""
        check_length(len(value))
        return value

    # Jinja routes an operator through call_binop only when it is listed here (and then
    # also stops folding it at compile time); without this the checks below never run.
    intercepted_binops = frozenset({"**", "*", "%", "+", "//"})

    def call_binop(self, context, operator, left, right):
        """Check the operands of **, *, % and + before computing them."""
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > MAX_POWER_EXPONENT:
            raise SecurityError(f"the exponent {right} is too large")
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and right > 0:
            if left.bit_length() * right > MAX_INTEGER_BITS:  # (10**60)**60**… grows without bound
                raise SecurityError("the power would be too large")
        if operator == "*" and isinstance(left, int) and isinstance(right, int):
            if left.bit_length() + right.bit_length() > MAX_INTEGER_BITS:  # x = x * x doubles the digits
                raise SecurityError("the product would be too large")
        if operator == "%" and isinstance(left, str):
            if _HUGE_WIDTH.search(left) or _percent_width(left) > MAX_STRING_LENGTH:
                raise SecurityError("a field width in the format string is too large")
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(count, int):
                    if max(size_of(seq), len(seq)) * count > MAX_STRING_LENGTH:
                        raise SecurityError("the repeated string or list would be too long")
        if operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            check_length(size_of(left) + size_of(right))
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's signature
        """Count the call, cap macro nesting, refuse huge ranges, paddings and results."""
        _spend()
        if __obj is range or getattr(__obj, "__name__", "") == "safe_range":
            span = range(*args)
            if len(span) > MAX_RANGE:
                raise SecurityError(f"a range of {len(span)} items is too long")
        method = getattr(__obj, "__wrapped__", __obj)  # the sandbox wraps str.format
        if type(getattr(method, "__self__", None)) is TemplateList and args:
            check_length(size_of(method.__self__) + size_of(args[0]) + 1)
        if isinstance(getattr(method, "__self__", None), str):
            args = __self._check_string_method(method, args, kwargs)
        budget = _BUDGET.get()
        if budget is None or not isinstance(__obj, Macro):
            return super().call(__context, __obj, *args, **kwargs)
        budget[2] += 1
        try:
            if budget[2] > MAX_CALL_DEPTH:
                raise SecurityError(f"macros call each other more than {MAX_CALL_DEPTH} deep")
            result = super().call(__context, __obj, *args, **kwargs)
        finally:
            budget[2] -= 1
        if len(result) > __self.max_macro_output:  # a macro that doubles its argument's text at each level
            raise SecurityError(f"a macro's text would be longer than {__self.max_macro_output:,} characters")
        return result

    @staticmethod
    def _check_string_method(method, args: tuple, kwargs: dict) -> tuple:
        numbers = [a for a in (*args, *kwargs.values()) if isinstance(a, int)]
        if any(abs(n) > MAX_STRING_LENGTH for n in numbers):
            raise SecurityError("the string would be too long")
        name, text = getattr(method, "__name__", ""), method.__self__
        if name in ("format", "format_map") and _format_width(text) > MAX_STRING_LENGTH:
            raise SecurityError("a field width in the format string is too large")
        if name == "expandtabs":
            tab = next(iter([*args, *kwargs.values()]), 8)
            check_length(len(text) + text.count("\t") * (tab if isinstance(tab, int) else 8))
        elif name == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
            check_length(replaced_size(text, args[0], args[1]))
        elif name == "join" and args:
            items = list(args[0])
            check_length(sum(size_of(i) for i in items) + len(text) * max(len(items) - 1, 0))
            args = (items, *args[1:])
        return args


class PageSandbox(LimitedSandbox):
    """The sandbox for the web workspace's own pages: the immutable sandbox's rules, no classes."""

    data_only = False


# Environment options per kind; every Jinja environment of the project is one of these.
KINDS: dict[str, dict[str, Any]] = {
    "clause": dict(
        undefined=StrictUndefined,
        finalize=escape_markdown,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        comment_start_string="{##",
        comment_end_string="##}",
        cache_size=2000,
    ),
    "condition": dict(undefined=ChainableUndefined),
    "layout": dict(
        undefined=StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
    ),
    "page": dict(undefined=StrictUndefined, autoescape=True, trim_blocks=True, lstrip_blocks=True),
}


def make_environment(kind: str, loader: BaseLoader | None = None) -> LimitedSandbox:
    """Return a new sandboxed environment of a kind: clause, condition, layout (PDF) or page (web)."""
    cls = PageSandbox if kind == "page" else LimitedSandbox
    env = cls(loader=loader, **KINDS[kind])
    if kind in ("layout", "page"):
        env.max_macro_output = MAX_DOCUMENT_OUTPUT  # a layout's macros print the whole contract
    for name in UNSAFE_FILTERS:
        env.filters.pop(name, None)
    if kind in ("clause", "condition"):
        env.filters.update(FILTERS)
    env.globals.pop("lipsum", None)  # lipsum(n=10**6) writes a million paragraphs
    env.globals[_TICK] = _loop_tick
    return env


@lru_cache(maxsize=1)
def clause_environment() -> LimitedSandbox:
    """Return the shared sandbox that renders clause bodies (compiled templates are cached)."""
    return make_environment("clause")


@lru_cache(maxsize=1)
def condition_environment() -> LimitedSandbox:
    """Return the sandbox for `when` conditions, where a missing section reads as empty."""
    return make_environment("condition")

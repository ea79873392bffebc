"""Render clause bodies and evaluate `when` conditions in the sandbox, with errors naming the file."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from typing import Any, Iterator

import jinja2
from jinja2.sandbox import SecurityError

from contractgen.errors import Problem, TemplateError
from contractgen.templating.codecache import compiled as _compiled, compiled_condition as _compiled_condition
from contractgen.templating.sandbox import (
    MAX_OUTPUT,
    budget_var,
    clause_environment,
    condition_environment,
    new_budget,
)
from contractgen.templating.worker import rendering


@contextmanager
def limited() -> Iterator[None]:
    """Give the renders inside a fresh budget of operations and time (nested renders share it)."""
    var = budget_var()
    if var.get() is not None:
        yield
        return
    token = var.set(new_budget())
    try:
        yield
    finally:
        var.reset(token)


def _template_line(exc: Exception) -> int | None:
    line = getattr(exc, "lineno", None)
    if line:
        return line
    # Jinja rewrites the traceback so that frames of the template carry template line numbers.
    found = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            found = tb.tb_lineno
        tb = tb.tb_next
    return found


def render_text(source: str, context: dict[str, Any], where: str, first_line: int = 1) -> str:
    """Render a clause template; translate any Jinja failure into a located TemplateError."""
    env = clause_environment()
    var = budget_var()
    token = var.set(new_budget())
    try:
        with rendering(where):
            template = _compiled(env, source)
            pieces, size = [], 0
            for piece in template.generate(context):
                size += len(piece)
                if size > MAX_OUTPUT:
                    raise SecurityError(f"the clause text would be longer than {MAX_OUTPUT:,} characters")
                pieces.append(piece)
            return "".join(pieces)
    except jinja2.TemplateSyntaxError as exc:
        raise _located(where, first_line, exc.lineno, f"template syntax: {exc.message}") from None
    except SecurityError as exc:
        raise _located(where, first_line, _template_line(exc), f"not allowed in a clause template: {exc}") from None
    except jinja2.UndefinedError as exc:
        raise _located(where, first_line, _template_line(exc), f"undefined: {exc.message}") from None
    except RecursionError:
        raise _located(where, first_line, None, "the template nests too deeply") from None
    except (ValueError, TypeError, ArithmeticError, OverflowError, LookupError, AttributeError) as exc:
        raise _located(where, first_line, _template_line(exc), f"{type(exc).__name__}: {exc}") from None
    except MemoryError:
        raise _located(where, first_line, None, "the template needs too much memory") from None
    finally:
        var.reset(token)


def _located(where: str, first_line: int, line: int | None, message: str) -> TemplateError:
    absolute = first_line + line - 1 if line else None
    return TemplateError(problems=[Problem(where, absolute, "", message)])


def evaluate_condition(expression: str, context: dict[str, Any], where: str) -> bool:
    """Evaluate a `when` expression; a missing deal section counts as false."""
    if not expression:
        return True
    env = condition_environment()
    var = budget_var()
    token = var.set(new_budget())
    try:
        with rendering(where):
            value = _compiled_condition(env, expression)(**context)
            return bool(value)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            problems=[Problem(where, None, "when", f"invalid condition '{expression}': {exc.message}")]
        ) from None
    except (SecurityError, RecursionError, MemoryError) as exc:
        raise TemplateError(
            problems=[Problem(where, None, "when", f"not allowed: {exc or type(exc).__name__}")]
        ) from None
    finally:
        var.reset(token)


def condition_evaluator(context: dict[str, Any]) -> Callable[[str | None, str], bool]:
    """The `when` conditions of one deal: (condition, where) -> whether it holds in this clause context."""
    return lambda expression, where: evaluate_condition(expression or "", context, where)

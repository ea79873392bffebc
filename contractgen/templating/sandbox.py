"""Render clause bodies: sandboxed Jinja, StrictUndefined, Markdown-escaped values, Babel filters."""

from __future__ import annotations

import datetime as dt
import re
import time
from contextvars import ContextVar
from decimal import Decimal
from functools import lru_cache
from typing import Any

import jinja2
from jinja2 import ChainableUndefined, StrictUndefined, nodes, pass_context
from jinja2.compiler import CodeGenerator
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from contractgen.errors import TemplateError, Problem
from contractgen.templating.numbers import _locale, money, money0, number
from contractgen.templating.codecache import compiled as _compiled, compiled_condition as _compiled_condition

MAX_POWER_EXPONENT = 64
MAX_POWER_BITS = 64 * 1024
MAX_STRING_LENGTH = 200_000
MAX_RANGE = 10_000
MAX_LOOP_ITERATIONS = 200_000  # loop bodies run per clause (nested loops multiply)
MAX_OUTPUT = 2_000_000  # characters of Markdown per clause
MAX_RENDER_SECONDS = 10.0
ROLE_WORDS = {"client", "customer", "supplier", "provider", "vendor", "contractor", "company",
              "purchaser", "buyer", "service provider", "consultant", "licensee", "licensor"}
# Short names that are common nouns and so take "the" ("the Bank"); any other short name is
# read as a proper name ("Tulpay"). A deal overrides either way with `article: the | none`.
COMMON_NOUNS = ROLE_WORDS | {
    "bank", "insurer", "hospital", "health system", "clinic", "charity", "trust", "retailer", "manufacturer",
    "operator", "group", "authority", "council", "university", "school", "college", "society", "firm",
    "partnership", "fund", "lender", "agency", "institution", "employer", "recipient", "organisation",
    "organization", "business", "practice", "distributor", "merchant", "integrator", "outsourcer",
    "reseller", "carrier", "utility", "insurance company", "fintech", "foundation", "association",
    "department", "ministry", "municipality", "city", "county", "state", "board", "service recipient",
    "processor", "controller", "business associate", "covered entity", "plan", "health plan", "network",
    "platform", "agent", "principal", "customer group", "airline", "telco", "cooperative", "co-operative"}
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve"]
_HUGE_WIDTH = re.compile(r"\d{7,}")  # a field width of a million characters or more
# Filters that pad or reflow text to a width the template chooses: clauses never need them,
# and a huge width would exhaust memory.
UNSAFE_FILTERS = ("center", "indent", "wordwrap", "format", "truncate", "filesizeformat", "xmlattr", "urlize")
_MD_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")
# Line breaks and runs of spaces become one space; a no-break space stays, so "R$ 385.000,00" never breaks.
_WHITESPACE = re.compile(r"[^\S\u00a0\u202f\u2007]+")


def contract_words(value: Any) -> str:
    """Print a value as the contract says it: business days as the defined term "Business Days"."""
    text = str(value)
    if getattr(value, "business", False) and getattr(value, "unit", "") == "day":
        text = text.replace("business day", "Business Day")
    return text


def escape_markdown(value: Any) -> str:
    """Return a value as Markdown that reads back as exactly its text, on one line."""
    if value is None:
        return ""
    text = _WHITESPACE.sub(" ", contract_words(value))
    return _MD_SPECIAL.sub(r"\\\1", text)


def takes_article(short_name: str, article: str | None = None) -> bool:
    """Whether the text writes 'the' before a party's short name (common nouns do, names do not)."""
    if article is not None:
        return article == "the"
    return short_name.strip().lower() in COMMON_NOUNS


def party_reference(short_name: str, article: str | None = None) -> str:
    """Return how the text names a party: 'the Bank' for common nouns, 'Tulpay' for a name."""
    return f"the {short_name}" if takes_article(short_name, article) else short_name


# Per render: [loop iterations so far, deadline]. Set by render_text; None outside a render.
_BUDGET: ContextVar[list | None] = ContextVar("contractgen_render_budget", default=None)
_TICK = "__contractgen_loop_tick"


def _loop_tick() -> str:
    """Count one loop iteration of the clause being rendered; refuse runaway loops."""
    budget = _BUDGET.get()
    if budget is not None:
        budget[0] += 1
        if budget[0] > MAX_LOOP_ITERATIONS:
            raise SecurityError(f"the template loops more than {MAX_LOOP_ITERATIONS:,} times")
        if budget[0] % 512 == 0 and time.monotonic() > budget[1]:
            raise SecurityError(f"the template takes longer than {MAX_RENDER_SECONDS:g} seconds")
    return ""


def _size(value: Any) -> int:
    """Characters (or items) a value contributes when joined or printed."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, (list, tuple)):
        return sum(len(v) if isinstance(v, str) else 1 for v in value) or len(value)
    return 1


def _check_length(size: int) -> None:
    if size > MAX_STRING_LENGTH:
        raise SecurityError("the string or list would be too long")


class _LimitedCodeGenerator(CodeGenerator):
    """Compiles `a ~ b` so that its result is length-checked (it bypasses call_binop)."""

    def visit_Concat(self, node, frame) -> None:
        self.write("environment.checked_concat(")
        super().visit_Concat(node, frame)
        self.write(")")


class LimitedSandbox(SandboxedEnvironment):
    """A sandbox that also refuses computations that would exhaust memory or time."""

    code_generator_class = _LimitedCodeGenerator

    def _parse(self, source, name, filename):
        """Parse, then make every loop body count its iterations (see _loop_tick)."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            tick = nodes.ExprStmt(nodes.Call(nodes.Name(_TICK, "load"), [], [], None, None))
            loop.body.insert(0, tick.set_lineno(loop.lineno))
        return tree

    @staticmethod
    def checked_concat(value: str) -> str:
        """Refuse a `~` concatenation longer than the string limit (doubling in a loop grows fast)."""
        _check_length(len(value))
        return value

    # Jinja routes an operator through call_binop only when it is listed here (and then
    # also stops folding it at compile time); without this the checks below never run.
    intercepted_binops = frozenset({"**", "*", "%", "+"})

    def call_binop(self, context, operator, left, right):
        """Check ** and * operands before computing them."""
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > MAX_POWER_EXPONENT:
            raise SecurityError(f"the exponent {right} is too large")
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and right > 0:
            if left.bit_length() * right > MAX_POWER_BITS:  # (10**60)**60**… grows without bound
                raise SecurityError("the power would be too large")
        if operator == "%" and isinstance(left, str) and _HUGE_WIDTH.search(left):
            raise SecurityError("a field width in the format string is too large")
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(count, int):
                    if max(_size(seq), len(seq)) * count > MAX_STRING_LENGTH:
                        raise SecurityError("the repeated string or list would be too long")
        if operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            _check_length(_size(left) + _size(right))
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's signature
        """Refuse huge ranges, paddings and format widths before they are built."""
        if __obj is range or getattr(__obj, "__name__", "") == "safe_range":
            span = range(*args)
            if len(span) > MAX_RANGE:
                raise SecurityError(f"a range of {len(span)} items is too long")
        method = getattr(__obj, "__wrapped__", __obj)  # the sandbox wraps str.format
        if isinstance(getattr(method, "__self__", None), str):
            numbers = [a for a in (*args, *kwargs.values()) if isinstance(a, int)]
            if any(abs(n) > MAX_STRING_LENGTH for n in numbers):
                raise SecurityError("the string would be too long")
            if getattr(method, "__name__", "") in ("format", "format_map") and _HUGE_WIDTH.search(method.__self__):
                raise SecurityError("a field width in the format string is too large")
            name, text = getattr(method, "__name__", ""), method.__self__
            if name == "expandtabs":
                tab = next(iter([*args, *kwargs.values()]), 8)
                _check_length(len(text) + text.count("\t") * (tab if isinstance(tab, int) else 8))
            elif name == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
                _check_length(_replaced_size(text, args[0], args[1]))
            elif name == "join" and args:
                items = list(args[0])
                _check_length(sum(_size(i) for i in items) + len(text) * max(len(items) - 1, 0))
                args = (items, *args[1:])
        return super().call(__context, __obj, *args, **kwargs)


def _replaced_size(text: str, old: str, new: str) -> int:
    count = text.count(old) if old else len(text) + 1
    return len(text) + count * max(len(new) - len(old), 0)


@pass_context
def _checked_join(ctx, value, d: str = "", attribute=None) -> str:
    """Jinja's join filter, refusing results longer than the string limit."""
    items = list(value)
    _check_length(sum(_size(i) for i in items) + len(str(d)) * max(len(items) - 1, 0))
    return jinja2.filters.sync_do_join(ctx.eval_ctx, items, d, attribute)


def _checked_replace(value, old, new, count=None) -> str:
    """Jinja's replace filter (plain text), refusing results longer than the string limit."""
    text, old, new = str(value), str(old), str(new)
    _check_length(_replaced_size(text, old, new))
    return text.replace(old, new, -1 if count is None else count)


# ---------------------------------------------------------------- filters


@pass_context
def date(ctx, value) -> str:
    """Format a date for the deal's locale: 1 February 2027 / February 1, 2027."""
    from babel.dates import format_date

    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return format_date(value, format="long", locale=_locale(ctx))


@pass_context
def percent(ctx, value) -> str:
    """Format a number out of 100 as a percentage in the house style, '%' with no space: 99.95 → 99.95%."""
    from babel.numbers import format_percent

    fraction = Decimal(str(value)) / 100
    text = format_percent(fraction, format="#,##0.###%", locale=_locale(ctx))
    return re.sub(r"[\s\u00a0\u202f]+%", "%", text)  # some locales put a (narrow) space before the sign


@pass_context
def hours(ctx, value) -> str:
    """Format a number of hours: 4.5 hours, 1 hour."""
    text = number(ctx, value)
    return f"{text} hour" if Decimal(str(value)) == 1 else f"{text} hours"


def _list(ctx, items, style: str) -> str:
    from babel.lists import format_list

    items = [str(i) for i in items]
    if not items:
        return ""
    return format_list(items, style=style, locale=_locale(ctx))


@pass_context
def words(ctx, items) -> str:
    """Join a list in words: a, b and c."""
    return _list(ctx, items, "standard")


@pass_context
def words_or(ctx, items) -> str:
    """Join a list with 'or': a, b or c."""
    return _list(ctx, items, "or")


@pass_context
def country(ctx, code) -> str:
    """Return a country's English short name from its ISO 3166-1 code."""
    from babel import Locale

    territories = Locale.parse(_locale(ctx)).territories
    name = territories.get(str(code).upper())
    if not name and str(code) in territories.values():
        return str(code)  # already a country name
    if not name:
        raise ValueError(f"'{code}' is not a known country code")
    return name


@pass_context
def timezone(ctx, name) -> str:
    """Name a time zone for the contract: 'Europe/London' → 'British Time, Europe/London'."""
    from babel.dates import get_timezone, get_timezone_name

    generic = get_timezone_name(get_timezone(str(name)), "long", locale=_locale(ctx), zone_variant="generic")
    return f"{generic}, {name}"


def duration(value) -> str:
    """Print a duration or frequency in words."""
    return contract_words(value)


def cap(value) -> str:
    """Upper-case the first letter only: 'the Supplier' → 'The Supplier' (durations in contract words)."""
    text = contract_words(value)
    return text[:1].upper() + text[1:]


def count_words(value) -> str:
    """Write small whole numbers in words (up to twelve), larger ones in digits."""
    number_value = int(value)
    return NUMBER_WORDS[number_value] if 0 <= number_value < len(NUMBER_WORDS) else str(number_value)


FILTERS = {
    "money": money, "money0": money0, "date": date, "number": number, "percent": percent,
    "hours": hours, "words": words, "words_or": words_or, "country": country,
    "duration": duration, "cap": cap, "count_words": count_words, "timezone": timezone,
    "join": _checked_join, "replace": _checked_replace,
}


def _limit(env: LimitedSandbox) -> LimitedSandbox:
    """Drop globals no clause needs that can run for ever, and add the loop counter."""
    env.globals.pop("lipsum", None)  # lipsum(n=10**6) writes a million paragraphs
    env.globals[_TICK] = _loop_tick
    return env


@lru_cache(maxsize=1)
def clause_environment() -> LimitedSandbox:
    """Return the shared sandbox that renders clause bodies (compiled templates are cached)."""
    env = LimitedSandbox(
        undefined=StrictUndefined,
        finalize=escape_markdown,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        comment_start_string="{##",
        comment_end_string="##}",
        cache_size=2000,
    )
    for name in UNSAFE_FILTERS:
        env.filters.pop(name, None)
    env.filters.update(FILTERS)
    return _limit(env)


@lru_cache(maxsize=1)
def condition_environment() -> LimitedSandbox:
    """Return the sandbox for `when` conditions, where a missing section reads as empty."""
    env = LimitedSandbox(undefined=ChainableUndefined)
    env.filters.update(FILTERS)
    return _limit(env)


def build_context(deal) -> dict[str, Any]:
    """Return the variables a clause can read: each deal section, its derived figures, a few shortcuts."""
    from contractgen.deal.derived import compute_derived, currency_sign

    context: dict[str, Any] = {name: getattr(deal, name) for name in type(deal).model_fields}
    from contractgen.law.forums import arbitration_fields, disputes_of, place_country
    from contractgen.law.jurisdictions import forum_of, law_of
    from contractgen.law.employment import staff_transfer_of
    from contractgen.law.privacy import privacy_of

    client, supplier = deal.parties.client, deal.parties.supplier
    contract = deal.contract
    privacy = privacy_of(deal)
    arbitration = arbitration_fields(deal)
    if arbitration is None:
        forum = forum_of(contract.jurisdiction, contract.governing_law, contract.forum_wording)
    else:  # the courts that support the arbitration: those of its seat, else of the governing law
        seat = arbitration.get("seat") or ""
        forum = forum_of(None, _seat_courts(seat) or contract.governing_law)
    law = law_of(contract.governing_law, contract.law_wording)
    disputes = disputes_of(deal, forum.country or place_country(forum.courts) or law.country, forum.courts)
    context.update(
        deal=deal,
        client=client,
        supplier=supplier,
        derived=compute_derived(deal),  # computed once per document, here
        CLIENT=party_reference(client.short_name or "Client", getattr(client, "article", None)),
        SUPPLIER=party_reference(supplier.short_name or "Supplier", getattr(supplier, "article", None)),
        CLIENT_NAME=client.short_name or "Client",
        SUPPLIER_NAME=supplier.short_name or "Supplier",
        law=law,
        staff=staff_transfer_of(deal, law.country),
        forum=forum,
        disputes=disputes,
        privacy=privacy,
        PD=privacy.words.term,
        locale_=deal.contract.locale,
        currency_=deal.commercials.currency,
        currency_sign_=currency_sign(deal),
    )
    return context


def _seat_courts(seat: str) -> str:
    """The jurisdiction record whose courts supervise an arbitral seat, or ""."""
    from contractgen.law.forums import seats
    from contractgen.law.jurisdictions import load_jurisdictions

    key = (seats().get(seat.strip().casefold()) or {}).get("jurisdiction", "")
    return load_jurisdictions()[key].name if key in load_jurisdictions() else ""


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
    token = _BUDGET.set([0, time.monotonic() + MAX_RENDER_SECONDS])
    try:
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
    except (ValueError, TypeError, ArithmeticError, OverflowError, LookupError, AttributeError) as exc:
        raise _located(where, first_line, _template_line(exc), f"{type(exc).__name__}: {exc}") from None
    except MemoryError:
        raise _located(where, first_line, None, "the template needs too much memory") from None
    finally:
        _BUDGET.reset(token)


def _located(where: str, first_line: int, line: int | None, message: str) -> TemplateError:
    absolute = first_line + line - 1 if line else None
    return TemplateError(problems=[Problem(where, absolute, "", message)])


def evaluate_condition(expression: str, context: dict[str, Any], where: str) -> bool:
    """Evaluate a `when` expression; a missing deal section counts as false."""
    if not expression:
        return True
    env = condition_environment()
    try:
        value = _compiled_condition(env, expression)(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(problems=[Problem(where, None, "when", f"invalid condition '{expression}': {exc.message}")]) from None
    except SecurityError as exc:
        raise TemplateError(problems=[Problem(where, None, "when", f"not allowed: {exc}")]) from None
    return bool(value)

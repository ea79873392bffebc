"""Clause templating: strict variables, the sandbox and its limits, Markdown escaping, filters."""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal

import pytest

from contractgen.document.model import Paragraph, Text
from contractgen.document.reader import read_markdown
from contractgen.errors import TemplateError
from contractgen.templating.context import build_context
from contractgen.templating.filters import escape_markdown, party_reference
from contractgen.templating.render import evaluate_condition, render_text

GB = {"locale_": "en_GB", "currency_": "GBP"}
US = {"locale_": "en_US", "currency_": "USD"}
WHERE = "clauses/g/c/v1.md"


def render(source: str, **context) -> str:
    return render_text(source, {**GB, **context}, WHERE)


def render_error(source: str, context=None, first_line: int = 5) -> list[str]:
    with pytest.raises(TemplateError) as caught:
        render_text(source, {**GB, **(context or {})}, WHERE, first_line)
    return caught.value.lines()


# ---------------------------------------------------------------- strictness and locations


def test_misspelt_variable_is_an_error_with_file_and_line():
    # the body starts on line 5 of the file; the bad name is on its third line → line 7
    assert render_error("Text.\n\n{{ contract.titel }}", {"contract": {"title": "T"}}) == [
        f"{WHERE}:7: undefined: 'dict object' has no attribute 'titel'"
    ]
    assert render_error("One.\n{{ suplier }}") == [f"{WHERE}:6: undefined: 'suplier' is undefined"]


def test_undefined_inside_a_condition_or_loop_is_an_error():
    assert "'missing' is undefined" in render_error("{% if missing %}x{% endif %}")[0]
    assert "'nothing' is undefined" in render_error("{% for x in nothing %}{{ x }}{% endfor %}")[0]


def test_syntax_error_is_located():
    (line,) = render_error("a\nb\n{% if x %}unclosed")
    assert line.startswith(f"{WHERE}:7: template syntax:")


def test_filter_errors_are_template_errors():
    (line,) = render_error("{{ 'XX'|country }}")
    assert line == f"{WHERE}:5: ValueError: 'XX' is not a known country code"


# ---------------------------------------------------------------- sandbox and limits


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ x.__dict__ }}",
    ],
)
def test_sandbox_refuses_private_attributes(source):
    (line,) = render_error(source, {"x": Text("t")})
    assert line.startswith(f"{WHERE}:5: not allowed in a clause template:") and "unsafe" in line


@pytest.mark.parametrize(
    "source, message",
    [
        ("{{ 9**(9**9) }}", "the exponent 387420489 is too large"),
        ("{{ 2**100 }}", "the exponent 100 is too large"),
        ("{{ ((10**60)**60)**60 }}", "the power would be too large"),
        ("{{ 'a' * 10**9 }}", "the repeated string or list would be too long"),
        ("{{ 10**9 * 'a' }}", "the repeated string or list would be too long"),
        ("{{ [1] * 10**9 }}", "the repeated string or list would be too long"),
        ("{% for i in range(10**9) %}x{% endfor %}", "a range of 1000000000 items is too long"),
        ("{{ range(10**9)|list|length }}", "a range of 1000000000 items is too long"),
        ("{{ 'a'.ljust(10**9) }}", "the string would be too long"),
        ("{{ 'ab'.zfill(2000000) }}", "the string would be too long"),
        ("{{ '{0:>1000000000}'.format(1) }}", "a field width in the format string is too large"),
        ("{{ '%1000000000s' % 1 }}", "a field width in the format string is too large"),
    ],
)
def test_resource_limits_refuse_fast(source, message):
    start = time.perf_counter()
    (line,) = render_error(source)
    assert time.perf_counter() - start < 5  # a guard, not a benchmark: a hang would take minutes
    assert line == f"{WHERE}:5: not allowed in a clause template: {message}"


def test_left_associative_power_is_small_and_allowed():
    # Jinja reads 9**9**9 as (9**9)**9: a 78-digit number, computed at once.
    start = time.perf_counter()
    assert render("{{ 9**9**9 }}") == str((9**9) ** 9)
    assert time.perf_counter() - start < 5  # a guard, not a benchmark: a hang would take minutes


def test_ordinary_arithmetic_still_works():
    assert render("{{ 3 * 4 }} {{ 'ab' * 3 }} {{ 2 ** 10 }} {{ range(3)|list|length }}") == "12 ababab 1024 3"


# ---------------------------------------------------------------- Markdown escaping


def test_values_are_escaped_and_read_back_as_one_literal_paragraph():
    value = "# Heading\n\n[click](file:///etc/passwd) **bold**"
    markdown = render("{{ v }}", v=value)
    assert "\n" not in markdown
    blocks = read_markdown(markdown)
    assert blocks == [Paragraph([Text("# Heading [click](file:///etc/passwd) **bold**")], line=1)]


@pytest.mark.parametrize(
    "value",
    [
        "- a bullet",
        "1. a list",
        "> quote",
        "| a | b |",
        "<b>html</b>",
        "`code`",
        "_em_",
        "x {#anchor}",
        "[](#scope)",
        "![img](x.png)",
        "***",
        "a\\b",
        "1) item",
        "+ plus",
    ],
)
def test_escaped_values_read_back_as_their_text(value):
    blocks = read_markdown(render("Start {{ v }} end", v=value))
    assert blocks == [Paragraph([Text(f"Start {value} end")], line=1)]


def test_escape_markdown_basics():
    assert escape_markdown(None) == ""
    assert escape_markdown("a\n\n  b\tc") == "a b c"
    assert escape_markdown("*x*") == r"\*x\*"


def test_literal_template_text_is_not_escaped():
    assert render("**Bold** {{ 'x' }}") == "**Bold** x"


# ---------------------------------------------------------------- filters


def test_date_money_number_en_gb():
    assert render("{{ d|date }}", d=dt.date(2027, 2, 1)) == "1 February 2027"
    assert render("{{ '2027-02-01'|date }}") == "1 February 2027"
    assert render("{{ 185000|money }}") == escape_markdown("£185,000.00")
    assert render("{{ 185000|money0 }}") == escape_markdown("£185,000")
    assert render("{{ 4500|number }}") == escape_markdown("4,500")


def test_date_money_words_en_us():
    context = {**US, "d": dt.date(2027, 2, 1)}
    assert render_text("{{ d|date }}", context, WHERE) == escape_markdown("February 1, 2027")
    assert render_text("{{ 1250000|money }}", context, WHERE) == escape_markdown("$1,250,000.00")
    assert render_text("{{ ['a', 'b', 'c']|words }}", context, WHERE) == escape_markdown("a, b, and c")


def test_money_uses_the_deal_currency():
    eur = {"locale_": "en_GB", "currency_": "EUR"}
    assert render_text("{{ 1000|money }}", eur, WHERE) == escape_markdown("€1,000.00")
    assert render("{{ amount|money }}", amount=Decimal("0.1")) == escape_markdown("£0.10")


def test_percent_hours_count_words_cap():
    assert render("{{ 99.95|percent }}") == escape_markdown("99.95%")
    assert render("{{ 12|percent }}") == escape_markdown("12%")
    assert render("{{ 4.5|hours }}") == escape_markdown("4.5 hours")
    assert render("{{ 1|hours }}") == "1 hour"
    assert (
        render("{{ 3|count_words }} {{ 12|count_words }} {{ 13|count_words }} {{ 0|count_words }}")
        == "three twelve 13 zero"
    )
    assert render("{{ 'the Supplier'|cap }} {{ ''|cap }}") == "The Supplier "


def test_words_and_words_or_en_gb():
    assert render("{{ ['a', 'b', 'c']|words }}") == escape_markdown("a, b and c")
    assert render("{{ ['a', 'b']|words }}") == "a and b"
    assert render("{{ ['a']|words }}") == "a"
    assert render("{{ []|words }}") == ""
    assert render("{{ ['a', 'b', 'c']|words_or }}") == escape_markdown("a, b or c")


def test_country():
    assert render("{{ 'IN'|country }}") == "India"
    assert render("{{ 'gb'|country }}") == "United Kingdom"
    assert render("{{ 'India'|country }}") == "India"


def test_party_reference():
    assert party_reference("Client") == "the Client"
    assert party_reference("service provider") == "the service provider"
    assert party_reference("Apex") == "Apex"
    # a statutory body's and a consortium's usual short names are common nouns
    assert party_reference("Body") == "the Body"
    assert party_reference("Consortium") == "the Consortium"


# ---------------------------------------------------------------- context and conditions


def test_build_context_from_a_deal(mini_deal_path):
    from contractgen.deal import load_deal

    context = build_context(load_deal(mini_deal_path).deal)
    assert context["CLIENT"] == "the Client" and context["SUPPLIER"] == "the Supplier"
    assert context["client"].name == "Northwind Bank plc"
    assert context["service_levels"] is None and context["deliverables"] == []
    assert (
        render_text(
            "{{ SUPPLIER|cap }} {{ contract.effective_date|date }} {{ commercials.monthly_charges|money }}",
            context,
            WHERE,
        )
        == r"The Supplier 1 February 2027 £185\,000\.00"
    )
    assert evaluate_condition("service_levels and service_levels.service_credits", context, WHERE) is False
    assert evaluate_condition("scope.services|length == 2", context, WHERE) is True


def test_conditions():
    assert evaluate_condition("", {}, WHERE) is True
    assert evaluate_condition("missing.deeper.still", {}, WHERE) is False  # a missing section is empty
    with pytest.raises(TemplateError, match="invalid condition"):
        evaluate_condition("a and", {}, WHERE)
    # a private attribute reads as undefined in a condition: false, never the object
    assert evaluate_condition("''.__class__.__mro__", {}, WHERE) is False
    assert evaluate_condition("''.__class__", {}, WHERE) is False


@pytest.mark.parametrize("name", ["center", "indent", "wordwrap", "format", "truncate"])
def test_padding_and_reflow_filters_are_not_available(name):
    (line,) = render_error(f"{{{{ 'x' | {name}(10**9) }}}}")
    assert f"No filter named '{name}'" in line


# ---------------------------------------------------------------- house style (numbers, percentages, terms)


@pytest.mark.parametrize("locale", ["en_GB", "en_US", "de_DE", "fr_FR"])
def test_percent_has_no_space_before_the_sign_in_any_locale(locale):
    text = render("{{ 99.5|percent }}", locale_=locale).replace("\\", "")
    assert text.endswith("5%") and " " not in text and "\u00a0" not in text and "\u202f" not in text


def test_cap_prints_business_days_as_the_defined_term():
    from contractgen.values.durations import Duration

    assert render("{{ d|cap }}", d=Duration.parse("3 business days")) == "3 Business Days"


def test_timezone_names_the_zone_and_its_iana_id():
    assert render("{{ 'Europe/London'|timezone }}").replace("\\", "") == "British Time, Europe/London"
    assert (
        render("{{ 'America/New_York'|timezone }}", locale_="en_US").replace("\\", "")
        == "Eastern Time, America/New_York"
    )

"""Durations print as the contract's defined terms: business days are "Business Days"."""

from contractgen.deal.durations import Duration
from contractgen.templating.sandbox import clause_environment, render_text


def test_business_days_print_as_the_defined_term():
    context = {"wait": Duration.parse("3 business days"), "one": Duration.parse("1 business day"),
               "hours": Duration.parse("4 business hours"), "plain": Duration.parse("10 days")}
    text = render_text("{{ wait }} / {{ one | duration }} / {{ hours }} / {{ plain }}", context, "t.md")
    assert text == "3 Business Days / 1 Business Day / 4 business hours / 10 days"
    assert clause_environment() is clause_environment()

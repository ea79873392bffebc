"""Format widths taken from arguments cannot allocate: `"%*s" % (N, x)` and `"{:{}}".format(x, N)`."""

from __future__ import annotations

from tests.security.conftest import render_refused


def test_a_star_width_is_refused(deal_context):
    message = render_refused("format-star-width.md", deal_context)
    assert "not allowed in a clause template: a '*' width in a format string is not allowed" in message


def test_a_nested_format_width_is_refused(deal_context):
    message = render_refused("format-nested-width.md", deal_context)
    assert "not allowed in a clause template: a width or precision taken from an argument" in message

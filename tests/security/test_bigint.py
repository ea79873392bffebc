"""Big-integer arithmetic is refused before it runs (squaring in a loop doubles the digits each time)."""

from __future__ import annotations

from tests.security.conftest import render_refused


def test_repeated_squaring_is_refused(deal_context):
    message = render_refused("bigint-squaring.md", deal_context)
    assert "not allowed in a clause template: the product would be too large" in message

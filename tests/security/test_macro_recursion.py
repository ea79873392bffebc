"""Macro recursion is bounded: exponential fan-out, unbounded depth, text doubling at each level."""

from __future__ import annotations

from tests.security.conftest import render_refused


def test_exponential_macro_recursion_is_refused(deal_context):
    message = render_refused("macro-exponential.md", deal_context)
    # the call budget runs out first; on a machine slow enough the render's deadline may come first
    assert (
        "not allowed in a clause template: the template loops more than" in message
        or "not allowed in a clause template: the template takes longer than" in message
    ), message


def test_unbounded_macro_depth_is_refused(deal_context):
    message = render_refused("macro-deep.md", deal_context)
    assert "not allowed in a clause template: macros call each other more than" in message


def test_a_macro_doubling_its_text_is_refused(deal_context):
    message = render_refused("macro-doubling.md", deal_context)
    assert "not allowed in a clause template: a macro's text would be longer than" in message

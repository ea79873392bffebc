"""Templates cannot grow data in place: list.extend and dict.update are refused (an immutable sandbox)."""

from __future__ import annotations

from tests.security.conftest import render_refused


def test_list_extend_is_refused(deal_context):
    message = render_refused("list-extend.md", deal_context)
    assert "not allowed in a clause template" in message and "extend" in message


def test_dict_update_is_refused(deal_context):
    message = render_refused("dict-update.md", deal_context)
    assert "not allowed in a clause template" in message and "update" in message

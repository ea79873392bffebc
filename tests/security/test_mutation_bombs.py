"""Templates cannot grow data in place: list.extend and dict.update are refused (an immutable sandbox)."""

from __future__ import annotations

from tests.security.conftest import render_refused


def test_list_extend_is_refused(deal_context):
    message = render_refused("list-extend.md", deal_context)
    assert "not allowed in a clause template" in message and "extend" in message


def test_dict_update_is_refused(deal_context):
    message = render_refused("dict-update.md", deal_context)
    assert "not allowed in a clause template" in message and "update" in message


def test_a_deal_list_stays_read_only(deal_context):
    import pytest

    from contractgen.errors import TemplateError
    from contractgen.templating.render import render_text

    with pytest.raises(TemplateError, match="'append' of 'list' object is unsafe"):
        render_text("{{ scope.services.append(1) }}", deal_context, "clauses/hostile/a/v1.md")


def test_a_list_the_template_wrote_grows_only_within_the_limit(deal_context):
    import pytest

    from contractgen.errors import TemplateError
    from contractgen.templating.render import render_text

    grow = "{% set n = [] %}{% for i in range(N) %}{% set _ = n.append('x' * 100) %}{% endfor %}{{ n|length }}"
    assert render_text(grow.replace("N", "3"), deal_context, "clauses/ok/v1.md") == "3"
    with pytest.raises(TemplateError, match="the string or list would be too long"):
        render_text(grow.replace("N", "5000"), deal_context, "clauses/hostile/b/v1.md")

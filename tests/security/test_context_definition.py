"""The clause context has one definition: the variables rendering gets are the ones lint types."""

from __future__ import annotations

from contractgen.templating.context import context_types


def test_build_context_and_context_types_name_the_same_variables(deal_context):
    assert set(deal_context) == set(context_types())


def test_every_value_is_data_a_template_may_read(deal_context):
    from contractgen.templating.deal_types import readable_attribute

    client = deal_context["client"]
    assert readable_attribute(type(client), "name")
    assert not readable_attribute(type(client), "parse_raw")
    assert not readable_attribute(type(client), "model_dump")
    assert not readable_attribute(type(type(client)), "parse_raw")  # the class itself

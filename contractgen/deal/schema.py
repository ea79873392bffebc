"""The JSON Schema of the deal specification, for editors and other tools."""

from __future__ import annotations

from typing import Any

from contractgen.deal.model import Deal


def deal_json_schema() -> dict[str, Any]:
    """The JSON Schema of the deal specification (cross-field rules are not expressible in it)."""
    schema = Deal.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "contractgen deal specification"
    from contractgen.deal.field_help import add_field_help

    return add_field_help(schema)

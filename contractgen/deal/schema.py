"""The JSON Schema of the deal specification, for editors and other tools.

It is the validator's own: every field accepts, beside its type, the strings its validator reads
("T&M", "monthly", "three", "true"), generated from the same tables (``accepted``). Cross-field
rules are not expressible in it and stay with ``validate``.
"""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from contractgen.deal import accepted
from contractgen.deal.model import Deal


class _AcceptedForms(GenerateJsonSchema):
    """Pydantic's schema generation, widened to the forms each field's validator accepts."""

    def generate_inner(self, schema: Any) -> Any:
        """A value type with its own parser (duration, frequency, sector regime): the forms it reads."""
        for hook in (schema.get("metadata") or {}).get("pydantic_js_functions", ()):
            forms = accepted.VALUE_TYPES.get(getattr(hook, "__self__", None))
            if forms is not None:
                return forms()
        return super().generate_inner(schema)

    def bool_schema(self, schema: Any) -> Any:
        """A boolean, or a word pydantic reads as one ("yes", "true"); deal files are read as text."""
        return {"anyOf": [{"type": "boolean"}, accepted.also(accepted.boolean_forms())]}

    def function_before_schema(self, schema: Any) -> Any:
        """The field's type, or the strings its before-validator turns into one."""
        base = super().function_before_schema(schema)
        forms = getattr(schema["function"]["function"], "accepted_forms", None)
        return {"anyOf": [base, accepted.also(forms)]} if forms else base


def deal_json_schema() -> dict[str, Any]:
    """The JSON Schema of the deal specification (cross-field rules are not expressible in it)."""
    schema = Deal.model_json_schema(mode="validation", schema_generator=_AcceptedForms)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "contractgen deal specification"
    from contractgen.deal.field_help import add_field_help

    return add_field_help(schema)

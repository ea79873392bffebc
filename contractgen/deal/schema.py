"""The JSON Schema of the deal specification, for editors and other tools.

It is the validator's own: every field accepts, beside its type, the strings its validator reads
("T&M", "monthly", "three", "true"), generated from the same tables (``accepted``). Cross-field
rules are not expressible in it and stay with ``validate``.

Editor help: a description and an example for every field, closed value lists. The words live in
deal/data/field_help.yaml (data, so they can be improved without touching Python); examples of
fields holding mappings are assembled from the examples of their own fields.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from contractgen.deal import accepted
from contractgen.deal.model import Deal


class _AcceptedForms(GenerateJsonSchema):
    """Pydantic's schema generation, widened to the forms each field's validator accepts."""

    def generate_inner(self, schema: Any) -> Any:
        """A value type with its own parser (duration, frequency, sector regime): the forms it reads."""
        for hook in (schema.get("metadata") or {}).get("pydantic_js_functions", ()):
            owner = getattr(hook, "__self__", None)  # the value type whose classmethod made the schema
            forms = accepted.VALUE_TYPES.get(owner) if isinstance(owner, type) else None
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
    return add_field_help(schema)


HELP_FILE = Path(__file__).resolve().parent / "data" / "field_help.yaml"


def _currencies() -> list[str]:
    import pycountry

    return sorted(c.alpha_3 for c in pycountry.currencies)


def _countries() -> list[str]:
    import pycountry

    return sorted(c.alpha_2 for c in pycountry.countries)


def _timezones() -> list[str]:
    import zoneinfo

    return sorted(zoneinfo.available_timezones())


def _locales() -> list[str]:
    from babel.localedata import locale_identifiers

    return sorted(locale_identifiers())


VALUES = {"currency": _currencies, "country": _countries, "timezone": _timezones, "locale": _locales}


@lru_cache(maxsize=1)
def field_help() -> dict[str, dict[str, dict[str, Any]]]:
    """Return {definition: {field: {description, example, values}}} from field_help.yaml."""
    import yaml

    data = yaml.safe_load(HELP_FILE.read_text(encoding="utf-8")) or {}
    return {
        name: {
            field: ({"description": entry} if isinstance(entry, str) else dict(entry))
            for field, entry in (fields or {}).items()
        }
        for name, fields in data.items()
    }


def _close(spec: dict[str, Any], values: list[str]) -> None:
    """Add `values` as the enum of every string schema in a property (direct, in anyOf, in items)."""
    if spec.get("type") == "string":
        spec["enum"] = values
    for member in spec.get("anyOf", []):
        _close(member, values)
    if isinstance(spec.get("items"), dict):
        _close(spec["items"], values)


def _ref(spec: dict[str, Any]) -> tuple[str | None, bool]:
    """Return (the $defs name a property refers to, whether it is a list of them)."""
    if "$ref" in spec:
        return spec["$ref"].rsplit("/", 1)[-1], False
    for member in spec.get("anyOf", []):
        name, many = _ref(member)
        if name:
            return name, many
    if spec.get("type") == "array" and isinstance(spec.get("items"), dict):
        name, _ = _ref(spec["items"])
        return name, True
    return None, False


def _assembled(name: str, defs: dict[str, Any], alone: set[tuple[str, str]], seen: tuple[str, ...] = ()) -> Any:
    """Return an example of a definition: its fields' examples (an enum's first value).

    Fields in `alone` (definition, field) are left out: their example holds only in a
    configuration other than the one the rest of the assembled example describes.
    """
    definition = defs.get(name) or {}
    if "enum" in definition:
        return definition["enum"][0]
    example = {}
    for field, spec in (definition.get("properties") or {}).items():
        if (name, field) in alone:
            continue
        if spec.get("examples"):
            example[field] = spec["examples"][0]
            continue
        inner, many = _ref(spec)
        if inner and inner not in seen:
            value = _assembled(inner, defs, alone, (*seen, name))
            if value not in (None, {}):
                example[field] = [value] if many else value
    return example or None


def add_field_help(schema: dict[str, Any]) -> dict[str, Any]:
    """Add descriptions, examples and closed value lists to the deal JSON Schema (in place); return it."""
    defs = schema.get("$defs") or {}
    targets = {"Deal": schema, **defs}
    alone = {
        (name, field)
        for name, fields in field_help().items()
        for field, entry in fields.items()
        if entry.get("assembled") is False
    }
    for name, fields in field_help().items():
        properties = (targets.get(name) or {}).get("properties") or {}
        for field, entry in fields.items():
            spec = properties.get(field)
            if spec is None:
                continue
            if entry.get("description"):
                spec["description"] = entry["description"]
            if "example" in entry:
                spec["examples"] = [entry["example"]]
            if entry.get("values") in VALUES:
                _close(spec, VALUES[entry["values"]]())
    for name in sorted(targets, key=lambda n: n == "Deal"):  # definitions first, the deal last
        for field, spec in (targets[name].get("properties") or {}).items():
            if not spec.get("examples"):
                inner, many = _ref(spec)
                example = _assembled(inner, defs, alone) if inner else None
                if example is not None:
                    spec["examples"] = [[example] if many else example]
    return schema

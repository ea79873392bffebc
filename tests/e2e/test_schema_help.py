"""Editor help: the deal JSON Schema explains every field and closes the closed ones."""

from __future__ import annotations

import copy
import datetime as dt
import json

import jsonschema
import pytest
import yaml

from tests.helpers import REFERENCE, run_contractgen


@pytest.fixture(scope="module")
def schema() -> dict:
    result = run_contractgen("schema")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _fields(schema: dict):
    for name, definition in [("Deal", schema), *schema["$defs"].items()]:
        for field, spec in (definition.get("properties") or {}).items():
            yield f"{name}.{field}", spec


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def test_every_field_has_a_description_and_an_example(schema):
    bare = [path for path, spec in _fields(schema) if not spec.get("description") or not spec.get("examples")]
    assert bare == []


def test_closed_values_are_enums(schema):
    defs = schema["$defs"]
    assert "GBP" in defs["Commercials"]["properties"]["currency"]["enum"]
    assert "GB" in defs["DeliveryCentre"]["properties"]["country"]["enum"]
    zone = defs["DeliveryCentre"]["properties"]["timezone"]  # optional: the place may settle it
    assert "Europe/London" in next(spec["enum"] for spec in zone["anyOf"] if "enum" in spec)
    assert "en_GB" in defs["Contract"]["properties"]["locale"]["enum"]
    assert schema["properties"]["template"]["enum"] == ["it-outsourcing"]
    assert schema["properties"]["status"]["enum"] == ["draft", "negotiating", "signed"]


def test_the_reference_deal_passes_and_typical_mistakes_fail_in_an_editor(schema):
    deal = _plain(yaml.safe_load(REFERENCE.read_text(encoding="utf-8")))
    validator = jsonschema.Draft202012Validator(schema)
    assert list(validator.iter_errors(deal)) == []
    mistakes = {
        "currency": lambda d: d["commercials"].update(currency="GBX"),
        "country": lambda d: d["sourcing"]["delivery_centres"][0].update(country="UK"),
        "timezone": lambda d: d["parties"]["client"].update(timezone="Europe/Londn"),
        "locale": lambda d: d["contract"].update(locale="en_XX"),
        "template": lambda d: d.update(template="it-outsorcing"),
        "status": lambda d: d.update(status="final"),
    }
    for name, mistake in mistakes.items():
        wrong = copy.deepcopy(deal)
        mistake(wrong)
        assert list(validator.iter_errors(wrong)), name

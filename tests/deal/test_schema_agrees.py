"""The deal JSON Schema is the validator's: every deal `validate` accepts, the schema accepts, and the reverse.

Each deal is checked twice against the schema: as an editor reads it (YAML 1.2: `true` is a boolean,
`99.5` a number, `three` a string) and as contractgen reads it (every scalar as text). Cross-field
rules (a service id that must exist, an overlap of business hours) are beyond a JSON Schema: a deal
broken only by those is the one disagreement allowed, and only in that direction.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from pydantic import ValidationError
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from contractgen.deal import accepted
from contractgen.values import durations
from contractgen.values.amounts import read_money, read_percent
from contractgen.values import phrases as values
from contractgen.deal.load import _validation_context, deal_problems
from contractgen.deal.model import Deal
from contractgen.deal.yamlsource import deal_json_schema
from contractgen.deal.yamlsource import load_yaml
from tests.helpers import FIXTURES, ROOT, SAMPLES
from tests.terms import merge

DEALS = sorted(SAMPLES.glob("*.yaml")) + sorted((FIXTURES / "deals").rglob("*.yaml"))
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")


@pytest.fixture(scope="module")
def schema() -> dict:
    return deal_json_schema()


@pytest.fixture(scope="module")
def validator(schema) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema)


def _editor(node: Any) -> Any:
    """What an editor's YAML 1.2 (core schema) parser makes of a node."""
    if isinstance(node, ScalarNode):
        text = node.value
        if node.style:
            return text
        if text in ("", "~", "null", "Null", "NULL"):
            return None
        if text in ("true", "True", "TRUE", "false", "False", "FALSE"):
            return text.lower() == "true"
        if _INT.match(text):
            return int(text)
        return float(text) if _FLOAT.match(text) else text
    if isinstance(node, SequenceNode):
        return [_editor(item) for item in node.value]
    assert isinstance(node, MappingNode)
    return {key.value: _editor(value) for key, value in node.value}


def _views(path: Path) -> tuple[Any, Any, dict] | None:
    """(the editor's view, contractgen's view, line map) of a deal file, overlays laid over their base."""
    text = path.read_text(encoding="utf-8")
    try:
        data, lines = load_yaml(text, str(path))
    except Exception:
        return None  # not YAML contractgen reads (duplicate keys, tags): no schema question
    typed = _editor(yaml.compose(text, Loader=yaml.SafeLoader))
    base = re.match(r"# Laid over (samples/[\w.-]+\.yaml)", text)
    if base:
        base_path = ROOT / base.group(1)
        base_text = base_path.read_text(encoding="utf-8")
        data, lines = merge(load_yaml(base_text, str(base_path))[0], data), {}
        typed = merge(_editor(yaml.compose(base_text, Loader=yaml.SafeLoader)), typed)
    return typed, data, lines


@pytest.mark.allowed_skip  # fixture files that are deliberately not YAML contractgen reads
@pytest.mark.parametrize("path", DEALS, ids=lambda p: str(p.relative_to(ROOT)))
def test_schema_and_validate_agree_on_every_deal(path, validator):
    views = _views(path)
    if views is None:
        pytest.skip("not YAML that contractgen reads")
    typed, text, lines = views
    _, problems = deal_problems(text, str(path), lines)
    try:
        Deal.model_validate(text, context=_validation_context(text))
        field_errors = False
    except ValidationError:
        field_errors = True
    for name, view in (("editor", typed), ("text", text)):
        errors = [f"{list(e.absolute_path)}: {e.message[:200]}" for e in validator.iter_errors(view)]
        if not problems:
            assert errors == [], f"validate accepts {path.name}, the schema ({name} view) rejects it"
        if errors:
            assert problems, f"the schema ({name} view) rejects {path.name}, validate accepts it: {errors}"
        if field_errors:
            assert errors, f"{path.name} has field errors the schema ({name} view) does not see: {problems}"


def test_the_repository_has_deals_of_each_kind():
    kinds = {p.parent.name for p in DEALS}
    assert {"samples", "good", "bad", "overlays"} <= kinds


def test_every_schema_example_fits_its_field_and_the_assembled_example_validates(schema):
    defs = schema["$defs"]
    wrong = []
    for name, definition in [("Deal", schema), *defs.items()]:
        for field, spec in (definition.get("properties") or {}).items():
            check = jsonschema.Draft202012Validator({**spec, "$defs": defs})
            wrong += [
                f"{name}.{field}: {example!r}" for example in spec.get("examples", []) if not check.is_valid(example)
            ]
    assert wrong == []
    example = {field: spec["examples"][0] for field, spec in schema["properties"].items() if spec.get("examples")}
    assert jsonschema.Draft202012Validator(schema).is_valid(example)
    deal, problems = deal_problems(example)
    assert problems == [] and deal is not None


def _variants(word: str) -> set[str]:
    return {word, word.upper(), word.title(), f"  {word} ", word.replace(" ", "-"), word.replace(" ", "  ")}


def _matches(forms: dict, text: str) -> bool:
    return jsonschema.Draft202012Validator(forms).is_valid(text)


@pytest.mark.parametrize(
    "table", ["PRICING_MODELS", "SOURCING_MODELS", "MEASUREMENT_PERIODS", "SUBPROCESSOR_APPROVALS"]
)
def test_every_synonym_the_validator_takes_the_schema_takes(table):
    synonyms = getattr(values, table)
    check = values.choice(synonyms, "field", "'x'")
    forms = accepted.choice_forms(synonyms)
    for word in synonyms:
        for variant in _variants(word) | {word.replace(" and ", " & "), word.replace(" and ", "&")}:
            assert _matches(forms, variant) == _takes(check, variant), (table, variant)
    for wrong in ("monthly-ish", "T&", "and", "fixed monthly fixed", ""):
        assert not _matches(forms, wrong), wrong


def _takes(parse, text: str) -> bool:
    try:
        parse(text)
    except ValueError:
        return False
    return True


def test_numbers_durations_and_frequencies_in_words_are_in_the_schema():
    whole = accepted.whole_number_forms()
    for word in values.NUMBER_WORDS:
        for variant in _variants(word):
            assert _matches(whole, variant) == _takes(values.whole_number, variant), variant
        assert _matches(whole, word)
    assert not _matches(whole, "three and a half") and not _matches(whole, "3.5")
    frequency = accepted.frequency_forms()
    for word in durations._FREQ_SYNONYMS:
        for variant in _variants(word):
            assert _matches(frequency, variant) == _takes(durations.Frequency.parse, variant), variant
        assert _matches(frequency, word)
    assert not _matches(frequency, "now and then")
    duration = accepted.duration_forms()
    for text in ("4 Hours", "three Business Days", "Net 30", "30 days net", "an hour", "6 MONTHS"):
        durations.Duration.parse(text)
        assert _matches(duration, text), text
    assert not _matches(duration, "soon") and not _matches(duration, "4 fortnights")


def test_amounts_and_percentages_as_people_write_them():
    money, percent = accepted.money_forms(), accepted.percent_forms()
    for text in ("185000", "185,000", "£185,000", "GBP 185,000", "€1.5m", "1.5 million", "185 000 kr", "US$ 2,000"):
        read_money(text, None)
        assert _matches(money, text), text
    assert not _matches(money, "a lot") and not _matches(money, "£")
    for text in ("99.5%", "99.5 %", "99.5", "5 percent", "five per cent", "1.5 pct"):
        read_percent(text)
        assert _matches(percent, text), text
    assert not _matches(percent, "high") and not _matches(percent, "%")
    assert _matches(accepted.boolean_forms(), "Yes") and not _matches(accepted.boolean_forms(), "maybe")


def test_payment_terms_and_interest_as_markets_write_them_are_in_the_schema():
    from contractgen.values.payment import payment_terms

    terms = accepted.payment_terms_forms()
    for text in (
        "Net 30",
        "within 30 days of receipt of a valid invoice",
        "End of the month following the month of invoice",
        "20th of the month following invoice",
        "the 20th day of the following month",
        "30 days then end of month",
        "45 days then EOM",
        "current + 30",
        "30 days after the end of the month of invoice",
        "30 días fecha factura",
        "45 Tage netto",
        "soon",  # drafted as [●] with a note
    ):
        payment_terms(text)
        assert _matches(terms, text), text
    for text in ("end of month", "current", "30 days end of month", "Net 30 EOM"):
        with pytest.raises(ValueError):
            payment_terms(text)
        assert not _matches(terms, text), text
    interest = accepted.percent_forms(per=True)
    for text in ("14.6% per annum", "1.5% per month", "8 % p.a.", "1.5"):
        assert _matches(interest, text), text

"""Saving keeps the file a person wrote: comments, key order, quoting and indentation."""

from __future__ import annotations

import pytest

from contractgen.deal.yamlsource import deal_json_schema
from contractgen.errors import DealError
from contractgen.web.schemaform import Form, parse_key, walk_nodes
from contractgen.web.yamledit import RoundTrip
from tests.helpers import REFERENCE, SAMPLES


def _form_of(form: Form, doc: RoundTrip) -> dict[str, str]:
    return {n.name: n.value for n in walk_nodes(form.build(doc)) if n.kind == "field"}


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_an_unchanged_form_writes_the_same_bytes(sample):
    text = sample.read_text(encoding="utf-8")
    form = Form(deal_json_schema())
    doc = RoundTrip(text, sample.name)
    assert form.apply(doc, _form_of(form, doc)) is False
    assert doc.dump() == text


def test_a_change_rewrites_only_its_line_and_keeps_quotes_and_comments():
    text = REFERENCE.read_text(encoding="utf-8")
    form = Form(deal_json_schema())
    doc = RoundTrip(text, REFERENCE.name)
    values = _form_of(form, doc)
    values["commercials.monthly_charges"] = "90000"
    values["parties.client.company_number"] = "07654321"
    values["contract.jurisdiction"] = ""  # cleared: the key goes
    values["commercials.estimated_monthly_charges"] = "100000"  # new: placed where the model puts it
    assert form.apply(doc, values)
    out = doc.dump()
    changed = [(a, b) for a, b in zip(text.splitlines(), out.splitlines()) if a != b]
    assert "  monthly_charges: 90000" in out.splitlines()
    assert '    company_number: "07654321"' in out.splitlines()  # the author's double quotes stay
    assert "jurisdiction:" not in out
    assert "  draft: true                       # DRAFT marking on every page" in out.splitlines()
    lines = out.splitlines()
    assert lines.index("  estimated_monthly_charges: 100000") == lines.index("  monthly_charges: 90000") + 1
    assert len(out.splitlines()) == len(text.splitlines())
    assert len(changed) >= 2


def test_the_safe_loader_runs_before_ruamel():
    with pytest.raises(DealError, match="anchors"):
        RoundTrip("a: &x 1\nb: *x\n", "bomb.yaml")
    with pytest.raises(DealError, match="tag"):
        RoundTrip("a: !!python/object:os.system ls\n", "tag.yaml")


def test_field_names_are_the_cli_paths():
    assert parse_key("scope.services[0].name") == ("scope", "services", 0, "name")

"""The library names the parties through the context: short names, the right article, no role words."""

from __future__ import annotations

import copy
import json
import re

import pytest
import yaml

from contractgen.deal import load_deal
from contractgen.deal.yamlsource import load_deal_file
from contractgen.document.json_form import document_to_json
from contractgen.pipeline import build_document
from tests.helpers import REFERENCE, write_file


def _strings(value):
    # a clause's `changes:` note is the library's history for the redline summary, not contract text
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != "changes":
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@pytest.fixture(scope="module")
def bank_and_tulpay(tmp_path_factory):
    """The reference deal between "the Bank" and "Tulpay", with deal text free of role words."""
    data, _ = load_deal_file(REFERENCE)
    data = copy.deepcopy(data)
    data["parties"]["client"]["short_name"] = "Bank"
    data["parties"]["supplier"]["short_name"] = "Tulpay"
    data["contract"]["governing_law"] = "English law"
    data["contract"]["jurisdiction"] = "the Commercial Court in London"
    data["scope"]["summary"] = "Service desk, hosting and application support."
    for service in data["scope"]["services"]:
        service["description"] = "A service."
    for deliverable in data["deliverables"]:
        deliverable["description"] = deliverable["acceptance"] = "Approved in writing."
    path = write_file(tmp_path_factory.mktemp("deal") / "bank.yaml", yaml.safe_dump(data, sort_keys=False))
    result = build_document(load_deal(path))
    return result.document, json.loads(document_to_json(result.document))


def test_no_clause_text_names_a_party_by_a_role_word(bank_and_tulpay):
    _, data = bank_and_tulpay
    text = "\n".join(_strings(data["document"]["parts"]))
    assert not re.findall(r"\b(?:Client|Supplier)\b", text)
    assert "the Bank" in text and "Tulpay" in text and not re.search(r"\bthe Tulpay\b(?! Personnel)", text)


def test_defined_terms_and_headings_use_the_short_names(bank_and_tulpay):
    document, _ = bank_and_tulpay
    titles = [clause.title for _, clause in document.iter_clauses()]
    assert "Bank Dependencies" in titles
    data = json.dumps(bank_and_tulpay[1])
    for term in ("Bank Data", "Bank Default", "Tulpay Personnel"):
        assert term in data


def test_cover_article_follows_the_short_name(bank_and_tulpay):
    document, _ = bank_and_tulpay
    articles = {p.short_name: p.article for p in document.parties}
    assert articles == {"Bank": "the", "Tulpay": ""}


def test_forum_of_one_named_court_reads_in_the_singular(bank_and_tulpay):
    text = "\n".join(_strings(bank_and_tulpay[1]["document"]["parts"]))
    assert "governed by the laws of England and Wales." in text
    assert "the Commercial Court in London has exclusive jurisdiction" in text
    assert "objection to that court" in text


@pytest.mark.parametrize(
    "short_name, article, expected",
    [
        ("Bank", None, "the Bank"),
        ("Customer", None, "the Customer"),
        ("Insurer", None, "the Insurer"),
        ("Tulpay", None, "Tulpay"),
        ("Tulpay", "the", "the Tulpay"),
        ("Bank", "none", "Bank"),
    ],
)
def test_the_article_follows_the_short_name_unless_the_deal_overrides_it(short_name, article, expected):
    from contractgen.templating.filters import party_reference

    assert party_reference(short_name, article) == expected

"""Terms every market's contract must get right, checked on the contract of every jurisdiction record.

The base deal of the world-markets test (tests/fixtures/world/base-deal.yaml) is re-written with each
jurisdiction record as governing law and forum, built once per record and read back from the DOCX; each
test states one property across all of them: the liability cap, late-payment interest by what the record
says of it, and no German doctrine outside the Germanic family.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from contractgen import writers
from contractgen.deal import load_deal
from contractgen.law.jurisdictions import load_jurisdictions
from contractgen.law.library import library
from contractgen.pipeline import Workspace, build_document
from tests.e2e.test_world_families import _deal_under, _docx_text

JURISDICTIONS = sorted(library().records("jurisdictions").items())
IDS = [key for key, _ in JURISDICTIONS]
yaml = YAML()


@cache
def _text(key: str, tmp: str) -> str:
    data = dict(JURISDICTIONS)[key].data
    workspace = Workspace()
    result = build_document(load_deal(_deal_under(data, Path(tmp))), workspace)
    return _docx_text(writers.render(result.document, workspace.template_dir(result.source.deal.template), "docx"))


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    base = tmp_path_factory.mktemp("world")

    def text(key: str) -> str:
        folder = base / key
        folder.mkdir(exist_ok=True)
        return _text(key, str(folder))

    return text


@pytest.mark.parametrize("key", IDS)
def test_the_liability_cap_never_has_one_limb(key, texts):
    text = texts(key)
    assert "will not exceed" in text
    assert not re.search(r"the greater of (?:[\w ]+ times |twice |half of )?the Charges", text)


@pytest.mark.parametrize("key", IDS)
def test_late_payment_interest_follows_the_record(key, texts):
    rule = dict(JURISDICTIONS)[key].data.get("late_payment") or {}
    text = texts(key)
    if rule.get("no_interest"):
        assert "may charge simple interest" not in text and "with interest from the date it was paid" not in text
        assert "No interest accrues on any amount payable under this Agreement" in text
        assert "the reasonable costs that it actually incurs in recovering that amount" in text
    family = dict(JURISDICTIONS)[key].data["family"]
    if rule.get("no_interest"):
        pass
    elif (
        rule.get("statutory") is True
        and family not in ("french", "swiss", "us_state")
        and rule.get("accrual") != "simple"
    ):
        # the statute's own rate, which its record does not call simple (or says compounds): never "simple interest"
        assert "may charge interest on it from the due date" in text and "may charge simple interest" not in text
    else:
        assert "may charge simple interest on it from the due date" in text
    # Only a record that names a statute may point at "the rate applicable"; French and Swiss law print theirs.
    if rule.get("statutory") is not True:
        assert "rate applicable to late commercial payments under the law governing this Agreement" not in text
        if not rule.get("no_interest") and family not in ("french", "swiss"):
            assert (
                "at 1% per month (equivalent to 12% per year) or, if lower, the highest rate that Applicable Law permits"
                in text
            )
    elif rule.get("mandatory"):  # a statute the parties cannot exclude is named with its rate
        assert f"at {rule['rate']} under {rule['law']}, without a reminder being needed" in text
    elif rule.get("rate") and rule.get("law"):  # a statute the parties may displace is named, not pointed at
        assert f"at {rule['rate']} under {rule['law']}" in text
        assert "rate applicable to late commercial payments under the law governing this Agreement" not in text
    else:
        assert "rate applicable to late commercial payments under the law governing this Agreement" in text
    if rule.get("law") and rule.get("applies_to") and not rule.get("mandatory"):
        assert f"where {rule['law']} applies to the payment, at the rate and in the manner it requires" in text


# The German doctrine of good cause (weighing of interests, section 314 BGB), the application refused for
# lack of assets (mangels Masse) and the persons used in performance (Erfüllungsgehilfen) belong to German
# law and the Germanic codes on its model; every other civil law is drafted in neutral civil-law terms.
GERMAN_DOCTRINE = (
    "weighing the interests of both Parties",
    "refused for lack of assets",
    "the persons it uses to perform its obligations",
    "unless setting such a period is unnecessary",
)
GERMANIC = ("german", "civil_germanic")
TRADITION = {key: record.tradition for key, record in load_jurisdictions().items()}


@pytest.mark.parametrize("key", IDS)
def test_no_german_doctrine_outside_the_germanic_family(key, texts):
    record = dict(JURISDICTIONS)[key].data
    text = texts(key)
    found = [words for words in GERMAN_DOCTRINE if words in text]
    if record["family"] in GERMANIC:
        assert "weighing the interests of both Parties" in text and "refused for lack of assets" in text
    elif record["family"] == "swiss":  # Swiss law suspends a bankruptcy for lack of assets too (Art. 230 SchKG)
        assert "weighing the interests of both Parties" not in text and "refused for lack of assets" in text
    elif record["family"] in ("dutch", "french"):  # their own termination rules; a period may be unnecessary there
        assert found in ([], ["unless setting such a period is unnecessary"]), found
    elif TRADITION[key] == "civil":
        assert found == [], found
        assert "so seriously that the governing law allows this Agreement to be terminated" in text
        assert "appoints an insolvency officer (such as a trustee or liquidator)" in text


@pytest.mark.parametrize("key", IDS)
def test_anti_social_forces_representations_under_japanese_law_only(key, texts):
    japanese = dict(JURISDICTIONS)[key].data["country"] == "JP"
    assert ("nor any person that controls it, is an Anti-Social Force" in texts(key)) == japanese


# A ministry as client, under every law with public-sector records and one law of each civil family: the
# contract describes it as a public body whatever the law, and brings that law's public-sector terms.
PUBLIC_KEYS = sorted(
    {key for key, record in JURISDICTIONS if record.data.get("public_sector")}
    | {
        next(k for k, r in JURISDICTIONS if r.data["family"] == family)
        for family in ("civil_romanist", "japanese_korean", "islamic_civil", "roman_dutch", "chinese")
    }
)
COMPANY_WORDING = (
    "to any company in its group",
    "has power to act in its resolution",
    "Insolvency Event occurs in relation to a Party",
    "validly incorporated and has",
    "Ministry of Digital Affairs, a company",
    "Ministry of Digital Affairs, whose registered office",
)


@pytest.mark.parametrize("key", PUBLIC_KEYS)
def test_a_ministry_is_drafted_as_a_public_body_under_every_law(key, tmp_path):
    data = dict(JURISDICTIONS)[key].data
    path = _deal_under(data, tmp_path)
    deal = yaml.load(path.read_text(encoding="utf-8"))
    client = deal["parties"]["client"]
    client["name"] = "Ministry of Digital Affairs"
    for field in ("company_number", "incorporated_in"):
        client.pop(field, None)
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(deal, out)
    source = load_deal(path)
    assert source.deal.parties.client.kind == "government_department"
    assert "public-body-from-name:ministry-of-digital-affairs" in {n.id for n in source.notes}
    workspace = Workspace()
    result = build_document(source, workspace)
    text = _docx_text(writers.render(result.document, workspace.template_dir(source.deal.template), "docx"))
    assert [words for words in COMPANY_WORDING if words in text] == []
    assert "Insolvency Event occurs in relation to the Supplier if" in text
    grounds = (data.get("public_sector") or {}).get("termination_grounds")
    if grounds:
        assert f"where {grounds} allows it to do so" in text


@pytest.mark.parametrize(
    "name, incorporated_in, secrecy",
    [
        ("Northwind Bank Ltd", "Singapore", True),  # a bank in Singapore, by its name
        ("Northwind Retail Pte Ltd", "Singapore", False),  # not a bank
        ("Northwind Bank Ltd", "Hong Kong", False),  # a bank elsewhere
    ],
)
def test_singapore_banking_secrecy_for_a_bank_in_singapore_only(name, incorporated_in, secrecy, tmp_path):
    path = _deal_under(dict(JURISDICTIONS)["singapore"].data, tmp_path)
    deal = yaml.load(path.read_text(encoding="utf-8"))
    deal["parties"]["client"].update(name=name, incorporated_in=incorporated_in)
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(deal, out)
    source = load_deal(path)
    workspace = Workspace()
    result = build_document(source, workspace)
    text = _docx_text(writers.render(result.document, workspace.template_dir(source.deal.template), "docx"))
    assert ("section 47(5) of that Act forbids the Supplier" in text) == secrecy

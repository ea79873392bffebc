"""Every financial regulator's outsourcing record that says whom it applies to reaches those clients, and the
contract of such a client prints the terms the record lists.

A generated regulated client (tests/fixtures/deals/regulated/client.yaml, re-written for each record and each kind
of institution the record names, with the supplier offshore and onshore) lists no `regulatory`: the record must be
inferred from the client's kind and place, and its terms (the authority's access, the other authorities' access,
the systems' location, the approval the arrangement needs first) must be in the DOCX; one sample in the PDF too.
"""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

import pycountry
import pytest
from ruamel.yaml import YAML

from contractgen import writers
from contractgen.deal import load_deal
from contractgen.deal.readings.sector import inferred_regimes
from contractgen.law.jurisdictions import load_jurisdictions
from contractgen.law.sector import SectorRegime, load_sector_regimes
from contractgen.pipeline import Workspace, build_document
from tests.e2e.test_hardening import docx_text, pdf_text
from tests.helpers import FIXTURES

BASE = FIXTURES / "deals" / "regulated" / "client.yaml"
OUTSOURCING = sorted(
    key for key, r in load_sector_regimes().items() if r.category == "financial" and r.sectors and r.places
)
CASES = [(key, sector) for key in OUTSOURCING for sector in load_sector_regimes()[key].sectors]
# Regulations drafted by a paragraph of their own; the rest by the general financial-services paragraph.
OWN_PARAGRAPH = {"DORA", "PRA SS2/21", "FCA SYSC 8", "EBA Outsourcing Guidelines", "OSFI B-10", "OSFI B-13",
                 "FINMA Circular 2018/3", "23 NYCRR 500", "Solvency II Art. 274"}  # fmt: skip
WORKSPACE = Workspace()
FOLDER = Path(tempfile.mkdtemp(prefix="contractgen-regulated-"))


def place_name(place: str) -> str:
    """How a deal writes the place a record names: a country by its name, a free zone or state by its record's."""
    if len(place) == 2:
        return pycountry.countries.get(alpha_2=place).name
    return next(j.name for j in load_jurisdictions().values() if j.key.upper() == place)


def elsewhere(place: str) -> str:
    """A country other than the client's for an offshore supplier."""
    return "PH" if place in ("IN", "SG") else "IN"


def rendered(key: str, sector: str, offshore: bool, fmt: str = "docx") -> tuple[str, tuple[str, ...]]:
    """The contract text of a regulated client of this kind in the record's first place, and the regimes it is under."""
    place = load_sector_regimes()[key].places[0]
    return client_contract(sector, place, elsewhere(place) if offshore else place, fmt)


@lru_cache(maxsize=None)
def client_contract(sector: str, place: str, supplier_place: str, fmt: str = "docx") -> tuple[str, tuple[str, ...]]:
    """The contract text of a client of this kind established in `place`, and the regimes it is under."""
    yaml = YAML()
    deal = yaml.load(BASE.read_text(encoding="utf-8"))
    deal["parties"]["client"]["sector"] = sector
    deal["parties"]["client"]["incorporated_in"] = place_name(place)
    deal["parties"]["supplier"]["incorporated_in"] = place_name(supplier_place)
    path = FOLDER / f"{len(list(FOLDER.iterdir()))}.yaml"
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(deal, out)
    result = build_document(load_deal(path), WORKSPACE)
    template = WORKSPACE.template_dir(result.source.deal.template)
    data = writers.render(result.document, template, fmt)
    text = " ".join((docx_text(data) if fmt == "docx" else pdf_text(data)).split())
    return text, tuple(str(r) for r in result.source.deal.regulatory)


def expected_terms(regime: SectorRegime) -> list[str]:
    """The words the record's terms print: its authority and the others with access, the systems' country, the
    approval and what needs it."""
    terms = [regime.title[0].upper() + regime.title[1:]]
    terms += [a for a in (regime.named_authority, *regime.access_authorities) if a]
    if regime.systems_location:
        terms.append(f"data centres and disaster recovery centres that host them, in {regime.systems_location}")
    if regime.approval:
        terms += [regime.approval["what"][0].upper() + regime.approval["what"][1:], regime.approval["needed_for"]]
    return terms


def test_the_banks_and_insurers_regulators_say_whom_they_apply_to():
    """The records the regulated deals of the reviews need apply to banks and, where their rules say so, insurers."""
    regimes = load_sector_regimes()
    assert {"bank"} <= set(regimes["POJK 11/POJK.03/2022"].sectors)
    assert {"bank", "insurer"} <= set(regimes["BNM Policy Document on Outsourcing"].sectors)
    assert regimes["BNM Policy Document on Outsourcing"].approval


@pytest.mark.parametrize("key,sector", CASES)
def test_the_record_applies_to_the_kinds_it_names(key, sector):
    regime = load_sector_regimes()[key]
    for place in regime.places:
        assert key in [str(r) for r in inferred_regimes(sector, place, place)], (key, sector, place)


@pytest.mark.parametrize("offshore", [True, False], ids=["offshore", "onshore"])
@pytest.mark.parametrize("key,sector", CASES)
def test_a_regulated_client_contract_prints_the_records_terms(key, sector, offshore):
    regime = load_sector_regimes()[key]
    text, regimes = rendered(key, sector, offshore)
    assert key in regimes, (key, sector, regimes)
    if regime.approval or regime.systems_location or regime.access_authorities:
        for term in expected_terms(regime):
            assert term in text, (key, sector, term)
    assert "Regulatory Requirements" in text
    if key not in OWN_PARAGRAPH:  # the regulator's access reaches an offshore provider's premises
        assert "wherever they are, including outside " in text, key


def test_the_pdf_prints_them_too():
    key = "POJK 11/POJK.03/2022"
    text, _ = rendered(key, "bank", True, "pdf")
    for term in expected_terms(load_sector_regimes()[key]):
        assert " ".join(term.split()) in text, term


INSURER_SECRECY = sorted(
    (j.country, j.key) for j in load_jurisdictions().values() if j.national.insurer_secrecy.law and len(j.country) == 2
)


def test_the_insurer_secrecy_laws_the_reviews_asked_for_are_recorded():
    assert {"MY", "DE"} <= {country for country, _ in INSURER_SECRECY}


@pytest.mark.parametrize("country,key", INSURER_SECRECY)
def test_an_insurer_client_gets_its_countrys_insurer_secrecy(country, key):
    """Each person taking part bound in writing, and the statute named; a bank client there does not get it."""
    secrecy = load_jurisdictions()[key].national.insurer_secrecy
    text, _ = client_contract("insurer", country, elsewhere(country))
    assert f"is bound as an insurer by the statutory secrecy of {secrecy.law}" in text
    assert "bind that person in writing to keep it secret" in text
    if secrecy.undertaking:
        assert f"must ensure under {secrecy.undertaking}" in text
    bank, _ = client_contract("bank", country, elsewhere(country))
    assert "Insurance Secret" not in bank

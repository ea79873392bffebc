"""An EU insurer under DORA is also under Solvency II's outsourcing rules (Art. 49 Directive 2009/138/EC, Art. 274
Delegated Regulation (EU) 2015/35): the contract carries their terms, with the Central Bank of Ireland for an Irish
insurer, even though the deal lists DORA alone."""

from __future__ import annotations

from contractgen.deal import load_deal
from tests.helpers import SAMPLES
from tests.terms import contract_text


def test_dora_brings_solvency_ii_for_an_eu_insurer_only():
    assert [str(r) for r in load_deal(SAMPLES / "nearshore-eur.yaml").deal.regulatory] == [
        "DORA",
        "Solvency II Art. 274",
    ]
    assert [str(r) for r in load_deal(SAMPLES / "nl-fintech-uk-soc.yaml").deal.regulatory] == ["DORA"]  # a payment firm


def test_the_irish_insurers_contract_has_the_solvency_ii_outsourcing_terms():
    text = contract_text(SAMPLES / "nearshore-eur.yaml")
    assert (
        "This paragraph gives effect to Article 49 of Directive 2009/138/EC and to Article 274 of Commission Delegated Regulation (EU) 2015/35"
        in text
    )
    assert "cross-industry guidance on outsourcing of the Central Bank of Ireland" in text
    assert "co-operate with the Customer's supervisory authority, the Central Bank of Ireland," in text
    assert "The supervisory authority may address questions directly to the Supplier" in text
    assert (
        "including the right to inspect the Supplier's business premises, and those of its Subcontractors, on site"
        in text
    )
    assert "may give general guidelines and individual instructions about them" in text
    assert "takes effect no earlier than the end of the period in which it must provide Exit Assistance" in text
    assert "its duties under this Agreement are not affected by any sub-outsourcing" in text
    assert "as Article 49(3) of Directive 2009/138/EC requires" in text
    # one set of Solvency II terms: the general financial-services paragraph does not repeat them
    assert "Financial-Services Outsourcing Requirements" not in text

"""Mexico: the labour clause states that the Vendor works as an independent contractor under its own direction and
does not place its workers at the client's disposal, and no longer recites when the law allows a supplier's workers
to serve a client (which read as an admission that the service might be prohibited subcontracting of personnel)."""

from __future__ import annotations

from tests.helpers import SAMPLES
from tests.terms import contract_text


def test_the_vendor_provides_independent_services_and_the_recital_is_gone():
    text = contract_text(SAMPLES / "us-saas-mexico.yaml")
    labour = text.split("Workers and Labor Registration")[-1][:2500]
    assert labour.startswith(" The Vendor provides the Services as an independent contractor, with its own resources")
    assert (
        "It does not place its workers at PeoplePulse's disposal, and PeoplePulse does not direct or supervise"
        in labour
    )
    assert "Where the Vendor must be entered in the public register of providers of specialised services" in labour
    assert "predominant economic activity" not in text and "make its own workers available" not in text


def test_the_register_is_cited_once_with_the_law_that_requires_it():
    text = contract_text(SAMPLES / "us-saas-mexico.yaml")
    labour = text.split("Workers and Labor Registration")[-1][:2500]
    assert (
        "the public register of providers of specialised services or specialised works (REPSE) kept by the Ministry "
        "of Labour and Social Welfare (Secretaría del Trabajo y Previsión Social) under Articles 12 to 15 of the "
        "Federal Labour Law"
    ) in labour
    assert "under Article 15 (REPSE) under" not in labour

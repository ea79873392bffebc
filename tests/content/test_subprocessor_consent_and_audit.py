"""The reference deal's sub-processor consent has an objection window: the text says consent by silence after it,
consistently (not "specific" consent then deemed); a material outsourcing's own audits are not capped in number."""

from __future__ import annotations

from functools import lru_cache

from tests.helpers import SAMPLES
from tests.terms import contract_text


@lru_cache(maxsize=None)
def sample(name: str) -> str:
    """The rendered text of a sample, built once per test run."""
    return contract_text(SAMPLES / f"{name}.yaml")


def test_consent_with_an_objection_window_is_stated_as_such():
    text = sample("deal-example")
    assert "given for it specifically" not in text
    assert (
        "without the Client's prior consent to that Sub-processor, given in writing or by not objecting within the period"
        in text
    )
    assert (
        "If the Client does not object in writing within that period, it consents to that Sub-processor, except where the Regulatory Requirements require the Client's express approval"
        in text
    )
    assert (
        "consent given in this way is the Client's written authorisation of that Sub-processor, given after notice of it and with an opportunity to object"
        in text
    )


def test_consent_without_an_objection_window_stays_specific():
    text = sample("nearshore-eur")  # prior written consent, no objection period
    assert "prior consent to that Sub-processor, given in writing for it specifically" in text
    assert "silence is not consent" in text
    assert "consent given in this way" not in text


def test_the_material_outsourcings_own_audits_are_not_capped_in_number():
    text = sample("deal-example")
    assert "may carry out one audit in each Contract Year" in text
    assert (
        "These limits do not apply to an audit that a Regulator requires or carries out, or to an audit carried out because the Client reasonably suspects fraud"
        in text
    )
    assert (
        "the limit on the number of audits in a Contract Year does not apply to the Client's own audits either" in text
    )

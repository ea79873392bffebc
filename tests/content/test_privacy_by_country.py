"""A deal silent on personal data is drafted under its client's country's general privacy law, for every such law
the library records: the law's own role words, and its own transfer mechanism where the supplier is abroad."""

from __future__ import annotations

import pytest
import yaml

from contractgen.deal import load_deal
from contractgen.law.regimes import load_registry, resolve_regulations
from contractgen.values.countries import country_name
from tests.helpers import FIXTURES

BASE = FIXTURES / "deals" / "disputes" / "nz-uncitral.yaml"  # a client and a supplier, no data_protection section
GENERAL = sorted(
    (key, regime)
    for key, regime in load_registry()[0].items()
    if regime.territory and len(regime.territory) == 2 and not regime.region and regime.family not in ("hipaa", "ccpa")
)


def _silent_deal(tmp_path, country: str, supplier: str = "NZ"):
    data = yaml.safe_load(BASE.read_text("utf-8"))
    assert "data_protection" not in data
    client, other = data["parties"]["client"], data["parties"]["supplier"]
    client["incorporated_in"] = country_name(country)
    client["address"] = f"1 Main Street, {country_name(country)}"
    other["incorporated_in"] = country_name(supplier)
    other["address"] = f"2 High Street, {country_name(supplier)}"
    path = tmp_path / "silent.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    return load_deal(path).deal


@pytest.mark.parametrize("key,regime", GENERAL, ids=[key for key, _ in GENERAL])
def test_a_silent_deal_in_the_laws_country_gets_that_laws_terms(key, regime, tmp_path):
    supplier = "NZ" if regime.territory != "NZ" else "AU"
    dp = _silent_deal(tmp_path, regime.territory, supplier).data_protection
    assert dp is not None and dp.personal_data, key
    applied, problems = resolve_regulations(list(dp.regulations))
    assert problems == [] and applied[0].key == key
    if len(regime.roles) >= 2:
        assert (dp.roles.client, dp.roles.supplier) == tuple(list(regime.roles)[:2])
    if regime.adequacy is None and regime.default and supplier not in {regime.territory, *regime.inside}:
        mechanism = load_registry()[1][regime.default]
        assert dp.international_transfers is not None, key
        assert dp.international_transfers.mechanism in (mechanism.name, *mechanism.aliases)


def test_a_client_in_a_free_zone_gets_the_zones_law_not_its_countrys(tmp_path):
    data = yaml.safe_load(BASE.read_text("utf-8"))
    data["parties"]["client"].update(incorporated_in="Dubai International Financial Centre",
                                     address="Gate Village 3, DIFC, Dubai, United Arab Emirates")  # fmt: skip
    path = tmp_path / "difc.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    loaded = load_deal(path)
    assert resolve_regulations(list(loaded.deal.data_protection.regulations))[0][0].key == "difc-dpl"
    assert any("free zones that have their own data protection legislation" in w for w in loaded.deal._assumed)


def test_a_country_without_a_record_is_named_neutrally_with_no_us_statute(tmp_path):
    loaded = load_deal(_write(tmp_path, "PY"))
    note = " ".join(n.message for n in loaded.notes) + " ".join(loaded.deal._assumed)
    assert "no general privacy law of Paraguay is recorded" in note
    assert "whether Paraguay has a general data protection law" in note
    assert not any(word in note for word in ("HIPAA", "GLBA", "client's state"))


def _write(tmp_path, country: str):
    data = yaml.safe_load(BASE.read_text("utf-8"))
    data["parties"]["client"].update(
        incorporated_in=country_name(country), address=f"1 Main Street, {country_name(country)}"
    )
    path = tmp_path / "client.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    return path


def test_a_uae_public_body_is_outside_the_pdpl_with_a_note(tmp_path):
    data = yaml.safe_load(BASE.read_text("utf-8"))
    data["parties"]["client"] = {
        "name": "Dubai Digital Authority",
        "short_name": "Authority",
        "kind": "government agency",
        "address": "Emirates Towers, Sheikh Zayed Road, Dubai, United Arab Emirates",
    }
    data["contract"]["governing_law"] = (
        "the laws of the Emirate of Dubai and the federal laws of the United Arab Emirates"
    )
    data["contract"]["draft"] = True
    path = tmp_path / "authority.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    loaded = load_deal(path)
    note = next(n for n in loaded.notes if n.id.startswith("personal-data-assumed"))
    assert "does not apply to government data or to the government authorities" in note.message
    assert "nearest regime" in note.message

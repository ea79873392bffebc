"""A supplier established in another country than its client charges its own country's tax on its invoices where that
country's record names the tax and the electronic invoice the supplier must issue (Mexico: IVA at the export rate
where Article 29 of the Value Added Tax Law allows it, each invoice a CFDI), not the governing law's sales taxes;
under a US state's law the supplier abroad also gives the client a form W-8BEN-E. Round-4 review, Mexico F5."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

import pytest

from contractgen.deal import load_deal
from contractgen.law.companies import supplier_tax
from tests.helpers import FIXTURES, SAMPLES
from tests.terms import contract_text

MEXICO_US = [SAMPLES / "us-saas-mexico.yaml", FIXTURES / "openworld" / "deals" / "mx-remote-access-us.yaml"]


@lru_cache(maxsize=None)
def _text(path: Path) -> str:
    return contract_text(path)


def _deal(supplier_in: str, client_in: str) -> SimpleNamespace:
    parties = SimpleNamespace(supplier=SimpleNamespace(incorporated_in=supplier_in),
                              client=SimpleNamespace(incorporated_in=client_in))  # fmt: skip
    return SimpleNamespace(parties=parties)


def test_the_tax_is_the_suppliers_own_only_across_a_border_and_only_where_its_record_names_it() -> None:
    assert supplier_tax(_deal("Mexico", "Delaware")).short == "IVA"
    assert "CFDI" in supplier_tax(_deal("Mexico", "Delaware")).invoice
    assert supplier_tax(_deal("Mexico", "Mexico")).short == ""
    assert supplier_tax(_deal("the Philippines", "New South Wales, Australia")).short == ""  # no invoice rule recorded
    assert supplier_tax(_deal("Atlantis", "Delaware")).short == ""


@pytest.mark.parametrize("path", MEXICO_US, ids=lambda p: p.stem)
def test_a_mexican_supplier_to_a_us_client_charges_iva_on_cfdi_invoices(path: Path) -> None:
    text = _text(path)
    assert "All Charges are exclusive of value added tax (impuesto al valor agregado, IVA) and any similar tax." in text
    assert "will charge IVA on the Charges at the 0% rate where Article 29 of the Value Added Tax Law" in text
    assert "bears any IVA that it charges wrongly" in text
    assert "will issue each invoice as a digital tax receipt (Comprobante Fiscal Digital por Internet, CFDI)" in text
    assert "a valid IRS form W-8BEN-E" in text
    assert "exclude value added tax (impuesto al valor agregado, IVA) and any similar tax" in text  # the schedule
    assert "sales, use, excise" not in text


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_other_sample_keeps_the_governing_laws_tax_words(sample: Path) -> None:
    deal = load_deal(sample).deal
    text = _text(sample)
    assert ("CFDI" in text) == bool(supplier_tax(deal).short)
    if not supplier_tax(deal).short:
        assert "W-8BEN-E" not in text


def test_the_governing_laws_own_name_for_its_tax_is_used_where_its_record_gives_one() -> None:
    text = _text(FIXTURES / "deals" / "scripts" / "jp-kabushiki-kaisha.yaml")
    assert "All Charges are exclusive of consumption tax and any similar tax." in text  # invoicing
    assert "exclude consumption tax and any similar tax" in text  # the pricing schedule
    assert "value added tax" not in text

"""What an unknown sector regulation regulates, read from its name: procurement laws are public procurement,
not access-to-information laws, in every language the deals write them."""

from __future__ import annotations

import pytest

from contractgen.law.sector import category_of


@pytest.mark.parametrize(
    "name",
    [
        "Procurement Act 2023",
        "Public Contracts Regulations 2015",
        "D.Lgs. 36/2023 (Codice dei contratti pubblici)",
        "Lagen (2016:1145) om offentlig upphandling",
        "Code de la commande publique",
        "Ley 9/2017 de Contratos del Sector Público",
        "Gesetz gegen Wettbewerbsbeschränkungen, Teil 4 (Vergabe von öffentlichen Aufträgen)",
        "Aanbestedingswet 2012",
        "Ustawa Prawo zamówień publicznych",
        "Government Procurement Act 1997 (Cap. 120)",
    ],
)
def test_a_procurement_law_is_public_procurement(name):
    assert category_of(name) == "procurement"


@pytest.mark.parametrize(
    "name",
    [
        "Freedom of Information Act 2000",
        "LGOIMA 1987",
        "Offentlighets- och sekretesslagen (2009:400)",
        "Official Information Act 1982",
    ],
)
def test_an_information_law_stays_official_information(name):
    assert category_of(name) == "public"

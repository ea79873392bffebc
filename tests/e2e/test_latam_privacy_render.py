"""Deals under the privacy laws of Colombia, Chile, Peru, Uruguay and the UAE, written as counsel there write them
(a Bogotá bank, a Santiago retailer, a Lima ministry, a Montevideo bank, a Dubai company): the law the deal names, or
the client's country's law where the deal is silent, is drafted from its record (citation, role words, authority,
breach notice, transfer mechanism) in DOCX and PDF, and no note points a non-US client at US statutes."""

from __future__ import annotations

import pytest

from tests.e2e.expect_folder import ExpectFolder

DEALS = ExpectFolder("latam-privacy")


def test_every_deal_in_the_folder_has_expectations():
    DEALS.check_listed()


@pytest.mark.parametrize("name", DEALS.names)
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_privacy_law_of_the_deal_is_drafted_from_its_record(name, fmt):
    DEALS.check_wording(name, fmt)


@pytest.mark.parametrize("name", DEALS.names)
def test_the_build_says_which_law_it_assumed(name):
    DEALS.check_notes(name)

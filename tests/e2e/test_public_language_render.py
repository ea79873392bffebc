"""A public body whose law requires its contracts in its own language only (Quebec: Charter of the French Language,
s 21) gets an Agreement made in that language alone, documents under it in that language, and an English version
attached only where the law allows; DOCX and PDF, a deal as a Quebec ministry's lawyer wrote it."""

from __future__ import annotations

import pytest

from tests.e2e.expect_folder import ExpectFolder

DEALS = ExpectFolder("public-language")


def test_every_deal_in_the_folder_has_expectations():
    DEALS.check_listed()


@pytest.mark.parametrize("name", DEALS.names)
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_public_bodys_language_is_the_only_text_of_the_agreement(name, fmt):
    DEALS.check_wording(name, fmt)

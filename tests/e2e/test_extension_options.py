"""The client's option to extend, for any client: a company client whose deal gives `term.renewal.extensions` gets
the Extension clause (never automatic renewal) in DOCX and PDF, and the option needs no notice of non-renewal; a
deal that leaves the option's notice open gets the default period and a note, while automatic renewal still needs
the notice that stops it."""

from __future__ import annotations

from functools import lru_cache

import pytest

from contractgen import writers
from contractgen.deal import load_deal
from contractgen.deal.load import deal_findings
from contractgen.pipeline import Workspace, build_document
from tests.e2e.test_hardening import docx_text, pdf_text
from tests.helpers import FIXTURES

DEAL = FIXTURES / "deals" / "options" / "uk-company-extension-option.yaml"
WORKSPACE = Workspace()


@lru_cache(maxsize=None)
def rendered(fmt: str) -> str:
    """The contract of the company deal in one format, whitespace collapsed."""
    result = build_document(load_deal(DEAL), WORKSPACE)
    data = writers.render(result.document, WORKSPACE.template_dir(result.source.deal.template), fmt)
    return " ".join((docx_text(data) if fmt == "docx" else pdf_text(data)).split())


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_company_client_with_extensions_has_an_option_not_automatic_renewal(fmt):
    t = rendered(fmt)
    assert "This Agreement does not renew automatically." in t
    assert "may extend it, at its option, for up to two further periods of 1 year each" in t
    assert "so that the Term does not exceed 5 years" in t
    assert "together with any Extension Period" in t
    assert "renews automatically for a further period" not in t and "Renewal Term" not in t


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_option_unwritten_notice_is_the_default_period(fmt):
    assert "by giving the Supplier written notice at least 3 months before the end of the Initial Term" in rendered(fmt)


def _data() -> dict:
    return load_deal(DEAL).deal.model_dump(mode="json", exclude_none=True)


def test_an_option_without_notice_is_valid_and_noted():
    data = _data()
    data["term"]["renewal"].pop("notice", None)
    deal, problems, notes = deal_findings(data, "option.yaml")
    assert not problems
    assert "default-extension-notice:notice" in [n.id for n in notes]
    assert str(deal.term.renewal.notice) == "3 months"


def test_an_option_with_its_notice_keeps_it_without_a_note():
    data = _data()
    data["term"]["renewal"]["notice"] = "6 months"
    deal, problems, notes = deal_findings(data, "option.yaml")
    assert not problems and str(deal.term.renewal.notice) == "6 months"
    assert "default-extension-notice:notice" not in [n.id for n in notes]


def test_automatic_renewal_still_needs_its_notice():
    data = _data()
    data["term"]["renewal"] = {"period": "1 year"}
    _, problems, _ = deal_findings(data, "renewal.yaml")
    assert [p for p in problems if p.path == "term.renewal.notice" and "non-renewal" in p.message]


def test_a_public_client_option_needs_no_notice_either():
    data = _data()
    data["parties"]["client"].update(kind="local authority", name="Bristol City Council", short_name="Council")
    data["parties"]["client"].pop("company_number")
    data["term"]["renewal"] = {"period": "1 year"}
    _, problems, notes = deal_findings(data, "council.yaml")
    assert not [p for p in problems if p.path.startswith("term.renewal")]
    assert "default-extension-notice:notice" in [n.id for n in notes]

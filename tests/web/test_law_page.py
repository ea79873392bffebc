"""The law page of the web workspace: every record by kind, and one record with its sources and users."""

from __future__ import annotations

import shutil

from tests.helpers import FIXTURES


def test_the_law_page_lists_the_records_and_shows_one(client, web_repo):
    shutil.copy(FIXTURES / "law" / "repo" / "jurisdictions" / "queensland.yaml", web_repo / "law" / "jurisdictions")
    listing = client.get("/law")
    assert listing.status_code == 200
    assert 'href="/law/privacy/uk-gdpr"' in listing.text and "the UK GDPR" in listing.text
    assert 'href="/law/jurisdictions/queensland"' in listing.text  # the repository's own record
    page = client.get("/law/privacy/uk-gdpr").text
    assert "law/privacy/uk-gdpr.yaml" in page and "legislation.gov.uk" in page  # where it comes from
    assert 'href="/clauses/data-protection"' in page  # a clause that uses it
    assert "citation: the UK GDPR" in page  # what it says
    assert "repository" in client.get("/law/jurisdictions/queensland").text
    assert client.get("/law/privacy/narnia").status_code == 404
    assert client.get("/law/statutes/x").status_code == 404

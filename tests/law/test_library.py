"""The law library: the built-in records, and a contracts repository's records over them."""

from __future__ import annotations

import pytest

from contractgen.law import jurisdictions
from contractgen.law.library import BUILT_IN, REPOSITORY, builtin_dir, library, using
from contractgen.errors import LawError
from tests.helpers import FIXTURES, ROOT

REPO_LAW = FIXTURES / "law" / "repo"


def test_the_builtin_library_is_the_law_folder_beside_clauses():
    assert builtin_dir().resolve() == (ROOT / "law").resolve()
    uk = library().get("privacy/uk-gdpr")
    assert (uk.kind, uk.id, uk.rel, uk.origin) == ("privacy", "uk-gdpr", "law/privacy/uk-gdpr.yaml", BUILT_IN)
    assert uk.data["sources"] and uk.data["as_of"]


def test_a_record_is_named_by_kind_and_id_by_path_or_by_a_bare_id():
    law = library()
    assert law.get("law/sector/dora.yaml") is law.get("sector/dora") is law.get("dora")
    with pytest.raises(LawError, match="no law record 'narnia'"):
        law.get("narnia")
    with pytest.raises(LawError, match="unknown kind of law record 'statutes'"):
        law.records("statutes")


def test_a_repository_record_replaces_the_builtin_one_and_adds_new_ones():
    law = library(REPO_LAW)
    ireland = law.get("jurisdictions/ireland")
    assert ireland.origin == REPOSITORY and ireland.data["reviewed_by"] == "A. Reviewer (Legal)"
    assert ireland.sha256 != library().get("jurisdictions/ireland").sha256
    assert law.get("jurisdictions/queensland").origin == REPOSITORY
    assert law.get("jurisdictions/scotland").origin == BUILT_IN  # the rest stay built in
    assert "queensland" not in library().records("jurisdictions")


def test_the_deal_loader_reads_the_library_in_force():
    assert jurisdictions.find("Queensland law") is None
    with using(library(REPO_LAW)):
        found = jurisdictions.find("the laws of the State of Queensland")
        assert (found.key, found.family, found.locale) == ("queensland", "australian", "en_AU")
        assert jurisdictions.law_of("Queensland law").wording == "the laws of the State of Queensland"
    assert jurisdictions.find("Queensland law") is None  # only inside the block


def test_changed_names_the_locked_records_whose_content_differs():
    law = library(REPO_LAW)
    builtin = library()
    locked = {r.rel: r.sha256 for r in (builtin.get("jurisdictions/ireland"), builtin.get("jurisdictions/scotland"))}
    locked["law/jurisdictions/atlantis.yaml"] = "0" * 64
    assert law.changed(locked) == [
        ("law/jurisdictions/atlantis.yaml", "removed"),
        ("law/jurisdictions/ireland.yaml", "changed"),
    ]

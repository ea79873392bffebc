"""A regional or local public body gets its own region's law (law/jurisdictions/*.yaml public_sector.regions): the
region is read from the body's name, its representative or its address, and each region's entry names laws the
library can draft with."""

from __future__ import annotations

import pytest

from contractgen.law.library import active
from contractgen.law.public_sector import public_sector_of, region_in
from contractgen.law.regimes import resolve_regulations


def _regions() -> list[tuple[str, str, dict]]:
    found = []
    for key, record in sorted(active().records("jurisdictions").items()):
        for code, region in ((record.data.get("public_sector") or {}).get("regions") or {}).items():
            found.append((key, code, region))
    return found


REGIONS = _regions()


def test_the_three_regions_the_reviews_asked_for_are_recorded():
    assert {code for _, code, _ in REGIONS} >= {"CH-ZH", "DE-BY"}


@pytest.mark.parametrize(("law", "code", "region"), REGIONS, ids=[code for _, code, _ in REGIONS])
def test_every_region_reaches_its_own_regional_body_and_not_a_national_one(law, code, region):
    own = (f"Ministry of Finance of {region['names'][0]}",)
    public = public_sector_of(law, "government_department", True, "regional", own)
    assert public.region == code and public.region_name == region["name"] and not public.unrecorded
    assert public.information_laws == tuple(region.get("information_laws") or ())
    assert public.audit_office == (region.get("audit_office") or "")
    assert public.privacy == tuple(region.get("privacy") or ()) and public.secrecy == (region.get("secrecy") or "")
    national = public_sector_of(law, "government_department", True, "national", own)
    assert national.region == ""
    assert (national.information_laws, national.audit_office) != (public.information_laws, public.audit_office)


@pytest.mark.parametrize(("law", "code", "region"), REGIONS, ids=[code for _, code, _ in REGIONS])
def test_every_regions_names_name_it_alone_and_its_laws_are_ones_the_library_drafts_with(law, code, region):
    regions = active().records("jurisdictions")[law].data["public_sector"]["regions"]
    for word in region["names"]:
        assert region_in(regions, (word,)) == code, word
    regimes, problems = resolve_regulations(list(region.get("privacy") or ()))
    assert not problems, problems
    assert region["sources"] and region["as_of"]


def test_a_region_is_read_from_the_address_when_the_name_does_not_say_it():
    regions = active().records("jurisdictions")["germany"].data["public_sector"]["regions"]
    assert region_in(regions, ("Landeshauptstadt",), "Marienplatz 8, 80331 München, Germany") == "DE-BY"
    assert region_in(regions, ("Stadtwerke",), "Hauptstraße 1, 12345 Nowhere") == ""
    town = public_sector_of("germany", "local_authority", True, None, ("Stadt Nürnberg",), "Hauptmarkt 18")
    assert town.region == "DE-BY" and town.information_laws and town.audit_office == "" and not town.unrecorded


def test_a_body_naming_no_recorded_region_stays_unrecorded_and_a_company_gets_nothing():
    public = public_sector_of("switzerland", "government_department", True, "regional", ("Canton of Uri",))
    assert public.region == "" and public.unrecorded and public.information_laws == ()
    assert public_sector_of("switzerland", "company", False, None, ("Canton of Zurich",)).region == ""


def test_a_regions_own_privacy_law_is_never_a_countrys_general_one():
    from contractgen.law.privacy import privacy_law_of

    regime, names = privacy_law_of("DE")
    assert regime.key == "eu-gdpr" and not any("BayDSG" in n or "BlnDSG" in n for n in names), names
    assert privacy_law_of("CH")[0].key == "swiss-fadp"
    assert privacy_law_of("AU")[0].key == "au-privacy-act"


@pytest.mark.parametrize(
    ("law", "kind", "level", "names", "expected"),
    [
        ("switzerland", "government_department", "regional", ("Canton of Zurich",), ("IDG ZH",)),
        ("germany", "local_authority", None, ("Stadt Nürnberg",), ("EU GDPR", "BayDSG")),
        ("new-south-wales", "statutory_body", None, ("Transport for NSW",), ("PPIPA",)),
        # a federal body under a state's law, and a canton no entry names: no own law (the nearest regime is drafted)
        ("new-south-wales", "government_department", "national", ("Services Australia",), ()),
        ("switzerland", "government_department", "regional", ("Canton of Uri",), ()),
    ],
)
def test_a_public_bodys_own_privacy_law_comes_from_its_level_or_region(law, kind, level, names, expected):
    assert public_sector_of(law, kind, True, level, names).privacy == expected


def test_a_public_bodys_deal_listing_the_general_law_instead_of_its_own_gets_a_note(tmp_path):
    from contractgen.deal import load_deal
    from tests.helpers import FIXTURES
    from tests.terms import overlaid

    base = FIXTURES / "deals" / "parties" / "ch-canton.yaml"
    written = load_deal(overlaid(base, FIXTURES / "deals" / "overlays" / "canton-lists-fadp.yaml", tmp_path))
    notes = [n for n in written.notes if "public-privacy-law" in n.id]
    assert len(notes) == 1 and "answers to IDG ZH" in notes[0].unrecognised, [n.id for n in written.notes]
    assert written.deal.data_protection.regulations == ["Swiss FADP"]  # the deal's laws are drafted as written
    silent = load_deal(overlaid(base, FIXTURES / "deals" / "overlays" / "draft.yaml", tmp_path))
    assert not [n for n in silent.notes if "public-privacy-law" in n.id]

"""Privacy laws as their markets cite them: every record's names, as practitioners write them, resolve to that record
and no other; a title several countries share resolves only by the deal's countries; a comma inside a citation does
not split a law."""

from __future__ import annotations

import pytest

from contractgen.deal.readings.written import rejoin_split_names
from contractgen.law.privacy_names import is_generic, read
from contractgen.law.regimes import load_registry, regime_countries, resolve_regulations

FAR = ("AQ",)  # a deal whose countries have no privacy record


def _forms() -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(target key, supplement key or "", name as written, the record's countries) for every name of every record."""
    out = []
    for key, regime in load_registry()[0].items():
        countries = tuple(sorted(regime_countries(regime)))
        for name in dict.fromkeys((regime.name, *regime.aliases)):
            out.append((key, "", name, countries))
        for s in regime.supplements.values():
            where = (s.country,) if s.country else countries
            for name in dict.fromkeys((s.name, *s.aliases)):
                out.append((key, s.key, name, where))
    return out


def _written(name: str, years: set[str]) -> list[str]:
    """The forms a practitioner writes a name in: as recorded, without or with 'the', with its year after a comma."""
    bare = name[4:] if name.startswith("the ") else name
    forms = [name, bare, f"the {bare}"]
    if not read(name).years and len(years) == 1:
        forms.append(f"{bare}, {next(iter(years))}")
    return forms


def _resolved(names: list[str], countries: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    applied, problems = resolve_regulations(names, countries)
    assert problems == []
    return [(a.key, tuple(s.key for s in a.supplements)) for a in applied]


@pytest.mark.parametrize("key, supplement, name, countries", _forms(), ids=lambda v: str(v)[:40])
def test_every_name_of_every_record_resolves_to_it_and_no_other(key, supplement, name, countries):
    regime = load_registry()[0][key]
    texts = (regime.citation, name) if not supplement else (name,)
    years = {y for t in texts for y in read(t).years} | ({*read(regime.citation).years} if not supplement else set())
    expected = [(key, (supplement,) if supplement else ())]
    for written in _written(name, years if not supplement else set()):
        assert _resolved([written], countries) == expected, written
    if is_generic(read(name).title) and not (read(name).numbers or read(name).years or read(name).glosses):
        # a title several countries give their law, written alone, is never taken as one country's by default
        assert _resolved([name], FAR)[0][0].startswith("other:"), name


@pytest.mark.parametrize(
    "names, countries, expected",
    [
        (["Data Protection Act, 2012 (Act 843)"], ("GH",), [("gh-dpa", ())]),  # never the UK's Act of 2018
        (["Data Protection Act, 2012 (Act 843)"], ("GB",), [("gh-dpa", ())]),  # its year and number name it
        (["Data Protection Act"], ("GH",), [("gh-dpa", ())]),
        (["Data Protection Act"], ("GB",), [("uk-gdpr", ("uk-dpa-2018",))]),
        (["Data Protection Act"], ("KE", "GB"), [("ke-dpa", ())]),  # the deal's first country with such an Act
        (["Data Protection Act 2018"], ("GH",), []),  # the UK and Irish Acts of 2018: the country decides
        (["Data Protection Act 2018"], ("GH", "IE"), [("eu-gdpr", ("ie-dpa-2018",))]),
        (["UK GDPR", "Data Protection Act"], (), [("uk-gdpr", ("uk-dpa-2018",))]),  # the title read beside its law
        (["Protection of Privacy Law, 5741-1981"], ("IL",), [("il-ppl", ())]),
        (
            ["Protection of Privacy Law, 5741-1981", "Privacy Protection (Data Security) Regulations, 5777-2017"],
            ("IL",),
            [("il-ppl", ("il-data-security-regulations",))],
        ),
        (
            ["GDPR", "zákon č. 110/2019 Sb., o zpracování osobních údajů"],
            ("CZ",),
            [("eu-gdpr", ("other:zákon č. 110/2019 sb., o zpracování osobních údajů",))],  # one name, beside the GDPR
        ),
        (["Personal Data Protection Law (Royal Decree No. M/19 of 9/2/1443H)"], ("SA",), [("sa-pdpl", ())]),
        (["Ley 25.326 de Protección de los Datos Personales"], ("AR",), [("ar-pdpl", ())]),
        (["Ley 25.326 de Protección de los Datos Personales"], FAR, [("ar-pdpl", ())]),  # its number names it
        (["개인정보 보호법 (Personal Information Protection Act)"], ("KR",), [("kr-pipa", ())]),
        (["Privacy Act"], ("NZ", "AU"), [("nz-privacy-act", ())]),  # the deal's most telling country first
        (["Privacy Act"], ("AU", "NZ"), [("au-privacy-act", ())]),
        (["Privacy Act"], (), []),
    ],
)
def test_citations_as_the_trial_wrote_them(names, countries, expected):
    found = [r for r in _resolved(names, countries) if not r[0].startswith("other:")]
    assert found == expected


@pytest.mark.parametrize(
    "written, joined",
    [
        (["Data Protection Act", "2012 (Act 843)"], ["Data Protection Act, 2012 (Act 843)"]),
        (
            ["Protection of Privacy Law", "5741-1981", "Privacy Protection (Data Security) Regulations", "5777-2017"],
            ["Protection of Privacy Law, 5741-1981", "Privacy Protection (Data Security) Regulations, 5777-2017"],
        ),
        (
            ["GDPR", "zákon č. 110/2019 Sb.", "o zpracování osobních údajů"],
            ["GDPR", "zákon č. 110/2019 Sb., o zpracování osobních údajů"],
        ),
        (["Digital Personal Data Protection Act", "2023"], ["Digital Personal Data Protection Act, 2023"]),
        (["GDPR", "BDSG"], ["GDPR", "BDSG"]),  # two laws stay two
        (["Privacy Act", "o2 rules"], ["Privacy Act", "o2 rules"]),  # a lower-case word after a title is not a clause
    ],
)
def test_a_comma_inside_a_citation_does_not_split_a_law(written, joined):
    data, found = rejoin_split_names({"data_protection": {"regulations": written}})
    assert data["data_protection"]["regulations"] == joined
    assert len(found) == len(written) - len(joined)


@pytest.mark.parametrize("key", sorted(load_registry()[0]))
def test_the_name_a_record_is_listed_by_names_it_in_any_deal(key):
    """A record's first alias is the name an assumed section lists it by: it names the record with no country."""
    regime = load_registry()[0][key]
    first = regime.aliases[0] if regime.aliases else regime.name
    assert _resolved([first], FAR) == [(key, ())]


def test_a_shared_title_beside_a_law_only_one_country_has_is_read_in_that_countrys_law():
    from contractgen.law.regimes import resolve_regulations

    # a deal under Irish law that lists the UK's pair of laws means the UK's Act, not Ireland's of the same name
    applied, problems = resolve_regulations(["UK GDPR", "Data Protection Act 2018"], ("IE", "IE", "IN"))
    assert [r.regime.key for r in applied] == ["uk-gdpr"] and not problems
    assert [s.key for s in applied[0].supplements] == ["uk-dpa-2018"]
    # alone, or beside the GDPR, the same title is Ireland's
    for names in (["Data Protection Act 2018"], ["GDPR", "Data Protection Act 2018"]):
        applied, _ = resolve_regulations(names, ("IE",))
        assert [s.key for r in applied for s in r.supplements] == ["ie-dpa-2018"], names

"""The commercial law of each jurisdiction record: late payment, tax, anti-bribery, insolvency, execution."""

from __future__ import annotations

from contractgen.law.commercial import CommercialTerms
from contractgen.law.jurisdictions import law_of, load_jurisdictions
from contractgen.law.library import active
from contractgen.templating.context import context_types
from contractgen.templating.deal_types import attribute_type

BLOCKS = ("late_payment", "tax", "anti_bribery", "insolvency", "execution")


def test_every_block_a_record_has_carries_its_sources_and_date():
    """A block of commercial law is a fact like any other: no block without an official source and a date."""
    for key, record in active().records("jurisdictions").items():
        for block in BLOCKS:
            data = record.data.get(block)
            if data is not None:
                assert data.get("sources") and data.get("as_of"), f"{key}: {block} without sources or as_of"


def test_a_law_without_the_blocks_reads_as_unknown_never_as_a_rule():
    """No record, or a record without the block: the statutory rule and the yes/no facts are None, never False."""
    unknown = law_of("the laws of Ruritania")
    assert unknown.late_payment.statutory is None and unknown.execution.e_signature is None
    assert unknown.tax.name == "" and unknown.anti_bribery.laws == ()
    for key, record in load_jurisdictions().items():
        if "late_payment" not in active().records("jurisdictions")[key].data:
            assert record.commercial.late_payment.statutory is None, key
    assert CommercialTerms().late_payment.statutory is None


def test_common_law_asia_and_new_zealand_have_no_statutory_late_payment_rate():
    """Singapore, Hong Kong, New Zealand and India give no interest on every business's late payments."""
    for law in ("Singapore law", "Hong Kong law", "New Zealand law", "Indian law"):
        assert law_of(law).late_payment.statutory is False, law
    india = law_of("Indian law").late_payment
    assert "micro or small enterprise" in india.applies_to and "three times the bank rate" in india.rate


def test_the_tax_name_is_the_records():
    """New Zealand and Singapore name goods and services tax, GST."""
    for law in ("New Zealand law", "Singapore law"):
        tax = law_of(law).tax
        assert (tax.name, tax.short) == ("goods and services tax", "GST"), law


def test_clause_templates_can_read_each_block():
    """The clause context's `law` exposes every block's fields to the static analysis of templates."""
    law = context_types()["law"]
    for block, field in [
        ("late_payment", "statutory"),
        ("late_payment", "rate"),
        ("tax", "short"),
        ("anti_bribery", "laws"),
        ("insolvency", "proceedings"),
        ("execution", "e_signature"),
    ]:
        assert attribute_type(attribute_type(law, block), field) is not None, (block, field)


def test_every_sector_record_resolves_by_its_key_and_aliases_and_applies_to_known_kinds():
    """Every regime a deal may cite resolves to its record by key and alias; inference reads known sectors and places."""
    import pycountry

    from contractgen.deal.model import SECTORS
    from contractgen.law.sector import find_sector_regime

    countries = {c.alpha_2 for c in pycountry.countries}
    for key, record in active().records("sector").items():
        data = record.data
        for name in (data["key"], *(data.get("aliases") or ())):
            assert find_sector_regime(name).id == key, (key, name)
        applies = data.get("applies_to") or {}
        assert set(applies.get("sectors") or ()) <= set(SECTORS), key
        zones = {k.upper() for k in load_jurisdictions()}  # a free zone with its own regulator: ADGM, DIFC
        assert {str(p).upper() for p in applies.get("places") or ()} <= countries | zones, key


def test_a_statutory_late_payment_rule_names_its_rate_and_law():
    """Where a record says a statute gives interest, it says at what rate and under which provision."""
    for key, record in load_jurisdictions().items():
        rule = record.commercial.late_payment
        if rule.statutory or rule.applies_to:
            assert rule.rate and rule.law, key
    assert law_of("English law").late_payment.statutory is True
    assert "§ 288(2)" in law_of("German law").late_payment.law


def test_the_tax_name_matches_the_familys_forbidden_words():
    """A record whose tax is GST is not under a family that forbids the words GST; one whose tax is VAT, not VAT."""
    families = {key: record.data for key, record in active().records("families").items()}
    for key, record in load_jurisdictions().items():
        short = record.commercial.tax.short
        if short:
            words = {w.casefold() for w in families[record.family].get("must_not_use") or ()}
            assert short.casefold() not in words, key
    assert law_of("English law").tax.short == "VAT" and law_of("the laws of New South Wales").tax.short == "GST"
    assert law_of("Japanese law").tax.name == "consumption tax"


def test_each_listed_law_is_a_whole_name():
    """A law written in a YAML flow list with a comma in its name ('…Act, 1988') stays one name when quoted."""
    for key, record in load_jurisdictions().items():
        for law in record.commercial.anti_bribery.laws:
            assert len(law) > 12 and law[0].isalpha(), (key, law)


def test_every_privacy_law_and_mechanism_resolves_by_its_name_and_each_alias():
    """Whatever name a deal writes from a record resolves to that record (privacy laws and transfer mechanisms)."""
    from contractgen.law.regimes import find_mechanism, load_registry, regime_countries, resolve_regulations

    for key, record in active().records("privacy").items():
        data = record.data
        countries = tuple(sorted(regime_countries(load_registry()[0][key])))  # a shared title reads by country
        for name in (data["name"], *(data.get("aliases") or ())):
            applied, problems = resolve_regulations([name], countries)
            assert not problems and [a.regime.key for a in applied] == [key], (key, name)
    for key, record in active().records("mechanisms").items():
        for name in (record.data["name"], *(record.data.get("aliases") or ())):
            found = find_mechanism(name)
            assert found is not None and found.key == key, (key, name)

"""What a law record of each kind holds: one typed model per kind, its JSON Schema for editors, and
the checks of one record on its own (fields, types, a source, a date).

``contractgen init`` writes each kind's schema as ``law/<kind>/schema.json`` and maps the kind's
records to it in the editor settings; ``contractgen lint`` validates every record with
``check_record``. References between records (a jurisdiction's family, a regime's mechanisms) are
checked by ``law.checks``.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from contractgen.law.schema_national import NationalLaw
from contractgen.law.schema_outsourcing import OutsourcingTerms
from contractgen.law.schema_public import InformationLawTerms, PublicSectorLaw
from contractgen.law.schema_terms import CommercialLaw, EmployeeTransfer, LabourSupply, Mediation, SeatCourts
from contractgen.law.schema_terms import ForumRules, SeatSupervision, TreatyState
import json

Country = Field(pattern=r"^[A-Z]{2}$", description="an ISO 3166-1 alpha-2 country code, e.g. 'GB'")
Aliases: list[str] = Field(
    [],
    description="other ways practitioners write it; a deal may use any of them (matched ignoring "
    "case and a leading 'the')",
)


class Common(BaseModel):
    """What every law record carries: where it comes from and how current it is."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    sources: list[str] = Field(
        min_length=1,
        description=(
            "the official citation and where its text is published (an official site or journal), one per line; "
            "never a secondary source"
        ),
    )
    as_of: date = Field(description="the date the record was last checked against its sources (YYYY-MM-DD)")
    reviewed_by: str | None = Field(
        None,
        min_length=1,
        description=(
            "who checked the record against its official text, and what they checked it against: a lawyer "
            "('J. Smith (Legal)') or, when no lawyer did, who did and that they are not one ('contractgen "
            "maintainers (not a lawyer), checked against ...'); set with reviewed_on"
        ),
    )
    reviewed_on: date | None = Field(None, description="the date of that review (YYYY-MM-DD); set with reviewed_by")

    @model_validator(mode="after")
    def _review_has_both(self) -> Common:
        """A review names who and when: one of reviewed_by and reviewed_on without the other says neither."""
        if (self.reviewed_by is None) != (self.reviewed_on is None):
            given, missing = (
                ("reviewed_by", "reviewed_on") if self.reviewed_on is None else ("reviewed_on", "reviewed_by")
            )
            raise ValueError(f"{given} is set without {missing}: a review names who checked the record and when")
        return self


class JurisdictionRecord(Common, CommercialLaw, NationalLaw):
    """A jurisdiction a deal may name for its governing law and its forum."""

    name: str = Field(
        description="how the jurisdiction is named in running text, e.g. 'England and Wales', 'the State of New York'"
    )
    aliases: list[str] = Aliases
    local_names: list[str] = Field(
        [],
        description="the law as lawyers of the country write it in its official languages ('deutsches Recht', "
        "'droit français', '日本法'); a deal may use any of them (matched ignoring case and accents)",
    )
    family: str = Field(description="the legal family clause variants choose by: the id of a law/families record")
    tradition: Literal["common", "civil", "mixed"] = Field(description="the legal tradition")
    law: str = Field(description="the words after 'governed by', e.g. 'the laws of England and Wales'")
    courts: str = Field(description="the words for its courts, e.g. 'the courts of England and Wales'")
    country: str = Country
    locale: str = Field(
        pattern=r"^[a-z]{2,3}(_[A-Z]{2})?$",
        description=("the spelling and formatting locale a contract under this law defaults to, e.g. 'en_GB'"),
    )
    jury_trial: Literal["judicial_reference"] | None = Field(
        None,
        description=(
            "US states only: 'judicial_reference' where a pre-dispute jury-trial waiver is unenforceable, so the "
            "contract refers disputes to a referee instead; leave out for a jury waiver"
        ),
    )
    employee_transfer: EmployeeTransfer | None = Field(
        None,
        description=("the law of the place of work on employees moving to a new provider (not the contract's law)"),
    )
    labour_supply: LabourSupply | None = Field(None, description="the place of work's law on a supplier's own workers")
    public_sector: PublicSectorLaw | None = Field(
        None,
        description=(
            "what the law brings when the client is a public body: information laws, the auditor, procurement "
            "termination grounds"
        ),
    )
    must_not_use: list[str] = Field(
        [],
        description="words a contract under this law must not carry beside its family's list, matched as whole words "
        "ignoring case (lint and the build check them)",
    )


class FamilyRecord(Common):
    """A legal family: the drafting conventions clause variants choose by (``law.family``)."""

    name: str = Field(description="the family's name, e.g. 'English law'")
    tradition: Literal["common", "civil", "mixed"] = Field(description="the legal tradition of its jurisdictions")
    description: str = Field(description="what the family covers, in one sentence")
    countries: list[str] = Field(
        [],
        description=(
            "the countries and territories (ISO 3166-1 alpha-2) whose law takes this family when no jurisdiction "
            "record of their own matches; each country is in one family"
        ),
    )
    names: list[str] = Field([], description="places that are not countries whose law takes this family, e.g. 'DIFC'")
    variants: Literal["common", "civil"] | None = Field(
        None,
        description=(
            "the clause variants that draft it where they differ from its tradition (a mixed system drafted as civil)"
        ),
    )
    drafted: bool = Field(
        True,
        description="false if the library has no terms of this family: a contract under it carries a drafting note",
    )
    must_not_use: list[str] = Field(
        [],
        description=(
            "words of another family's law that a contract under this family must not carry (matched as whole words, "
            "ignoring case), e.g. 'tort' under a civil law"
        ),
    )


class Breach(BaseModel):
    """A privacy law's breach-notice rule."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    limit: str | None = Field(description="the longest notice the supplier may take, e.g. '72 hours', or null")
    source: str = Field(description="the provision that sets the rule, and what it says")
    processor: str = Field("", description="how soon a processor notifies the controller, in the law's words")
    processor_within: str | None = Field(None, description="the period the law gives it, e.g. '48 hours', or null")
    processor_source: str = Field("", description="the provision that sets the processor's notice, and what it says")


class Partial(BaseModel):
    """A country covered by adequacy only for some recipients."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    mechanism: str | None = Field(description="the mechanism (a law/mechanisms id) a certified recipient uses, or null")
    note: str = Field(description="which recipients are covered, and by which decision")
    adequate_by_default: bool = Field(False, description="true if the usual recipient is covered without a mechanism")


class Adequacy(BaseModel):
    """A privacy law's adequacy list."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    name: str = Field(description="the decisions or list, as the contract names them")
    source: str = Field(description="where the list is published")
    inside: list[str] = Field(description="the countries the law treats as its own territory (ISO codes)")
    adequate: list[str] = Field(description="the countries covered by an adequacy decision (ISO codes)")
    partial: dict[str, Partial] = Field({}, description="countries covered for some recipients only, by ISO code")


class Transfers(BaseModel):
    """A privacy law's rule for personal data leaving its territory."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    restricted: bool = Field(
        description="true if a transfer outside the territory and the adequate countries needs a mechanism"
    )
    adequacy: Adequacy | None = None
    mechanisms: list[str] = Field([], description="the mechanisms accepted (law/mechanisms ids)")
    rule: str = Field("", description="for a law without restricted transfers: what it asks instead")
    default: str | None = Field(
        None,
        description="for a law without an adequacy list: the mechanism (a law/mechanisms id among `mechanisms`) a "
        "transfer outside its territory is drafted on where the deal names none of them (with a drafting note)",
    )
    inside: list[str] = Field(
        [], description="countries read as inside a free zone's law (ISO codes), e.g. AE for the DIFC"
    )


class Brings(BaseModel):
    """The clauses and schedule a privacy law puts in the contract."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    clauses: list[str] = Field(description="clause ids the law brings (checked by coverage)")
    schedule: str = Field("", description="the schedule it brings")


class Supplement(BaseModel):
    """A national law accepted as a supplement of a privacy law (the BDSG of the EU GDPR)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    name: str = Field(description="how the contract names it, e.g. 'the German Federal Data Protection Act (BDSG)'")
    aliases: list[str] = Aliases
    country: str = Country
    authority: str = Field(
        "", description="the country's supervisory authority as the contract names it, where the sources name it"
    )
    region: str = Field("", description="for a region's own law (ISO 3166-2, e.g. 'DE-BY'): the region it binds")


class PrivacyRecord(Common):
    """A privacy law a deal may list under data_protection.regulations."""

    name: str = Field(description="how a contract names it in running text, e.g. 'the UK GDPR'")
    citation: str = Field(description="its full citation, for the definition of Data Protection Laws")
    aliases: list[str] = Aliases
    family: str = Field(
        description="the vocabulary family clause variants choose by: gdpr, hipaa, ccpa, pipeda, "
        "app, fadp, or a new one"
    )
    territory: str | None = Field(description="where its transfer rule treats data as inside, or null")
    region: str = Field("", description="for the law of one region's public bodies (ISO 3166-2, e.g. 'CH-ZH')")
    roles: dict[str, list[str]] = Field(
        description="its role words: the canonical role and the accepted ways of writing it; {} for none"
    )
    roles_required: bool = Field(description="whether a deal processing personal data must state each party's role")
    terms: dict[str, str] = Field(description="its own words: personal_data, data_subjects, authority, breach, special")
    provisions: dict[str, str] = Field(
        description="the provisions clauses cite: processor_terms, security, assistance, breach, transfers …"
    )
    breach: Breach
    transfers: Transfers
    brings: Brings
    supplements: dict[str, Supplement] = Field({}, description="national laws accepted as its supplements, by id")


MechanismKind = Literal[
    "standard_contract",  # a document issued by the authority, signed and attached
    "contract",  # binding obligations in the contract itself (legally enforceable obligations, a binding agreement)
    "equivalent_measures",  # the recipient keeps measures to the authority's standards, checked by the exporter
    "consent",  # the individuals' consent after being told what the law lists
    "certification",  # the recipient's certification
    "assessment",  # an assessment the authority makes before the transfer
    "accountability",  # no transfer restriction: the exporter stays accountable and the contract protects the data
    "negative_list",  # free transfer except to countries the government restricts
    "disclosure",  # the transfer disclosed to the individuals (a privacy policy) where the law allows that alone
]


class Filing(BaseModel):
    """A filing or notification a transfer mechanism needs."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    what: str = Field(description="what is filed, e.g. 'notify the signed standard contract'")
    to: str = Field(description="to whom, e.g. 'the Personal Data Protection Authority'")
    within: str | None = Field(description="the time limit, e.g. '5 business days', or null for 'before' a moment")
    after: str = Field(description="from when, e.g. 'after the signatures are completed'")
    by: Literal["exporter", "either"] = Field("exporter", description="who files: the exporter, or either as agreed")
    source: str = Field(description="the provision that sets it")


class TransferConsent(BaseModel):
    """The individuals' consent a transfer mechanism rests on."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    separate: bool = Field(False, description="true if the law asks for consent given separately from any other")
    information: list[str] = Field(description="what the individuals must be told first, one item each")


class MechanismRecord(Common):
    """A transfer mechanism a deal may name under international_transfers.mechanism."""

    name: str = Field(description="how the contract names it")
    aliases: list[str] = Aliases
    assessment: bool = Field(description="whether a transfer on this basis needs a transfer risk assessment")
    law: str | None = Field(None, description="the privacy law (a law/privacy id) whose mechanism it is, if only one")
    kind: MechanismKind | None = Field(None, description="how it works, for the clause that drafts it")
    provision: str | None = Field(None, description="the provisions it rests on, as the contract cites them")
    standard: str | None = Field(
        None, description="the protection the recipient must give, as the law words it ('at least comparable to …')"
    )
    document: str | None = Field(None, description="the document the parties sign and attach, where there is one")
    unchanged: bool = Field(False, description="true if the document must be used as issued, without change")
    filing: Filing | None = None
    consent: TransferConsent | None = None
    periodic_check: bool = Field(
        False, description="true if the exporter must check periodically that the recipient keeps the measures"
    )
    on_request: bool = Field(
        False, description="true if the exporter must tell an individual about the measures on request"
    )
    impact_assessment: str | None = Field(None, description="an assessment the exporter must make first, by name")
    recommended: bool = Field(
        False, description="true if the document is good practice the authority recommends, not a legal requirement"
    )
    not_in_force: str | None = Field(
        None,
        description="a transfer provision of the law that has not been brought into force, as the contract cites it",
    )
    note: str | None = Field(None, description="what a lawyer should know when choosing it (the drafting note)")


class AppliesTo(BaseModel):
    """The clients a sector regulation applies to."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    sectors: list[str] = Field([], description="the kinds of client, e.g. 'bank', 'insurer'")
    places: list[str] = Field(
        [],
        description="the countries where it applies to them (ISO codes), or a free zone with its own regulator by its jurisdiction key (ADGM)",
    )
    except_places: list[str] = Field(
        [], description="free zones of those countries with a regulator of their own, where it does not apply (ADGM)"
    )


class SectorRecord(Common, InformationLawTerms, OutsourcingTerms):
    """A sector regulation a deal may name under `regulatory`."""

    key: str = Field(description="how deals and clause templates name it, e.g. 'DORA', 'PRA SS2/21'")
    title: str = Field(description="how the contract names it in full")
    aliases: list[str] = Aliases
    authority: str = Field("", description="the regulator that receives reports or supervises, where named")
    report_within: str | None = Field(
        None, description="the client's deadline for reporting an incident, e.g. '72 hours'"
    )
    supplier_notice: str | None = Field(
        None, description="where report_within is short: the longest time the supplier may take to notify the client"
    )
    reports: str = Field("", description="what the client must report, e.g. 'major ICT-related incidents'")
    report_rule: str = Field("", description="the provision that requires the report, e.g. 'Article 19 of DORA'")
    report_deadlines: str = Field(
        "",
        description="where the reporting time limits are set, when they are more "
        "than the single report_within, e.g. the technical standards",
    )
    applies_to: AppliesTo | None = Field(
        None, description="the clients it applies to, where a deal's client can be recognised as one"
    )
    applies_to_sources: list[str] = Field([], description="the provisions that say whom it applies to")
    national_authorities: dict[str, str] = Field(
        {},
        description=(
            "where the rule leaves the authority to each country: the authority that supervises a client established "
            "there, by ISO 3166-1 alpha-2 code, e.g. {IE: the Central Bank of Ireland}"
        ),
    )
    national_authorities_sources: list[str] = Field([], description="the official sources that name those authorities")
    national_laws: dict[str, dict[str, str]] = Field(
        {},
        description=(
            "where a directive binds the client through each country's implementing law: that law by ISO 3166-1 "
            "alpha-2 code, with its name and the provisions clauses cite (measures, supply_chain, reports), e.g. "
            "{DE: {name: the BSI Act (BSIG), measures: section 30 of the BSIG}}"
        ),
    )
    national_laws_sources: list[str] = Field([], description="the sources of those implementing laws")
    lex_specialis_over: list[str] = Field(
        [], description="the sector regulations (keys) it displaces for the same client, e.g. [NIS2]"
    )
    log_retention: str | None = Field(
        None, description="how long the regulated client must keep its systems' logs, e.g. '180 days'"
    )
    log_location: str = Field("", description="where those logs must be kept, as a country name, e.g. 'India'")
    time_source: str = Field("", description="the time servers the client's system clocks must be synchronised with")
    category: (
        Literal[
            "financial", "public", "procurement", "health", "telecoms", "life_sciences", "payments", "cybersecurity"
        ]
        | None
    ) = Field(
        None,
        description="what it regulates, so a regulation without clauses of its own brings its category's terms: "
        "financial (financial-services outsourcing), public (official information), procurement (public "
        "procurement), health, telecoms, life_sciences, payments, cybersecurity (a national incident-reporting and "
        "logging rule for every organisation)",
    )


class ForumRecord(Common):
    """An arbitration institution and its rules (or ad hoc arbitration under a set of rules)."""

    name: str = Field(description="the institution's name, e.g. 'the International Chamber of Commerce'")
    short: str | None = Field(None, description="its usual short name, e.g. 'ICC'")
    aliases: list[str] = Aliases
    country: str | None = Field(None, pattern=r"^[A-Z]{2}$", description="where it is based (ISO code)")
    not_named_by: list[str] = Field(default_factory=list, description="others' names that begin with its short name")
    ad_hoc: bool = Field(False, description="true for ad hoc arbitration (no institution administers it)")
    former_names: list[str] = Field(default_factory=list, description="names it had before (renamed or merged)")
    statute: bool = Field(False, description="true when the 'rules' are a state's arbitration law (ad hoc under it)")
    appointing_authority: str | None = Field(None, description="ad hoc: who appoints an arbitrator the parties do not")
    rules: ForumRules
    mediation: Mediation | None = Field(None, description="its own mediation service, for a tiered clause")
    note: str | None = Field(None, description="what a drafter should know about the institution, in one sentence")


class Seat(BaseModel):
    """A city chosen as the seat of an arbitration."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    country: str = Country
    jurisdiction: str = Field("", description="the law/jurisdictions record whose courts supervise the seat, or ''")
    aliases: list[str] = Aliases
    mediation: Mediation | None = Field(None, description="the usual mediation body there, for a tiered clause")
    courts: SeatCourts | None = Field(
        None, description="the courts that alone hear applications under its arbitration law, where it says so"
    )
    supervision: SeatSupervision | None = Field(
        None, description="the courts its arbitration law names for supervisory functions, where others may still act"
    )


class SeatsRecord(Common):
    """Arbitral seats: the state and supervising courts of each city a contract may choose."""

    seats: dict[str, Seat] = Field(description="each seat by its city's name")


class TreatyRecord(Common):
    """A treaty or rule on enforcing awards or judgments across borders."""

    model_config = ConfigDict(extra="allow", frozen=True)  # each treaty records what its rule needs

    name: str | None = Field(None, description="the treaty or rule, as the drafting note names it")
    states: dict[str, TreatyState] | None = Field(None, description="the contracting states by ISO code")
    parties: int | None = Field(None, description="how many parties the depositary's status list counts")
    enforcing_country: str | None = Field(None, description="for a national rule: the state that applies it")
    registers: list[str] | None = Field(None, description="the states whose judgments it registers (ISO codes)")
    rule: str | None = Field(None, description="the rule in one sentence, for the drafting note")
    complete: bool = Field(
        False,
        description="true: `states` lists every party the status list counts (a state missing from it is not a party); "
        "false: only some, so a missing state is 'not recorded'",
    )
    territories_complete: bool = Field(
        False, description="true: every territory a party extended the treaty to is listed (`territory_of`)"
    )

    @model_validator(mode="after")
    def _complete_means_every_party(self) -> TreatyRecord:
        if self.complete:
            listed = sum(1 for state in (self.states or {}).values() if not state.territory_of)
            if listed != self.parties:
                raise ValueError(f"complete: the record lists {listed} states but counts {self.parties} parties")
        return self


MODELS: dict[str, type[Common]] = {
    "jurisdictions": JurisdictionRecord,
    "families": FamilyRecord,
    "privacy": PrivacyRecord,
    "mechanisms": MechanismRecord,
    "sector": SectorRecord,
    "forums": ForumRecord,
    "seats": SeatsRecord,
    "treaties": TreatyRecord,
}


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of a kind's records, for editors."""
    schema = MODELS[kind].model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"contractgen law record: {kind}"
    return schema


def json_schema_text(kind: str) -> str:
    """The JSON Schema as stable text (sorted keys, final newline), as init writes it."""

    return json.dumps(json_schema(kind), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def check_record(kind: str, data: Any) -> list[str]:
    """What is wrong with one record on its own, as 'field: message' lines (none for a valid record)."""
    try:
        MODELS[kind].model_validate(data)
    except ValidationError as exc:
        return [f"{'.'.join(str(p) for p in error['loc']) or '(record)'}: {error['msg']}" for error in exc.errors()]
    return []

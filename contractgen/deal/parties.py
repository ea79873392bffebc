"""Who the parties are and how their disputes are decided, as the deal writes it (data only).

What kind of legal person a party is: a company, a partnership, an individual, a branch of a foreign
company, a public body, a charity or trust, or a consortium of suppliers (the words that name each
kind, and the members of a consortium). How each kind is described and signs for itself is the
template's (cover.yaml) and the clauses' wording.

How disputes are decided: the courts' jurisdiction, or arbitration, and the steps before them
(escalation, mediation, expert determination). A deal may instead write its arbitration in
``contract.jurisdiction`` as practitioners do ("arbitration administered by the HKIAC under its
Administered Rules, seated in Hong Kong"); the law records read both forms into one view for the
clauses (``deal.forums``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml

from pydantic import BeforeValidator, Field, field_validator, model_validator

from contractgen.deal import accepted
from contractgen.deal.fields import Name, Section, Text, WholeNumber, _choice
from contractgen.law.companies import company_view


PublicLevel = Literal["national", "regional", "local"]
# how deals write a public body's level
LEVEL_WORDS = {
    "national": "national", "federal": "national", "central": "national", "central government": "national",
    "regional": "regional", "state": "regional", "land": "regional", "canton": "regional", "cantonal": "regional",
    "province": "regional", "provincial": "regional", "local": "local", "municipal": "local",
}  # fmt: skip


PUBLIC_BODIES = ("government_department", "local_authority", "agency", "statutory_body", "health_body")
KINDS = {
    "company": "company",
    "limited company": "company",
    "private limited company": "company",
    "plc": "company",
    "public limited company": "company",
    "corporation": "company",
    "gmbh": "company",
    "ag": "company",
    "llc": "company",
    "inc": "company",
    "pte ltd": "company",
    "pty ltd": "company",
    "sa": "company",
    "llp": "llp",
    "limited liability partnership": "llp",
    "partnership": "partnership",
    "general partnership": "partnership",
    "firm": "partnership",
    "scottish partnership": "partnership",
    "limited partnership": "partnership",
    "co-operative society": "cooperative",
    "cooperative society": "cooperative",
    "co-operative": "cooperative",
    "cooperative": "cooperative",
    "co-operative bank": "cooperative",
    "cooperative bank": "cooperative",
    "individual": "individual",
    "person": "individual",
    "natural person": "individual",
    "sole trader": "sole_trader",
    "sole proprietor": "sole_trader",
    "sole proprietorship": "sole_trader",
    "branch": "branch",
    "branch of a foreign company": "branch",
    "overseas company": "branch",
    "government department": "government_department",
    "ministry": "government_department",
    "central government department": "government_department",
    "department": "government_department",
    "secretary of state": "government_department",
    "minister": "government_department",
    "crown": "government_department",
    "government": "government_department",
    "bureau": "government_department",
    "government bureau": "government_department",
    "federal public service": "government_department",
    "federal agency": "agency",
    "state agency": "agency",
    "autarquia": "agency",
    "autarquia federal": "agency",
    "local authority": "local_authority",
    "council": "local_authority",
    "municipality": "local_authority",
    "county council": "local_authority",
    "district council": "local_authority",
    "city council": "local_authority",
    "kommun": "local_authority",
    "region": "local_authority",
    "regional authority": "local_authority",
    "regional council": "local_authority",
    "county": "local_authority",
    "agency": "agency",
    "executive agency": "agency",
    "government agency": "agency",
    "statutory body": "statutory_body",
    "statutory corporation": "statutory_body",
    "statutory board": "statutory_body",
    "statutory authority": "statutory_body",
    "public body": "statutory_body",
    "non-departmental public body": "statutory_body",
    "crown entity": "statutory_body",
    "public authority": "statutory_body",
    "regulator": "statutory_body",
    "health body": "health_body",
    "public hospital": "health_body",
    "nhs trust": "health_body",
    "nhs foundation trust": "health_body",
    "integrated care board": "health_body",
    "health board": "health_body",
    "hospital": "health_body",
    "azienda sanitaria": "health_body",
    "te whatu ora": "health_body",
    "charity": "charity",
    "charitable company": "charity",
    "charitable incorporated organisation": "charity",
    "cio": "charity",
    "scottish charitable incorporated organisation": "charity",
    "scio": "charity",
    "registered charity": "charity",
    "foundation": "charity",
    "stiftung": "charity",
    "trust": "trust",
    "trustees": "trust",
    "consortium": "consortium",
    "joint venture": "consortium",
    "unincorporated joint venture": "consortium",
}


# A company the state owns or controls is a company (described, numbered and signing as one) that the public-sector
# law of its country may also reach: the kind reader turns these words into `kind: company` with `state_owned: true`.
STATE_OWNED: tuple[str, ...] = (
    "state-owned company", "state owned company", "state-owned enterprise", "state enterprise", "soe",
    "government company", "government-owned company", "government owned company", "state company",
    "public sector undertaking", "psu", "central public sector enterprise", "cpse", "public sector enterprise",
    "empresa pública", "empresa publica", "sociedade de economia mista", "empresa estatal", "estatal",
    "sociedad de economía mixta", "sociedad de economia mixta", "empresa del estado",
    "staatsunternehmen", "öffentliches unternehmen", "entreprise publique", "société d'état", "impresa pubblica",
    "società a partecipazione pubblica", "国有企业", "国企", "央企", "中央企业", "شركة مملوكة للدولة",
)  # fmt: skip


# The kinds as the laws of other places and their lawyers name them ("commune", "ministère", "público"), as data.
KIND_WORDS: dict[str, dict[str, Any]] = yaml.safe_load(
    (Path(__file__).with_name("data") / "party_kind_words.yaml").read_text(encoding="utf-8")
)["words"]
STATE_OWNED += tuple(word for word, entry in KIND_WORDS.items() if entry.get("state_owned"))
KINDS.update({word: entry["kind"] for word, entry in KIND_WORDS.items() if not entry.get("state_owned")})
# the kind field's accepted forms include them (the party's before-validator has already made them a company)
KINDS.update({word: "company" for word in STATE_OWNED})


def _kind_key(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").replace("_", " ").split()).strip(" .")


_STATE_OWNED_KEYS = frozenset(_kind_key(w) for w in STATE_OWNED)


def state_owned_kind(data: Any) -> Any:
    """A party as written, a state-owned company's kind ('PSU', 'sociedade de economia mista', '国有企业') read as
    `kind: company` with `state_owned: true`."""
    if not isinstance(data, dict) or not isinstance(data.get("kind"), str):
        return data
    if _kind_key(data["kind"]) not in _STATE_OWNED_KEYS:
        return data
    return {**data, "kind": "company", "state_owned": True}


class ConsortiumMember(Section):
    """One member of a consortium of suppliers."""

    name: Name
    company_number: Name | None = None
    incorporated_in: Name | None = None
    address: Text
    lead: bool = Field(False, description="true for the lead member, who acts for the consortium")
    power_of_attorney: bool = Field(
        False,
        description=(
            "true if this member signs through the lead member under a written power of attorney annexed to the "
            "contract; false (default): it signs its own signature block"
        ),
    )


COURTS = {
    "exclusive": "exclusive",
    "non-exclusive": "non-exclusive",
    "nonexclusive": "non-exclusive",
    "non exclusive": "non-exclusive",
    "asymmetric": "asymmetric",
    "one-way": "asymmetric",
    "unilateral": "asymmetric",
    "one way": "asymmetric",
}


def _switch(value: Any) -> Any:
    """`true` for the default terms of an optional step, `false` or `none` for no such step."""
    word = str(value).strip().lower() if isinstance(value, (bool, str)) else None
    return {} if word in ("true", "yes") else None if word in ("false", "no") else value


_switch.accepted_forms = accepted.switch_forms()  # type: ignore[attr-defined]


class Arbitration(Section):
    """Arbitration instead of the courts: who administers it, under which rules, where it is seated."""

    institution: Name = Field(
        description=(
            "the institution that administers the arbitration (ICC, LCIA, SIAC, HKIAC, DIS, SCC, Swiss Rules, VIAC, "
            "NAI, CEPANI, JCAA, KCAB, CIETAC, SCCA, BANI, MCIA, CRCICA, DIAC, LCA, CANACO, ICDR, AAA, JAMS, CAM-CCBC, "
            "CAC CCB, CCL, CAM Santiago, CAM Milano, CIIAM, CAM México, ACICA, or a name in its own language), "
            "or 'UNCITRAL' for an ad hoc arbitration under the UNCITRAL Arbitration Rules; an institution with no "
            "record is named as written, under its arbitration rules, with a drafting note"
        ),
        examples=["SIAC"],
    )
    rules: Name | None = Field(
        None,
        description=(
            "the rules, where not the institution's current arbitration rules (e.g. 'the UNCITRAL Arbitration Rules' "
            "administered by the HKIAC)"
        ),
    )
    seat: Name = Field(description="the seat (legal place) of the arbitration, a city", examples=["Singapore"])
    venue: Name | None = Field(
        None,
        description=("where hearings are held, if not at the seat; the seat stays the legal place of the arbitration"),
    )
    arbitrators: WholeNumber = Field(3, description="the number of arbitrators: 1 or 3 (default 3)")
    language: Name | None = Field(None, description="the language of the arbitration (default: the contract's)")
    appointing_authority: Name | None = Field(
        None,
        description=(
            "ad hoc arbitration only: who appoints an arbitrator a party fails to appoint (default: the one the "
            "Secretary-General of the Permanent Court of Arbitration designates)"
        ),
    )
    emergency_arbitrator: bool = Field(
        True,
        description=(
            "false to exclude the emergency arbitrator provisions of the rules (the courts' interim relief stays)"
        ),
    )
    expedited: bool | None = Field(
        None,
        description=(
            "true to agree that the rules' expedited procedure applies whatever the amount in dispute, false to "
            "exclude it; default: as the rules provide"
        ),
    )

    by_law: bool | None = Field(
        None,
        description=(
            "true when the tribunal decides according to law, not in equity or as amiable compositeur (arbitraje "
            "en derecho, arbitragem de direito); default: the contract says nothing of it"
        ),
    )

    @field_validator("arbitrators")
    @classmethod
    def _one_or_three(cls, value: int) -> int:
        if value not in (1, 3):
            raise ValueError(f"{value} arbitrators: write 1 (a sole arbitrator) or 3 (a tribunal of three)")
        return value


class Mediation(Section):
    """Mediation before the final forum."""

    body: Name | None = Field(
        None,
        description=(
            "the body that appoints the mediator if the parties do not agree on one (e.g. 'CEDR', 'the Singapore "
            "International Mediation Centre'); default: an independent mediation body of recognised standing"
        ),
    )


class ExpertDetermination(Section):
    """Technical and service-level disputes decided by an independent expert."""

    body: Name | None = Field(
        None,
        description=(
            "who appoints the expert if the parties do not agree on one (e.g. 'the President of the British "
            "Computer Society'); default: the mediation body or, failing it, the arbitral institution"
        ),
    )
    binding: bool = Field(
        True,
        description=(
            "true: the expert's decision is final and binding except for fraud or manifest error; false: binding "
            "until a final decision of the arbitral tribunal or the courts"
        ),
    )


class Disputes(Section):
    """How disputes are resolved: the tiers and the forum that decides them."""

    courts: Annotated[
        Literal["exclusive", "non-exclusive", "asymmetric"], _choice(COURTS, "courts choice", "'exclusive'")
    ] = Field(
        "exclusive",
        description=(
            "with courts as the forum: 'exclusive' (only the named courts), 'non-exclusive' (the named courts, "
            "without excluding others) or 'asymmetric' (the other party only in the named courts, the party in "
            "`asymmetric_for` in any competent court)"
        ),
    )
    asymmetric_for: Literal["client", "supplier"] = Field(
        "client", description=("with asymmetric courts: the party that may also sue in any other competent court")
    )
    arbitration: Arbitration | None = Field(None, description="arbitration as the final forum (null: the courts)")
    mediation: Annotated[Mediation | None, BeforeValidator(_switch)] = Field(
        Mediation(), description=("mediation after escalation (default on; false for none)")
    )
    expert_determination: Annotated[ExpertDetermination | None, BeforeValidator(_switch)] = Field(
        None, description=("technical and service-level disputes to an independent expert (true for the default terms)")
    )


def identity_warnings(deal: Any) -> list[str]:
    """A final contract's warning for each company party that the deal gives no company or registered number
    (it is named without one, so the contract does not identify the entity in its register)."""
    found = []
    for role in ("client", "supplier"):
        party = getattr(deal.parties, role)
        if party.kind != "company" or party.company_number or party.registered_number:
            continue
        where = f", incorporated in {party.incorporated_in}," if party.incorporated_in else ""
        label = company_view(party).label or "company number"  # what the law of its place calls it ("RUT")
        found.append(
            f"parties.{role}.company_number: the deal gives no {label} for {party.name}{where} so the "
            f"contract names it without one and does not identify the contracting entity in its register; check "
            f"which company of the group signs, where it is incorporated and its registered office, and give its "
            f"number in that register (parties.{role}.company_number)"
        )
    return found


_WITH_ARTICLE = re.compile(r"(?i)the\s+(?P<name>\S.*)")
# A short name written with the article of the deal's own language ("el Banco", "a Contratante", "l'Assureur") reads
# "the Banco …" in the English text; only a lower-case article counts, so a brand ("La Poste", "El Corte Inglés") stays.
_FOREIGN_ARTICLE = re.compile(
    r"(?:(?:el|la|los|las|lo|il|gli|le|les|o|a|os|as|der|die|das|de|het)\s+|l['’]\s*)(?P<name>[A-ZÀ-Þ]\S*.*)"
)


def short_name_article(data: Any) -> Any:
    """A party as written, its short name's article moved to `article`: 'the Bank' (or 'el Banco') → 'Bank' with 'the'."""
    if not isinstance(data, dict) or not isinstance(data.get("short_name"), str):
        return data
    written = " ".join(data["short_name"].split())
    found = _WITH_ARTICLE.fullmatch(written) or _FOREIGN_ARTICLE.fullmatch(written)
    if not found or data.get("article") not in (None, "the"):
        return data  # "The Hague Office" written with `article: none` stays as written
    return {**data, "short_name": found["name"], "article": "the"}


# A statute or office written as a practitioner completes their own language's sentence ("established under dem
# Spitalgesetz …", "represented by die Landesamtsdirektion", "under el Acuerdo Distrital …") takes "the" in the English
# text. Only a lower-case article or contraction before a capital counts; English "a"/"an"/"as" never match.
_FIELD_ARTICLE = re.compile(
    r"(?:el|la|los|las|lo|il|gli|le|les|o|os|der|die|das|dem|den|des|zum|zur|de|het|del|al|du|au|aux|della|dello|"
    r"delle|dei|degli|do|da|dos|no|na)\s+(?P<name>[A-ZÀ-Þ]\S*.*)"
)
_ARTICLE_FIELDS = ("established_under", "represented_by", "acting_through")


def field_articles(data: Any) -> Any:
    """A party as written, a foreign article before its statute or office ('dem Spitalgesetz') read as 'the'."""
    if not isinstance(data, dict):
        return data
    changed = {}
    for field in _ARTICLE_FIELDS:
        written = data.get(field)
        found = _FIELD_ARTICLE.fullmatch(" ".join(written.split())) if isinstance(written, str) else None
        if found:
            changed[field] = f"the {found['name']}"
    return {**data, **changed} if changed else data


# A kind written as a charity's legal form keeps the form for the parties clause; a kind written as a region keeps
# its level ("Region Skåne", kind: region, is a regional body, not a local one).
LEGAL_FORMS = {
    "cio": "charitable incorporated organisation",
    "charitable incorporated organisation": "charitable incorporated organisation",
    "scio": "Scottish charitable incorporated organisation",
    "scottish charitable incorporated organisation": "Scottish charitable incorporated organisation",
    "charitable company": "charitable company",
}
REGIONAL_KINDS = ("region", "regional authority", "regional council")
_KIND_LEVELS = {_kind_key(word): entry["level"] for word, entry in KIND_WORDS.items() if entry.get("level")}
# how a name says its own kind after a comma or in brackets: "…, a partnership", "… (a partnership)", "…, eine GmbH"
_NAMED_KIND = re.compile(
    r"(?i)(?:,\s*|\(\s*)(?:a|an|the|eine?|une?|una?|uma?|en|ett|een|die|der|das)\s+(?P<words>[^,()]+?)\s*\)?\s*$"
)


def written_kind(data: Any) -> Any:
    """A party as written, its kind's legal form (a CIO) and level (a region) kept beside the kind."""
    if not isinstance(data, dict) or not isinstance(data.get("kind"), str):
        return data
    written = " ".join(data["kind"].casefold().replace("_", " ").split())
    if written in LEGAL_FORMS and not data.get("legal_form"):
        data = {**data, "legal_form": LEGAL_FORMS[written]}
    if written in REGIONAL_KINDS and not data.get("level"):
        data = {**data, "level": "regional"}
    level = _KIND_LEVELS.get(_kind_key(data["kind"]))
    if level and not data.get("level"):
        data = {**data, "level": level}  # "state government": a regional body; "commune": a local one
    return data


class WrittenParty(Section):
    """A party's fields as written: a short name's article ('the Bank') is moved to `article`, a state-owned
    company's kind is a company's with `state_owned`."""

    legal_form: Name | None = Field(
        None,
        description="a charity's legal form where it has one: 'charitable incorporated organisation', 'charitable "
        "company' (read from kind: CIO)",
    )
    general_partner: Name | None = Field(
        None,
        description="a limited partnership's general partner, where it is a company (the GmbH of a GmbH & Co. KG, an "
        "LP's corporate general partner): the partnership acts by it and it signs through its own officers",
    )

    @model_validator(mode="before")
    @classmethod
    def _short_name_article(cls, data: Any) -> Any:
        return field_articles(written_kind(short_name_article(state_owned_kind(data))))

    @property
    def names_its_kind(self) -> bool:
        """True where the name already says what kind of party it is ("Mara Systems Integrators, a partnership",
        "Acme (a partnership)", "Beispiel, eine GmbH"): the clause then does not say it again."""
        found = _NAMED_KIND.search(" ".join(str(getattr(self, "name", "")).split()))
        words = found["words"].casefold().strip(" .") if found else ""
        kind = getattr(self, "kind", "")
        return bool(words) and (KINDS.get(words) == kind or words.replace(" ", "_") == kind)

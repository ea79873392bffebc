"""The rules that follow the parties' country, as clause templates see them.

A jurisdiction record's ``contract_language``, ``court_termination``, ``bank_secrecy``, ``working_week`` and
``copyright_transfer`` blocks (``law.schema_national``). The governing law's ``court_termination`` and
``copyright_transfer`` are read as ``law.court_termination`` and ``law.copyright_transfer``; the others follow
where the parties are, so clauses read them as ``home`` (``home_of``): the language the contract is made in,
the client's bank secrecy and the client's weekend. A block a record does not have reads as unknown (empty),
and the clauses keep their general wording.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DEFAULT_WEEKEND = ("Saturday", "Sunday")


@dataclass(frozen=True)
class LanguageRule:
    """A law requiring contracts to be made in the national language (``contract_language``); '' if none."""

    language: str = ""
    parties: str = ""  # "any" or "all": whose establishment in the country brings the rule
    prevails: str = ""  # "agreed" or "national"
    correspondence: bool = False
    law: str = ""


@dataclass(frozen=True)
class CourtTermination:
    """Whether ending a contract for breach needs a court (``law.court_termination``); False/'' if unknown."""

    court_needed: bool = False
    waivable: bool = False
    law: str = ""


@dataclass(frozen=True)
class BankSecrecy:
    """The statutory secrecy a bank owes its customers (``home.bank_secrecy``); '' where none applies."""

    law: str = ""
    covers: str = ""
    providers_bound: bool = False
    after_end: bool = True
    extent: str = ""  # an insurer's secrecy: the business it covers, where not all of it
    undertaking: str = ""  # the provision that makes the client answerable unless each helper is bound to secrecy


@dataclass(frozen=True)
class CopyrightTransfer:
    """The form a transfer of copyright takes (``law.copyright_transfer``); empty where unknown."""

    fields_listed: bool = False
    unknown_fields: bool = True
    written: str = ""
    law: str = ""
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class BreachStatute:
    """The place's data-breach notification statute (``law.breach_notice``); '' where the record has none."""

    law: str = ""
    holder: str = ""  # when a person maintaining data it does not own tells the owner
    authority: str = ""  # whom the owner notifies, and when


@dataclass(frozen=True)
class NationalRules:
    """The blocks of this module of one jurisdiction record, each unknown when the record lacks it."""

    language: LanguageRule = field(default_factory=LanguageRule)
    court_termination: CourtTermination = field(default_factory=CourtTermination)
    bank_secrecy: BankSecrecy = field(default_factory=BankSecrecy)
    insurer_secrecy: BankSecrecy = field(default_factory=BankSecrecy)  # an insurer's, in the same shape
    weekend: tuple[str, ...] = ()  # () where the record does not say
    copyright_transfer: CopyrightTransfer = field(default_factory=CopyrightTransfer)
    breach_notice: BreachStatute = field(default_factory=BreachStatute)


def national_rules(data: dict[str, Any]) -> NationalRules:
    """The national-rule blocks of a jurisdiction record's data (unknown where a block is missing)."""
    lang = data.get("contract_language") or {}
    court = data.get("court_termination") or {}
    secrecy = data.get("bank_secrecy") or {}
    insurer = data.get("insurer_secrecy") or {}
    week = data.get("working_week") or {}
    copyright_ = data.get("copyright_transfer") or {}
    breach = data.get("breach_notice") or {}
    return NationalRules(
        language=LanguageRule(
            language=str(lang.get("language") or ""), parties=str(lang.get("parties") or ""),
            prevails=str(lang.get("prevails") or ""), correspondence=bool(lang.get("correspondence")),
            law=str(lang.get("law") or ""),
        ),
        court_termination=CourtTermination(
            court_needed=bool(court.get("court_needed")), waivable=bool(court.get("waivable")),
            law=str(court.get("law") or ""),
        ),
        bank_secrecy=BankSecrecy(
            law=str(secrecy.get("law") or ""), covers=str(secrecy.get("covers") or ""),
            providers_bound=bool(secrecy.get("providers_bound")), after_end=secrecy.get("after_end", True) is not False,
        ),
        insurer_secrecy=BankSecrecy(
            law=str(insurer.get("law") or ""), covers=str(insurer.get("covers") or ""),
            providers_bound=bool(insurer.get("providers_bound")), after_end=insurer.get("after_end", True) is not False,
            extent=str(insurer.get("extent") or ""), undertaking=str(insurer.get("undertaking") or ""),
        ),
        weekend=tuple(str(day) for day in week.get("weekend") or ()),
        copyright_transfer=CopyrightTransfer(
            fields_listed=bool(copyright_.get("fields_listed")),
            unknown_fields=copyright_.get("unknown_fields", True) is not False,
            written=str(copyright_.get("written") or ""), law=str(copyright_.get("law") or ""),
            fields=tuple(str(f) for f in copyright_.get("fields") or ()),
        ),
        breach_notice=BreachStatute(
            law=str(breach.get("law") or ""), holder=str(breach.get("holder") or ""),
            authority=str(breach.get("authority") or ""),
        ),
    )  # fmt: skip


@dataclass(frozen=True)
class ContractLanguage:
    """The languages the contract is made in (``home.language``).

    ``texts`` lists every language it is made in, the prevailing one first; ``national`` is the language a
    party's country requires ('' where no law does), ``law`` that law's provisions.
    """

    prevailing: str
    texts: tuple[str, ...]
    translations: tuple[str, ...]
    national: str = ""
    others: tuple[str, ...] = ()  # the texts other than the national one
    law: str = ""
    correspondence: bool = False  # the law requires the parties' correspondence in the national language too
    chosen: bool = False  # the deal itself says which text prevails
    public: bool = False  # the national text is there because the client is a public body that contracts in it
    exclusive: str = ""  # the public body contracts in it only: when another language's version may be attached


@dataclass(frozen=True)
class Home:
    """What the parties' countries bring (``home``): the contract's languages, the client's bank secrecy, its weekend."""

    language: ContractLanguage
    bank_secrecy: BankSecrecy = field(default_factory=BankSecrecy)
    insurer_secrecy: BankSecrecy = field(default_factory=BankSecrecy)  # an insurer client's statutory secrecy
    weekend: tuple[str, ...] = DEFAULT_WEEKEND
    country: str = ""  # the client's country, whose rules these are


def rules_of_country(country: str, records: dict[str, Any]) -> NationalRules:
    """The national rules recorded for a country: each block from the first of its records that has it."""
    found = [record.national for record in records.values() if country and record.country == country]
    empty = NationalRules()

    def pick(name: str) -> Any:
        return next((getattr(r, name) for r in found if getattr(r, name) != getattr(empty, name)), getattr(empty, name))

    return NationalRules(
        language=pick("language"),
        court_termination=pick("court_termination"),
        bank_secrecy=pick("bank_secrecy"),
        insurer_secrecy=pick("insurer_secrecy"),
        weekend=pick("weekend"),
        copyright_transfer=pick("copyright_transfer"),
    )


def contract_language(
    prevailing: str,
    translations: tuple[str, ...],
    chosen: bool,
    countries: tuple[str, ...],
    records: dict[str, Any],
    public: tuple[str, ...] = ("", ""),
) -> ContractLanguage:
    """The languages of a contract between parties of `countries`: the deal's, and a national language a law requires.

    A law requiring a party's country's language adds a text in it. Which text prevails: the deal's choice where
    it states one and the law lets the parties choose; else the national text, as such a law expects. A public-body
    client that contracts in its official language (`public`: the language and its law) brings a text in that
    language, which prevails (or alone has effect, where its law makes the contract in that language only:
    `public[2]` says when a version in another language may be attached).
    """
    known = [c for c in countries if c]
    for country in dict.fromkeys(known):
        rule = rules_of_country(country, records).language
        if public[0]:  # the public body's own language comes first and always prevails
            # a law making the contract in its language only reaches the documents given under it too (Quebec: s 21.3)
            exclusive = public[2] if len(public) > 2 else ""
            rule = LanguageRule(
                language=public[0], parties="any", prevails="national", law=public[1], correspondence=bool(exclusive)
            )
        applies = rule.language and (rule.parties == "any" or (len(known) == 2 and all(c == country for c in known)))
        if not applies:
            continue
        national = rule.language
        if national.casefold() == prevailing.casefold() or national.casefold() in map(str.casefold, translations):
            others = tuple(t for t in (prevailing, *translations) if t.casefold() != national.casefold())
        else:
            others = (prevailing, *translations)
        keep = chosen and rule.prevails == "agreed" and prevailing.casefold() != national.casefold()
        first = prevailing if keep else national
        texts = (first, *(t for t in (national, *others) if t != first))
        texts = tuple(dict.fromkeys(texts))
        return ContractLanguage(
            prevailing=first, texts=texts, translations=(), national=national,
            others=tuple(t for t in texts if t != national), law=rule.law, correspondence=rule.correspondence, chosen=chosen,
            public=bool(public[0]), exclusive=public[2] if public[0] and len(public) > 2 else "",
        )  # fmt: skip
    return ContractLanguage(prevailing=prevailing, texts=(prevailing,), translations=translations, chosen=chosen)


def home_of(language: ContractLanguage, client_country: str, client_sector: str, records: dict[str, Any]) -> Home:
    """What the parties' countries bring to the contract: its languages, a bank client's secrecy, the weekend."""
    rules = rules_of_country(client_country, records)
    secrecy = rules.bank_secrecy if client_sector == "bank" else BankSecrecy()
    insurer = rules.insurer_secrecy if client_sector == "insurer" else BankSecrecy()
    return Home(
        language=language, bank_secrecy=secrecy, insurer_secrecy=insurer, weekend=rules.weekend or DEFAULT_WEEKEND,
        country=client_country,
    )  # fmt: skip

"""A deal silent on how soon the supplier reports a personal data breach: most privacy laws set that rule themselves
(the GDPR's processor notifies "without undue delay", Kenya's within 48 hours), so lawyers leave it out. The draft
takes the listed law's rule for a processor, with a note; where no listed law records one, it proposes a period in
square brackets, with a note."""

from __future__ import annotations

from typing import Any

from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.deal.readings.sector import assume
from contractgen.law.privacy import breach_rule
from contractgen.law.regimes import deal_regulations


def apply_breach_notice(deal: Any) -> tuple[Any, list[Finding]]:
    """The deal with the law's processor notice period where it gives one and the deal states none, and a note
    (a draft) or a build warning (a final document) saying what the draft prints instead of a stated period."""
    dp = deal.data_protection
    if dp is None or not dp.personal_data or dp.breach_notification is not None:
        return deal, []
    applied, _ = deal_regulations(deal)
    regimes = [r for r in applied if r.family != "hipaa"] or applied
    rule = breach_rule(regimes)
    laws = " and ".join(r.name for r in regimes) or "no privacy law"
    if rule.within is not None:
        deal = deal.model_copy(update={"data_protection": dp.model_copy(update={"breach_notification": rule.within})})
        drafted = (
            f"the draft has the supplier notify the client {rule.words + ', and in any event ' if rule.words else ''}"
            f"within {rule.within}, the period {rule.law} gives a processor ({rule.source})"
        )
    elif rule.words:
        drafted = (
            f"the draft has the supplier notify the client {rule.words}, as {rule.law} requires of a processor "
            f"({rule.source}), with no fixed period"
        )
    elif rule.proposed is not None:
        drafted = (
            f"the draft proposes that the supplier notify the client without undue delay and in any event within "
            f"[{rule.proposed}], in square brackets: no record of the privacy laws listed ({laws}) gives a "
            "processor's notice rule"
        )
    else:
        return deal, []  # the law's own words for the notice are printed (the CCPA's "immediately following discovery")
    finding = Finding(
        ("data_protection", "breach_notification"), "breach-notice-default", rule.law or laws,
        "the deal states no period for the supplier's notice of a personal data breach", drafted,
        "the period the parties agree, shorter than the client's own deadline to notify the authority "
        "(data_protection.breach_notification)", "breach-notification",
    )  # fmt: skip
    if prints_as_draft(deal):
        return deal, [finding]
    return assume(deal, f"data_protection.breach_notification: {finding.unrecognised}; {finding.drafted}"), []

"""Security terms a deal with a security section leaves out: the market's usual vulnerability remediation periods
by severity and encryption at rest, stated in the draft as defaults, each with a drafting note (a build warning for
a final document), so that no security schedule promises "a period appropriate to its severity"."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from contractgen import yamlload
from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.deal.readings.sector import assume
from contractgen.deal.sections import VulnerabilityRemediation

SECURITY_DEFAULTS = Path(__file__).parent.parent / "data" / "security_defaults.yaml"


@lru_cache(maxsize=1)
def security_defaults() -> dict[str, Any]:
    """The default security terms (data/security_defaults.yaml)."""
    data: dict[str, Any] = yamlload.safe_load(SECURITY_DEFAULTS.read_text("utf-8"))
    return data


def apply_security_defaults(deal: Any) -> tuple[Any, list[Finding]]:
    """Return the deal with the default remediation periods and encryption at rest where its security section
    states none, and a note for each (for a final document, build warnings)."""
    security = deal.security
    if security is None:
        return deal, []
    defaults = security_defaults()
    update: dict[str, Any] = {}
    found: list[Finding] = []
    periods = security.vulnerability_remediation
    if periods is None or not (periods.critical or periods.high):
        table = defaults["vulnerability_remediation"]
        update["vulnerability_remediation"] = VulnerabilityRemediation.model_validate(table)
        words = ", ".join(f"{severity} {period}" for severity, period in table.items())
        found.append(Finding(("security", "vulnerability_remediation"), "default-security-term", "vulnerability-remediation",
                             "the deal states no vulnerability remediation periods",
                             f"the draft states the market's usual periods as defaults ({words})",
                             "the periods the client requires (security.vulnerability_remediation)",
                             "information-security"))  # fmt: skip
    if not security.encryption_at_rest:
        standard = defaults["encryption_at_rest"]
        update["encryption_at_rest"] = standard
        found.append(Finding(("security", "encryption_at_rest"), "default-security-term", "encryption-at-rest",
                             "the deal does not say how the client's information is encrypted at rest",
                             f"the draft requires {standard} or a stronger standard as a default, for all of the "
                             "client's information",
                             "the standard the client requires (security.encryption_at_rest)",
                             "information-security"))  # fmt: skip
    if not update:
        return deal, []
    written = "security" in deal.model_fields_set
    deal = deal.model_copy(update={"security": security.model_copy(update=update)})
    if not written:  # a section the deal does not write stays unwritten: its own default note still says so
        deal.__pydantic_fields_set__.discard("security")
    if prints_as_draft(deal):
        return deal, found
    return assume(
        deal, "; ".join(f"{'.'.join(f.path)}: {f.unrecognised}; {f.drafted}; check {f.check}" for f in found)
    ), []

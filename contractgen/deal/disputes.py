"""How disputes are decided, as the deal writes it: the courts' jurisdiction, or arbitration, and the
steps before them (escalation, mediation, expert determination).

Data only. A deal may instead write its arbitration in ``contract.jurisdiction`` as practitioners do
("arbitration administered by the HKIAC under its Administered Rules, seated in Hong Kong"); the
law records read both forms into one view for the clauses (``deal.forums``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, field_validator

from contractgen.deal import accepted
from contractgen.deal.fields import Name, Section, WholeNumber, _choice

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
            "NAI, CEPANI, JCAA, KCAB, CIETAC, SCCA, BANI, MCIA, CRCICA, DIAC, LCA, CANACO, ICDR, AAA, JAMS, CAM-CCBC), "
            "or 'UNCITRAL' for an ad hoc arbitration under the UNCITRAL Arbitration Rules"
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

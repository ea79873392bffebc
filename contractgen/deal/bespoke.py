"""The deal's own words: riders (special conditions) and overrides of a clause or a paragraph.

They are the one part of a deal that is a template: Markdown with the same Jinja variables as the
library's clauses, rendered in the same sandbox with the same limits (see contractgen.pipeline).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints

from contractgen.deal.fields import ClauseId, Name, Section, _check_characters, _pattern

BespokeText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50000), AfterValidator(_check_characters)
]
# A cross-reference target: a clause id (the whole clause) or a paragraph anchor ({#anchor} in the clause).
Target = Annotated[
    str, StringConstraints(strip_whitespace=True),
    _pattern(r"[a-z0-9][a-z0-9-]{0,79}", "a clause id or a paragraph anchor (lower-case letters, digits and '-')"),
]  # fmt: skip


class Rider(Section):
    """A special condition of this deal, numbered and cross-referenced like any clause."""

    after: ClauseId = Field(
        description=("the clause it follows (a clause id of the outline, or a variant's, or another rider's id)"),
        examples=["service-credits"],
    )
    title: Name = Field(description="its heading", examples=["Earn-back of Service Credits"])
    text: BespokeText = Field(
        description=(
            "its text: Markdown with the same Jinja variables as a library clause ({{ SUPPLIER }}, {{ commercials… }})"
        ),
        examples=[
            "{{ SUPPLIER|cap }} may earn back a Service Credit by meeting the Service Level for the next three months."
        ],
    )
    id: ClauseId | None = Field(
        None,
        description=("its anchor for cross-references ([](#id)); default: the title in lower case joined by '-'"),
        examples=["earn-back"],
    )

    @property
    def anchor(self) -> str:
        """Return the rider's id, or its title as an id ("Earn-back of Service Credits" → "earn-back-of-service-credits")."""
        import re

        return self.id or re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")[:80] or "rider"


def _none_is_no_override(value):
    return {} if value is None else value


_none_is_no_override.accepted_forms = {"type": "null"}  # type: ignore[attr-defined]

Overrides = Annotated[
    dict[Target, BespokeText],
    BeforeValidator(_none_is_no_override),
    Field(
        description=(
            "this deal's own text for one clause (keyed by its clause id) or one paragraph (keyed by its {#anchor}): Markdown "
            "with the same Jinja variables as the library's clauses"
        ),
        examples=[{"costs": "Each Party pays its own costs of negotiating and entering into this Agreement."}],
        json_schema_extra={"propertyNames": {"pattern": "^[a-z0-9][a-z0-9-]{0,79}$"}},
    ),
]

__all__ = ["BespokeText", "Overrides", "Rider", "Target"]

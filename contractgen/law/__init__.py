"""The law stage: load the law records (``law/<kind>/<id>.yaml``) and resolve what a deal names.

Jurisdictions (with their legal families), privacy laws (with supplements and adequacy lists),
transfer mechanisms, sector regulation and arbitration forums are data a lawyer edits, each record
with its sources and ``as_of`` date; a contracts repository's own ``law/`` overrides or adds to the
built-in records. Inside the package imports run one way:
library ← jurisdictions, sector ← regimes ← transfers ← privacy; schema and usage read the records.
The deal loader uses this stage to validate what a deal names; it never imports the deal.
"""

from __future__ import annotations

from contractgen.law.library import KINDS, LawError, LawLibrary, Record, active, library, use_law, using

__all__ = ["KINDS", "LawError", "LawLibrary", "Record", "active", "library", "use_law", "using"]

"""The law stage: load the law records (``law/<kind>/<id>.yaml``) and resolve what a deal names.

Jurisdictions (with their legal families and employee-transfer rules), privacy laws (with
supplements and adequacy lists), transfer mechanisms, sector regulation, arbitration forums, seats
and treaties are data a lawyer edits, each record with its sources and ``as_of`` date; a contracts
repository's own ``law/`` overrides or adds to the built-in records. Inside the package imports run
one way: library ← jurisdictions, sector, employment, forums ← regimes ← transfers ← privacy, usage;
schema (one model and JSON Schema per kind) ← checks (what lint runs).
The deal loader uses this stage to validate what a deal names; it never imports the deal.
"""

from __future__ import annotations

from contractgen.errors import LawError
from contractgen.law.library import KINDS, LawLibrary, Record, active, library, use_law, using

__all__ = ["KINDS", "LawError", "LawLibrary", "Record", "active", "library", "use_law", "using"]

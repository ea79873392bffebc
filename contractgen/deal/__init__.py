"""The deal stage: read a deal specification (YAML) safely, validate it, check its rules.

``load_deal(path)`` returns a ``DealSource``: the validated ``Deal`` (data only) with its
path, raw bytes and sha256. What the law says about the deal (jurisdictions, privacy regimes,
transfers, sector regulation) is read from the law stage (``contractgen.law``), one rank below.
Inside the package imports run one way: accepted ← fields ← sections, parties ← model ← rules ←
load; notes ← inference ← derived ← rules; yamlsource ← notes, load (its JSON Schema reads the model).
The public names are imported on first use, so importing one module of the package (say,
``fields``) does not build the whole model.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what the type checker sees of the names imported on first use below
    from contractgen.deal.load import DealSource as DealSource
    from contractgen.deal.load import load_deal as load_deal
    from contractgen.deal.load import validate_data as validate_data
    from contractgen.deal.model import Deal as Deal
    from contractgen.deal.yamlsource import deal_json_schema as deal_json_schema

_PUBLIC = {
    "Deal": "contractgen.deal.model",
    "DealSource": "contractgen.deal.load",
    "deal_json_schema": "contractgen.deal.yamlsource",
    "load_deal": "contractgen.deal.load",
    "validate_data": "contractgen.deal.load",
}
__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    """Import a public name of the package on first use."""
    if name not in _PUBLIC:
        raise AttributeError(f"module 'contractgen.deal' has no attribute {name!r}")

    return getattr(importlib.import_module(_PUBLIC[name]), name)

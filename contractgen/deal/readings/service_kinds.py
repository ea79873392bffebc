"""Kinds of service a practitioner names ('Payments Processing', 'Managed Hosting', 'Zahlungsverkehr'), read from a
service's name, its description or the contract's title, each with the activities, exclusions and support hours such a
service usually has (contractgen/deal/data/service_kinds.yaml)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from contractgen import yamlload
from contractgen.deal.derived import service_kind

SERVICE_KINDS = Path(__file__).parent.parent / "data" / "service_kinds.yaml"


@lru_cache(maxsize=1)
def service_kinds() -> dict[str, dict[str, Any]]:
    """Every kind in the table, in the order they are tried, with its words, activities, exclusions and hours."""
    data: dict[str, dict[str, Any]] = yamlload.safe_load(SERVICE_KINDS.read_text("utf-8"))["kinds"]
    return data


@lru_cache(maxsize=None)
def _pattern(kind: str) -> re.Pattern[str]:
    words = sorted(service_kinds()[kind]["words"], key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def _kind_in(text: str) -> str:
    return next((kind for kind in service_kinds() if _pattern(kind).search(text or "")), "")


def table_kind(deal: Any, service: Any) -> tuple[str, str]:
    """The table's kind of a service and where it was read ('its name', 'its description', "the contract's title"),
    or ("", ""); a service the Service Descriptions clause drafts by its own kind (service_kind) has none here."""
    if service_kind(service):
        return "", ""
    for where, text in (("its name", service.name), ("its description", getattr(service, "description", None))):
        if kind := _kind_in(str(text or "")):
            return kind, where
    if len(deal.scope.services) == 1 and (kind := _kind_in(str(deal.contract.title or ""))):
        return kind, "the contract's title"
    return "", ""

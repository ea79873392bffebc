"""Sector regulation as data: the regimes a deal names in `regulatory`, matched to the records
in data/sector_regimes.yaml (title, authority, incident reporting deadline, source)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic_core import PydanticCustomError, core_schema

from contractgen.values.durations import Duration
from contractgen import yamlload

DATA = Path(__file__).with_name("data") / "sector_regimes.yaml"


class SectorRegime(str):
    """A regime named in a deal: compares equal to its key ('DORA'); carries its record.

    As a pydantic field type it accepts any known name or alias and serialises as the key.
    """

    title: str = ""
    authority: str = ""
    report_within: Duration | None = None
    supplier_notice: Duration | None = None
    source: str = ""

    def __new__(cls, key: str, record: dict) -> SectorRegime:
        self = super().__new__(cls, key)
        self.title = str(record["title"])
        self.authority = str(record.get("authority") or "")
        self.report_within = Duration.parse(record["report_within"]) if record.get("report_within") else None
        self.supplier_notice = Duration.parse(record["supplier_notice"]) if record.get("supplier_notice") else None
        self.source = str(record.get("source") or "")
        return self


    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(
            _validate, core_schema.str_schema(strip_whitespace=True, min_length=1, max_length=200),
            serialization=core_schema.plain_serializer_function_ser_schema(str))

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return {"type": "string", "enum": list(load_sector_regimes()),
                "description": "a sector regime; aliases such as 'SS2/21' or 'Regulation (EU) 2022/2554' are accepted"}


def _validate(value: str) -> SectorRegime:
    try:
        return find_sector_regime(value)
    except ValueError as exc:
        raise PydanticCustomError("sector_regime", "{message}", {"message": str(exc)}) from None


def _normal(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.casefold())


@lru_cache(maxsize=2)
def load_sector_regimes(path: Path = DATA) -> dict[str, SectorRegime]:
    """Return every sector regime record by key."""
    data = yamlload.safe_load(path.read_text(encoding="utf-8"))
    return {str(key): SectorRegime(str(key), record) for key, record in data["regimes"].items()}


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    index = {}
    records = yamlload.safe_load(DATA.read_text(encoding="utf-8"))["regimes"]  # parsed once, not once per regime
    for key, regime in load_sector_regimes().items():
        index[_normal(key)] = key
        for alias in records[key].get("aliases") or ():
            index[_normal(str(alias))] = key
    return index


def find_sector_regime(text: str) -> SectorRegime:
    """Return the regime a deal means by `text`; ValueError naming the known regimes if none."""
    key = _index().get(_normal(text))
    if key is None:
        known = ", ".join(load_sector_regimes())
        raise ValueError(f"{text!r} is not a known sector regime (known: {known}); "
                         "data protection laws go in data_protection.regulations")
    return load_sector_regimes()[key]

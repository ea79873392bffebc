"""Hypothesis strategies for valid deal specifications (cross-field rules included).

``deals()`` starts from the reference deal (``deal-example.yaml``) and mutates it: parties,
services, service levels, optional sections, pricing model, locale, currency, sourcing and
data-protection regime all vary, always within the rules of ``contractgen.deal.rules``. Free
text is drawn from a hostile alphabet (Markdown, HTML and Jinja specials, non-ASCII letters,
no control characters) and every value the contract prints is recorded in ``printed`` so a
test can look for it in the outputs.

A generated deal is a plain dict of strings (as ``yamlsource`` returns them); ``yaml_text``
dumps it with ``yaml.safe_dump`` so tests go through the real loader.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import yaml
from hypothesis import strategies as st

from contractgen.deal.derived import PERIOD_MINUTES, overlap_figures
from contractgen.values.durations import ClockRange, Duration
from contractgen.deal.yamlsource import load_deal_file
from tests.helpers import REFERENCE

BASE, _ = load_deal_file(REFERENCE)

# ---------------------------------------------------------------- text

LETTERS = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "éèêëàâäçñøåæßœłśźżąęőűčřšžğışÉÅÇØŁŚŽ"  # Latin
    "αβγδλπσωΩΔ"  # Greek
    "ждяёЖДЯЁ"  # Cyrillic
)
DIGITS = "0123456789"
SPECIALS = "*_[]()#<>{}|\\`~!&%$'\"-+=.,;:/?@^"
FRAGMENTS = [
    "{{ 7*7 }}", "{{ ''.__class__ }}", "{% raw %}", "{% if true %}x{% endif %}", "{{", "}}", "{%", "%}",
    "{#", "#}", "{##", "**bold**", "__under__", "*em*", "[click](file:///etc/passwd)", "[](#parties)",
    "<b>", "</p>", '<img src="file:///etc/hostname">', '<link rel="attachment" href="file:///etc/passwd">',
    "&amp;", "&lt;", "#", "-", "1.", ">", "|", "\\", "`code`", "{#anchor}", "<!-- c -->", "~~x~~",
    "NO", "012345", "12:30", "null", "~", "yes", "1e3", "0x1F",
]  # fmt: skip

_word = st.one_of(
    st.text(st.sampled_from(LETTERS), min_size=1, max_size=10),
    st.text(st.sampled_from(LETTERS + DIGITS + SPECIALS), min_size=1, max_size=8),
    st.sampled_from(FRAGMENTS),
)


def free_text(max_words: int = 8, max_size: int = 200) -> st.SearchStrategy[str]:
    """Single-line text of words and hostile fragments joined by single spaces."""
    return (
        st.lists(_word, min_size=1, max_size=max_words)
        .map(lambda words: " ".join(words)[:max_size].strip())
        .filter(bool)
    )


names = free_text(6, 120)
texts = free_text(12, 400)


def _text_pool(size: int, max_words: int, seed: int) -> list[str]:
    """A fixed pool of hostile texts built like free_text (for cheap, high-volume runs)."""
    import random

    rng = random.Random(seed)
    pool = []
    for _ in range(size):
        words = []
        for _ in range(rng.randint(1, max_words)):
            kind = rng.random()
            if kind < 0.4:
                words.append("".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 10))))
            elif kind < 0.7:
                words.append("".join(rng.choice(LETTERS + DIGITS + SPECIALS) for _ in range(rng.randint(1, 8))))
            else:
                words.append(rng.choice(FRAGMENTS))
        pool.append(" ".join(words).strip() or "x")
    return pool


# Cheap stand-ins: sampling from a pool costs one draw instead of dozens.
pooled_names = st.sampled_from(_text_pool(256, 6, 1))
pooled_texts = st.sampled_from(_text_pool(256, 12, 2))
short_names = st.one_of(
    st.sampled_from(["Client", "Customer", "Supplier", "Provider", "Vendor", "Company"]),
    st.text(st.sampled_from(LETTERS), min_size=3, max_size=12).map(lambda s: s[:1].upper() + s[1:]),
)

# ---------------------------------------------------------------- helpers

durations = st.one_of(
    st.builds(Duration, st.integers(1, 120), st.sampled_from(["minute", "week", "month"])),
    st.builds(Duration, st.integers(1, 120), st.sampled_from(["hour", "day"]), st.booleans()),
)
percent = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100"), places=2)
money = st.decimals(min_value=Decimal("0"), max_value=Decimal("10000000"), places=2).map(str)
positive_money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("10000000"), places=2).map(str)
ids = st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,7}", fullmatch=True)
pooled_ids = st.sampled_from(
    [
        "SD",
        "INF",
        "AMS",
        "A",
        "z",
        "EHR",
        "a-b_c",
        "Q9",
        "x_",
        "Svc-1",
        "HOST",
        "QA",
        "NO",
        "Y",
        "on",
        "T12",
        "abcdefghijklmnopqrst",
    ]
)

CLIENT_PLACES = [
    ("Europe/London", "08:00-18:00"),
    ("Europe/Dublin", "09:00-17:30"),
    ("America/New_York", "08:00-18:00"),
    ("Europe/Berlin", "08:00-17:00"),
]
CENTRES = [
    {"city": "Pune", "country": "IN", "timezone": "Asia/Kolkata", "business_hours": "09:00-18:00"},
    {"city": "Kraków", "country": "PL", "timezone": "Europe/Warsaw", "business_hours": "08:00-16:00"},
    {"city": "Wrocław", "country": "PL", "timezone": "Europe/Warsaw", "business_hours": "09:00-17:00"},
    {"city": "Austin", "country": "US", "timezone": "America/Chicago", "business_hours": "07:00-19:00"},
    {"city": "Dublin", "country": "IE", "timezone": "Europe/Dublin", "business_hours": "08:00-18:00"},
    {"city": "Manila", "country": "PH", "timezone": "Asia/Manila", "business_hours": "14:00-23:00"},
    {"city": "Leeds", "country": "GB", "timezone": "Europe/London", "business_hours": "08:00-17:00"},
]
GDPR_REGULATIONS = ["UK GDPR", "GDPR", "EU GDPR", "Data Protection Act 2018"]
HIPAA_REGULATIONS = ["HIPAA Privacy, Security and Breach Notification Rules", "HITECH Act"]


@dataclass
class GeneratedDeal:
    """A valid deal as loaded data, plus the free-text values its contract prints."""

    data: dict[str, Any]
    printed: list[tuple[str, str]] = field(default_factory=list)  # (field path, value as validated)

    def yaml_text(self) -> str:
        """The deal as YAML text (through yaml.safe_dump, as a user might write it)."""
        return yaml_text(self.data)


def yaml_text(data: dict[str, Any]) -> str:
    """Dump loaded deal data to YAML text that the real loader reads back unchanged."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=10_000)


def _ordered_times(draw, count: int) -> list[tuple[Duration, Duration]]:
    """Response/resolution pairs, response ≤ resolution, each at least as fast as the next priority."""
    pairs = [sorted(draw(st.tuples(durations, durations)), key=lambda d: d.minutes) for _ in range(count)]
    responses = sorted((p[0] for p in pairs), key=lambda d: d.minutes)
    resolutions = sorted((p[1] for p in pairs), key=lambda d: d.minutes)
    return list(zip(responses, resolutions))


# ---------------------------------------------------------------- the deal


@st.composite
def deals(draw, cheap: bool = False) -> GeneratedDeal:
    """A valid deal specification derived from the reference deal.

    ``cheap=True`` draws free text from fixed pools of hostile strings: far fewer choices per
    example, for runs of thousands of specs.
    """
    names, texts = (pooled_names, pooled_texts) if cheap else (globals()["names"], globals()["texts"])
    service_id = pooled_ids if cheap else ids
    data = copy.deepcopy(BASE)
    printed: list[tuple[str, str]] = []

    def text(path: str, strategy=None) -> str:
        value = draw(names if strategy is None else strategy)
        printed.append((path, value))
        return value

    # contract
    contract = data["contract"]
    contract["title"] = text("contract.title")
    contract["locale"] = draw(st.sampled_from(["en_GB", "en_US", "en_IE"]))
    contract["draft"] = draw(st.sampled_from(["true", "false"]))
    effective = draw(st.dates(date(2024, 1, 1), date(2030, 12, 31)))
    contract["effective_date"] = effective.isoformat()
    if draw(st.booleans()):
        contract["reference"] = draw(names)
    else:
        contract.pop("reference")

    # parties
    client_tz, client_hours = draw(st.sampled_from(CLIENT_PLACES))
    for role in ("client", "supplier"):
        party = data["parties"][role]
        party["name"] = text(f"parties.{role}.name")
        party["address"] = text(f"parties.{role}.address", texts)
        party["short_name"] = draw(short_names)
        if draw(st.booleans()):
            party["signatory"] = {"name": draw(names), "title": draw(names)}
    if data["parties"]["client"]["short_name"] == data["parties"]["supplier"]["short_name"]:
        data["parties"]["supplier"]["short_name"] += "Co"
    data["parties"]["client"].update(timezone=client_tz, business_hours=client_hours)

    # scope
    count = draw(st.integers(1, 5))
    service_ids = draw(st.lists(service_id, min_size=count, max_size=count, unique_by=str.lower))
    services = []
    for i, sid in enumerate(service_ids):
        base = f"scope.services[{i}]"
        service: dict[str, Any] = {"id": sid, "name": text(f"{base}.name")}
        if draw(st.booleans()):
            service["description"] = text(f"{base}.description", texts)
        if draw(st.booleans()):
            service["support_hours"] = draw(st.sampled_from(["24x7", "Monday-Friday 08:00-18:00", "12:30"]))
        for key in ("in_scope", "out_of_scope"):
            items = draw(st.lists(texts, max_size=3))
            service[key] = items
            printed += [(f"{base}.{key}[{j}]", item) for j, item in enumerate(items)]
        services.append(service)
    data["scope"]["services"] = services
    if draw(st.booleans()):
        data["scope"]["summary"] = draw(texts)
    else:
        data["scope"].pop("summary")

    # term (first: deliverables and notices depend on it)
    initial_months = draw(st.integers(12, 60))
    term: dict[str, Any] = {"initial_term": f"{initial_months} months"}
    if draw(st.booleans()):
        term["renewal"] = {"period": "12 months", "notice": f"{draw(st.integers(1, 300))} days"}
    if draw(st.booleans()):
        term["termination_for_convenience"] = {"notice": f"{draw(st.integers(1, 300))} days"}
    if draw(st.booleans()):
        term["exit"] = {
            "assistance_period": f"{draw(st.integers(1, 12))} months",
            "exit_plan_within": f"{draw(st.integers(1, 300))} days",
        }
    data["term"] = term

    # deliverables
    if draw(st.booleans()):
        deliverables = []
        for i in range(draw(st.integers(1, 3))):
            due = effective + timedelta(days=draw(st.integers(0, initial_months * 28 - 1)))
            item: dict[str, Any] = {"id": f"D{i + 1}", "name": text(f"deliverables[{i}].name"), "due": due.isoformat()}
            if draw(st.booleans()):
                item["description"] = draw(texts)
                item["acceptance"] = draw(texts)
            if draw(st.booleans()):
                item["payment"] = draw(money)
            deliverables.append(item)
        data["deliverables"] = deliverables
    else:
        data.pop("deliverables")

    # service levels
    if draw(st.booleans()):
        data["service_levels"] = _service_levels(draw, service_ids, initial_months, names, texts)
    else:
        data.pop("service_levels")

    # sourcing (hours that overlap enough)
    if draw(st.booleans()):
        centres = draw(st.lists(st.sampled_from(CENTRES), min_size=1, max_size=3, unique_by=lambda c: c["city"]))
        sourcing: dict[str, Any] = {
            "model": draw(st.sampled_from(["onshore", "nearshore", "offshore"])),
            "delivery_centres": copy.deepcopy(centres),
            "service_languages": draw(st.lists(names, min_size=0, max_size=2)),
        }
        if draw(st.booleans()):
            worst = min(
                overlap_figures(
                    effective.year,
                    client_tz,
                    ClockRange.parse(client_hours),
                    c["timezone"],
                    ClockRange.parse(c["business_hours"]),
                )[2]
                for c in centres
            )
            sourcing["core_overlap_hours"] = str(draw(st.integers(0, math.floor(worst))))
        data["sourcing"] = sourcing
    else:
        data.pop("sourcing")
        centres = []

    # data protection: GDPR, HIPAA or no personal data
    regime = draw(st.sampled_from(["gdpr", "hipaa", "none", "absent"]))
    if regime == "absent":
        data.pop("data_protection")
    elif regime == "none":
        data["data_protection"] = {"personal_data": "false"}
    else:
        gdpr = regime == "gdpr"
        regulations = draw(
            st.lists(
                st.sampled_from(GDPR_REGULATIONS if gdpr else HIPAA_REGULATIONS), min_size=1, max_size=2, unique=True
            )
        )
        roles = (
            {"client": "controller", "supplier": "processor"}
            if gdpr
            else {"client": "covered entity", "supplier": "business associate"}
        )
        breach = draw(
            st.sampled_from(
                ["24 hours", "48 hours", "72 hours", "3 days"] if gdpr else ["10 business days", "30 days", "60 days"]
            )
        )
        subprocessors = draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "name": names,
                        "country": st.sampled_from(["GB", "US", "PL", "IN", "IE"]),
                        "purpose": texts,
                    }
                ),
                max_size=2,
            )
        )
        countries = sorted({c["country"] for c in centres} | {s["country"] for s in subprocessors})
        dp: dict[str, Any] = {
            "personal_data": "true",
            "regulations": regulations,
            "roles": roles,
            "data_subjects": draw(st.lists(names, min_size=1, max_size=3)),
            "data_categories": draw(st.lists(names, min_size=1, max_size=3)),
            "special_categories": draw(st.lists(names, max_size=1)),
            "breach_notification": breach,
            "data_residency": countries if draw(st.booleans()) else [],
            # a closed list since transfers are decided by geography: EU SCCs and the IDTA cover both GDPRs
            "international_transfers": {"mechanism": draw(st.sampled_from([["SCCs", "IDTA"], ["IDTA", "SCCs"]]))},
            "subprocessors": (
                {"approval": "general authorisation", "objection_period": "30 days", "approved": subprocessors}
                if draw(st.booleans())
                else {"approval": "prior written consent", "approved": subprocessors}
            ),
            "return_or_delete": f"{draw(st.integers(1, 90))} days",
        }
        data["data_protection"] = dp

    # commercials
    commercials = data["commercials"]
    commercials["currency"] = draw(st.sampled_from(["GBP", "EUR", "USD", "INR", "JPY", "CHF"]))
    pricing = draw(st.sampled_from(["fixed monthly", "time and materials", "per unit"]))
    commercials["pricing_model"] = pricing
    commercials["rate_card"] = [
        {"role": draw(names), "day_rate": draw(money)}
        for _ in range(draw(st.integers(0 if pricing != "time and materials" else 1, 3)))
    ]
    if pricing == "fixed monthly":
        commercials["monthly_charges"] = draw(positive_money)
    else:
        commercials.pop("monthly_charges")
        if pricing == "time and materials" and draw(st.booleans()):
            commercials["estimated_monthly_charges"] = draw(money)
        if pricing == "per unit":
            commercials["unit_name"] = draw(names)
            commercials["unit_price"] = draw(positive_money)
            if draw(st.booleans()):
                commercials["estimated_monthly_units"] = str(draw(st.integers(0, 100_000)))

    if commercials["currency"] == "JPY":  # the yen has no decimals: an amount of 0.01 yen is not one
        _whole_amounts(data)

    # other optional sections, kept as in the reference or left out
    for section in ("governance", "security", "liability"):
        if not draw(st.booleans()):
            data.pop(section)
    return GeneratedDeal(data, printed)


def _whole_amounts(data: dict[str, Any]) -> None:
    """Round every amount of a generated deal up to a whole unit of its currency."""

    def whole(text: str) -> str:
        return str(Decimal(text).to_integral_value(rounding="ROUND_CEILING"))

    commercials = data["commercials"]
    for item in data.get("deliverables") or []:
        if "payment" in item:
            item["payment"] = whole(item["payment"])
    for rate in commercials.get("rate_card") or []:
        rate["day_rate"] = whole(rate["day_rate"])
    for key in ("monthly_charges", "estimated_monthly_charges", "unit_price"):
        if key in commercials:
            commercials[key] = whole(commercials[key])


def _service_levels(draw, service_ids: list[str], initial_months: int, names, texts) -> dict[str, Any]:
    levels: dict[str, Any] = {"measurement_period": draw(st.sampled_from(["calendar month", "calendar quarter"]))}
    available = draw(st.lists(st.sampled_from(service_ids), unique=True, max_size=len(service_ids)))
    targets = {sid: draw(percent) for sid in available}
    levels["availability"] = [{"service": sid, "target": str(t)} for sid, t in targets.items()]
    count = draw(st.integers(0, 5))
    levels["incident_priorities"] = [
        {"priority": f"P{i + 1}", "definition": draw(texts), "response": str(resp), "resolution": str(res)}
        for i, (resp, res) in enumerate(_ordered_times(draw, count))
    ]
    levels["kpis"] = [
        {"name": draw(names), "service": draw(st.sampled_from(service_ids)), "target": draw(texts)}
        for _ in range(draw(st.integers(0, 2)))
    ]
    if targets and draw(st.booleans()):
        at_risk = draw(st.integers(1, 100))
        tiers = []
        for sid, target in targets.items():
            n = draw(st.integers(0, min(3, at_risk)))
            below = draw(
                st.lists(
                    st.decimals(min_value=Decimal("0.01"), max_value=target, places=2),
                    min_size=n,
                    max_size=n,
                    unique=True,
                )
            )
            credits = draw(st.lists(st.integers(1, at_risk), min_size=n, max_size=n, unique=True))
            tiers += [
                {"service": sid, "below": str(b), "credit": str(c)}
                for b, c in zip(sorted(below, reverse=True), sorted(credits))
            ]
        if tiers:  # a credit regime with no tiers is refused (it would print an empty table)
            levels["service_credits"] = {"at_risk": str(at_risk), "tiers": tiers}
    if draw(st.booleans()):
        period = PERIOD_MINUTES[levels["measurement_period"]]
        within_months = draw(st.integers(4, initial_months))
        periods = Duration(within_months, "month").minutes // period
        levels["chronic_failure"] = {
            "breaches": str(draw(st.integers(1, max(1, periods)))),
            "within": f"{within_months} months",
        }
    return levels

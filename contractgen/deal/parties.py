"""What kind of legal person a party is, as the deal writes it: a company, a partnership, an individual,
a branch of a foreign company, a public body, a charity or trust, or a consortium of suppliers.

Data only: the words that name each kind, and the members of a consortium. How each kind is described
and signs for itself is the template's (cover.yaml) and the clauses' wording.
"""

from __future__ import annotations

from pydantic import Field

from contractgen.deal.fields import Name, Section, Text

PUBLIC_BODIES = ("government_department", "local_authority", "agency", "statutory_body", "health_body")
KINDS = {
    "company": "company",
    "limited company": "company",
    "private limited company": "company",
    "plc": "company",
    "public limited company": "company",
    "corporation": "company",
    "gmbh": "company",
    "ag": "company",
    "llc": "company",
    "inc": "company",
    "pte ltd": "company",
    "pty ltd": "company",
    "sa": "company",
    "llp": "llp",
    "limited liability partnership": "llp",
    "partnership": "partnership",
    "general partnership": "partnership",
    "firm": "partnership",
    "scottish partnership": "partnership",
    "limited partnership": "partnership",
    "individual": "individual",
    "person": "individual",
    "natural person": "individual",
    "sole trader": "sole_trader",
    "sole proprietor": "sole_trader",
    "sole proprietorship": "sole_trader",
    "branch": "branch",
    "branch of a foreign company": "branch",
    "overseas company": "branch",
    "government department": "government_department",
    "ministry": "government_department",
    "central government department": "government_department",
    "department": "government_department",
    "secretary of state": "government_department",
    "minister": "government_department",
    "crown": "government_department",
    "federal agency": "agency",
    "local authority": "local_authority",
    "council": "local_authority",
    "municipality": "local_authority",
    "county council": "local_authority",
    "district council": "local_authority",
    "city council": "local_authority",
    "kommun": "local_authority",
    "region": "local_authority",
    "county": "local_authority",
    "agency": "agency",
    "executive agency": "agency",
    "government agency": "agency",
    "statutory body": "statutory_body",
    "statutory corporation": "statutory_body",
    "public body": "statutory_body",
    "non-departmental public body": "statutory_body",
    "crown entity": "statutory_body",
    "public authority": "statutory_body",
    "regulator": "statutory_body",
    "health body": "health_body",
    "public hospital": "health_body",
    "nhs trust": "health_body",
    "nhs foundation trust": "health_body",
    "integrated care board": "health_body",
    "health board": "health_body",
    "hospital": "health_body",
    "azienda sanitaria": "health_body",
    "te whatu ora": "health_body",
    "charity": "charity",
    "charitable company": "charity",
    "charitable incorporated organisation": "charity",
    "cio": "charity",
    "registered charity": "charity",
    "foundation": "charity",
    "stiftung": "charity",
    "trust": "trust",
    "trustees": "trust",
    "consortium": "consortium",
    "joint venture": "consortium",
    "unincorporated joint venture": "consortium",
}


class ConsortiumMember(Section):
    """One member of a consortium of suppliers."""

    name: Name
    company_number: Name | None = None
    incorporated_in: Name | None = None
    address: Text
    lead: bool = Field(False, description="true for the lead member, who acts for the consortium")

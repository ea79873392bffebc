"""A small hand-built document model that exercises every block and inline kind."""

from contractgen.library.cover import load_execution
from tests.helpers import TEMPLATE
from contractgen.document.model import (
    Clause,
    ContentsEntry,
    CrossRef,
    Definition,
    DefinitionList,
    Document,
    Emph,
    Heading,
    LineBreak,
    ListBlock,
    ListItem,
    Paragraph,
    Part,
    PartyBlock,
    Strong,
    Table,
    Text,
)
from contractgen.library.cover import party_details


def sample_document(draft: bool = True) -> Document:
    """Return a two-clause agreement with one schedule and a signature page."""
    definitions = Clause(
        id="definitions",
        version=1,
        title="Definitions and Interpretation",
        number="1",
        anchor="definitions",
        source="clauses/framework/definitions/v1.md",
        blocks=[
            Paragraph(
                [Text("In this Agreement the following terms have these meanings:")],
                number="1.1",
                anchor="definitions.1",
            ),
            DefinitionList(
                [
                    Definition(
                        "Charges",
                        [
                            Text("the charges set out in "),
                            CrossRef("schedule-charges", "Schedule 1", segments=[["Schedule 1", "schedule-charges"]]),
                            Text("."),
                        ],
                    ),
                    Definition(
                        "Service Credit",
                        [
                            Text("a reduction of the Charges under "),
                            CrossRef(
                                "service-credits",
                                "clause 2.2",
                                segments=[["clause ", ""], ["2.2", "service-credits.2"]],
                            ),
                            Text("."),
                        ],
                    ),
                ]
            ),
            Paragraph([Text("Headings do not affect interpretation.")], number="1.2", anchor="definitions.2"),
        ],
    )
    credits = Clause(
        id="service-credits",
        version=2,
        title="Service Credits",
        number="2",
        anchor="service-credits",
        source="clauses/service-levels/service-credits/v2.md",
        blocks=[
            Paragraph(
                [Text("The Supplier will meet the "), Strong([Text("Service Levels")]), Text(".")],
                number="2.1",
                anchor="service-credits.1",
            ),
            Paragraph(
                [
                    Text("If it does not, "),
                    Emph([Text("Service Credits")]),
                    Text(" apply, as "),
                    CrossRef("definitions", "clause 1", segments=[["clause ", ""], ["1", "definitions"]]),
                    Text(" explains:"),
                ],
                number="2.2",
                anchor="service-credits.2",
            ),
            ListBlock(
                ordered=True,
                depth=1,
                items=[
                    ListItem([Paragraph([Text("the credit is a price adjustment;")])], number="(a)"),
                    ListItem(
                        [
                            Paragraph([Text("credits are capped:")]),
                            ListBlock(
                                ordered=True,
                                depth=2,
                                items=[
                                    ListItem([Paragraph([Text("at 12 % of the monthly Charges; and")])], number="(i)"),
                                    ListItem([Paragraph([Text("at the At-Risk Amount.")])], number="(ii)"),
                                ],
                            ),
                        ],
                        number="(b)",
                    ),
                ],
            ),
            Heading(3, [Text("Examples")]),
            Paragraph([Text("Line one"), LineBreak(), Text("Line two")]),
        ],
    )
    table = Clause(
        id="schedule-charges-table",
        version=1,
        title="Charges",
        number="1",
        anchor="schedule-charges-table",
        source="clauses/schedules/charges/v1.md",
        blocks=[
            Paragraph([Text("The Charges are:")], number="1.1", anchor="schedule-charges-table.1"),
            Table(
                header=[[Text("Role")], [Text("Day rate")]],
                rows=[[[Text("Analyst")], [Text("£210.00")]], [[Text("Engineer")], [Text("£450.00")]]],
                align=["left", "right"],
            ),
            ListBlock(ordered=False, items=[ListItem([Paragraph([Text("Rates exclude VAT.")])])]),
        ],
    )
    parties = [
        PartyBlock(
            "client",
            "Northwind Bank plc",
            "Client",
            "1 King William Street, London",
            "01234567",
            "England and Wales",
            "Jane Holloway",
            "Chief Operating Officer",
            details=party_details(TEMPLATE, "the"),
        ),
        PartyBlock(
            "supplier",
            "Apex Digital Services Private Limited",
            "Supplier",
            "Pune, India",
            "U72900PN2009PTC123456",
            "India",
            "Rohan Mehta",
            "Director",
            details=party_details(TEMPLATE, "the"),
        ),
    ]
    parts = [
        Part("agreement", "agreement", "Agreement", [definitions, credits]),
        Part("signatures", "signatures", "Signatures", []),
        Part("schedule-charges", "schedule", "Charges", [table], number="Schedule 1", anchor="schedule-charges"),
    ]
    contents = [
        ContentsEntry(1, "1", "Definitions and Interpretation", "definitions"),
        ContentsEntry(1, "2", "Service Credits", "service-credits"),
        ContentsEntry(1, "Schedule 1", "Charges", "schedule-charges"),
        ContentsEntry(2, "1", "Charges", "schedule-charges-table"),
    ]
    return Document(
        title="IT Outsourcing Services Agreement",
        reference="NWB-ITO-2027-014",
        date_text="1 February 2027",
        date_iso="2027-02-01",
        locale="en_GB",
        draft=draft,
        parties=parties,
        parts=parts,
        contents=contents,
        template="it-outsourcing",
        provenance={"deal_sha256": "0" * 64, "clauses": "definitions@1 service-credits@2"},
        execution=load_execution(TEMPLATE, "english"),
    )

"""The brief's reference deal as first given renders again: sub-processors by prior written consent with a
30-day window to answer (consent is treated as given when the client does not object in time).

`tests/fixtures/openworld/brief-reference.yaml` is a verbatim copy of that deal; `samples/deal-example.yaml`
is the same deal with the sector regulation the bank is under added.
"""

from __future__ import annotations

import io

import docx

from contractgen.deal import load_deal
from contractgen.pipeline import Workspace, render_deal
from tests.helpers import FIXTURES, REFERENCE

BRIEF = FIXTURES / "openworld" / "brief-reference.yaml"


def test_the_brief_deal_and_the_sample_agree_on_sub_processors():
    brief, sample = load_deal(BRIEF).deal, load_deal(REFERENCE).deal
    assert brief.data_protection.subprocessors == sample.data_protection.subprocessors
    assert str(brief.data_protection.subprocessors.objection_period) == "30 days"
    assert brief.data_protection.subprocessors.approval == "prior written consent"


def test_the_brief_deal_renders_with_a_window_to_answer_each_request(tmp_path):
    written, warnings = render_deal(BRIEF, tmp_path, ("docx",), Workspace())
    assert [p.name for p in written] == ["brief-reference.docx"]
    # the sub-processor terms are understood: no note about them (a bank's inferred regulation may be noted)
    assert not [w for w in warnings if "subprocessors" in getattr(w, "path", str(w))]
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(written[0].read_bytes())).paragraphs)
    assert (
        "the Client will answer it within 30 days after receiving it and will not refuse consent unreasonably. "
        "If the Client does not object in writing within that period, it consents to that Sub-processor"
    ) in text
    assert (
        "The Client will answer a request for consent within 30 days after receiving it, and if it does not "
        "object in writing within that period it is treated as having consented to that Subcontractor"
    ) in text
    # silence is consent after the window, except where the bank's regulation needs express approval
    assert "; silence is not consent." not in text and "Silence is not consent." not in text
    assert "general written authorisation" not in text

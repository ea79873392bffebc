"""Which clauses use a law record: read from the paths and constants of each clause's Jinja tree."""

from __future__ import annotations

import importlib

from contractgen.checks.law_usage import _reads_of, clauses_using, uses
from contractgen.pipeline import Workspace

law_library = importlib.import_module("contractgen.law.library")


def _record(ref: str):
    kind, ident = ref.split("/")
    return law_library.active().records(kind)[ident]


def test_a_comparison_with_the_records_value_is_a_use_and_prose_is_not():
    scotland = _record("jurisdictions/scotland")
    assert uses(scotland, _reads_of('{% if law.family == "scots" %}x{% endif %}', ""))
    assert uses(scotland, _reads_of("", 'law.family in ["english", "scots"]'))
    assert not uses(scotland, _reads_of('Under "scots" law {% if law.family == "german" %}x{% endif %}', ""))


def test_loop_items_and_set_names_are_followed_back_to_the_record():
    dora = _record("sector/dora")
    assert uses(dora, _reads_of("", "'DORA' in regulatory"))
    assert uses(dora, _reads_of("{% for r in regulatory|selectattr('report_within') %}{{ r.title }}{% endfor %}", ""))
    ccpa = _record("privacy/ccpa")
    assert uses(ccpa, _reads_of('{% set keys = privacy.keys %}{% if "ccpa" in keys %}x{% endif %}', ""))
    assert not uses(ccpa, _reads_of('{% if "uk-gdpr" in privacy.keys %}x{% endif %}', ""))


def test_printing_a_field_the_record_fills_in_is_a_use():
    scotland = _record("jurisdictions/scotland")
    assert uses(scotland, _reads_of("governed by {{ law.wording }}", ""))
    assert not uses(scotland, _reads_of("{{ forum.plural }}", ""))


def test_law_show_lists_the_clauses_that_read_the_record():
    library = Workspace().library

    def ids(ref: str) -> set[str]:
        return {entry.split(" v")[0] for entry in clauses_using(_record(ref), library)}

    scots, scotland = ids("families/scots"), ids("jurisdictions/scotland")
    # third-party-rights tests law.family == "scots"; governing-law prints the record's wording
    assert "third-party-rights" in scots and scots <= scotland
    assert {"governing-law", "third-party-rights"} <= scotland
    assert "third-party-rights" not in ids("families/irish")

#!/usr/bin/env python3
"""Write contractgen/values/data/duration_units.tsv from the CLDR data of the installed Babel (run after upgrading
Babel; tests/values/test_cldr_units.py checks the file against Babel)."""

from contractgen.values.cldr_units import UNITS_FILE, cldr_duration_units

if __name__ == "__main__":
    UNITS_FILE.write_text(cldr_duration_units(), encoding="utf-8")
    print(f"wrote {UNITS_FILE}")

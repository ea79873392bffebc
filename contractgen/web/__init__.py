"""The web workspace (`contractgen serve`): deals, the deal form with a live preview, redlines, the clause library."""

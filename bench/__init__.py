"""contractgen's benchmark: `make bench` or `python -m bench [--quick]` from the checkout.

run.py drives the rounds (warm in-process contenders in worker.py, whole processes, batch builds,
check over many locked deals); contenders/ holds the alternatives contractgen is measured against;
content.py flattens our model into the text they print; fixtures.py makes the repositories;
report.py checks the targets and writes bench/results/latest.json; web.py measures the web preview.
"""

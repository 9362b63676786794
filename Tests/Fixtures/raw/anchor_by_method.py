#!/usr/bin/env python3
"""Per (method, name) values of a k6 `--out csv` file, pure Python (csv + R-7 as DuckDB's
quantile_cont): count, failures (expected_response == 'false'), p50/p90/p95/p99, max, mean.
k6 endpoints are keyed by the `method` tag and the name, so GET and POST on one URL stay apart.

    python3 anchor_by_method.py generated_k6_300.csv > generated_k6_300.bymethod.json
"""
import csv, json, sys
from collections import defaultdict


def r7(v, q):
    h = (len(v) - 1) * q
    lo = int(h)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (h - lo) * (v[hi] - v[lo])


groups = defaultdict(lambda: ([], 0))
values, failures = defaultdict(list), defaultdict(int)
with open(sys.argv[1], newline="") as f:
    for row in csv.DictReader(f):
        if row["metric_name"] != "http_req_duration":
            continue
        key = row["method"] + " " + (row["name"] or row["url"])
        values[key].append(float(row["metric_value"]))
        failures[key] += row["expected_response"] == "false"
labels = {}
for key, v in values.items():
    v.sort()
    labels[key] = {"count": len(v), "failures": failures[key], "p50": r7(v, 0.5), "p90": r7(v, 0.9),
                   "p95": r7(v, 0.95), "p99": r7(v, 0.99), "max": v[-1], "mean": sum(v) / len(v)}
json.dump({"labels": labels}, sys.stdout, indent=1, sort_keys=True)
print()

#!/usr/bin/env python3
"""Requests and R-7 p50/p95 per 5 s window of a JMeter JTL CSV, windows counted from the first
request's start second (what RequestWindowTests checks capacity's ingest against).
usage: window_truth.py FILE.jtl [LABEL]"""
import csv, sys
import numpy as np
rows = [r for r in csv.DictReader(open(sys.argv[1])) if len(sys.argv) < 3 or r["label"] == sys.argv[2]]
allrows = list(csv.DictReader(open(sys.argv[1])))
first = min(int(r["timeStamp"]) // 1000 for r in allrows)
t = np.array([int(r["timeStamp"]) // 1000 for r in rows])
lat = np.array([float(r["elapsed"]) for r in rows])
for w in range((t.max() - first) // 5 + 1):
    sel = lat[(t - first) // 5 == w]
    if len(sel):
        print(w, len(sel), round(float(np.quantile(sel, 0.5)), 3), round(float(np.quantile(sel, 0.95)), 3))
    else:
        print(w, 0)

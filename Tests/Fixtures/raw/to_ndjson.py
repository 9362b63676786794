#!/usr/bin/env python3
"""Converts a k6 --out csv file to k6 --out json NDJSON (http_req_duration and vus points, with
the Metric lines k6 writes first), times in RFC 3339 with a +02:00 offset as k6 writes local time.
Usage: to_ndjson.py IN.csv > OUT.ndjson"""
import csv, json, sys, datetime
tz = datetime.timezone(datetime.timedelta(hours=2))
seen = set()
with open(sys.argv[1], newline="") as f:
    for row in csv.DictReader(f):
        m = row["metric_name"]
        if m not in ("http_req_duration", "vus", "http_reqs"):
            continue
        if m not in seen:
            seen.add(m)
            print(json.dumps({"type": "Metric", "data": {"name": m, "type": "trend", "contains": "time",
                  "thresholds": [], "submetrics": None}, "metric": m}, separators=(",", ":")))
        t = datetime.datetime.fromtimestamp(int(row["timestamp"]), tz).isoformat(timespec="microseconds")
        tags = {k: row[k] for k in ("error", "error_code", "expected_response", "group", "method", "name",
                                    "proto", "scenario", "status", "tls_version", "url") if row.get(k)}
        print(json.dumps({"metric": m, "type": "Point", "data": {"time": t, "value": float(row["metric_value"]),
              "tags": tags}}, separators=(",", ":")))

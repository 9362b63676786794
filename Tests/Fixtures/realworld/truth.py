#!/usr/bin/env python3
"""Independent counts for the realworld fixtures (python csv only), written to truth.json.

Each entry: runs in time order, each with requests, failures, p95 (R-7, as DuckDB quantile_cont)
and per-endpoint requests/failures. Run: python3 truth.py > truth.json
"""
import csv, json, os, sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))


def r7(values, q):
    v = sorted(values)
    if not v:
        return None
    h = (len(v) - 1) * q
    lo = int(h)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (h - lo) * (v[hi] - v[lo])


def runs_of(samples, gap=300):
    """samples: (start_ms, key, elapsed_ms, failed). Split at gaps > gap s between start seconds."""
    samples = sorted(samples, key=lambda s: s[0])
    sessions, last = [], None
    for s in samples:
        sec = s[0] // 1000
        if last is None or sec - last > gap:
            sessions.append([])
        sessions[-1].append(s)
        last = sec if last is None else max(last, sec)
    out = []
    for session in sessions:
        per = defaultdict(lambda: [0, 0])
        for s in session:
            per[s[1]][0] += 1
            per[s[1]][1] += int(s[3])
        out.append({
            "requests": len(session), "failures": sum(int(s[3]) for s in session),
            "p95_ms": round(r7([s[2] for s in session], 0.95), 3),
            "endpoints": {k: {"requests": v[0], "failures": v[1]} for k, v in sorted(per.items())},
        })
    return out


def jtl(path, delimiter, label=2, success=7, gap=300):
    samples = []
    with open(os.path.join(HERE, path), newline="") as f:
        for row in csv.reader(f, delimiter=delimiter):
            if not row:
                continue
            name = row[label] if row[label] else "(empty label)"
            samples.append((int(row[0]), " " + name, float(row[1]), row[success] != "true"))
    return runs_of(samples, gap)


def jtl_header(path, gap=300):
    samples = []
    with open(os.path.join(HERE, path), newline="") as f:
        for row in csv.DictReader(f):
            name = row["label"] if row["label"] else "(empty label)"
            samples.append((int(row["timeStamp"]), " " + name, float(row["elapsed"]), row["success"] != "true"))
    return runs_of(samples, gap)


def gatling(path):
    samples = []
    for line in open(os.path.join(HERE, path)):
        f = line.rstrip("\n").split("\t")
        if f[0] == "REQUEST":  # 2.2-2.3: REQUEST scenario userId groups name start end status
            samples.append((int(f[5]), " " + f[4], float(int(f[6]) - int(f[5])), f[7] == "KO"))
        elif len(f) > 2 and f[2] == "REQUEST":  # 2.0-2.1: ... name reqStart reqEnd respStart respEnd status
            samples.append((int(f[5]), " " + f[4], float(int(f[8]) - int(f[5])), f[9] == "KO"))
    return runs_of(samples)


def k6_csv(path):
    samples = []
    with open(os.path.join(HERE, path), newline="") as f:
        for row in csv.DictReader(f):
            if row["metric_name"] == "http_req_duration":
                samples.append((int(row["timestamp"]) * 1000, row["method"] + " " + row["name"],
                                float(row["metric_value"]), row["expected_response"] == "false"))
    return runs_of(samples)


def k6_json(path):
    import datetime
    samples = []
    for line in open(os.path.join(HERE, path)):
        d = json.loads(line)
        if d.get("metric") == "http_req_duration" and d["type"] == "Point":
            t = d["data"]["tags"]
            when = datetime.datetime.strptime(d["data"]["time"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(
                tzinfo=datetime.timezone.utc)
            samples.append((int(when.timestamp() * 1000), t["method"] + " " + t["name"], d["data"]["value"],
                            t["expected_response"] == "false"))
    return runs_of(samples)


def locust_0x(path):
    total = None
    per = {}
    with open(os.path.join(HERE, path), newline="") as f:
        for row in csv.DictReader(f):
            n, fl = int(row["# requests"]), int(row["# failures"])
            if row["Name"] == "Total":
                total = {"requests": n + fl, "failures": fl}
            else:
                per[row["Method"] + " " + row["Name"]] = {"requests": n + fl, "failures": fl}
    return [dict(total, endpoints=per)]


truth = {
    "jmeter31_4x_headerless.jtl": jtl("jmeter31_4x_headerless.jtl", ","),
    "jmeter4x_headerless_tab.jtl": jtl("jmeter4x_headerless_tab.jtl", "\t"),
    "jmeter30_headerless_pipe.jtl": jtl("jmeter30_headerless_pipe.jtl", "|"),
    "jmeter2x_13fields_pipe.jtl": jtl("jmeter2x_13fields_pipe.jtl", "|"),
    "gatling22_simulation.log": gatling("gatling22_simulation.log"),
    "gatling21_simulation.log": gatling("gatling21_simulation.log"),
    "k6_get_post_same_url.csv": k6_csv("k6_get_post_same_url.csv"),
    "k6_get_post_same_url.ndjson": k6_json("k6_get_post_same_url.ndjson"),
    "example_requests.csv": locust_0x("example_requests.csv"),
}
for name, gap in [("sessions_pipe.jtl", 60)]:
    if os.path.exists(os.path.join(HERE, name)):
        truth[name] = jtl(name, "|", gap=gap)
if os.path.exists(os.path.join(HERE, "empty_label.jtl")):
    truth["empty_label.jtl"] = jtl_header("empty_label.jtl")
if os.path.exists(os.path.join(HERE, "fewer_fields", "fewer_fields.jtl")):
    truth["fewer_fields/fewer_fields.jtl"] = jtl("fewer_fields/fewer_fields.jtl", ",")
if os.path.exists(os.path.join(HERE, "empty_label.xml")):
    import xml.etree.ElementTree as ET
    samples = []
    for s in ET.parse(os.path.join(HERE, "empty_label.xml")).getroot():
        name = s.get("lb") or "(empty label)"
        samples.append((int(s.get("ts")), " " + name, float(s.get("t")), s.get("s") != "true"))
    truth["empty_label.xml"] = runs_of(samples)
merged = []
for name in ["engine_a.jtl", "engine_b.jtl"]:
    if os.path.exists(os.path.join(HERE, name)):
        with open(os.path.join(HERE, name), newline="") as f:
            for row in csv.reader(f, delimiter="|"):
                merged.append((int(row[0]), " " + (row[2] or "(empty label)"), float(row[1]), row[7] != "true", name))
if merged:
    runs = runs_of([m[:4] for m in merged], 60)
    runs[0]["generators"] = {n: sum(1 for m in merged if m[4] == n) for n in ["engine_a.jtl", "engine_b.jtl"]}
    truth["merged engine_a.jtl+engine_b.jtl"] = runs
json.dump(truth, sys.stdout, indent=1, sort_keys=True)
print()

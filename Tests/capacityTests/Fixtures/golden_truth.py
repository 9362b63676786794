"""Independent figures for the golden report snapshots (GoldenReportTests.swift).

Reads the input files only (Python standard library, no capacity code) and prints the figures the
snapshots were reviewed against. Run from the repository root:

    python3 Tests/capacityTests/Fixtures/golden_truth.py

Resource means are over the run's span: a Locust run from its first to its last
`*_stats_history.csv` timestamp, a JTL from its first sample start to its last sample end
(both ends included). Percentiles of a JTL are R-7 (numpy's default), over the top-level samples.
"""

import csv
import glob
import os
import re
import statistics
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

FIXTURES = "Tests/capacityTests/Fixtures"
RAW = "Tests/Fixtures/raw"


def epoch(text, fmt):
    return datetime.strptime(text, fmt).replace(tzinfo=timezone.utc).timestamp()


def aggregated(stats_csv):
    rows = list(csv.DictReader(open(stats_csv)))
    by_name = {r["Name"]: r for r in rows}
    a = by_name["Aggregated"]
    return a, by_name


def locust_span(history_csv):
    times = [int(r["Timestamp"]) for r in csv.DictReader(open(history_csv)) if r["Name"] == "Aggregated"]
    return min(times), max(times)


def pidstat_gunicorn(path, start, end):
    """Sum of %CPU (× 10 = millicores) and RSS of the gunicorn processes per second, in the span."""
    lines = open(path).read().splitlines()
    day = re.search(r"(\d{4}-\d{2}-\d{2})", lines[0]).group(1)
    cpu, rss = {}, {}
    for line in lines:
        f = line.split()
        if len(f) < 14 or not f[0][0].isdigit() or f[-1] != "gunicorn":
            continue
        t = epoch(f"{day} {f[0]}", "%Y-%m-%d %H:%M:%S")
        if start <= t <= end:
            cpu[t] = cpu.get(t, 0) + float(f[7]) * 10
            rss[t] = rss.get(t, 0) + int(f[12])
    return statistics.mean(cpu.values()), max(rss.values()) / 1024


def sadf_csv_node(path, cores, start, end):
    busy, used, header = [], [], None
    for line in open(path):
        if line.startswith("#"):
            header = line[2:].strip().split(";")
            continue
        row = dict(zip(header, line.strip().split(";")))
        t = epoch(row["timestamp"], "%Y-%m-%d %H:%M:%S UTC")
        if not start <= t <= end:
            continue
        if "%idle" in row:
            busy.append((100 - float(row["%idle"])) * cores * 10)
        if "kbmemused" in row:
            used.append(int(row["kbmemused"]) / 1024)
    return statistics.mean(busy), max(used)


def sadf_xml_node(path, start, end):
    ns = {"s": "http://pagesperso-orange.fr/sebastien.godard/sysstat"}
    root = ET.parse(path).getroot()
    cores = int(root.find(".//s:number-of-cpus", ns).text)
    busy, used = [], []
    for stamp in root.iter("{%s}timestamp" % ns["s"]):
        t = epoch(f"{stamp.get('date')} {stamp.get('time')}", "%Y-%m-%d %H:%M:%S")
        if not start <= t <= end:
            continue
        cpu = stamp.find("s:cpu-load/s:cpu[@number='all']", ns)
        if cpu is not None:
            busy.append((100 - float(cpu.get("idle"))) * cores * 10)
        memused = stamp.find("s:memory/s:memused", ns)
        if memused is not None:
            used.append(int(memused.text) / 1024)
    return statistics.mean(busy), max(used)


def ktop(path, prefix, start, end):
    """Mean of the samples, and the largest mean of a 10 s window (floor(t / 10) * 10), as the
    report takes CPU percentiles and max over 10 s window means."""
    values, windows = [], {}
    for line in open(path):
        t, name, cpu, _ = line.split()
        seconds = epoch(t, "%Y-%m-%dT%H:%M:%SZ")
        if name.startswith(prefix) and start <= seconds <= end:
            values.append(int(cpu[:-1]))
            windows.setdefault(seconds // 10, []).append(int(cpu[:-1]))
    return statistics.mean(values), max(statistics.mean(w) for w in windows.values())


def r7(values, p):
    s = sorted(values)
    h = (len(s) - 1) * p
    lo = int(h)
    return s[lo] + (h - lo) * (s[min(lo + 1, len(s) - 1)] - s[lo])


def samples():
    print("== samples/runs (Aggregated rows of *_stats.csv)")
    files = [f for f in glob.glob("samples/runs/**/*", recursive=True) if os.path.isfile(f)]
    print(f"files: {len(files)}")
    for stats in sorted(glob.glob("samples/runs/*/*_stats.csv")):
        a, _ = aggregated(stats)
        print(
            f"{os.path.basename(stats)}: requests {a['Request Count']} failures {a['Failure Count']} "
            f"req/s {float(a['Requests/s']):.2f} p50 {a['50%']} p95 {a['95%']} p99 {a['99%']}"
        )
    refused = sum(int(r["Occurrences"]) for r in csv.DictReader(open("samples/runs/invalid/invalid_failures.csv")))
    print(f"invalid: {refused} failures in invalid_failures.csv")
    # samples/README.md: the seed deployment requests 3350m CPU and 4608Mi memory.
    for name, cpu, mem in [("vps-4gb", 2000, 4096), ("vps-6gb", 3000, 6144), ("vps-8gb", 4000, 8192)]:
        print(f"{name}: requests CPU {100 * 3350 / cpu:.2f} % memory {100 * 4608 / mem:.2f} %")


def jmeter_xml():
    print("== jmeter_xml (corpus jmeter_xml/results.jtl = Fixtures/raw/jmeter_xml_results.jtl)")
    root = ET.parse(f"{RAW}/jmeter_xml_results.jtl").getroot()
    top = [el for el in root if el.tag in ("httpSample", "sample")]
    children = sum(1 for el in top for c in el if c.tag in ("httpSample", "sample"))
    t = [int(el.get("t")) for el in top]
    start = min(int(el.get("ts")) for el in top) / 1000
    end = max(int(el.get("ts")) + int(el.get("t")) for el in top) / 1000
    failed = sum(el.get("s") != "true" for el in top)
    print(f"samples {len(top)} failed {failed} sub-results {children} duration {end - start:.2f} s "
          f"req/s {len(top) / (end - start):.2f}")
    print(f"p50 {r7(t, .5):.2f} p95 {r7(t, .95):.2f} p99 {r7(t, .99):.2f} max {max(t)} mean {statistics.mean(t):.2f}")
    labels = {}
    for el in top:
        labels.setdefault(el.get("lb"), []).append(int(el.get("t")))
    for label, times in sorted(labels.items()):
        print(f"  {label}: {len(times)} samples, p95 {r7(times, .95):.2f}")
    summary = [line for line in open(f"{RAW}/jmeter_xml_console.log") if line.startswith("summary =")]
    print("JMeter's own total:", summary[-1].split()[2])
    cpu, rss = pidstat_gunicorn(f"{FIXTURES}/jmeter_xml/pidstat.txt", start, end)
    print(f"gunicorn (pidstat) cpu mean {cpu:.1f}m rss peak {rss:.1f} MiB")
    node_cpu, node_mem = sadf_csv_node(f"{FIXTURES}/jmeter_xml/sar_u_r.csv", 2, start, end)
    print(f"node (sadf -d) cpu mean {node_cpu:.1f}m memory peak {node_mem:.1f} MiB")


def noisy_neighbor_medium():
    print("== noisy_neighbor_medium (corpus folder, files unchanged)")
    d = f"{FIXTURES}/noisy_neighbor_medium"
    a, by_name = aggregated(f"{d}/medium_stats.csv")
    print(
        f"requests {a['Request Count']} failures {a['Failure Count']} req/s {float(a['Requests/s']):.2f} "
        f"p50 {a['50%']} p95 {a['95%']} p99 {a['99%']}; /search/ p95 {by_name['/search/?q=[term]']['95%']}"
    )
    start, end = locust_span(f"{d}/medium_stats_history.csv")
    cpu, rss = pidstat_gunicorn(f"{d}/pidstat.txt", start, end)
    print(f"gunicorn (pidstat) cpu mean {cpu:.1f}m rss peak {rss:.1f} MiB")
    loadgen_mean, loadgen_max = ktop(f"{d}/ktop.log", "locust-", start, end)
    print(f"locust (ktop) cpu mean {loadgen_mean:.2f}m max of 10 s means {loadgen_max:.1f}m")
    node_cpu, node_mem = sadf_xml_node(f"{d}/sar_u_r.xml", start, end)
    print(f"node (sadf -x) cpu mean {node_cpu:.1f}m memory peak {node_mem:.1f} MiB")


def jtl_csv(path):
    rows = list(csv.DictReader(open(path)))
    t = [int(r["elapsed"]) for r in rows]
    start = min(int(r["timeStamp"]) for r in rows) / 1000
    end = max(int(r["timeStamp"]) + int(r["elapsed"]) for r in rows) / 1000
    failed = sum(r["success"] != "true" for r in rows)
    return rows, t, start, end, failed


def samples_extra():
    print("== samples/extra (README's first command: samples/runs samples/extra --events samples/chaos-events.csv)")
    files = [f for f in glob.glob("samples/extra/**/*", recursive=True) if os.path.isfile(f)]
    print(f"files: {len(files)} (+ samples/runs)")
    for stats in sorted(glob.glob("samples/extra/*/*_stats.csv") + glob.glob("samples/extra/builds/*/*_stats.csv")):
        a, _ = aggregated(stats)
        print(
            f"{stats}: requests {a['Request Count']} failures {a['Failure Count']} "
            f"req/s {float(a['Requests/s']):.2f} p50 {a['50%']} p95 {a['95%']} p99 {a['99%']}"
        )
    rows, t, start, end, failed = jtl_csv("samples/extra/jmeter/jmeter_shop.jtl")
    whole = int(end) - int(start) + 1  # whole start seconds, as the report counts a raw log's span
    print(f"jmeter_shop: samples {len(rows)} failed {failed} span {whole} s req/s {len(rows) / whole:.2f} "
          f"p50 {r7(t, .5):.2f} p95 {r7(t, .95):.2f} p99 {r7(t, .99):.2f} max {max(t)}")
    spans = {}
    for name in ["light", "medium", "stress", "stepped", "invalid"]:
        spans[name] = (f"samples/extra/resources/{name}", locust_span(f"samples/runs/{name}/{name}_stats_history.csv"))
    spans["jmeter_shop"] = ("samples/extra/jmeter", (start, end))
    for name, (folder, (first, last)) in spans.items():
        line = f"{name}:"
        if name != "invalid":
            cpu, rss = pidstat_gunicorn(f"{folder}/pidstat.txt", first, last)
            line += f" gunicorn cpu mean {cpu:.1f}m rss peak {rss:.1f} MiB;"
        node_cpu, node_mem = sadf_csv_node(f"{folder}/sar_u_r.csv", 2, first, last)
        print(f"{line} node cpu mean {node_cpu:.1f}m memory peak {node_mem:.1f} MiB")
    print("chaos faults: python3 Tests/Fixtures/chaos/chaos_truth.py (Tests/Fixtures/chaos/locust/_truth.json)")
    print("trend shop30u: build-1 then build-2 by their first history timestamp:",
          [datetime.fromtimestamp(locust_span(h)[0], timezone.utc).isoformat()
           for h in sorted(glob.glob("samples/extra/builds/*/*_stats_history.csv"))])


samples()
samples_extra()
jmeter_xml()
noisy_neighbor_medium()


def mermaid_timeline(history_csv, limit=40):
    """The Markdown's Mermaid points: ticks (Aggregated rows) cut into equal stretches of
    ceil(span / 40) seconds from the first; req/s the stretch's mean, p95 its highest window value."""
    rows = [r for r in csv.DictReader(open(history_csv)) if r["Name"] == "Aggregated"]
    first, last = int(rows[0]["Timestamp"]), int(rows[-1]["Timestamp"])
    step = max(1, -(-(last - first) // limit))
    buckets = {}
    for r in rows:
        buckets.setdefault((int(r["Timestamp"]) - first) // step, []).append(r)
    rps = [statistics.mean(float(r["Requests/s"]) for r in b) for _, b in sorted(buckets.items())]
    p95 = [max((float(r["95%"]) for r in b if r["95%"] != "N/A"), default=None) for _, b in sorted(buckets.items())]
    print(f"{history_csv}: 0 --> {last - first}, step {step} s")
    def fmt(v):  # one decimal below 100, whole from 100 up, as report.md writes them
        return "None" if v is None else (f"{v:.1f}" if abs(v) < 100 else f"{v:.0f}")
    print("  req/s [" + ", ".join(fmt(v) for v in rps) + "]")
    print("  p95   [" + ", ".join(fmt(v) for v in p95) + "]")


print("== Mermaid charts of report.md")
mermaid_timeline("samples/runs/light/light_stats_history.csv")
mermaid_timeline("samples/runs/stepped/stepped_stats_history.csv")

#!/usr/bin/env python3
"""Independent truth for the report's over-time charts: re-reads the hover titles of a run's
throughput and latency charts from report.html and compares them with the tool's own files.

  chart-truth.py REPORT.html RUN_NAME locust  RUN_stats_history.csv
  chart-truth.py REPORT.html RUN_NAME jtl     results.jtl
  chart-truth.py REPORT.html RUN_NAME histogram results.jtl   (distribution bars vs a numpy count)

Locust: every tick's requests/s, failures/s, users and p50/p95/p99 must equal the Aggregated
row of the history file (same rounding). JTL: requests/s and failures/s per second must equal
a count of samples by the second of their timeStamp (sub-results of redirects left out as the
tool does: only rows whose label is not '<parent>-N'), and the 10 s window p50/p95/p99 (R-7 rank
rounded down, as the log buckets use) must be within 1.6 %. Prints the counts compared and
exits 1 on any mismatch.
"""
import csv, html, re, sys
import numpy as np


def titles(report, name, kind):
    page = open(report, encoding="utf-8").read()
    for svg in re.findall(r"<svg xmlns.*?</svg>", page, re.S):
        label = html.unescape(re.search(r'aria-label="([^"]*)"', svg).group(1))
        if label.startswith(kind) and label.endswith("over time for " + name):
            rows = {}
            for title in re.findall(r"<title>(.*?)</title>", svg):
                title = html.unescape(title)
                m = re.match(r"(\d\d):(\d\d):(\d\d) UTC: (.*)", title)
                if not m:
                    continue
                second = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3))
                values = dict(part.rsplit(" ", 1) if not part.endswith(" ms") and not part.endswith(" s")
                              else (part.split(" ", 1)[0], part.split(" ", 1)[1]) for part in m.group(4).split(", "))
                rows.setdefault(second, {}).update(values)
            return rows
    sys.exit(f"no '{kind}' chart for {name}")


def ms(value):
    """NumberFormat.milliseconds."""
    if value >= 10000:
        return f"{value / 1000:.1f} s"
    return f"{value:.1f} ms" if value < 10 and value != round(value) else f"{value:.0f} ms"


def parse_ms(text):
    number, unit = text.split(" ")
    return float(number) * (1000 if unit == "s" else 1)


def locust(report, name, history):
    shown = titles(report, name, "Throughput")
    latency = titles(report, name, "Response-time")
    checked = bad = 0
    for row in csv.DictReader(open(history)):
        if row["Name"] != "Aggregated":
            continue
        second = int(row["Timestamp"]) % 86400
        expect = {"requests/s": f"{float(row['Requests/s']):.2f}", "failures/s": f"{float(row['Failures/s']):.2f}",
                  "users": row["User Count"]}
        for q in ("50", "95", "99"):
            if row[q + "%"] != "N/A":
                expect["p" + q] = ms(float(row[q + "%"]))
        got = {**shown.get(second, {}), **latency.get(second, {})}
        for key, value in expect.items():
            checked += 1
            if got.get(key) != value:
                bad += 1
                print(f"{second}: {key} report {got.get(key)} truth {value}")
    return checked, bad


def jtl(report, name, path):
    rows = list(csv.DictReader(open(path)))
    labels = [r["label"] for r in rows]
    keep = [r for i, r in enumerate(rows) if not (i > 0 and re.fullmatch(re.escape(labels[i - 1]) + r"-\d+", r["label"]))
            and not r.get("responseMessage", "").startswith("Number of samples in transaction")]
    seconds = np.array([int(r["timeStamp"]) // 1000 for r in keep])
    failed = np.array([r["success"] != "true" for r in keep])
    elapsed = np.array([float(r["elapsed"]) for r in keep])
    shown = titles(report, name, "Throughput")
    latency = titles(report, name, "Response-time")
    checked = bad = 0
    base = seconds.min()
    for second in range(seconds.min(), seconds.max() + 1):
        got = shown.get(second % 86400, {})
        for key, value in (("requests/s", (seconds == second).sum()), ("failures/s", ((seconds == second) & failed).sum())):
            checked += 1
            if got.get(key) != f"{value:.2f}":
                bad += 1
                print(f"{second}: {key} report {got.get(key)} truth {value}")
        window = (second - base) // 10
        inside = np.sort(elapsed[(seconds - base) // 10 == window])
        for q in (50, 95, 99):
            if len(inside) == 0 or ("p%d" % q) not in latency.get(second % 86400, {}):
                continue
            truth = inside[int(np.floor(q / 100 * (len(inside) - 1)))]
            value = parse_ms(latency[second % 86400]["p%d" % q])
            checked += 1
            # 1.6 % bucket width; the title prints 10 s and more to 0.1 s.
            if abs(value - truth) > max(0.016 * truth, 0.5) + (50 if value >= 10000 else 0):
                bad += 1
                print(f"{second}: p{q} report {value} truth {truth}")
    return checked, bad


def histogram(report, name, path):
    """The distribution chart's bars: successful samples per (lower, upper] ms bin, by numpy."""
    rows = list(csv.DictReader(open(path)))
    labels = [r["label"] for r in rows]
    keep = [r for i, r in enumerate(rows) if not (i > 0 and re.fullmatch(re.escape(labels[i - 1]) + r"-\d+", r["label"]))
            and not r.get("responseMessage", "").startswith("Number of samples in transaction")]
    ok = np.array([float(r["elapsed"]) for r in keep if r["success"] == "true"])
    page = open(report, encoding="utf-8").read()
    svg = next(s for s in re.findall(r"<svg xmlns.*?</svg>", page, re.S)
               if "distribution of the successful requests of " + name + "," in html.unescape(s))
    checked = bad = 0
    for lower, upper, shown in re.findall(r"<title>(\d+)–(\d+) ms: (\d+) requests", html.unescape(svg)):
        truth = int(((ok > int(lower)) & (ok <= int(upper))).sum())
        checked += 1
        if truth != int(shown):
            bad += 1
            print(f"({lower}, {upper}] ms: report {shown} truth {truth}")
    shown_total = sum(int(n) for *_, n in re.findall(r"<title>(\d+)–(\d+) ms: (\d+) requests", html.unescape(svg)))
    if shown_total != len(ok):
        bad += 1
        print(f"bars hold {shown_total} requests, the JTL {len(ok)} successes")
    return checked, bad


if __name__ == "__main__":
    report, name, kind, source = sys.argv[1:5]
    checked, bad = {"locust": locust, "jtl": jtl, "histogram": histogram}[kind](report, name, source)
    print(f"{name}: {checked} values compared, {bad} differ")
    sys.exit(1 if bad else 0)

#!/usr/bin/env python3
"""Independent truth for the SLO-cause fixtures, from the server's and sysstat's own files.

    python3 truth.py RUN_DIR [--client-timeout 2]

- per-endpoint failure share from gunicorn_access.log (when present): a request failed when the
  server answered 5xx or took longer than the client timeout (the locustfile's SHOP_CLIENT_TIMEOUT
  gives up then and Locust records a timeout); paths are grouped as the locustfile names them
  (/products/<id>/ -> /products/[id]/, query strings dropped);
- the app's CPU (sum of the gunicorn processes' %CPU in pidstat.txt, ÷ 2 CPUs) over the same window;
- host CPU mean over the load window (locust start..end epochs in _run_info.txt) from
  sar_u_r.csv (sadf -d): mean of 100 - %idle over the 1 s rows.
Prints JSON.
"""
import csv, json, re, sys
from collections import defaultdict
from datetime import datetime, timezone

def window(run):
    text = open(f"{run}/_run_info.txt").read()
    start = int(re.search(r"locust_start_epoch=(\d+)", text).group(1))
    end = int(re.search(r"locust_end_epoch=(\d+)", text).group(1))
    return start, end

def host_cpu(run, start, end):
    values = []
    for line in open(f"{run}/sar_u_r.csv"):
        if line.startswith("#"):
            header = line[2:].strip().split(";")
            continue
        fields = line.strip().split(";")
        if "%idle" not in header or len(fields) != len(header) or fields[header.index("CPU")] != "-1":
            continue
        stamp = datetime.strptime(fields[2].replace(" UTC", ""), "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc)
        if start <= stamp.timestamp() <= end:
            values.append(100 - float(fields[header.index("%idle")]))
    return sum(values) / len(values), len(values)

def app_cpu(run, start, end, cpus=2):
    """Sum of the gunicorn processes' %CPU per pidstat sample, as a share of the host's CPUs."""
    lines = open(f"{run}/pidstat.txt").read().splitlines()
    day = re.search(r"(\d{4}-\d{2}-\d{2})", lines[0]).group(1)
    sums = defaultdict(float)
    for line in lines:
        fields = line.split()
        if len(fields) >= 15 and re.match(r"\d\d:\d\d:\d\d$", fields[0]) and fields[-1] == "gunicorn":
            stamp = datetime.strptime(f"{day} {fields[0]}", "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc)
            if start <= stamp.timestamp() <= end:
                sums[fields[0]] += float(fields[7])
    return sum(sums.values()) / len(sums) / cpus

def name(method, path):
    path = path.split("?")[0]
    path = re.sub(r"^/products/\d+/$", "/products/[id]/", path)
    return f"{method} {path}"

def endpoints(run, timeout_s):
    counts = defaultdict(lambda: [0, 0, 0, 0])  # requests, 5xx, slower than the timeout, failed
    pattern = re.compile(r'"(\w+) (\S+) HTTP/[\d.]+" (\d{3}) \S+ .* (\d+)$')
    for line in open(f"{run}/gunicorn_access.log"):
        match = pattern.search(line.strip())
        if not match:
            continue
        method, path, status, micros = match.group(1), match.group(2), int(match.group(3)), int(match.group(4))
        row = counts[name(method, path)]
        row[0] += 1
        server_error = status >= 500
        slow = micros / 1e6 > timeout_s
        row[1] += server_error
        row[2] += slow and not server_error
        row[3] += server_error or slow
    return {
        key: {"requests": r, "http_5xx": e, "slower_than_timeout": s, "failure_share": round(f / r, 4)}
        for key, (r, e, s, f) in sorted(counts.items())
    }

def main():
    run = sys.argv[1]
    timeout_s = float(sys.argv[sys.argv.index("--client-timeout") + 1]) if "--client-timeout" in sys.argv else 2.0
    start, end = window(run)
    mean, samples = host_cpu(run, start, end)
    result = {"window": [start, end], "host_cpu_mean_pct": round(mean, 1), "host_cpu_samples": samples}
    try:
        result["app_cpu_mean_pct"] = round(app_cpu(run, start, end), 1)
    except (FileNotFoundError, ZeroDivisionError):
        pass
    try:
        result["endpoints"] = endpoints(run, timeout_s)
    except FileNotFoundError:
        pass
    print(json.dumps(result, indent=1, sort_keys=True))

main()

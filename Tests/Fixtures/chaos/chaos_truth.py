#!/usr/bin/env python3
"""Per-fault truth from a per-request log, independent of capacity.

Usage: chaos_truth.py EVENTS.csv REQUESTS > TRUTH.json
REQUESTS is a Locust `_requests.csv` (start_epoch_ms,response_time_ms,...,success,...) or a JMeter
CSV JTL (timeStamp = start ms, elapsed, success). Each request ends at start + duration.

Faults are the events whose action is not an end word (unfreeze, restart, ...). A fault's window
runs from its time to the next fault's time (or the last request's end). In it:
  failed        failed requests that ended in the window
  burst         from the first to the last failure in the window: its span (s) and count
  interruption  the longest stretch with no successful response ending, clipped to the window
  pass          interruption <= 5 s: every target here is a django pod or worker, and capacity's
                default pod target is "service interruption < 5 s"
Prints JSON, one object per fault.
"""
import csv, json, sys
from datetime import datetime

END_WORDS = {"unfreeze", "resume", "cont", "restart", "start", "recreate", "heal", "unpartition",
             "uncordon", "end", "recovered"}


def epoch(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def requests(path):
    rows = []
    with open(path, newline="") as f:
        reader = csv.DictReader(f)
        for r in reader:
            if "start_epoch_ms" in r:
                start, dur = int(r["start_epoch_ms"]), float(r["response_time_ms"])
            else:
                start, dur = int(r["timeStamp"]), float(r["elapsed"])
            ok = r["success"].strip().lower() == "true"
            rows.append(((start + round(dur)) / 1000.0, ok))
    rows.sort()
    return rows


def main():
    events_path, requests_path = sys.argv[1], sys.argv[2]
    with open(events_path, newline="") as f:
        events = [(epoch(r["time"]), r["action"], r["target"]) for r in csv.DictReader(f)]
    faults = [e for e in events if e[1].lower() not in END_WORDS]
    rows = requests(requests_path)
    run_end = rows[-1][0]
    out = []
    for i, (t, action, target) in enumerate(faults):
        end = faults[i + 1][0] if i + 1 < len(faults) else run_end
        inside = [(e, ok) for e, ok in rows if t <= e < end]
        fails = [e for e, ok in inside if not ok]
        succ = [e for e, ok in inside if ok]
        burst_n, burst_s = len(fails), (fails[-1] - fails[0] if fails else 0.0)
        prev, gap, gap_start = t, 0.0, t
        for e in succ + [end]:
            if e - prev > gap:
                gap, gap_start = e - prev, prev
            prev = e
        out.append({"time": t, "action": action, "target": target, "window_s": round(end - t, 3),
                    "failed": len(fails), "burst_s": round(burst_s, 3), "burst_failures": burst_n,
                    "interruption_s": round(gap, 3), "interruption_start_s": round(gap_start - t, 3),
                    "last_failure_s": round(fails[-1] - t, 3) if fails else None,
                    "pass": gap <= 5.0})
    json.dump(out, sys.stdout, indent=1)
    print()


main()

"""Independent truth for the ramp tests: the concurrency bands (the cut rule of the README,
re-implemented here), then per band the requests, throughput and p95 straight from the raw
requests (numpy, linear = R-7), the first saturation rule that trips and the capacity at the
SLO (p95 <= 500 ms, errors <= 1 %), interpolated between bands, and the Kneedle knees (kneed).

  python3 truth_ramp.py jtl results.jtl              # JMeter CSV JTL: per-second ticks by start
  python3 truth_ramp.py locust PREFIX _requests.csv  # Locust history ticks; requests by completion
"""
import csv, json, math, sys
import numpy as np

MIN_REQUESTS, MIN_TICKS, SLO_P95, SLO_ERR = 200, 5, 500.0, 0.01
PLATEAU, FALLING = 0.25, 0.05


def climb(users):
    first = next(i for i, u in enumerate(users) if u > 0)
    peak = max(users)
    last = max(i for i, u in enumerate(users) if u == peak)
    i, levels, peak_ticks = first, 0, 0
    while i <= last:
        e = i
        while e < last and users[e + 1] == users[i]:
            e += 1
        if users[i] == peak:
            peak_ticks += e - i + 1
        elif e - i + 1 >= MIN_TICKS:
            raise SystemExit("not a ramp: plateau")
        if e < last and abs(users[e + 1] - users[i]) > max(1, peak // 10):
            raise SystemExit("not a ramp: jump")
        levels += 1
        i = e + 1
    assert levels >= 10 and peak_ticks <= last - first + 1 - peak_ticks
    return first, last


def equal_width(users, first, last, count):
    low, width = users[first], (users[last] - users[first]) / count
    cuts, start, run_max = [], first, users[first]
    for i in range(first, last + 1):
        run_max = max(run_max, users[i])
        band = min(count - 1, int((run_max - low) / width))
        if band > len(cuts) and i > start:
            cuts.append((start, i - 1))
            start = i
    cuts.append((start, last))
    return cuts


def merged(cuts, total):
    def requests(a, b):
        return total[b] - (total[a - 1] if a > 0 else 0)
    out, pending = [], None
    for a, b in cuts:
        s = a if pending is None else pending
        if requests(s, b) >= MIN_REQUESTS:
            out.append((s, b)); pending = None
        else:
            pending = s
    if pending is not None:
        if out:
            s, _ = out.pop(); out.append((s, cuts[-1][1]))
        else:
            out.append((pending, cuts[-1][1]))
    return out


def bands(users, total):
    first, last = climb(users)
    best = []
    for count in range(15, 7, -1):
        cut = merged(equal_width(users, first, last, count), total)
        if len(cut) >= 8:
            return cut
        if len(cut) > len(best):
            best = cut
    return best


def analyse(ticks, users, total, in_band):
    """in_band(a, b) -> (latencies ndarray, failures, seconds) for ticks a..b."""
    out = []
    for a, b in bands(users, total):
        lat, failures, seconds = in_band(a, b)
        out.append(dict(users_low=min(users[a:b + 1]), users_high=max(users[a:b + 1]),
                        users=math.floor(sum(users[a:b + 1]) / (b - a + 1) + 0.5), requests=int(len(lat)),
                        rps=len(lat) / seconds, p95_ms=float(np.percentile(lat, 95)),
                        error_rate=failures / len(lat), start_tick=a, end_tick=b))
    # saturation rules in the analyser's order: plateau, latency, errors, falling
    slope0 = out[0]["rps"] / out[0]["users"]
    trips = []
    for k, s in enumerate(out):
        if k > 0 and s["users"] > out[k - 1]["users"]:
            if (s["rps"] - out[k - 1]["rps"]) / (s["users"] - out[k - 1]["users"]) < PLATEAU * slope0:
                trips.append(("plateau", s["users"]))
        if s["p95_ms"] > SLO_P95:
            trips.append(("latency-slo", s["users"]))
        if s["error_rate"] > SLO_ERR:
            trips.append(("error-slo", s["users"]))
        if k > 0 and s["rps"] < out[k - 1]["rps"] * (1 - FALLING):
            trips.append(("falling", s["users"]))
    capacity = None
    for metric, limit in (("p95_ms", SLO_P95), ("error_rate", SLO_ERR)):
        k = next((k for k, s in enumerate(out) if s[metric] > limit), None)
        if k is None:
            continue
        if k == 0:
            cand = dict(users=out[0]["users"], rps=out[0]["rps"], bound="below")
        else:
            lo, hi = out[k - 1], out[k]
            f = min(max((limit - lo[metric]) / (hi[metric] - lo[metric]), 0), 1) if hi[metric] > lo[metric] else 0
            cand = dict(users=lo["users"] + f * (hi["users"] - lo["users"]),
                        rps=lo["rps"] + f * (hi["rps"] - lo["rps"]), bound="interpolated", limited_by=metric)
        if capacity is None or cand["users"] < capacity["users"]:
            capacity = cand
    from kneed import KneeLocator  # kneed 0.9, S = 1, offline
    x = [s["users"] for s in out]
    knees = dict(
        throughput=KneeLocator(x, [s["rps"] for s in out], S=1, curve="concave", direction="increasing").knee,
        p95=KneeLocator(x, [s["p95_ms"] for s in out], S=1, curve="convex", direction="increasing").knee)
    return dict(bands=out, trips=trips, saturation=trips[0] if trips else None, capacity=capacity, knees=knees)


def jtl(path):
    rows = [r for r in csv.DictReader(open(path, newline=""))
            if not r["responseMessage"].startswith("Number of samples in transaction")]
    sec = np.array([int(r["timeStamp"]) // 1000 for r in rows])
    lat = np.array([float(r["elapsed"]) for r in rows])
    ok = np.array([r["success"].lower() == "true" for r in rows])
    thr = np.array([int(r["allThreads"]) for r in rows])
    base, end = sec.min(), sec.max()
    n = end - base + 1
    counts = np.bincount(sec - base, minlength=n)
    umax = np.full(n, -1)
    np.maximum.at(umax, sec - base, thr)
    users, cur = [], max(0, next(u for u in umax if u >= 0))
    for u in umax:
        cur = u if u >= 0 else cur
        users.append(int(cur))
    total = list(np.cumsum(counts))

    def in_band(a, b):
        m = (sec >= base + a) & (sec <= base + b)
        return lat[m], int((~ok[m]).sum()), b - a + 1
    return analyse(list(range(n)), users, total, in_band)


def locust(prefix, requests_csv):
    hist = [r for r in csv.DictReader(open(prefix + "_stats_history.csv")) if r["Name"] == "Aggregated"]
    ts = [int(r["Timestamp"]) for r in hist]
    users = [int(r["User Count"]) for r in hist]
    total = [int(r["Total Request Count"]) for r in hist]
    req = list(csv.DictReader(open(requests_csv)))
    done = np.array([(int(r["start_epoch_ms"]) + int(r["response_time_ms"])) / 1000 for r in req])
    lat = np.array([float(r["response_time_ms"]) for r in req])
    ok = np.array([r["success"] == "true" for r in req])

    def in_band(a, b):
        lo = ts[a - 1] if a > 0 else ts[a] - 1
        m = (done > lo) & (done <= ts[b])
        return lat[m], int((~ok[m]).sum()), ts[b] - lo
    return analyse(ts, users, total, in_band)


if __name__ == "__main__":
    result = jtl(sys.argv[2]) if sys.argv[1] == "jtl" else locust(sys.argv[2], sys.argv[3])
    json.dump(result, sys.stdout, indent=1, default=float)
    print()

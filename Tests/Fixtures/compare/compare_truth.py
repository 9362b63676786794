#!/usr/bin/env python3
"""Independent truth for `capacity compare` on two runs (no capacity code involved).

Locust (--csv-full-history): each scope's 1 s history rows at the highest user count, cut into 10 s
windows from the first such row (a window needs >= 5 rows); throughput = Total Request Count at the
window's last row minus at the previous window's last row, over the seconds between; p50/p95 = the
50%/95% columns at the window's last row (Locust's own ~10 s window).
JMeter JTL CSV: every request, by its start second (timeStamp // 1000), into 5 s windows from the
first second; windows wholly at the top allThreads count, not touching the first or last second;
p50/p95 = R-7 (numpy 'linear') of the window's latencies (capacity uses log buckets <= 1.6 % off).

p: scipy.stats.mannwhitneyu two-sided, method='exact' without ties, the full permutation test with
ties (both when n1+n2 <= 60; with ties and n1+n2 > 20 a 100 000-resample
Monte Carlo permutation test), else 'asymptotic'. Holm over the overall metrics, BH over the endpoint
rows, both written out here. A regression: adjusted p < 0.05, |change of the mean| >= 5 %, and a
numpy moving-block bootstrap 95 % CI (block 3, 10 000 resamples) excluding 0.
usage: compare_truth.py BASELINE CANDIDATE  (Locust stats_history.csv files or JTL CSV files)
"""
import csv, sys
import numpy as np
import scipy.stats as st


def locust_scopes(path):
    rows = list(csv.DictReader(open(path)))
    users = max(int(r["User Count"]) for r in rows)
    scopes = {}
    for r in rows:
        if int(r["User Count"]) != users:
            continue
        name = "overall" if r["Name"] == "Aggregated" else f'{r["Type"]} {r["Name"]}'
        scopes.setdefault(name, []).append(r)
    out = {}
    for name, pts in scopes.items():
        origin = int(pts[0]["Timestamp"])
        groups = {}
        for p in pts:
            groups.setdefault((int(p["Timestamp"]) - origin) // 10, []).append(p)
        wins, prev = [], pts[0]
        for i in range(max(groups) + 1):
            g = groups.get(i, [])
            if not g:
                continue
            last = g[-1]
            if len(g) * 2 >= 10 and int(last["Timestamp"]) > int(prev["Timestamp"]):
                num = lambda v: None if v in ("N/A", "") else float(v)
                wins.append((
                    num(last["50%"]), num(last["95%"]),
                    (int(last["Total Request Count"]) - int(prev["Total Request Count"]))
                    / (int(last["Timestamp"]) - int(prev["Timestamp"]))))
            prev = last
        out[name] = wins
    return out


def jtl_scopes(path, seconds=5):
    rows = list(csv.DictReader(open(path)))
    t = np.array([int(r["timeStamp"]) // 1000 for r in rows])
    lat = np.array([float(r["elapsed"]) for r in rows])
    users = np.array([int(r["allThreads"]) for r in rows])
    labels = np.array([r["label"] for r in rows])
    first, last = t.min(), t.max()
    top = users.max()
    per_second_users = {}
    for s, u in zip(t, users):
        per_second_users[s] = max(per_second_users.get(s, -1), u)
    cur, steady = 0, set()
    for s in range(first, last + 1):
        cur = per_second_users.get(s, cur)
        if cur == top:
            steady.add(s)
    out = {}
    for name in ["overall"] + sorted(set(labels)):
        mask = np.ones(len(t), bool) if name == "overall" else labels == name
        wins = []
        for start in range(first, last + 1, seconds):
            end = start + seconds - 1
            if start <= first or end >= last or any(s not in steady for s in range(start, end + 1)):
                continue
            sel = lat[mask & (t >= start) & (t <= end)]
            p50 = float(np.quantile(sel, 0.5)) if len(sel) else None
            p95 = float(np.quantile(sel, 0.95)) if len(sel) else None
            wins.append((p50, p95, len(sel) / seconds))
        out[name] = wins
    return out


def p_value(a, b):
    if len(a) + len(b) <= 60:
        if len(set(a + b)) == len(a + b):
            return st.mannwhitneyu(a, b, method="exact").pvalue, "exact"
        if len(a) + len(b) <= 20:
            return st.mannwhitneyu(a, b, method=st.PermutationMethod(n_resamples=np.inf)).pvalue, "exact"
        # Too many splits to enumerate: a seeded Monte Carlo permutation test (±0.002 at p = 0.05).
        return st.mannwhitneyu(a, b, method=st.PermutationMethod(
            n_resamples=100_000, random_state=np.random.default_rng(7))).pvalue, "permutation-mc"
    return st.mannwhitneyu(a, b, method="asymptotic").pvalue, "asymptotic"


def holm(p):
    order, m, out, run = np.argsort(p, kind="stable"), len(p), [0.0] * len(p), 0.0
    for rank, i in enumerate(order):
        run = max(run, min(1.0, (m - rank) * p[i]))
        out[i] = run
    return out


def bh(p):
    order, m, out, run = np.argsort(p, kind="stable"), len(p), [0.0] * len(p), 1.0
    for rank in range(m - 1, -1, -1):
        i = order[rank]
        run = min(run, m / (rank + 1) * p[i])
        out[i] = run
    return out


def block_ci(a, b, rng, block=3, n=10000):
    def resample(x):
        x = np.asarray(x)
        L = min(block, len(x))
        starts = rng.integers(0, len(x) - L + 1, size=(n, -(-len(x) // L)))
        idx = (starts[:, :, None] + np.arange(L)).reshape(n, -1)[:, : len(x)]
        return x[idx].mean(axis=1)
    base, cand = resample(a), resample(b)
    ch = (cand - base) / base
    return np.quantile(ch, 0.025), np.quantile(ch, 0.975)


def main(a, b):
    load = jtl_scopes if a.endswith(".jtl") or a.endswith(".csv") and "timeStamp" in open(a).readline() else locust_scopes
    A, B = load(a), load(b)
    rng = np.random.default_rng(1)
    rows = []
    for scope in A:
        if scope not in B:
            continue
        for k, metric in enumerate(["p50_ms", "p95_ms", "throughput_rps"]):
            x = [w[k] for w in A[scope] if w[k] is not None]
            y = [w[k] for w in B[scope] if w[k] is not None]
            if len(x) < 5 or len(y) < 5:
                rows.append([scope, metric, len(x), len(y), None, None, None, None, "inconclusive"])
                continue
            p, how = p_value(x, y)
            change = (np.mean(y) - np.mean(x)) / np.mean(x)
            rows.append([scope, metric, len(x), len(y), change, block_ci(x, y, rng), p, how, None])
    for family, adjust in (("overall", holm), ("endpoint", bh)):
        idx = [i for i, r in enumerate(rows) if r[8] is None and (r[0] == "overall") == (family == "overall")]
        for i, q in zip(idx, adjust([rows[i][6] for i in idx])):
            r = rows[i]
            lo, hi = r[5]
            sig = q < 0.05 and abs(r[4]) >= 0.05 and (lo > 0 or hi < 0)
            worse = (r[4] > 0) == (r[1] != "throughput_rps")
            r[8] = ("regression" if worse else "improvement") if sig else "no significant change"
            r.append(q)
    verdict = max((r[8] for r in rows if r[0] == "overall"),
                  key=["inconclusive", "no significant change", "improvement", "regression"].index)
    print(f"verdict (overall family only): {verdict}")
    for r in rows:
        if r[4] is None:
            print(f"{r[0]:32} {r[1]:15} {r[2]:3}/{r[3]:<3} inconclusive")
            continue
        print(f"{r[0]:32} {r[1]:15} {r[2]:3}/{r[3]:<3} change {r[4]*100:+7.2f} %  CI {r[5][0]*100:+7.2f} … {r[5][1]*100:+7.2f} %"
              f"  p {r[6]:.3e} ({r[7]})  adj {r[9]:.3e}  {r[8]}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

#!/usr/bin/env python3
"""Independent status-class and latency/connect figures of a JMeter JTL (CSV or XML) or a k6 CSV, as JSON.

  codes-truth.py results.jtl            > truth.json
  codes-truth.py results.jtl report.json RUN_NAME   (also compares with capacity's report.json)

Requests: the JTL's rows, minus redirect sub-results ('<parent>-N' right after their parent) and
Transaction Controller parents; the k6 CSV's http_req_duration rows. Each request's status class:
a responseCode (k6: status) of one to three digits between 100 and 599 gives its hundreds
('2xx' ...), anything else (empty, 'Non HTTP response code: ...', 0, 999, negative) 'no_response'.
Windows: 5 s from the first request's start second (floor(timeStamp / 1000)), by start second,
as capacity's request windows (longer only past 2000 windows, not handled here).
Latency (JTL 'Latency', k6 'http_req_waiting') and connect ('Connect', 'http_req_connecting'):
quantile_cont (R-7) p50/p95/p99 over every request, and p95 per window. Counted with duckdb.
Exits 1 when a report.json figure differs.
"""
import json, sys
import duckdb

path = sys.argv[1]
con = duckdb.connect()
CLASS = """CASE WHEN regexp_full_match(coalesce(code, ''), '[0-9]{1,3}')
                  AND CAST(code AS INTEGER) BETWEEN 100 AND 599
             THEN substr(code, 1, 1) || 'xx' ELSE 'no_response' END"""
header = open(path, encoding="utf-8", errors="replace").readline()
if header.lstrip().startswith("<"):
    # XML JTL: the root's <httpSample>/<sample> children are the requests (nested ones are
    # sub-results); ts = start, rc = code, lt = latency (time to first byte), ct = connect.
    import xml.etree.ElementTree as ET
    rows = [(e.get("ts"), e.get("rc"), e.get("lt"), e.get("ct"), e.get("rm") or "")
            for e in ET.parse(path).getroot() if e.tag in ("httpSample", "sample")]
    con.execute("CREATE TABLE x (ts VARCHAR, rc VARCHAR, lt VARCHAR, ct VARCHAR, rm VARCHAR)")
    con.executemany("INSERT INTO x VALUES (?, ?, ?, ?, ?)", rows)
    con.execute("""CREATE TABLE k AS SELECT CAST(ts AS BIGINT) // 1000 AS sec, rc AS code, lt, ct FROM x
      WHERE rm NOT LIKE 'Number of samples in transaction%'""")
    timing = {}
    for key, column in (("latency", "lt"), ("connect", "ct")):
        timing[key] = con.execute(f"SELECT count({column}) FROM k").fetchone()[0] > 0
        if timing[key]:
            con.execute(f"CREATE TABLE t_{key} AS SELECT sec, CAST({column} AS DOUBLE) AS v FROM k WHERE {column} IS NOT NULL")
elif header.startswith("metric_name"):
    con.execute(f"""CREATE TABLE raw AS SELECT row_number() OVER () AS i, * FROM
      read_csv('{path}', header=true, all_varchar=true)""")
    ts = "CAST(floor(CAST(timestamp AS DOUBLE)) AS BIGINT)"
    con.execute(f"""CREATE TABLE k AS SELECT {ts} AS sec, status AS code FROM raw
      WHERE metric_name = 'http_req_duration'""")
    timing = {}
    for key, metric in (("latency", "http_req_waiting"), ("connect", "http_req_connecting")):
        con.execute(f"""CREATE TABLE t_{key} AS SELECT {ts} AS sec, CAST(metric_value AS DOUBLE) AS v
          FROM raw WHERE metric_name = '{metric}'""")
        timing[key] = con.execute(f"SELECT count(*) FROM t_{key}").fetchone()[0] > 0
else:
    con.execute(f"""CREATE TABLE s AS SELECT row_number() OVER () AS i, * FROM
      read_csv('{path}', header=true, all_varchar=true)""")
    con.execute("""CREATE TABLE k AS SELECT s.* FROM s LEFT JOIN s p ON p.i = s.i - 1
      WHERE (p.label IS NULL OR NOT regexp_full_match(s.label, regexp_escape(p.label) || '-[0-9]+')
             OR s.threadName IS DISTINCT FROM p.threadName)
        AND coalesce(s.responseMessage, '') NOT LIKE 'Number of samples in transaction%'""")
    con.execute("""CREATE TABLE k2 AS SELECT CAST(timeStamp AS BIGINT) // 1000 AS sec,
      responseCode AS code, * FROM k""")
    con.execute("DROP TABLE k; ALTER TABLE k2 RENAME TO k")
    columns = header.strip().split(",")
    timing = {}
    for key, column in (("latency", "Latency"), ("connect", "Connect")):
        timing[key] = column in columns
        if timing[key]:
            con.execute(f'CREATE TABLE t_{key} AS SELECT sec, CAST("{column}" AS DOUBLE) AS v FROM k')

base = con.execute("SELECT min(sec) FROM k").fetchone()[0]
totals = dict(con.execute(f"SELECT {CLASS} AS c, count(*) FROM k GROUP BY c ORDER BY c").fetchall())
windows = {}
for window, cls, n in con.execute(
        f"SELECT (sec - {base}) // 5 AS w, {CLASS} AS c, count(*) FROM k GROUP BY w, c ORDER BY w, c").fetchall():
    windows.setdefault(str(window), {})[cls] = n
truth = {"requests": con.execute("SELECT count(*) FROM k").fetchone()[0], "base": base, "window_s": 5,
         "status_codes": totals, "windows": windows}
for key, present in timing.items():
    if not present:
        truth[key] = None
        continue
    p50, p95, p99 = con.execute(
        f"SELECT quantile_cont(v, 0.5), quantile_cont(v, 0.95), quantile_cont(v, 0.99) FROM t_{key}").fetchone()
    per_window = dict(con.execute(
        f"SELECT (sec - {base}) // 5 AS w, quantile_cont(v, 0.95) FROM t_{key} GROUP BY w ORDER BY w").fetchall())
    truth[key] = {"p50": p50, "p95": p95, "p99": p99, "window_p95": {str(w): v for w, v in per_window.items()}}

if len(sys.argv) < 4:
    json.dump(truth, sys.stdout, indent=1, sort_keys=True)
    print()
    sys.exit(0)
doc = json.load(open(sys.argv[2]))
run = next(r for r in doc["runs"] if r["name"] == sys.argv[3])
bad = 0
shown = run.get("status_codes") or {}
for cls in ("1xx", "2xx", "3xx", "4xx", "5xx", "no_response"):
    ok = shown.get(cls) == totals.get(cls, 0)
    bad += not ok
    print(f"{cls:12} truth {totals.get(cls, 0):8} capacity {shown.get(cls)} {'ok' if ok else 'DIFFERS'}")
for key, report_key in (("latency", "time_to_first_byte_ms"), ("connect", "connect_ms")):
    got = run.get(report_key)
    want = truth[key]
    for q in ("p50", "p95", "p99"):
        w = None if want is None else round(want[q], 2)
        g = None if got is None else got.get(q)
        ok = w == g
        bad += not ok
        print(f"{key} {q:4} truth {w} capacity {g} {'ok' if ok else 'DIFFERS'}")
sys.exit(1 if bad else 0)

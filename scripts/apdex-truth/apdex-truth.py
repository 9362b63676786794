#!/usr/bin/env python3
"""Independent APDEX count over a JMeter JTL (CSV or XML), compared with report.json.

  apdex-truth.py report.json RUN_NAME results.jtl T_MS

Rule: satisfied = successful samples with elapsed <= T; tolerating = successful with
T < elapsed <= 4T; frustrated = the rest (slower, and every failed sample); score =
(satisfied + tolerating / 2) / samples. Redirect sub-results ('<parent>-N' right after their
parent) and Transaction Controller parents are left out, as capacity counts requests. Counted with duckdb over the CSV.
Exits 1 when any endpoint or the run total differs.
"""
import json, sys
import duckdb

report, run_name, jtl, t = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
con = duckdb.connect()
if open(jtl, "rb").read(64).lstrip().startswith(b"<"):
    # XML JTL: the root's <httpSample>/<sample> children are the requests (nested ones are
    # sub-results, not requests); lb = label, t = elapsed, s = success, rm = response message.
    import xml.etree.ElementTree as ET
    samples = [(e.get("lb"), e.get("t"), e.get("s"), e.get("rm") or "")
               for e in ET.parse(jtl).getroot() if e.tag in ("httpSample", "sample")]
    con.execute("CREATE TABLE x (label VARCHAR, elapsed VARCHAR, success VARCHAR, responseMessage VARCHAR)")
    con.executemany("INSERT INTO x VALUES (?, ?, ?, ?)", samples)
    con.execute("CREATE TABLE s AS SELECT row_number() OVER () AS i, * FROM x")
else:
    con.execute(f"""
      CREATE TABLE s AS SELECT row_number() OVER () AS i, label, elapsed, success, responseMessage
      FROM read_csv('{jtl}', header=true, all_varchar=true)""")
con.execute("""
  CREATE TABLE k AS SELECT s.* FROM s LEFT JOIN s p ON p.i = s.i - 1
  WHERE (p.label IS NULL OR NOT regexp_full_match(s.label, regexp_escape(p.label) || '-[0-9]+'))
    AND coalesce(s.responseMessage, '') NOT LIKE 'Number of samples in transaction%'""")
rows = con.execute(f"""
  SELECT label,
    count(*) FILTER (WHERE success = 'true' AND CAST(elapsed AS DOUBLE) <= {t}),
    count(*) FILTER (WHERE success = 'true' AND CAST(elapsed AS DOUBLE) > {t} AND CAST(elapsed AS DOUBLE) <= {4 * t}),
    count(*)
  FROM k GROUP BY ROLLUP(label) ORDER BY label NULLS FIRST""").fetchall()
doc = json.load(open(report))
run = next(r for r in doc["runs"] if r["name"] == run_name)
shown = {(e["method"] + " " + e["name"]).strip(): e.get("apdex") for e in run["endpoints"]}
shown[None] = run.get("apdex")
bad = 0
for label, sat, tol, n in rows:
    truth = {"satisfied": sat, "tolerating": tol, "frustrated": n - sat - tol, "score": round((sat + tol / 2) / n, 3)}
    got = shown.get(label)
    if got is None:
        got = next((v for k, v in shown.items() if k and k.endswith(label or "")), None)
    ok = got == truth
    bad += not ok
    print(f"{'ALL' if label is None else label}: truth {truth} report {got} {'ok' if ok else 'DIFFERS'}")
print(f"T = {t} ms, report slo.apdex_t_ms = {doc['slo'].get('apdex_t_ms')}; {bad} differ")
sys.exit(1 if bad else 0)

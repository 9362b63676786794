"""DuckDB truth for JMeter Transaction Controller parents in a CSV JTL: per transaction label the
count, failures, quantile_cont p50/p90/p95/p99 and max of `elapsed`; and the requests left once
the parents are set aside (what `capacity` counts).

  python3 truth_transactions_duckdb.py results.jtl > results.transactions.duckdb.json
"""
import json, sys
import duckdb

path = sys.argv[1]
con = duckdb.connect()
con.execute(f"CREATE VIEW jtl AS SELECT * FROM read_csv('{path}', header=true, all_varchar=false)")
is_tc = "starts_with(responseMessage, 'Number of samples in transaction')"
rows = con.execute(f"""
  SELECT label, count(*), sum(CASE WHEN success THEN 0 ELSE 1 END),
         quantile_cont(elapsed, 0.5), quantile_cont(elapsed, 0.9), quantile_cont(elapsed, 0.95),
         quantile_cont(elapsed, 0.99), max(elapsed)
  FROM jtl WHERE {is_tc} GROUP BY label ORDER BY label""").fetchall()
requests, failures = con.execute(
    f"SELECT count(*), sum(CASE WHEN success THEN 0 ELSE 1 END) FROM jtl WHERE NOT {is_tc}").fetchone()
out = dict(duckdb=duckdb.__version__, requests=requests, failures=int(failures), transactions=[
    dict(name=r[0], count=r[1], failures=int(r[2]), p50=r[3], p90=r[4], p95=r[5], p99=r[6], max=float(r[7]))
    for r in rows])
json.dump(out, sys.stdout, indent=1)
print()

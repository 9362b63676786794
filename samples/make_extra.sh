#!/bin/sh
# Rebuilds samples/extra and samples/chaos-events.csv from the read-only corpus and the test fixtures.
# Usage (from the repository root): sh samples/make_extra.sh [CORPUS] (default /work/shared/corpus)
set -eu
CORPUS=${1:-/work/shared/corpus}
OUT=samples/extra
rm -rf "$OUT" && mkdir -p "$OUT"

# pidstat -h rows (time of day, UTC) from START to END inclusive, with the banner and the header.
trim_pidstat() { # FILE START END
  awk -v s="$2" -v e="$3" 'NR <= 3 || ($1 >= s && $1 <= e) { print }' "$1"
}

# One set: the load tool's window (from _run_info.txt) cut out of pidstat.txt and sar.sa.
resources() { # SET DEST START END
  mkdir -p "$2"
  trim_pidstat "$CORPUS/$1/pidstat.txt" "$3" "$4" > "$2/pidstat.txt"
  sadf -d "$CORPUS/$1/sar.sa" -s "$3" -e "$4" -- -u -r > "$2/sar_u_r.csv"
}
resources light "$OUT/resources/light" 02:09:07 02:10:07
resources medium "$OUT/resources/medium" 02:10:41 02:11:42
resources stress "$OUT/resources/stress" 02:13:53 02:14:54
resources stepped "$OUT/resources/stepped" 02:15:24 02:18:06
resources invalid "$OUT/resources/invalid" 02:25:07 02:25:38
resources jmeter_csv "$OUT/jmeter" 02:20:47 02:21:51
cp "$CORPUS/jmeter_csv/results.jtl" "$OUT/jmeter/jmeter_shop.jtl"

# The Locust chaos run (Tests/Fixtures/chaos/README.md): its CSVs unchanged, its events beside the runs.
mkdir -p "$OUT/chaos"
cp Tests/Fixtures/chaos/locust/cf_locust_*.csv "$OUT/chaos/"
cp Tests/Fixtures/chaos/locust/events.csv samples/chaos-events.csv

# Two builds of one scenario (Tests/Fixtures/compare/README.md): files renamed to one prefix.
for pair in "build-1 locust_a cc_locust_a" "build-2 locust_slow cc_locust_slow"; do
  set -- $pair
  mkdir -p "$OUT/builds/$1"
  for suffix in stats stats_history; do
    cp "Tests/Fixtures/compare/$2/$3_$suffix.csv" "$OUT/builds/$1/shop30u_$suffix.csv"
  done
done

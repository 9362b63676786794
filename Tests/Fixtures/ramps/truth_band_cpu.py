"""Mean app CPU (millicores: sum of the gunicorn rows' %CPU x 10 per second of pidstat.txt) over
each band of locust_ramp.truth.json, the window running from the tick before the band to its last
tick, seconds from the history's first timestamp.

  python3 truth_band_cpu.py   # prints one line per band: users_low users_high mean_millicores
"""
import collections, csv, datetime, json

hist = [r for r in csv.DictReader(open("locust-ramp/locust-ramp_stats_history.csv")) if r["Name"] == "Aggregated"]
ts = [int(r["Timestamp"]) for r in hist]
cpu = collections.defaultdict(float)
for line in open("locust-ramp-resources/pidstat.txt"):
    f = line.split()
    if len(f) > 10 and f[-1] == "gunicorn" and f[0][0].isdigit():
        h, m, s = map(int, f[0].split(":"))
        cpu[int(datetime.datetime(2026, 12, 1, h, m, s, tzinfo=datetime.timezone.utc).timestamp())] += float(f[7]) * 10
for band in json.load(open("locust_ramp.truth.json"))["bands"]:
    a, b = band["start_tick"], band["end_tick"]
    lo = ts[a - 1] if a > 0 else ts[a] - 1
    values = [cpu[t] for t in sorted(cpu) if lo <= t <= ts[b]]
    print(band["users_low"], band["users_high"], round(sum(values) / len(values), 4))

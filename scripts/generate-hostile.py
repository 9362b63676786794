#!/usr/bin/env python3
"""Writes one hostile input shape for scripts/bench-hostile (nothing is stored in the repository).

    scripts/generate-hostile.py SHAPE PATH      writes PATH, prints the extra `capacity` arguments

Shapes are listed in SHAPES; each prints on stdout the arguments `capacity ingest` needs beyond the
file (e.g. `--session-gap 0`) and, on stderr, the independent truth it was built with.
"""
import sys

HEADER = ("timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,"
          "failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n")
START = 1_717_000_000_000  # 2024-05-29, ms
HOUR = 3_600_000
DAY = 24 * HOUR


def row(ts, label="home", elapsed=12):
    return f"{ts},{elapsed},{label},200,OK,t 1-1,text,true,,10,10,1,1,http://x/,5,0,1\n"


def jtl(out, shape):
    out.write(HEADER)
    if shape == "stray-timestamps":  # year 1970 and 9999 among 1 M good rows
        for i in range(1_000_000):
            out.write(row(START + i * 10))
            if i % 100_000 == 0:
                out.write(row(0))
                out.write(row(253402300799000))
    elif shape == "appended-45-days":  # 10 sessions of 20 000 rows spread over 45 days
        for session in range(10):
            base = START + session * 4 * DAY
            for i in range(20_000):
                out.write(row(base + i * 50))
    elif shape == "one-row-per-5-days":  # 100 years, never two rows in a week
        for i in range(7_300):
            out.write(row(946_684_800_000 + i * 5 * DAY))
    elif shape.startswith("labels-"):  # every row its own label, 5 rows per label
        labels = int(shape.split("-")[1].replace("k", "000"))
        for repeat in range(5):
            for i in range(labels):
                out.write(row(START + (repeat * labels + i) * 2, label=f"/item/{i}"))
    elif shape == "200k-labels":  # every row its own label
        for i in range(200_000):
            out.write(row(START + i, label=f"/item/{i}"))
    elif shape == "sparse-4min-7-days":  # one request every 4 min for 7 days: one session
        for i in range(7 * 24 * 15):
            out.write(row(START + i * 240_000))
    elif shape == "sparse-2-per-hour-7-days":  # 2 requests an hour for 7 days, read as one run
        for i in range(7 * 24 * 2):
            out.write(row(START + i * 1_800_000))
    elif shape == "two-rows-98-years":  # 2001 and 2099, read as one run
        out.write(row(978_307_200_000))
        out.write(row(4_070_908_800_000))
    elif shape == "absurd-latencies":  # negative and 9e15 ms elapsed among 500 000 rows
        for i in range(500_000):
            elapsed = -5 if i % 1000 == 0 else 9_000_000_000_000_000 if i % 1000 == 1 else 12
            out.write(row(START + i * 10, elapsed=elapsed))
    elif shape == "unterminated-quotes":  # an open quote every 1 000 rows
        for i in range(300_000):
            out.write(row(START + i * 10) if i % 1000 else
                      f"{START + i * 10},12,home,500,\"broken,t,text,false,,1,1,1,1,u,1,0,1\n")
    else:
        raise SystemExit(f"unknown shape {shape}")


def ktop(out, pods):  # `pods` distinct pods, a quarter in each of 4 samples 15 s apart
    for pod in range(pods):
        sample = pod % 4
        out.write(f"2024-05-29T16:26:{10 + sample * 15:02d}Z default web-{pod}-x2kq9 "
                  f"{100 + pod % 50}m {64 + pod % 32}Mi\n")


ARGS = {
    "sparse-2-per-hour-7-days": "--session-gap 0",
    "two-rows-98-years": "--session-gap 0",
}


def main():
    shape, path = sys.argv[1], sys.argv[2]
    with open(path, "w") as out:
        if shape == "ktop-300k-pods":
            ktop(out, 300_000)
        else:
            jtl(out, shape)
    print(ARGS.get(shape, ""))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A tiny stand-in for Prometheus's /api/v1/query_range, for CapacityPrometheusTests.

Listens on 127.0.0.1 on a free port, prints the port on one line, and exits when its standard
input closes (so a crashed test leaves no server behind). The first path segment picks the
behaviour, the rest must be /api/v1/query_range:

  recorded   the answers recorded from a real Prometheus 2.42 (node-cpus.json for count(…),
             node-cpu.json, node-memory.json;
             no-series.json for any other query), verbatim
  synth      a point every step from start to end: count(…) -> "4" (CPUs), node_cpu -> "1.5",
             node_memory -> "2147483648",
             container_cpu -> pods django-1 "0.25" and postgresql-0 "0.5"; anything else no series
  flaky-N-ID the first N requests for ID answer 503 (a Prometheus error body), then as synth
  bad        400 with the recorded parse error (bad-query.json)
  slow       never answers (sleeps an hour; the server exits when its stdin closes)
  big        a 3 MiB answer
  auth       as synth with the header "Authorization: Basic YWxpY2U6czNjcmV0" (alice:s3cret), else 401
  notprom    404 with an HTML page
/count/ID answers the number of requests seen for ID.
"""
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

HERE = os.path.dirname(os.path.abspath(__file__))
COUNTS = {}
LOCK = threading.Lock()


def recorded(name):
    with open(os.path.join(HERE, name), "rb") as f:
        return f.read()


def synth(query, start, end, step):
    times = list(range(start, end + 1, step))
    def series(metric, value):
        return {"metric": metric, "values": [[t, value] for t in times]}
    if query.startswith("count("):
        result = [series({}, "4")]
    elif "node_cpu" in query:
        result = [series({}, "1.5")]
    elif "node_memory" in query:
        result = [series({}, "2147483648")]
    elif "container_cpu" in query:
        result = [series({"namespace": "shop", "pod": "django-1", "container": "web"}, "0.25"),
                  series({"namespace": "shop", "pod": "postgresql-0", "container": "db"}, "0.5")]
    else:
        result = []
    return json.dumps({"status": "success", "data": {"resultType": "matrix", "result": result}}).encode()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send(self, status, body, content_type="application/json"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urlparse(self.path)
        parts = url.path.strip("/").split("/")
        if parts[0] == "count":
            with LOCK:
                return self.send(200, str(COUNTS.get(parts[1], 0)).encode())
        if parts[1:] != ["api", "v1", "query_range"]:
            return self.send(404, b"<html>not found</html>", "text/html")
        mode = parts[0]
        args = {k: v[0] for k, v in parse_qs(url.query).items()}
        query = args.get("query", "")
        start, end = int(args.get("start", "0")), int(args.get("end", "0"))
        step = int(args.get("step", "1s").rstrip("s"))
        answer = lambda: synth(query, start, end, step)
        if mode == "recorded":
            name = ("node-cpus.json" if query.startswith("count(") else "node-cpu.json" if "node_cpu" in query
                    else "node-memory.json" if "node_memory" in query else "no-series.json")
            return self.send(200, recorded(name))
        if mode == "synth":
            return self.send(200, answer())
        if mode.startswith("flaky-"):
            _, failures, key = mode.split("-", 2)
            with LOCK:
                COUNTS[key] = COUNTS.get(key, 0) + 1
                seen = COUNTS[key]
            if seen <= int(failures):
                return self.send(503, b'{"status":"error","errorType":"unavailable","error":"too busy"}')
            return self.send(200, answer())
        if mode == "bad":
            return self.send(400, recorded("bad-query.json"))
        if mode == "slow":
            time.sleep(3600)  # never answers: only the client's timeout ends the request
            return self.send(200, answer())
        if mode == "big":
            return self.send(200, b'{"status":"success","data":{"resultType":"matrix","result":[]},"pad":"' + b"x" * (3 << 20) + b'"}')
        if mode == "auth":
            if self.headers.get("Authorization") != "Basic YWxpY2U6czNjcmV0":
                return self.send(401, b'{"status":"error","errorType":"unauthorized","error":"who are you"}')
            return self.send(200, answer())
        return self.send(404, b"<html>no such mode</html>", "text/html")


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()
    os._exit(0)


if __name__ == "__main__":
    main()

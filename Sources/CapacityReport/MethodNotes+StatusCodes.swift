extension MethodNotes {
  /// How the status codes per second and the time to first byte / connect time are counted.
  package static let statusCodesAndTimings =
    "Status codes and timed phases (raw request logs): each request is counted in its status class "
    + "by its start second, in the request windows (5 s, longer for long runs): 1xx–5xx for a code of "
    + "one to three digits from 100 to 599, no response for any other (empty, 0, JMeter's 'Non HTTP "
    + "response code: …', 999), Gatling's OK/KO where its log has no code. Time to first byte (JMeter "
    + "Latency, k6 http_req_waiting) and connect time (JMeter Connect, k6 http_req_connecting) are "
    + "exact R-7 percentiles over every request that carries them, failed ones included with the value "
    + "the tool wrote, and the p95 of each window; HDR past the exact budget, which they share with the "
    + "latencies. Locust's CSVs carry neither."
}

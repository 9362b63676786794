import CapacityModel

/// The k6 metrics that time a phase of a request (one row or point per request, beside its
/// `http_req_duration`).
package enum K6Timing {
  @inline(__always)
  package static func phase(of metric: ByteField) -> TimingPhase? {
    if metric.equals("http_req_waiting") { return .firstByte }
    if metric.equals("http_req_connecting") { return .connect }
    return nil
  }
}

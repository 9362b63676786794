import CapacityModel
import Testing

@testable import CapacityIngest

/// The status class of a response code as raw logs write it, on edge values.
@Suite struct StatusClassifierTests {
  @Test(arguments: [
    ("200", StatusClass.success), ("204", .success), ("299", .success), ("100", .informational),
    ("199", .informational), ("301", .redirection), ("399", .redirection), ("400", .clientError),
    ("404", .clientError), ("499", .clientError), ("500", .serverError), ("503", .serverError),
    ("599", .serverError),
    // No HTTP status: a transport error, a missing code, or a number outside 100–599.
    ("", .noResponse), ("0", .noResponse), ("99", .noResponse), ("600", .noResponse), ("999", .noResponse),
    ("-1", .noResponse), ("-200", .noResponse), ("+200", .noResponse), (" 200", .noResponse),
    ("2000", .noResponse), ("99999999999999999999999", .noResponse), ("20x", .noResponse),
    ("Non HTTP response code: java.net.ConnectException", .noResponse),
    ("Non HTTP response code: java.net.SocketTimeoutException", .noResponse),
    ("Non HTTP response code: org.apache.http.NoHttpResponseException", .noResponse),
  ])
  func classifiesTheCodeText(_ code: String, _ expected: StatusClass) {
    #expect(StatusClassifier.classify(code) == expected, "'\(code)'")
  }

  @Test(arguments: [
    (Int64(200), StatusClass.success), (0, .noResponse), (-1, .noResponse), (999, .noResponse),
    (Int64.max, .noResponse), (Int64.min, .noResponse), (100, .informational), (599, .serverError),
    (600, .noResponse),
  ])
  func classifiesNumericCodes(_ code: Int64, _ expected: StatusClass) {
    #expect(StatusClass.of(code: code) == expected)
  }

  /// Two parts of a file (as parsed on two cores) add up per second and class.
  @Test func partsAddUpPerWindow() {
    var first = RequestAccumulator(exactBudget: 100)
    var second = RequestAccumulator(exactBudget: 100)
    let label = first.label(named: "a")
    _ = second.label(named: "a")
    let start: Int64 = 1_800_000_000_000
    for (offset, status) in [(0, StatusClass.success), (1_000, .serverError), (6_000, .noResponse)] {
      first.record(
        label: label, startMs: start + Int64(offset), latencyMs: 5, failed: false, users: 1, status: status)
    }
    for offset in [500, 7_000, 9_999] {
      second.record(
        label: label, startMs: start + Int64(offset), latencyMs: 5, failed: false, users: 1, status: .success)
    }
    second.record(label: label, startMs: start + 2_000, latencyMs: 5, failed: false, users: 1)
    let codes = RawRunSummarizer().summarize([first, second]).statusCodes
    #expect(codes?.seconds == 5)
    #expect(codes?.start == 1_800_000_000)
    // Window 0 (seconds 0–4): 2xx at 0 and 0.5, 5xx at 1; the request without a status is not counted.
    #expect(codes?.windows.map { $0[StatusClass.success.rawValue] } == [2, 2])
    #expect(codes?.windows.map { $0[StatusClass.serverError.rawValue] } == [1, 0])
    #expect(codes?.windows.map { $0[StatusClass.noResponse.rawValue] } == [0, 1])
  }
}

import Foundation
import Testing

@testable import CapacityAnalysis

@Suite struct ErrorClassifierTests {
  @Test(arguments: [
    ("ConnectionRefusedError(111, 'Connection refused')", ErrorCategory.connectionRefused),
    (
      "NewConnectionError('<urllib3.connection.HTTPConnection object at 0x....>: Failed to establish a new connection: [Errno 111] Connection refused')",
      .connectionRefused
    ),
    ("ConnectionResetError(104, 'Connection reset by peer')", .connectionReset),
    ("RemoteDisconnected('Remote end closed connection without response')", .connectionReset),
    (
      "ReadTimeout(ReadTimeoutError(\"HTTPConnectionPool(host='nginx-service', port=80): Read timed out. (read timeout=30)\"))",
      .timeout
    ),
    (
      "ConnectTimeoutError(<urllib3.connection.HTTPConnection object at 0x....>, 'Connection to x timed out. (connect timeout=10)')",
      .timeout
    ),
    (
      "NameResolutionError(\"<urllib3.connection.HTTPConnection object at 0x....>: Failed to resolve 'nginx-service' ([Errno -2] Name or service not known)\")",
      .dns
    ),
    (
      "SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed'))",
      .tls
    ),
    ("HTTPError('500 Server Error: Internal Server Error for url: /api/cart/')", .http5xx),
    ("HTTPError('503 Server Error: Service Unavailable for url: /')", .http5xx),
    ("HTTPError('404 Client Error: Not Found for url: /products/99999/')", .http4xx),
    ("CatchResponseError('Homepage returned 0')", .noResponse),
    ("CatchResponseError('Got status code 502')", .http5xx),
    ("CatchResponseError('Expected product list, got empty page')", .checkFailed),
    ("AssertionError('id missing')", .checkFailed),
    ("KeyError('token')", .other),
  ])
  func classifiesToolMessages(_ message: String, _ category: ErrorCategory) {
    #expect(ErrorClassifier().classify(message) == category)
  }

  @Test func connectionLevelCategoriesAreTheNoResponseOnes() {
    let connectionLevel = ErrorCategory.allCases.filter(\.isConnectionLevel)
    #expect(connectionLevel == [.connectionRefused, .connectionReset, .timeout, .dns, .tls, .noResponse])
  }

  @Test(arguments: [
    ("k6 error_code 1212: dial tcp: connect: connection refused", ErrorCategory.connectionRefused),
    ("k6 error_code 1050: request timeout", .timeout),
    ("k6 error_code 1101: lookup x: no such host", .dns),
    ("k6 error_code 1503", .http5xx),
    ("Non HTTP response code: java.net.ConnectException", .connectionRefused),
    (
      "Non HTTP response code: java.net.SocketTimeoutException: Non HTTP response message: Read timed out",
      .timeout
    ),
    ("Non HTTP response code: java.net.UnknownHostException", .dns),
    ("Non HTTP response code: org.apache.http.NoHttpResponseException", .noResponse),
    ("status 0: no response", .noResponse),
    ("HTTP 404 Not Found", .http4xx),
  ])
  func rawLogMessagesAreClassified(_ message: String, _ category: ErrorCategory) {
    #expect(ErrorClassifier().classify(message) == category)
  }

  /// The byte search the categories use, against Foundation's `range(of:)` (whose NSString path
  /// it replaced) on ASCII needles in ASCII and non-ASCII text.
  @Test(arguments: [
    ("error_code ", "k6 error_code 1211: dial timeout"), ("timeout", "k6 error_code 1211: dial timeout"),
    ("k6", "k6"), ("refused", "connexion refusée: connection refused"), ("x", ""),
    ("connection reset", "connection rese"), ("ssl:", "ß ssl: handshake ✓"), ("e", "é"),
  ])
  func byteSearchAgreesWithFoundation(needle: String, text: String) {
    let found = ErrorClassifier.offset(of: needle, in: text)
    let expected = text.range(of: needle).map {
      text.utf8.distance(from: text.utf8.startIndex, to: $0.lowerBound)
    }
    #expect(found == expected, "\(needle) in \(text)")
  }
}

/// The failure message of a failed JMeter sample, as the error taxonomy reads it.
package enum JMeterFailure {
  /// An HTTP error reads `HTTP 503 Service Unavailable`; a transport error keeps JMeter's
  /// `Non HTTP response code: java.net.…` text; a failed assertion on a 2xx/3xx response gives
  /// the assertion's message.
  package static func message(code: String, message: String, assertion: String) -> String {
    if let status = Int(code) {
      if (200..<400).contains(status), !assertion.isEmpty { return assertion }
      return "HTTP \(status) \(message)".trimmingSpaces
    }
    if code.isEmpty {
      return assertion.isEmpty ? (message.isEmpty ? "failed without a response code" : message) : assertion
    }
    return message.isEmpty ? code : "\(code): \(message)"
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    var slice = self[...]
    while slice.last == " " { slice = slice.dropLast() }
    return String(slice)
  }
}

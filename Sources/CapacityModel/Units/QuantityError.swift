import Foundation

/// Why a string is not a Kubernetes `resource.Quantity`; each case carries the offending input text.
public enum QuantityError: Error, Equatable, LocalizedError {
  /// The text does not follow the quantity grammar (`[+-]digits[.digits][suffix]`).
  case invalid(String)
  /// The text is well formed but its magnitude exceeds 2^63−1 units.
  case outOfRange(String)

  public var errorDescription: String? {
    switch self {
    case .invalid(let text):
      if text.isEmpty { return "an empty string is not a valid Kubernetes quantity" }
      return "'\(text)' is not a valid Kubernetes quantity: \(Self.hint(for: text))"
    case .outOfRange(let text):
      return
        "'\(text)' is out of range: a Kubernetes quantity is at most 2^63-1 (9223372036854775807) units"
    }
  }

  /// Explains the most likely mistake in an invalid quantity, so the user can fix the manifest.
  package static func hint(for text: String) -> String {
    if text.contains(where: \.isWhitespace) { return "remove the whitespace" }
    var rest = Substring(text)
    if let first = rest.first, first == "+" || first == "-" { rest = rest.dropFirst() }
    let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
    let suffix = String(rest.dropFirst(number.count))
    if !number.contains(where: \.isNumber) { return "expected a number such as 500m, 0.5 or 512Mi" }
    if number.filter({ $0 == "." }).count > 1 { return "only one decimal point is allowed" }
    if suffix.first == "." { return "only one decimal point is allowed" }
    if suffix == "K" { return "use lowercase k (10^3) or Ki (2^10)" }
    if suffix == "i" { return "'i' needs a unit before it: Ki, Mi, Gi, Ti, Pi or Ei" }
    if let last = suffix.last, last == "B" || last == "b", suffix.count > 1 {
      let unit = suffix.first.map { String($0).uppercased() } ?? ""
      if let advice = unitAdvice[unit] { return "drop the trailing '\(last)': use \(advice)" }
    }
    if suffix.count == 2, suffix.last == "i", let first = suffix.first, first.isLowercase {
      return "binary suffixes are capitalised: use \(first.uppercased())i"
    }
    if let first = suffix.first, first == "e" || first == "E" {
      var exponent = suffix.dropFirst()
      if let sign = exponent.first, sign == "+" || sign == "-" { exponent = exponent.dropFirst() }
      let digits = exponent.prefix { $0.isASCII && $0.isNumber }
      if !digits.isEmpty, digits.count < exponent.count {
        return "a suffix cannot follow an exponent"
      }
      if digits.isEmpty { return "an exponent needs digits, as in 1e3" }
    }
    return
      "expected a suffix n, u, m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi or Ei, or an exponent such as e3"
  }

  private static let unitAdvice: [String: String] = [
    "K": "k (10^3) or Ki (2^10)", "M": "M (10^6) or Mi (2^20)", "G": "G (10^9) or Gi (2^30)",
    "T": "T (10^12) or Ti (2^40)", "P": "P (10^15) or Pi (2^50)", "E": "E (10^18) or Ei (2^60)",
  ]
}

/// How the report, the answer and the terminal write amounts of CPU and memory, and lists.
public enum Quantities {
  /// `3350m`, or whole cores as `4`.
  public static func cpu(_ millicores: Int64) -> String {
    millicores % 1000 == 0 ? "\(millicores / 1000)" : "\(millicores)m"
  }

  /// Kubernetes notation, as everywhere else: `4608Mi`, `8Gi`, else bytes.
  public static func memory(_ bytes: Int64) -> String { quantity(bytes: bytes) }

  /// Always in millicores (`1000m`), for columns of requests.
  public static func millicores(_ value: Int64) -> String { "\(value)m" }

  /// Kubernetes notation: `1Gi`, `512Mi`, else bytes.
  public static func quantity(bytes: Int64) -> String {
    if bytes > 0, bytes % (1 << 30) == 0 { return "\(bytes >> 30)Gi" }
    if bytes % (1 << 20) == 0 { return "\(bytes >> 20)Mi" }
    return "\(bytes)"
  }

  /// `1 replica`, `3 replicas`: plurals as words.
  public static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(number == 1 ? noun : noun + "s")"
  }

  /// `a`, `a and b`, `a, b and c`.
  package static func list(_ items: [String]) -> String {
    guard let last = items.last else { return "" }
    return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
  }
}

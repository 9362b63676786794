/// An exact Kubernetes `resource.Quantity` (apimachinery semantics), stored as an integer count of nano-units.
///
/// One unit is one core for CPU and one byte for memory. Parsing keeps nano (10^-9) precision and rounds any
/// finer digits away from zero, as apimachinery does (`0.0000000001` becomes `1n`). Magnitudes above 2^63−1
/// units are rejected instead of being capped. Equality, hashing and ordering use the value only, so `1Gi`
/// equals `1073741824`; `description` still prints each value in the suffix family it was written in.
public struct Quantity: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The suffix family a quantity was written in, which `description` keeps.
  public enum Format: String, Sendable, Hashable {
    /// Powers of two: `Ki`, `Mi`, `Gi`, `Ti`, `Pi`, `Ei`.
    case binarySI
    /// Powers of ten by suffix: `n`, `u`, `m`, none, `k`, `M`, `G`, `T`, `P`, `E`.
    case decimalSI
    /// Powers of ten by exponent: `129e6`, `1E3`.
    case decimalExponent
  }

  /// The exact value in nano-units (10^-9 cores or bytes).
  public let nanoValue: Int128
  /// The suffix family used by `description`.
  public let format: Format

  /// Nano-units in one unit.
  package static let nanoPerUnit: Int128 = 1_000_000_000
  /// The largest magnitude apimachinery keeps: (2^63−1) units, in nano-units.
  package static let maxNano: Int128 = Int128(Int64.max) * nanoPerUnit

  package init(nanoValue: Int128, format: Format) {
    self.nanoValue = nanoValue
    self.format = format
  }

  /// A CPU quantity of `millicores` thousandths of a core.
  public static func millicores(_ millicores: Int64) -> Quantity {
    Quantity(nanoValue: Int128(millicores) * 1_000_000, format: .decimalSI)
  }

  /// A memory quantity of `bytes` bytes, printed with binary suffixes where exact (`512Mi`).
  public static func bytes(_ bytes: Int64) -> Quantity {
    Quantity(nanoValue: Int128(bytes) * nanoPerUnit, format: .binarySI)
  }

  /// The value in thousandths of a unit (millicores for CPU), rounded away from zero, capped at the Int64 range.
  public var milliValue: Int64 { Self.scaled(nanoValue, by: 1_000_000) }

  /// The value in whole units (bytes for memory, cores for CPU), rounded away from zero like `Value()`.
  public var value: Int64 { Self.scaled(nanoValue, by: Self.nanoPerUnit) }

  /// Whether the value is below zero.
  public var isNegative: Bool { nanoValue < 0 }

  public static func == (lhs: Quantity, rhs: Quantity) -> Bool { lhs.nanoValue == rhs.nanoValue }
  public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.nanoValue < rhs.nanoValue }
  public func hash(into hasher: inout Hasher) { hasher.combine(nanoValue) }

  /// Divides by `divisor`, rounding away from zero, and clamps to the Int64 range.
  private static func scaled(_ nano: Int128, by divisor: Int128) -> Int64 {
    let magnitude = nano.magnitude
    let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: UInt128(divisor))
    let rounded = remainder == 0 ? quotient : quotient + 1
    if nano < 0 {
      return rounded > UInt128(Int64.max) + 1 ? Int64.min : Int64(-Int128(rounded))
    }
    return rounded > UInt128(Int64.max) ? Int64.max : Int64(rounded)
  }
}

// MARK: - Parsing

extension Quantity {
  /// Parses Kubernetes quantity text such as `500m`, `0.5`, `512Mi`, `1.5Gi`, `129e6` or `1E`.
  ///
  /// - Throws: `QuantityError.invalid` for text outside the grammar (`1K`, `1Mb`, `1e3m`, whitespace),
  ///   `QuantityError.outOfRange` above 2^63−1 units.
  public init(parsing text: String) throws(QuantityError) {
    let bytes = Array(text.utf8)
    var index = 0
    var negative = false
    if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
      negative = bytes[index] == UInt8(ascii: "-")
      index += 1
    }
    var digits: [UInt8] = []
    var fractionDigits = 0
    var sawPoint = false
    while index < bytes.count {
      let byte = bytes[index]
      if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
        digits.append(byte - UInt8(ascii: "0"))
        if sawPoint { fractionDigits += 1 }
      } else if byte == UInt8(ascii: ".") {
        if sawPoint { throw .invalid(text) }
        sawPoint = true
      } else {
        break
      }
      index += 1
    }
    guard !digits.isEmpty else { throw .invalid(text) }
    guard let suffix = Self.interpretSuffix(bytes[index...]) else { throw .invalid(text) }

    var significant = Array(digits.drop { $0 == 0 })
    guard !significant.isEmpty else {
      self.init(nanoValue: 0, format: suffix.format)
      return
    }
    for _ in 0..<suffix.binaryExponent { Self.double(&significant) }
    // Power of ten that turns the digit string into nano-units.
    let shift = suffix.decimalExponent - fractionDigits + 9
    var roundUp = false
    if shift >= 0 {
      guard significant.count + shift <= 39 else { throw .outOfRange(text) }
      significant += repeatElement(0, count: shift)
    } else if -shift >= significant.count {
      significant = []
      roundUp = true
    } else {
      let kept = significant.count + shift
      roundUp = significant[kept...].contains { $0 != 0 }
      significant.removeLast(-shift)
    }
    guard significant.count <= 38 else { throw .outOfRange(text) }
    var magnitude: Int128 = significant.reduce(0) { $0 * 10 + Int128($1) }
    if roundUp { magnitude += 1 }
    guard magnitude <= Self.maxNano else { throw .outOfRange(text) }
    self.init(nanoValue: negative ? -magnitude : magnitude, format: suffix.format)
  }

  /// The scale a suffix applies: value × 10^decimalExponent × 2^binaryExponent.
  private struct Suffix {
    var decimalExponent: Int
    var binaryExponent: Int
    var format: Format
  }

  private static let decimalSuffixes: [String: Int] = [
    "n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18,
  ]
  private static let binarySuffixes: [String: Int] = [
    "Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60,
  ]

  /// Interprets the text after the number; `nil` when it is no known suffix or exponent.
  private static func interpretSuffix(_ bytes: ArraySlice<UInt8>) -> Suffix? {
    let text = String(decoding: bytes, as: UTF8.self)
    if let exponent = decimalSuffixes[text] {
      return Suffix(decimalExponent: exponent, binaryExponent: 0, format: .decimalSI)
    }
    if let exponent = binarySuffixes[text] {
      return Suffix(decimalExponent: 0, binaryExponent: exponent, format: .binarySI)
    }
    guard let first = bytes.first, first == UInt8(ascii: "e") || first == UInt8(ascii: "E") else {
      return nil
    }
    var rest = bytes.dropFirst()
    var negative = false
    if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
      negative = sign == UInt8(ascii: "-")
      rest = rest.dropFirst()
    }
    guard !rest.isEmpty, rest.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
    else { return nil }
    // Beyond ±1000 the outcome no longer changes (out of range, or rounded up to 1n), so clamp there.
    var exponent = 0
    for byte in rest { exponent = min(exponent * 10 + Int(byte - UInt8(ascii: "0")), 1000) }
    return Suffix(
      decimalExponent: negative ? -exponent : exponent, binaryExponent: 0, format: .decimalExponent)
  }

  /// Doubles a big-endian array of decimal digits in place.
  private static func double(_ digits: inout [UInt8]) {
    var carry: UInt8 = 0
    for position in digits.indices.reversed() {
      let doubled = digits[position] * 2 + carry
      digits[position] = doubled % 10
      carry = doubled / 10
    }
    if carry > 0 { digits.insert(carry, at: 0) }
  }
}

// MARK: - Canonical form

extension Quantity {
  /// Canonical text as apimachinery prints it: `500m`, `1500m` for `1.5`, `1536Mi` for `1.5Gi`, `129e6`, `1k`.
  ///
  /// Binary quantities use the largest exact power of 1024 when the value is a whole number of at least 1024
  /// units, else fall back to decimal suffixes; decimal quantities use the largest exponent that is a multiple
  /// of 3 and keeps the number whole.
  public var description: String {
    if nanoValue == 0 { return "0" }
    let sign = nanoValue < 0 ? "-" : ""
    let magnitude = nanoValue.magnitude
    let nanoPerUnit = UInt128(Self.nanoPerUnit)
    if format == .binarySI, magnitude >= 1024 * nanoPerUnit, magnitude % nanoPerUnit == 0 {
      var units = magnitude / nanoPerUnit
      var power = 0
      while power < 6, units % 1024 == 0 {
        units /= 1024
        power += 1
      }
      return "\(sign)\(units)\(["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"][power])"
    }
    var mantissa = magnitude
    var exponent = -9
    while mantissa % 10 == 0 {
      mantissa /= 10
      exponent += 1
    }
    let excess = ((exponent % 3) + 3) % 3
    for _ in 0..<excess { mantissa *= 10 }
    exponent -= excess
    if format == .decimalExponent {
      return exponent == 0 ? "\(sign)\(mantissa)" : "\(sign)\(mantissa)e\(exponent)"
    }
    let suffixes = [
      -9: "n", -6: "u", -3: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E",
    ]
    return "\(sign)\(mantissa)\(suffixes[exponent] ?? "e\(exponent)")"
  }
}

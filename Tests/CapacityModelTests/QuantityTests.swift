import Testing

@testable import CapacityModel

@Suite struct QuantityTests {
  /// (text, exact nano-units, canonical description)
  static let valid: [(String, Int128, String)] = [
    ("500m", 500_000_000, "500m"),
    ("0.5", 500_000_000, "500m"),
    ("1", 1_000_000_000, "1"),
    ("1.5", 1_500_000_000, "1500m"),
    ("512Mi", 536_870_912 * 1_000_000_000, "512Mi"),
    ("1Gi", 1_073_741_824 * 1_000_000_000, "1Gi"),
    ("1.5Gi", 1_610_612_736 * 1_000_000_000, "1536Mi"),
    ("1G", 1_000_000_000 * 1_000_000_000, "1G"),
    ("1000", 1000 * 1_000_000_000, "1k"),
    ("1k", 1000 * 1_000_000_000, "1k"),
    ("129e6", 129_000_000 * 1_000_000_000, "129e6"),
    ("129M", 129_000_000 * 1_000_000_000, "129M"),
    ("1E3", 1000 * 1_000_000_000, "1e3"),
    ("1e-3", 1_000_000, "1e-3"),
    ("1E", 1_000_000_000_000_000_000 * 1_000_000_000, "1E"),
    ("9E", 9_000_000_000_000_000_000 * 1_000_000_000, "9E"),
    ("128974848", 128_974_848 * 1_000_000_000, "128974848"),
    ("0.0000000001", 1, "1n"),
    ("1e-1000", 1, "1e-9"),
    ("+1", 1_000_000_000, "1"),
    (".5", 500_000_000, "500m"),
    ("1.", 1_000_000_000, "1"),
    ("-250m", -250_000_000, "-250m"),
    ("0", 0, "0"),
    ("0Mi", 0, "0"),
    ("100u", 100_000, "100u"),
    ("512", 512 * 1_000_000_000, "512"),
    ("2048", 2048 * 1_000_000_000, "2048"),
    ("0.5Ki", 512 * 1_000_000_000, "512"),
    ("1536Ki", 1536 * 1024 * 1_000_000_000, "1536Ki"),
    ("7Ei", 7 * (1 << 60) * 1_000_000_000, "7Ei"),
  ]

  @Test(arguments: valid) func parsesExactly(_ text: String, _ nano: Int128, _ canonical: String)
    throws
  {
    let quantity = try Quantity(parsing: text)
    #expect(quantity.nanoValue == nano)
    #expect(quantity.description == canonical)
    // The canonical form reads back to the same value.
    #expect(try Quantity(parsing: quantity.description) == quantity)
  }

  @Test(
    arguments: [
      ("500m", 500), ("0.5", 500), ("1", 1000), ("2.5", 2500), ("0.0001", 1), ("1n", 1),
      ("-1n", -1),
    ] as [(String, Int64)])
  func milliValueRoundsAwayFromZero(_ text: String, _ milli: Int64) throws {
    #expect(try Quantity(parsing: text).milliValue == milli)
  }

  @Test(
    arguments: [
      ("512Mi", 536_870_912), ("1Gi", 1_073_741_824), ("1.5Gi", 1_610_612_736),
      ("1G", 1_000_000_000),
      ("129e6", 129_000_000), ("500m", 1), ("0", 0), ("1E", 1_000_000_000_000_000_000),
    ] as [(String, Int64)])
  func valueRoundsUp(_ text: String, _ value: Int64) throws {
    #expect(try Quantity(parsing: text).value == value)
  }

  @Test(arguments: [
    "1K", "1KB", "1Mb", "1mi", "1i", "1e3m", "", ".", " 1", "1 ", "1..2", "+", "-", "1e", "1e+",
    "Mi", "1Ki3",
    "1Ee3", "1 Gi", "1GB", "1kb", "1.5.5", "0x10", "1,5", "١",
  ])
  func rejectsInvalidText(_ text: String) {
    #expect(throws: QuantityError.invalid(text)) { try Quantity(parsing: text) }
  }

  @Test(arguments: [
    "10E", "8Ei", "9223372036854775808", "9223372036854775807.5", "1e19", "-10E",
    "99999999999999999999999999999999999999999",
  ])
  func rejectsValuesBeyondInt64Units(_ text: String) {
    #expect(throws: QuantityError.outOfRange(text)) { try Quantity(parsing: text) }
  }

  @Test func acceptsTheLargestValue() throws {
    #expect(try Quantity(parsing: "9223372036854775807").value == .max)
    #expect(try Quantity(parsing: "9223372036854775807").milliValue == .max)  // saturates
  }

  @Test(arguments: [
    ("1K", "'1K' is not a valid Kubernetes quantity: use lowercase k (10^3) or Ki (2^10)"),
    (
      "1KB",
      "'1KB' is not a valid Kubernetes quantity: drop the trailing 'B': use k (10^3) or Ki (2^10)"
    ),
    (
      "1Mb",
      "'1Mb' is not a valid Kubernetes quantity: drop the trailing 'b': use M (10^6) or Mi (2^20)"
    ),
    ("1mi", "'1mi' is not a valid Kubernetes quantity: binary suffixes are capitalised: use Mi"),
    (
      "1i",
      "'1i' is not a valid Kubernetes quantity: 'i' needs a unit before it: Ki, Mi, Gi, Ti, Pi or Ei"
    ),
    ("1e3m", "'1e3m' is not a valid Kubernetes quantity: a suffix cannot follow an exponent"),
    ("1 ", "'1 ' is not a valid Kubernetes quantity: remove the whitespace"),
    ("1..2", "'1..2' is not a valid Kubernetes quantity: only one decimal point is allowed"),
    (".", "'.' is not a valid Kubernetes quantity: expected a number such as 500m, 0.5 or 512Mi"),
    ("", "an empty string is not a valid Kubernetes quantity"),
  ])
  func invalidTextExplainsTheFix(_ text: String, _ message: String) {
    #expect(QuantityError.invalid(text).errorDescription == message)
  }

  @Test func equalityIgnoresTheSuffixFamily() throws {
    #expect(try Quantity(parsing: "1Gi") == Quantity(parsing: "1073741824"))
    #expect(try Quantity(parsing: "1") == Quantity(parsing: "1000m"))
    #expect(try Quantity(parsing: "1Gi") > Quantity(parsing: "1G"))
    #expect(Set([try Quantity(parsing: "0.5"), try Quantity(parsing: "500m")]).count == 1)
  }

  @Test func helpersBuildCanonicalQuantities() {
    #expect(Quantity.millicores(3350).description == "3350m")
    #expect(Quantity.millicores(3000).description == "3")
    #expect(Quantity.millicores(3000).milliValue == 3000)
    #expect(Quantity.bytes(4_831_838_208).description == "4608Mi")
    #expect(Quantity.bytes(4_294_967_296).description == "4Gi")
    #expect(Quantity.bytes(1000).description == "1k")
    #expect(Quantity.bytes(536_870_912).value == 536_870_912)
  }
}

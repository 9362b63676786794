import Testing

@testable import CapacityIngest
@testable import CapacityModel

@Suite struct CSVReaderTests {
  private func fields(_ text: String) throws -> [[String]] {
    try CSVReader().records(in: Array(text.utf8), file: "t.csv").map(\.fields)
  }

  @Test func crlfAndLfEndingsGiveTheSameRecords() throws {
    #expect(try fields("a,b\r\n1,2\r\n") == [["a", "b"], ["1", "2"]])
    #expect(try fields("a,b\n1,2\n") == [["a", "b"], ["1", "2"]])
  }

  @Test func quotedFieldsKeepCommasDoubledQuotesAndNewlines() throws {
    let text =
      "Count,Message,Traceback\r\n2,\"boom, twice\",\"Traceback:\r\n  File \"\"x.py\"\"\r\nKeyError\"\r\n"
    #expect(try fields(text)[1] == ["2", "boom, twice", "Traceback:\r\n  File \"x.py\"\r\nKeyError"])
  }

  @Test func recordsRememberTheLineTheyStartOn() throws {
    let records = try CSVReader().records(in: Array("h\n\"a\nb\"\nc\n".utf8), file: "t.csv")
    #expect(records.map(\.line) == [1, 2, 4])
  }

  @Test func byteOrderMarkBlankLinesAndMissingFinalNewline() throws {
    #expect(try fields("\u{FEFF}a,b\n\n1,2") == [["a", "b"], ["1", "2"]])
  }

  @Test func emptyTrailingFieldIsKept() throws {
    #expect(try fields("a,b\n1,\n") == [["a", "b"], ["1", ""]])
  }

  @Test func unterminatedQuoteIsAnErrorAtItsLine() {
    #expect(
      throws: IngestError.malformedRow(
        SourceLocation(file: "t.csv", line: 2), reason: "quoted field is never closed")
    ) {
      try CSVReader().records(in: Array("a,b\n1,\"open\n".utf8), file: "t.csv")
    }
  }
}

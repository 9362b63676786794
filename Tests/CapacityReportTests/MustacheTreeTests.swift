import Testing

@testable import CapacityReport

/// The view handed to the templates as dictionaries: the same names and values as the structs.
@Suite struct MustacheTreeTests {
  private enum Kind { case warning }

  private struct Row {
    var name: String
    var note: String?
    var tags: [String]
    var flagged: Bool
    var kind: Kind
  }

  private struct Page {
    var title: String
    var count: Int
    var rows: [Row]
    var none: [Row]
  }

  @Test func structsBecomeDictionariesAndNilPropertiesAreLeftOut() throws {
    let page = Page(
      title: "T", count: 3,
      rows: [
        Row(name: "a", note: "n", tags: ["x", "y"], flagged: true, kind: .warning),
        Row(name: "b", note: nil, tags: [], flagged: false, kind: .warning),
      ], none: [])
    let tree = try #require(MustacheTree.build(page) as? [String: Any])
    #expect(Set(tree.keys) == ["title", "count", "rows", "none"])
    #expect(tree["title"] as? String == "T")
    #expect(tree["count"] as? Int == 3)
    #expect((tree["none"] as? [Any])?.isEmpty == true)
    let rows = try #require(tree["rows"] as? [Any]).compactMap { $0 as? [String: Any] }
    #expect(rows.count == 2)
    #expect(rows[0]["note"] as? String == "n")
    #expect(rows[0]["tags"].flatMap { $0 as? [Any] }?.compactMap { $0 as? String } == ["x", "y"])
    #expect(rows[0]["flagged"] as? Bool == true)
    #expect(rows[0]["kind"] as? Kind == .warning)
    #expect(Set(rows[1].keys) == ["name", "tags", "flagged", "kind"])
  }
}

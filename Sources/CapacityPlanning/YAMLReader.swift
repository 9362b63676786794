import CapacityModel
import Foundation
import Yams

/// Node helpers shared by the manifest, profile and SLO loaders; errors name the file.
package enum YAMLReader {
  /// The largest YAML text read (manifests, profiles and SLO files are a few KiB).
  package static let maximumBytes = TextDocument.maximumBytes
  /// The deepest nesting of mappings and sequences read; Kubernetes manifests need about 12.
  package static let maximumDepth = 200
  /// The most replicas one workload may ask for.
  package static let maximumReplicas = 100_000

  /// Parses every document of a (possibly multi-document) YAML text into node trees; empty documents are skipped.
  /// Size and nesting are checked first: the YAML library recurses per level and would overflow
  /// the stack on a few thousand.
  package static func documents(_ text: String, file: String) throws(PlanningError) -> [Node] {
    guard text.utf8.count <= maximumBytes else {
      throw .invalidYAML(
        file: file, line: nil,
        reason: "the file is \(text.utf8.count) bytes; YAML inputs are limited to \(maximumBytes) bytes")
    }
    if let line = YAMLDepth.lineExceeding(maximumDepth, in: text) {
      throw .invalidYAML(
        file: file, line: line,
        reason: "nesting deeper than \(maximumDepth) levels; no manifest, profile or SLO file needs that")
    }
    do {
      let parser = try Parser(yaml: text)
      var documents: [Node] = []
      while let node = try parser.nextRoot() { documents.append(node) }
      return documents
    } catch let error as YamlError {
      throw describe(error, file: file)
    } catch {
      throw .invalidYAML(file: file, line: nil, reason: String(describing: error))
    }
  }

  /// The value at a path of mapping keys, honouring YAML merge keys (`<<: *defaults`, common in Compose
  /// files): a mapping's own key wins, then the merged mappings in order. The search is lazy and bounded,
  /// so alias-heavy hostile documents cannot make it explode.
  package static func child(_ node: Node?, _ path: String...) -> Node? {
    var current = node
    for key in path {
      var budget = 1_000
      current = lookup(current, key, budget: &budget)
    }
    return current
  }

  private static func lookup(_ node: Node?, _ key: String, budget: inout Int) -> Node? {
    guard let node, case .mapping(let mapping) = node else { return nil }
    budget -= 1
    guard budget > 0 else { return nil }
    var merges: [Node] = []
    for (candidate, value) in mapping {
      guard let name = scalar(candidate) else { continue }
      if name == key { return value }
      if name == "<<" { merges.append(value) }
    }
    for merge in merges {
      for source in merge.sequence.map(Array.init) ?? [merge] {
        if let found = lookup(source, key, budget: &budget) { return found }
      }
    }
    return nil
  }

  private static func describe(_ error: YamlError, file: String) -> PlanningError {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let reason = context.map { "\($0.text): \(problem)" } ?? problem
      return .invalidYAML(file: file, line: mark.line, reason: reason)
    case .reader(let problem, _, _, _):
      return .invalidYAML(file: file, line: nil, reason: problem)
    default:
      return .invalidYAML(file: file, line: nil, reason: String(describing: error))
    }
  }

  /// Whether a node is absent or an explicit plain `null`/`~`/empty scalar.
  package static func isNull(_ node: Node?) -> Bool {
    guard let node else { return true }
    guard case .scalar(let scalar) = node else { return false }
    return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  /// The raw text of a scalar node (numbers keep their exact spelling); `nil` for mappings and sequences.
  package static func scalar(_ node: Node?) -> String? {
    guard let node, case .scalar(let scalar) = node else { return nil }
    return scalar.string
  }

  /// Human-readable text of any node for error messages.
  package static func text(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar): scalar.string
    case .mapping: "<mapping>"
    case .sequence: "<sequence>"
    }
  }

  /// A non-negative integer field (replicas), or a `PlanningError.invalidField` naming it.
  package static func count(_ node: Node, field: String, file: String) throws(PlanningError) -> Int {
    guard let text = scalar(node), let value = Int(text), value >= 0 else {
      throw .invalidField(
        file: file, field: field, value: Self.text(node),
        reason: "expected a whole number of 0 or more")
    }
    guard value <= maximumReplicas else {
      throw .invalidField(
        file: file, field: field, value: text, reason: "expected at most \(maximumReplicas)")
    }
    return value
  }

  /// A Kubernetes quantity field, or a `PlanningError.invalidQuantity` naming the file, field and value.
  package static func quantity(_ node: Node, field: String, file: String) throws(PlanningError) -> Quantity {
    guard let text = scalar(node) else {
      throw .invalidQuantity(
        file: file, field: field, value: Self.text(node), reason: "expected a string or a number")
    }
    let quantity: Quantity
    do {
      quantity = try Quantity(parsing: text)
    } catch {
      throw .invalidQuantity(
        file: file, field: field, value: text, reason: error.errorDescription ?? "invalid")
    }
    guard !quantity.isNegative else {
      throw .invalidQuantity(
        file: file, field: field, value: text, reason: "a resource amount cannot be negative")
    }
    return quantity
  }
}

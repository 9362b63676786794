import CapacityAnalysis
import CapacityModel
import Foundation
import Yams

/// Reads the optional component mapping file:
///
///     web: django                 # the component that serves the requests (default: web, app, django, api …)
///     components:                 # entity name globs per component, checked before the built-in rules
///       django: ["gunicorn*", "django-worker-*"]
///       postgresql: ["postgres*"]
///     measured_replicas:          # replicas running while the samples were taken (default 1)
///       django: 1
public struct ComponentMappingLoader: Sendable {
  public init() {}

  /// Parses the mapping file read by Ingest; without one, the built-in rules over `deployment`'s names.
  public func load(_ document: TextDocument?, deployment: Deployment?) throws(PlanningError)
    -> ComponentMapper
  {
    let known = deployment?.components.map(\.name) ?? []
    guard let document else { return ComponentMapper(known: known) }
    let (path, text) = (document.path, document.text)
    guard let root = try YAMLReader.documents(text, file: path).first, case .mapping(let mapping) = root
    else {
      throw .invalidYAML(
        file: path, line: nil, reason: "expected a mapping with web, components or measured_replicas")
    }
    var web: String?
    var rules: [(component: String, patterns: [String])] = []
    var replicas: [String: Int] = [:]
    for (key, value) in mapping {
      switch key.string {
      case "web": web = value.string
      case "components":
        guard case .mapping(let entries) = value else {
          throw .invalidYAML(
            file: path, line: nil, reason: "components must map a component to a list of globs")
        }
        for (component, patterns) in entries {
          let list = patterns.sequence?.compactMap(\.string) ?? [patterns.string].compactMap { $0 }
          rules.append((component.string ?? "", list))
        }
      case "measured_replicas":
        guard case .mapping(let entries) = value else {
          throw .invalidYAML(
            file: path, line: nil, reason: "measured_replicas must map a component to a count")
        }
        for (component, count) in entries {
          guard let name = component.string, let number = count.int, number >= 1 else {
            throw .invalidYAML(file: path, line: nil, reason: "measured_replicas needs whole numbers ≥ 1")
          }
          replicas[name] = number
        }
      default:
        throw .invalidYAML(
          file: path, line: nil,
          reason: "unknown key '\(key.string ?? "")'; expected web, components or measured_replicas")
      }
    }
    return ComponentMapper(webComponent: web, rules: rules, known: known, measuredReplicas: replicas)
  }
}

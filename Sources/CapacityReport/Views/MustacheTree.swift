/// A view as nested dictionaries and arrays, reflected once. swift-mustache finds a name in a
/// dictionary by hashing it, but in a struct by reflecting all its properties, and those of each
/// enclosing context it climbs through, on every lookup: a third of the rendering time of a
/// report. The templates see the same names and values either way.
enum MustacheTree {
  /// Structs become `[String: Any]` of their stored properties, arrays `[Any]` of their elements,
  /// an optional its value (a `nil` property is left out, which a lookup treats like a `nil`
  /// one: it goes on to the enclosing context); strings, numbers, Booleans and enums stay as
  /// they are.
  static func build(_ value: Any) -> Any? {
    // Most of a view's values are leaves: a cast is far cheaper than a mirror of each.
    if value is String || value is Int || value is Double || value is Bool { return value }
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .optional:
      return mirror.children.first.flatMap { build($0.value) }
    case .struct:
      var properties: [String: Any] = [:]
      for child in mirror.children {
        guard let label = child.label, let built = build(child.value) else { continue }
        properties[label] = built
      }
      return properties
    case .collection:
      return mirror.children.map { build($0.value) as Any }
    default:
      return value
    }
  }
}

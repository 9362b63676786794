/// One GitHub Actions workflow command, `::name key=value,key=value::message`, escaped the way the
/// runner unescapes it (actions/toolkit `command.ts`): in the message `%`, CR and LF become `%25`,
/// `%0D`, `%0A`; in a property value `:` and `,` also become `%3A` and `%2C`. A label from an input
/// file therefore cannot end the command early or start a second one.
public struct WorkflowCommand: Sendable, Equatable, CustomStringConvertible {
  public var name: String
  /// Properties in the order written (`file`, `line`, `title`…).
  public var properties: [(key: String, value: String)]
  public var message: String

  public init(_ name: String, properties: [(key: String, value: String)] = [], message: String) {
    self.name = name
    self.properties = properties
    self.message = message
  }

  public static func == (lhs: WorkflowCommand, rhs: WorkflowCommand) -> Bool {
    lhs.description == rhs.description
  }

  public var description: String {
    let list = properties.map { "\($0.key)=\(Self.escapeProperty($0.value))" }.joined(separator: ",")
    return "::\(name)\(list.isEmpty ? "" : " " + list)::\(Self.escapeData(message))"
  }

  public static func escapeData(_ text: String) -> String { escape(text, property: false) }

  public static func escapeProperty(_ text: String) -> String { escape(text, property: true) }

  private static func escape(_ text: String, property: Bool) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "%": escaped += "%25"
      case "\r": escaped += "%0D"
      case "\n": escaped += "%0A"
      case ":" where property: escaped += "%3A"
      case "," where property: escaped += "%2C"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }
}

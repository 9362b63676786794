import Foundation

/// How a report names its input files (`--path-style`): relative to the current directory by
/// default, so a mailed report does not carry the author's home directory.
public enum PathStyle: String, Sendable, CaseIterable {
  /// The file name alone (`light_stats.csv`).
  case basename
  /// Relative to the current directory (`samples/runs/light/light_stats.csv`, `../corpus/…`).
  case relative
  /// Absolute, as on the machine that made the report.
  case absolute

  /// `path` in this style; a relative `path` is taken as relative to `directory`.
  public func display(_ path: String, relativeTo directory: String) -> String {
    guard !path.isEmpty else { return path }
    switch self {
    case .basename: return URL(fileURLWithPath: path).lastPathComponent
    case .absolute: return Self.absolute(path, in: directory)
    case .relative:
      return Self.relative(Self.absolute(path, in: directory), to: Self.absolute(directory, in: "/"))
    }
  }

  private static func absolute(_ path: String, in directory: String) -> String {
    let url =
      path.hasPrefix("/")
      ? URL(fileURLWithPath: path) : URL(fileURLWithPath: directory).appendingPathComponent(path)
    return url.standardizedFileURL.path
  }

  /// `path` from `directory`, both absolute, with `..` where `path` lies outside it.
  private static func relative(_ path: String, to directory: String) -> String {
    let target = path.split(separator: "/", omittingEmptySubsequences: true)
    let base = directory.split(separator: "/", omittingEmptySubsequences: true)
    let common = zip(target, base).prefix { $0 == $1 }.count
    let parts = Array(repeating: "..", count: base.count - common) + target.dropFirst(common).map(String.init)
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }
}

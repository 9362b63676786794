/// The series read from one resource file, with the problems met on the way.
public struct ResourceFile: Sendable, Equatable {
  public var source: SourceFile
  public var series: [ResourceSeries]
  public var diagnostics: [Diagnostic]

  public init(source: SourceFile, series: [ResourceSeries], diagnostics: [Diagnostic] = []) {
    self.source = source
    self.series = series
    self.diagnostics = diagnostics
  }
}

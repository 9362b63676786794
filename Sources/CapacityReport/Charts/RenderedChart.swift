/// A chart drawn for the report: its id (an HTML anchor), caption and markup.
package struct RenderedChart: Sendable, Equatable {
  package var id: String
  package var title: String
  package var svg: String
}

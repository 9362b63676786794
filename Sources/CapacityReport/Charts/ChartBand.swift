/// A shaded stretch of time: a fault from its event to its end (or its analysis window).
package struct ChartBand {
  package var start: Double
  package var end: Double
  package var label: String
}

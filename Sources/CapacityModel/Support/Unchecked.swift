/// Wraps a non-Sendable value that is handed to exactly one other thread.
package struct Unchecked<Value>: @unchecked Sendable {
  package var value: Value

  package init(value: Value) {
    self.value = value
  }
}

/// capacity's version: `capacity --version` and the report's footer.
package enum CapacityVersion {
  package static let current = "0.1.0"
}

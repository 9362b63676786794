import CapacityModel

extension ResourceSeriesBuilder {
  /// Node CPU from sysstat: `busy` % of all CPUs, as millicores when the host's CPU count is
  /// known, else as a host percentage (`ResourceStatistics` converts it with another file's count).
  package mutating func addNodeCPU(busyPercent busy: Double, time: Double) {
    if let cpus = hostCPUs {
      add(
        entity: ComponentRole.node.rawValue, isNode: true, metric: .cpu, unit: .millicores, time: time,
        value: busy / 100 * Double(cpus) * 1000)
    } else {
      add(
        entity: ComponentRole.node.rawValue, isNode: true, metric: .cpu, unit: .hostPercent, time: time,
        value: busy)
    }
  }

  /// Node memory used, bytes.
  package mutating func addNodeMemory(bytes: Double, time: Double) {
    add(
      entity: ComponentRole.node.rawValue, isNode: true, metric: .memory, unit: .bytes, time: time,
      value: bytes)
  }
}

import CapacityModel

/// Resources a VPS keeps for itself (OS, container runtime, k3s) before workloads get any.
public struct Overhead: Sendable, Equatable {
  /// How the overhead was chosen: `none`, or `explicit` when a profile file gives it.
  public var model: String
  /// Reserved CPU, in millicores.
  public var cpuMillicores: Int64
  /// Reserved memory, in bytes.
  public var memoryBytes: Int64

  /// Creates an overhead (millicores and bytes).
  public init(model: String, cpuMillicores: Int64, memoryBytes: Int64) {
    self.model = model
    self.cpuMillicores = cpuMillicores
    self.memoryBytes = memoryBytes
  }

  /// No reserved resources: allocatable equals capacity.
  public static let none = Overhead(model: "none", cpuMillicores: 0, memoryBytes: 0)

  /// `none`, or `docker: 100m CPU, 400Mi` for tables and terminals.
  public var summary: String {
    model == "none"
      ? "none"
      : "\(model): \(Quantities.cpu(cpuMillicores)) CPU, \(Quantities.memory(memoryBytes))"
  }
}

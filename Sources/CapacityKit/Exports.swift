// The executable imports CapacityKit alone: it sees every layer through these re-exports.
@_exported import CapacityAnalysis
@_exported import CapacityIngest
@_exported import CapacityModel
@_exported import CapacityPlanning
@_exported import CapacityPrometheus
@_exported import CapacityReport
@_exported import CapacityStatistics
@_exported import CapacityStore
@_exported import CapacityStorePostgres
@_exported import CapacityTemplates

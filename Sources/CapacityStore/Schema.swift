import CapacityModel
import GRDB

/// The database schema, as named SQL migrations.
package enum Schema {
  /// Append-only: never edit a shipped migration; add a new one.
  package static let migrations: [(id: String, sql: String)] = [
    (
      "v1-runs",
      """
      CREATE TABLE run (
        id TEXT PRIMARY KEY NOT NULL,             -- SHA-256 over the run's file hashes
        name TEXT NOT NULL,
        tool TEXT NOT NULL,
        started_at REAL,                          -- Unix seconds, UTC
        ended_at REAL,
        history_kind TEXT NOT NULL,
        ingested_at REAL NOT NULL
      ) STRICT;
      CREATE TABLE source_file (
        run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        path TEXT NOT NULL,
        role TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        PRIMARY KEY (run_id, position)
      ) STRICT;
      CREATE TABLE endpoint_stat (
        run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,                -- -1 is the tool's total row
        method TEXT NOT NULL,
        name TEXT NOT NULL,
        requests INTEGER NOT NULL CHECK (requests >= 0),
        failures INTEGER NOT NULL CHECK (failures >= 0),
        median_ms REAL,
        average_ms REAL,
        min_ms REAL,
        max_ms REAL,
        average_content_bytes REAL,
        requests_per_second REAL NOT NULL,
        failures_per_second REAL NOT NULL,
        percentiles TEXT NOT NULL,                -- JSON [{quantile, valueMs}]
        PRIMARY KEY (run_id, position)
      ) STRICT;
      CREATE TABLE timeline_point (
        run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        timestamp INTEGER NOT NULL,               -- Unix seconds
        users INTEGER NOT NULL,
        requests_per_second REAL NOT NULL,
        failures_per_second REAL NOT NULL,
        percentiles TEXT NOT NULL,                -- JSON [{quantile, valueMs}]
        total_requests INTEGER NOT NULL,
        total_failures INTEGER NOT NULL,
        PRIMARY KEY (run_id, position)
      ) STRICT;
      CREATE TABLE error_group (
        run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        method TEXT NOT NULL,
        name TEXT NOT NULL,
        message TEXT NOT NULL,
        occurrences INTEGER NOT NULL CHECK (occurrences >= 0),
        first_seen REAL,
        last_seen REAL,
        PRIMARY KEY (run_id, position)
      ) STRICT;
      CREATE TABLE exception_group (
        run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        count INTEGER NOT NULL,
        message TEXT NOT NULL,
        traceback TEXT NOT NULL,
        nodes TEXT NOT NULL,
        PRIMARY KEY (run_id, position)
      ) STRICT;
      CREATE TABLE diagnostic (
        run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        file TEXT NOT NULL,
        line INTEGER NOT NULL,
        message TEXT NOT NULL,
        PRIMARY KEY (run_id, position)
      ) STRICT;
      """
    ),
    (
      "v2-endpoint-history",
      """
      CREATE TABLE endpoint_timeline_point (
        run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,                -- order across all endpoints' points
        method TEXT NOT NULL,
        name TEXT NOT NULL,
        timestamp INTEGER NOT NULL,               -- Unix seconds
        users INTEGER NOT NULL,
        requests_per_second REAL NOT NULL,
        failures_per_second REAL NOT NULL,
        percentiles TEXT NOT NULL,                -- JSON [{quantile, valueMs}]
        total_requests INTEGER NOT NULL,
        total_failures INTEGER NOT NULL,
        PRIMARY KEY (run_id, position)
      ) STRICT;
      """
    ),
    (
      "v3-timeline-mean",
      """
      ALTER TABLE timeline_point ADD COLUMN total_average_ms REAL;
      ALTER TABLE endpoint_timeline_point ADD COLUMN total_average_ms REAL;
      """
    ),
    (
      "v2-resources",
      """
      CREATE TABLE resource_file (
        sha256 TEXT PRIMARY KEY NOT NULL,         -- the file's content hash: re-ingesting is a no-op
        path TEXT NOT NULL,
        kind TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        diagnostics TEXT NOT NULL,                -- JSON [Diagnostic]
        ingested_at REAL NOT NULL
      ) STRICT;
      CREATE TABLE resource_series (
        file_sha256 TEXT NOT NULL REFERENCES resource_file(sha256) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        entity TEXT NOT NULL,
        instance TEXT NOT NULL,
        is_node INTEGER NOT NULL,
        metric TEXT NOT NULL,                     -- cpu | memory
        unit TEXT NOT NULL,                       -- millicores | bytes | host-percent
        host TEXT,
        host_cpus INTEGER,
        points TEXT NOT NULL,                     -- JSON [[unix seconds, value]], time order
        PRIMARY KEY (file_sha256, position)
      ) STRICT;
      """
    ),
    (
      "v2-raw-requests",
      """
      ALTER TABLE run ADD COLUMN latency_method TEXT;  -- exact-r7 / hdr-3; NULL = the tool's own
      CREATE TABLE set_aside (
        run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        reason TEXT NOT NULL,                     -- sub-result / transaction-parent
        count INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (run_id, position)
      ) STRICT;
      """
    ),
    (
      "v4-window-percentiles",
      """
      ALTER TABLE timeline_point ADD COLUMN window_percentiles TEXT;  -- JSON; raw logs only
      """
    ),
    (
      "v5-request-marks",
      """
      CREATE TABLE request_marks (                -- raw logs: each request's end, to the ms
        run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        pages BLOB NOT NULL,                      -- success bitmap pages (RequestMarksRecord)
        failures BLOB NOT NULL,                   -- failed requests' end times, Unix ms
        PRIMARY KEY (run_id, position)
      ) STRICT;
      """
    ),
    (
      "v6-transactions",
      """
      CREATE TABLE transaction_stat (
        run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        stats TEXT NOT NULL,                      -- JSON EndpointStats of the JMeter transaction
        PRIMARY KEY (run_id, position)
      ) STRICT;
      """
    ),
    (
      "v7-run-origin",
      """
      ALTER TABLE run ADD COLUMN origin TEXT;  -- JSON RunOrigin: session of a file, merged generators
      """
    ),
    (
      "v8-request-windows",
      """
      CREATE TABLE request_window_series (
        run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        method TEXT NOT NULL,
        name TEXT NOT NULL,
        is_total INTEGER NOT NULL,                -- 1: every request of the run
        window_s INTEGER NOT NULL,
        start INTEGER NOT NULL,                   -- Unix seconds of the first window
        windows TEXT NOT NULL,                    -- JSON [{requests, p50Ms, p95Ms}], consecutive
        PRIMARY KEY (run_id, position)
      ) STRICT;
      """
    ),
    (
      "v9-latency-counts",
      """
      CREATE TABLE latency_counts (               -- raw logs: successful requests by latency
        run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        method TEXT NOT NULL,
        name TEXT NOT NULL,
        is_total INTEGER NOT NULL,                -- 1: every request of the run
        ceilings_ms TEXT NOT NULL,                -- JSON [ms], ascending: latency rounded up
        counts TEXT NOT NULL,                     -- JSON [successful requests] per ceiling
        PRIMARY KEY (run_id, position)
      ) STRICT;
      """
    ),
    (
      "v10-status-codes-and-timings",
      """
      CREATE TABLE status_code_windows (          -- raw logs: requests per status class per window
        run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        window_s INTEGER NOT NULL,
        start INTEGER NOT NULL,                   -- Unix seconds of the first window
        classes TEXT NOT NULL,                    -- JSON [StatusClass raw value]: the columns
        windows TEXT NOT NULL,                    -- JSON [[requests per class]], consecutive
        PRIMARY KEY (run_id, position)
      ) STRICT;
      CREATE TABLE request_timing (               -- raw logs: time to first byte, connect time
        run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        phase TEXT NOT NULL,                      -- first-byte | connect
        requests INTEGER NOT NULL CHECK (requests >= 0),
        method TEXT NOT NULL,                     -- exact-r7 | hdr-3
        p50_ms REAL,
        p95_ms REAL,
        p99_ms REAL,
        window_s INTEGER NOT NULL,                -- 0: no windows (HDR)
        start INTEGER NOT NULL,                   -- Unix seconds of the first window
        window_p95_ms TEXT NOT NULL,              -- JSON [ms or null], consecutive windows
        PRIMARY KEY (run_id, position)
      ) STRICT;
      """
    ),
  ]

  package static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    for migration in migrations {
      migrator.registerMigration(migration.id) { db in try db.execute(sql: migration.sql) }
    }
    return migrator
  }
}

import ArgumentParser
import CapacityKit

extension Capacity {
  struct Store: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "store",
      abstract: "Manage the run history: copy it between SQLite files and PostgreSQL databases.",
      discussion: """
        Every command reads and writes the store named by --db, else $CAPACITY_DB, else \
        capacity.sqlite. A team shares one PostgreSQL database:

          export CAPACITY_DB=postgres://capacity@db.internal:5432/capacity
          capacity ingest runs/        # from any machine or CI job
          capacity runs                # everyone's runs
        """,
      subcommands: [Copy.self])
  }
}

extension Capacity.Store {
  struct Copy: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "copy",
      abstract: "Copy every run and resource file from one store into another, keeping run ids.",
      discussion: """
        Moves a history between a SQLite file and a PostgreSQL database, either way: a laptop's runs \
        into the team's database, or the team's database into a file to work offline or keep as a \
        backup. Run ids (the SHA-256 of each run's files) and ingest times are kept, so a run copied \
        and later ingested again from its files is recognised as the same run, and reports from the \
        copy match reports from the original.

        Each run is copied in one transaction, so the destination never holds half a run. A run or \
        resource file already in the destination is left as it is: rerunning the copy adds only \
        what is missing, and finishes a copy that was interrupted.

          capacity store copy --from capacity.sqlite --to postgres://ci@db:5432/runs
          capacity store copy --from "$CAPACITY_DB" --to backup.sqlite

        A PostgreSQL password comes from the URL, PGPASSWORD or ~/.pgpass (libpq's rules); it is \
        never printed.
        """)

    @Option(
      help: ArgumentHelp("The store to read: a SQLite file or a postgres:// URL.", valueName: "path|url"))
    var from: String

    @Option(
      help: ArgumentHelp(
        "The store to write (created when missing): a SQLite file or a postgres:// URL.",
        valueName: "path|url"))
    var to: String

    @OptionGroup var terminal: TerminalOptions

    func validate() throws {
      if from == to { throw ValidationError("'--from' and '--to' name the same store") }
    }

    func run() throws {
      terminal.apply()
      defer { terminal.finish() }
      let source = try StoreOptions.open(from, readOnly: true)
      let destination = try StoreOptions.open(to)
      let outcome = try StoreCopier(from: source, to: destination).copy { run in
        terminal.phase(.storing, run.name)
      }
      ProgressBar.shared.clear()
      terminal.say(
        "copied \(outcome.runsCopied) run(s) and \(outcome.resourceFilesCopied) resource file(s) from "
          + "\(source.location) to \(destination.location); \(outcome.runsAlreadyThere) run(s) and "
          + "\(outcome.resourceFilesAlreadyThere) resource file(s) were already there\n")
    }
  }
}

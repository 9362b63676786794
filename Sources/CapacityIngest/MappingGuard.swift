#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Keeps a file that shrinks while it is mapped from killing the process with SIGBUS: a fault
/// inside a registered mapping gets a page of zero bytes mapped over it, and the reader carries
/// on; `MappedFile.verifyUnchanged()` then reports the change as an error naming the file. A
/// SIGBUS anywhere else still ends the process as before.
package enum MappingGuard {
  private static let capacity = 1024
  /// `[start, end)` of each live mapping; a zero start marks a free slot. Read by the handler
  /// without locking: a slot is written before its mapping is used and cleared after it is gone.
  nonisolated(unsafe) private static let ranges: UnsafeMutablePointer<(UInt, UInt)> = {
    let pointer = UnsafeMutablePointer<(UInt, UInt)>.allocate(capacity: capacity)
    pointer.initialize(repeating: (0, 0), count: capacity)
    return pointer
  }()
  nonisolated(unsafe) private static var lock = pthread_mutex_t()
  nonisolated(unsafe) private static var installed = false

  /// Registers a mapping; returns its slot, or −1 when the table is full (then unguarded).
  package static func register(_ base: UnsafeRawPointer, count: Int) -> Int {
    pthread_mutex_lock(&lock)
    defer { pthread_mutex_unlock(&lock) }
    if !installed {
      installHandler()
      installed = true
    }
    let start = UInt(bitPattern: base)
    for slot in 0..<capacity where ranges[slot].0 == 0 {
      ranges[slot] = (start, start + UInt(count))
      return slot
    }
    return -1
  }

  package static func unregister(_ slot: Int) {
    guard slot >= 0 else { return }
    pthread_mutex_lock(&lock)
    ranges[slot] = (0, 0)
    pthread_mutex_unlock(&lock)
  }

  private static func installHandler() {
    var action = sigaction()
    #if canImport(Glibc)
      action.__sigaction_handler.sa_sigaction = { _, info, _ in MappingGuard.handleFault(info) }
    #else
      action.__sigaction_u.__sa_sigaction = { _, info, _ in MappingGuard.handleFault(info) }
    #endif
    action.sa_flags = SA_SIGINFO
    sigemptyset(&action.sa_mask)
    sigaction(SIGBUS, &action, nil)
  }

  private static func handleFault(_ info: UnsafeMutablePointer<siginfo_t>?) {
    #if canImport(Glibc)
      let address = info.map { UInt(bitPattern: $0.pointee._sifields._sigfault.si_addr) } ?? 0
    #else
      let address = info.map { UInt(bitPattern: $0.pointee.si_addr) } ?? 0
    #endif
    for slot in 0..<capacity {
      let (start, end) = ranges[slot]
      guard start != 0, address >= start, address < end else { continue }
      let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
      let pageStart = UnsafeMutableRawPointer(bitPattern: address / page * page)
      let zero = mmap(pageStart, Int(page), PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
      if zero != MAP_FAILED { return }
      break
    }
    // Not ours (or the page could not be replaced): die of the signal as before.
    signal(SIGBUS, SIG_DFL)
  }
}

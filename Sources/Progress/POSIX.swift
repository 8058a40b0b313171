#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Thin helpers over the C calls the module makes, so that EINTR and errno text are handled
/// in one place.
enum POSIX {
  /// Calls `body` again while it fails with EINTR (a signal arrived mid-call).
  static func retryingEINTR<T: SignedInteger>(_ body: () -> T) -> T {
    while true {
      let result = body()
      if result == -1 && errno == EINTR { continue }
      return result
    }
  }

  /// The system's text for `code`, e.g. "No such file or directory".
  static func text(_ code: Int32 = errno) -> String {
    String(cString: strerror(code))
  }

  /// Opens `path`, retrying EINTR; returns the descriptor or -1 with errno set.
  static func openFile(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
    retryingEINTR { open(path, flags | O_CLOEXEC, mode) }
  }

  /// Writes all of `bytes`, carrying on after short writes; returns nil or the errno.
  static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
    var offset = 0
    while offset < bytes.count {
      let written = retryingEINTR {
        write(fd, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
      }
      if written < 0 { return errno }
      offset += written
    }
    return nil
  }

  /// Reads the whole file; nil when it does not exist.
  static func readFile(_ path: String) throws(ProgressError) -> [UInt8]? {
    let fd = openFile(path, O_RDONLY)
    if fd < 0 {
      if errno == ENOENT { return nil }
      throw .unreadable(path: path, reason: text())
    }
    defer { _ = close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { buffer in
        retryingEINTR { read(fd, buffer.baseAddress, buffer.count) }
      }
      if count < 0 { throw .unreadable(path: path, reason: text()) }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<count])
    }
  }
}

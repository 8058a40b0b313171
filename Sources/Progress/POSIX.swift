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

  /// Reads at most `buffer.count` bytes, retrying EINTR; the count, 0 at the end, or -1.
  static func readSome(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
    retryingEINTR { read(fd, buffer.baseAddress, buffer.count) }
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

  /// Flushes a directory's entries, so a file created, renamed or removed in it stays so
  /// after a power cut; nil on success or where the file system cannot do it.
  @discardableResult
  static func syncDirectory(_ path: String) -> String? {
    let fd = openFile(path, O_RDONLY | O_DIRECTORY)
    guard fd >= 0 else { return text() }
    defer { close(fd) }
    if retryingEINTR({ fsync(fd) }) != 0 && errno != EINVAL && errno != ENOTSUP {
      return text()
    }
    return nil
  }

  /// Gives `source` the first of `candidates` that is free, never replacing a file that is
  /// there (a hard link, then the old name removed); returns the name used.
  ///
  /// `rename` would silently replace a file of the chosen name: two repairs in one second, or
  /// a name planted by someone else, would then lose a file.
  static func moveWithoutReplacing(_ source: String, to candidates: some Sequence<String>)
    throws(ProgressError) -> String
  {
    for target in candidates {
      if link(source, target) == 0 {
        if unlink(source) != 0 {
          let reason = text()
          unlink(target)
          throw .writeFailed(path: source, reason: "cannot move it aside: \(reason)")
        }
        return target
      }
      if errno == EEXIST { continue }
      // A file system without hard links: check the name is free, then rename.
      guard errno == EPERM || errno == ENOTSUP || errno == EOPNOTSUPP || errno == EXDEV else {
        throw .writeFailed(path: source, reason: "cannot move it aside: \(text())")
      }
      var info = stat()
      if lstat(target, &info) == 0 { continue }
      if retryingEINTR({ rename(source, target) }) == 0 { return target }
      throw .writeFailed(path: source, reason: "cannot move it aside: \(text())")
    }
    throw .writeFailed(path: source, reason: "cannot move it aside: every name is taken")
  }

  /// Creates `path` and any missing parent as folders of mode 0700 whatever the umask;
  /// returns nil, or why it could not (naming the part of the path that is in the way).
  static func makeDirectories(_ path: String) -> String? {
    var info = stat()
    if stat(path, &info) == 0 {
      return info.st_mode & S_IFMT == S_IFDIR ? nil : "\(path) is not a folder"
    }
    let parent = parentPath(of: path)
    if parent != path, let problem = makeDirectories(parent) { return problem }
    if mkdir(path, 0o700) != 0 {
      if errno == EEXIST, stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return nil }
      return text()
    }
    // The umask may have taken bits away from 0700; give them back.
    _ = chmod(path, 0o700)
    return nil
  }

  /// The folder that holds `path` ("/" for "/a", "." for a bare name).
  static func parentPath(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    let parent = trimmed[..<slash]
    return parent.isEmpty ? "/" : String(parent)
  }
}

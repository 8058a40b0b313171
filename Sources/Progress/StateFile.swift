#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How nelm opens the files it keeps for a learner (session file, answer log, lock, history,
/// remembered name): never through a symbolic link, never a FIFO, device or folder, and every
/// read bounded.
///
/// A link in a file's place could make nelm write where it points (another file, `/dev`); a
/// FIFO would block a read for ever; `/dev/zero` would be read without end. So a path is first
/// looked at with `lstat` (opening a device can have effects of its own), then opened with
/// `O_NOFOLLOW | O_NONBLOCK` and checked again with `fstat`, which also closes the gap between
/// the two. Anything but a regular file is refused with `.notAFile`, before it is changed.
public enum StateFile {
  /// What stands at `path`: nil when nothing does (or it is a regular file), else the kind
  /// of thing it is, as `.notAFile` names it.
  static func oddKind(_ info: stat) -> String? {
    switch info.st_mode & S_IFMT {
    case S_IFREG: nil
    case S_IFLNK: "a symbolic link"
    case S_IFIFO: "a FIFO"
    case S_IFDIR: "a folder"
    case S_IFCHR, S_IFBLK: "a device"
    case S_IFSOCK: "a socket"
    default: "not a plain file"
    }
  }

  /// The status of what `path` names itself (a link is not followed); nil when it does not
  /// exist.
  static func status(_ path: String) throws(ProgressError) -> stat? {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      if errno == ENOENT { return nil }
      throw .unreadable(path: path, reason: POSIX.text())
    }
    return info
  }

  /// Checks that `path` is missing or a regular file, writable by its owner when `writable`.
  /// Returns whether it exists.
  @discardableResult
  public static func check(_ path: String, writable: Bool) throws(ProgressError) -> Bool {
    guard let info = try status(path) else { return false }
    if let kind = oddKind(info) { throw .notAFile(path: path, kind: kind) }
    if writable && info.st_mode & S_IWUSR == 0 { throw .readOnly(path: path) }
    return true
  }

  /// Opens an existing regular file (nil when there is none), or creates one with mode 0600
  /// when `flags` holds `O_CREAT`. Returns the descriptor, in blocking mode.
  ///
  /// With `writable`, a file whose owner may not write it is refused with `.readOnly`, even
  /// for root (who could): read-only is how a learner says "do not touch".
  static func open(_ path: String, _ flags: Int32, writable: Bool) throws(ProgressError)
    -> Int32?
  {
    let existed = try check(path, writable: writable)
    if !existed && flags & O_CREAT == 0 { return nil }
    let fd = POSIX.openFile(path, flags | O_NOFOLLOW | O_NONBLOCK, 0o600)
    guard fd >= 0 else {
      let failure = errno
      if failure == ENOENT && flags & O_CREAT == 0 { return nil }
      // Something else took the name since the check: name it rather than the errno.
      if let info = try? status(path), let kind = oddKind(info) {
        throw .notAFile(path: path, kind: kind)
      }
      if failure == ELOOP { throw .notAFile(path: path, kind: "a symbolic link") }
      throw .unreadable(path: path, reason: POSIX.text(failure))
    }
    var info = stat()
    if fstat(fd, &info) != 0 || oddKind(info) != nil {
      let kind = oddKind(info) ?? "not a plain file"
      close(fd)
      throw .notAFile(path: path, kind: kind)
    }
    if writable && existed && info.st_mode & S_IWUSR == 0 {
      close(fd)
      throw .readOnly(path: path)
    }
    // Created here: 0600 whatever the umask (it can only have taken bits away).
    if !existed && info.st_mode & 0o777 != 0o600 { _ = fchmod(fd, 0o600) }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    return fd
  }

  /// The whole of a regular file, refusing one larger than `limit` bytes (`.tooLarge` is
  /// reported as `.unreadable` with the size); nil when it does not exist.
  public static func read(_ path: String, limit: Int) throws(ProgressError) -> [UInt8]? {
    guard let fd = try open(path, O_RDONLY, writable: false) else { return nil }
    defer { close(fd) }
    guard let bytes = try read(fd, limit: limit, path: path) else {
      throw .unreadable(path: path, reason: "it is larger than \(limit) bytes")
    }
    return bytes
  }

  /// Reads `fd` to its end; nil when it holds more than `limit` bytes (it stops reading at
  /// the first byte past the limit, so `/dev/zero` behind a descriptor cannot exhaust memory).
  ///
  /// The bytes are read in place into an array of the file's size (`size`, else what `fstat`
  /// says), not through a zeroed 64 KB chunk appended to a growing array: a returning
  /// learner's session file, 300 KB, is read this way before every first prompt.
  static func read(_ fd: Int32, limit: Int, path: String, size: Int? = nil)
    throws(ProgressError) -> [UInt8]?
  {
    var info = stat()
    let size = size ?? (fstat(fd, &info) == 0 ? Int(info.st_size) : 0)
    let capacity = max(0, min(size, limit)) + 1
    var failure: Int32 = 0
    var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
      while let base = buffer.baseAddress, count < capacity {
        let rest = UnsafeMutableRawBufferPointer(start: base + count, count: capacity - count)
        let read = POSIX.readSome(fd, rest)
        if read < 0 { failure = errno }
        if read <= 0 { return }
        count += read
      }
    }
    if failure != 0 { throw .unreadable(path: path, reason: POSIX.text(failure)) }
    if bytes.count < capacity { return bytes.count > limit ? nil : bytes }
    // The file is larger than its size said (it grew), or no size was given: on in chunks.
    if bytes.count > limit { return nil }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { POSIX.readSome(fd, $0) }
      if count < 0 { throw .unreadable(path: path, reason: POSIX.text()) }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<count])
      if bytes.count > limit { return nil }
    }
  }
}

extension StateFile {
  /// Creates the folder `path` and its missing parents with mode 0700 whatever the umask;
  /// nil, or why it could not (naming the part of the path in the way).
  public static func makeFolder(_ path: String) -> String? {
    POSIX.makeDirectories(path)
  }
}

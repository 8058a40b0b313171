import Foundation

/// Reads one course file's text with no surprises: a regular file within the course folder,
/// of at most `YAMLLimits.largestFile` bytes, UTF-8.
///
/// A link may point to another file of the course, but not out of it: lint would otherwise
/// read (and quote, in its messages) whatever the link names. A FIFO would block the read for
/// ever, a folder named `x.yaml` is no file; each is one problem that says so, and nothing of
/// a refused file is read.
enum CourseFileReader {
  /// Why a file's text could not be had.
  struct Unreadable: Error {
    var message: String
  }

  /// The course folder with every link resolved, the reference for "inside".
  static func root(of directory: String) -> String {
    guard let resolved = realpath(directory, nil) else { return directory }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// A problem when `path` (a file or folder of the course) resolves outside `root`.
  static func outside(_ path: String, root: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    let target = String(cString: resolved)
    let base = root.hasSuffix("/") ? root : root + "/"
    guard target != root && !target.hasPrefix(base) else { return nil }
    return "it is a symbolic link out of the course folder; nelm reads only files inside it "
      + "and did not follow the link"
  }

  /// The text of `file`; `root` is the course folder (the file's folder when nil).
  static func text(of file: String, root: String?) -> Result<String, Unreadable> {
    bytes(of: file, root: root).flatMap { bytes in
      guard let text = String(validating: bytes, as: UTF8.self) else {
        return .failure(Unreadable(message: "the file is not UTF-8 text"))
      }
      return .success(text)
    }
  }

  /// The bytes of `file`, under the same rules as `text(of:root:)`.
  static func bytes(of file: String, root: String?) -> Result<[UInt8], Unreadable> {
    let root = root ?? self.root(of: (file as NSString).deletingLastPathComponent)
    var info = stat()
    guard lstat(file, &info) == 0 else { return .failure(Unreadable(message: reason(errno))) }
    if info.st_mode & S_IFMT == S_IFLNK, let problem = outside(file, root: root) {
      return .failure(Unreadable(message: problem))
    }
    let fd = open(file, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return .failure(Unreadable(message: reason(errno))) }
    defer { close(fd) }
    guard fstat(fd, &info) == 0 else { return .failure(Unreadable(message: reason(errno))) }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return .failure(Unreadable(message: "it is a folder, not a file"))
    case S_IFIFO: return .failure(Unreadable(message: "it is a FIFO, not a file"))
    default: return .failure(Unreadable(message: "it is a device or socket, not a file"))
    }
    guard Int(info.st_size) <= YAMLLimits.largestFile else {
      return .failure(
        Unreadable(message: "the file is larger than \(YAMLLimits.largestFile) bytes"))
    }
    switch readToEnd(fd, size: Int(info.st_size), limit: YAMLLimits.largestFile) {
    case .bytes(let bytes): return .success(bytes)
    case .tooLarge:
      return .failure(
        Unreadable(message: "the file is larger than \(YAMLLimits.largestFile) bytes"))
    case .failed(let code): return .failure(Unreadable(message: reason(code)))
    }
  }

  /// What reading a file to its end gave.
  enum ReadOutcome {
    case bytes([UInt8])
    /// More than the limit: the file grew past it while being read, or was already over.
    case tooLarge
    /// `errno` of the read that failed.
    case failed(Int32)
  }

  /// The bytes of the open file `fd`, read in place into an array of the file's `size` (as
  /// `fstat` gave it), so that no buffer is filled with zeros first: a start-up reads the 52
  /// course files this way, and zeroing a 64 KB chunk for each took longer than their reads
  /// (BENCHMARKS.md, Start-up). One byte more is asked for, to find the end at once; a file
  /// that grew since its `fstat` is read on in chunks, up to `limit` bytes.
  static func readToEnd(_ fd: Int32, size: Int, limit: Int) -> ReadOutcome {
    var failure: Int32 = 0
    let capacity = max(0, min(size, limit)) + 1
    var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
      while let base = buffer.baseAddress, count < buffer.count {
        let read = Foundation.read(fd, base + count, buffer.count - count)
        if read < 0 && (errno == EINTR || errno == EAGAIN) { continue }
        if read < 0 { failure = errno }
        if read <= 0 { return }
        count += read
      }
    }
    guard failure == 0 else { return .failed(failure) }
    if bytes.count >= capacity {
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      while bytes.count <= limit {
        let count = read(fd, &chunk, chunk.count)
        if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
        if count < 0 { return .failed(errno) }
        if count == 0 { break }
        bytes += chunk[0..<count]
      }
    }
    return bytes.count > limit ? .tooLarge : .bytes(bytes)
  }

  private static func reason(_ code: Int32) -> String {
    "cannot read the file: " + String(cString: strerror(code))
  }
}

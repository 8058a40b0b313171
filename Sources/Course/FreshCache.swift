import Foundation

/// An open course cache file, its first two lines read: the fingerprint and the summary.
///
/// Before the first prompt only these lines are read (the summary is a few dozen kilobytes of
/// a file of about a megabyte); the course after them is read later, on the thread that
/// decodes it, through the same open file, so it is the rest of the very file whose
/// fingerprint was checked even if a new cache has been renamed into place since.
final class FreshCache: @unchecked Sendable {
  /// The first line, without its newline.
  let fingerprintLine: ArraySlice<UInt8>
  /// The second line, the course's `CourseSummary`, without its newline.
  let summary: ArraySlice<UInt8>
  private let fd: Int32
  private let courseOffset: Int
  private let size: Int

  /// Largest cache file read: far above any course's.
  static let largest = 256 << 20

  /// Nil unless `path` is a regular file (not through a link, not a FIFO) of at most
  /// `largest` bytes whose first two lines end within it.
  init?(path: String) {
    fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= Self.largest
    else {
      close(fd)
      return nil
    }
    size = Int(info.st_size)
    guard let (head, first, second) = Self.headLines(fd, size: size) else {
      close(fd)
      return nil
    }
    fingerprintLine = head[..<first]
    summary = head[(first + 1)..<second]
    courseOffset = second + 1
  }

  deinit { close(fd) }

  /// The bytes after the summary line: the cached course. Nil when they cannot all be read
  /// (nelm replaces a cache by renaming, never rewrites one in place: a file cut short since it
  /// was opened was written by someone else).
  func course() -> Data? {
    let count = size - courseOffset
    guard count >= 0, let buffer = malloc(max(count, 1)) else { return nil }
    var filled = 0
    while filled < count {
      let read = pread(fd, buffer + filled, count - filled, off_t(courseOffset + filled))
      if read < 0 && errno == EINTR { continue }
      guard read > 0 else {
        free(buffer)
        return nil
      }
      filled += read
    }
    // Read in place, not zeroed first; Data frees it.
    return Data(bytesNoCopy: buffer, count: count, deallocator: .free)
  }

  /// The file's first bytes, up to and including its second newline, with the two newlines'
  /// offsets; read in blocks from the start, so a summary of any size is found.
  private static func headLines(_ fd: Int32, size: Int) -> (ArraySlice<UInt8>, Int, Int)? {
    let newline = UInt8(ascii: "\n")
    var head: [UInt8] = []
    var first: Int?
    var block = 64 << 10
    while head.count < size {
      let want = min(block, size - head.count)
      let start = head.count
      var failed = false
      head += [UInt8](unsafeUninitializedCapacity: want) { buffer, count in
        while let base = buffer.baseAddress, count < want {
          let read = pread(fd, base + count, want - count, off_t(start + count))
          if read < 0 && errno == EINTR { continue }
          if read <= 0 {
            failed = read < 0
            return
          }
          count += read
        }
      }
      if failed || head.count == start { return nil }
      var from = start
      if first == nil, let found = head[from...].firstIndex(of: newline) {
        first = found
        from = found + 1
      }
      if let first, let second = head[max(from, first + 1)...].firstIndex(of: newline) {
        return (head[...], first, second)
      }
      block *= 2
    }
    return nil
  }
}

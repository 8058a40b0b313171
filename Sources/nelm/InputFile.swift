import Foundation

/// A file a command reads whole (`solve`, `schedule replay`), or standard input for `-`.
enum InputFile {
  /// The largest input read: a review history of 100,000 reviews is about 5 MB.
  static let largest = 64 << 20

  /// The bytes of `file`, or of standard input for `-`, at most `largest`. A missing,
  /// unreadable or too large input is bad input (2), reported as `LABEL: …`.
  static func read(_ file: String, label: String) throws(CommandFailure) -> Data {
    func refuse(_ reason: String) -> CommandFailure {
      CommandFailure(.badInput, lines: ["\(label): \(reason)"])
    }
    let fd = file == "-" ? STDIN_FILENO : open(file, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      throw refuse(
        errno == ENOENT
          ? "no such file" : "cannot read the file: " + String(cString: strerror(errno)))
    }
    defer { if fd != STDIN_FILENO { close(fd) } }
    var info = stat()
    if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
      throw refuse("cannot read the file: it is a folder")
    }
    var data = Data()
    // Room for the whole file at once: growing 5 MB by doubling copied it several times.
    if info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 {
      data.reserveCapacity(min(Int(info.st_size), largest) + 1)
    }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = Foundation.read(fd, &chunk, chunk.count)
      if count < 0 && errno == EINTR { continue }
      if count < 0 { throw refuse("cannot read the file: \(String(cString: strerror(errno)))") }
      if count == 0 { return data }
      data.append(contentsOf: chunk[0..<count])
      if data.count > largest { throw refuse("the input is larger than \(largest) bytes") }
    }
  }
}

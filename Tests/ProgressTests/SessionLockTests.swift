import Foundation
import Testing

@testable import Progress

/// Serialized, and the only suite that spawns a process: a child shares the parent's open file
/// descriptions from fork until exec, so a child started while another test releases a lock
/// still holds that lock for a moment, and a reopen right after the release fails. A test that
/// spawns a process belongs in this suite (or in the e2e tests), never beside it.
@Suite("Session lock", .serialized)
struct SessionLockTests {
  @Test("a second open in the same process is refused until the first is closed")
  func sameProcess() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let ana = try LearnerName("ana")
      let first = try store.open(ana, now: Date())
      let lockFile = directory.url.appendingPathComponent("ana.lock").path
      let attributes = try FileManager.default.attributesOfItem(atPath: lockFile)
      #expect((attributes[.posixPermissions] as? Int ?? -1) & 0o777 == 0o600)
      #expect(try String(contentsOfFile: lockFile, encoding: .utf8) == "\(getpid())\n")
      let expected = ProgressError.locked(learner: "ana", pid: getpid())
      #expect(throws: expected) { try store.open(ana, now: Date()) }
      #expect(
        expected.message == "another nelm is using learner 'ana' (pid \(getpid())); quit it first")
      // Other learners are not affected.
      let bob = try store.open(LearnerName("bob"), now: Date())
      bob.close()
      first.close()
      first.close()
      let second = try store.open(ana, now: Date())
      second.close()
    }
  }

  @Test("dropping the open session releases the lock")
  func deinitReleases() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let ana = try LearnerName("ana")
      do {
        let open = try store.open(ana, now: Date())
        #expect(open.session.learner == "ana")
      }
      let again = try store.open(ana, now: Date())
      again.close()
    }
  }

  @Test("the message without a pid")
  func messageWithoutPID() {
    #expect(
      ProgressError.locked(learner: "ana", pid: nil).message
        == "another nelm is using learner 'ana'; quit it first")
  }

  static let python = "/usr/bin/python3"

  @Test(
    "another process holds the lock; once it is killed the lock is free",
    .enabled(if: FileManager.default.isExecutableFile(atPath: python)))
  func childProcess() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let ana = try LearnerName("ana")
      let lockPath = directory.url.appendingPathComponent("ana.lock").path
      let child = Process()
      child.executableURL = URL(fileURLWithPath: Self.python)
      child.arguments = [
        "-c",
        """
        import fcntl, os, sys
        f = open(sys.argv[1], "a+")
        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        f.truncate(0); f.write(f"{os.getpid()}\\n"); f.flush()
        print("locked", flush=True)
        sys.stdin.read()
        """,
        lockPath,
      ]
      let input = Pipe()
      let output = Pipe()
      child.standardInput = input
      child.standardOutput = output
      try child.run()
      defer {
        if child.isRunning { child.terminate() }
      }
      // Wait until the child holds the lock.
      let line = output.fileHandleForReading.availableData
      #expect(String(decoding: line, as: UTF8.self).hasPrefix("locked"))

      #expect(throws: ProgressError.locked(learner: "ana", pid: child.processIdentifier)) {
        try store.open(ana, now: Date())
      }
      // SIGKILL, like a crash: the kernel drops the flock with the process.
      kill(child.processIdentifier, SIGKILL)
      child.waitUntilExit()
      let open = try store.open(ana, now: Date())
      open.close()
    }
  }

  @Test("a lock file deleted under an open session: its saves are refused, a second open is not")
  func lockDeleted() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let ana = try LearnerName("ana")
      let first = try store.open(ana, now: Date())
      let lockPath = directory.url.appendingPathComponent("ana.lock").path
      let answer = Answer(
        item: "l/q", response: ["a"], correct: true, at: Date(), durationMs: 1, hintsUsed: 0)
      try first.append([answer])
      #expect(unlink(lockPath) == 0)
      let second = try store.open(ana, now: Date())
      defer { second.close() }
      #expect(second.session.answerCount == 1)
      let lost = ProgressError.lockLost(path: lockPath, learner: "ana")
      #expect(throws: lost) { try first.append([answer]) }
      #expect(throws: lost) { try first.save(first.session) }
      #expect(lost.message.contains("nothing more is saved from this one"))
      try second.append([answer])
      #expect(try AnswerLog.read(second.logURL).count == 2)
      first.close()
    }
  }

  @Test("a lock file replaced by another file is a lost lock too")
  func lockReplaced() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let open = try store.open(LearnerName("ana"), now: Date())
      defer { open.close() }
      let lockPath = directory.url.appendingPathComponent("ana.lock").path
      let other = directory.url.appendingPathComponent("other").path
      try Data("x".utf8).write(to: URL(fileURLWithPath: other))
      #expect(rename(other, lockPath) == 0)
      #expect(throws: ProgressError.lockLost(path: lockPath, learner: "ana")) {
        try open.save(open.session)
      }
    }
  }

  @Test("a lock file that is a link is refused; neither it nor what it names changes")
  func lockIsALink() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let ana = try LearnerName("ana")
      let session = store.fileURL(for: ana)
      let bytes = try SessionCoding.encode(Session(learner: "ana", now: Date()))
      try bytes.write(to: session)
      let lockPath = directory.url.appendingPathComponent("ana.lock").path
      for target in [session.path, directory.url.appendingPathComponent("made").path] {
        try? FileManager.default.removeItem(atPath: lockPath)
        try FileManager.default.createSymbolicLink(atPath: lockPath, withDestinationPath: target)
        #expect(throws: ProgressError.notAFile(path: lockPath, kind: "a symbolic link")) {
          try store.open(ana, now: Date())
        }
        #expect(try Data(contentsOf: session) == bytes)
        #expect(!FileManager.default.fileExists(atPath: directory.url.path + "/made"))
      }
    }
  }
}

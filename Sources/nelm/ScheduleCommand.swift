import ArgumentParser
import Foundation
import Shell
import Progress

/// `nelm schedule replay FILE`: the review scheduler (FSRS-6) run on a history of ratings.
struct ScheduleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schedule",
    abstract: "Run the review scheduler (FSRS-6) on a history of ratings.",
    discussion: "See Docs/review-scheduling.md.",
    subcommands: [Replay.self])
}

extension ScheduleCommand {
  /// `nelm schedule replay FILE|-`: the state after each review of a history.
  struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Replay a review history and print the state after each review.",
      discussion: """
        FILE holds a JSON array of {"rating": 1-4, "at": "ISO-8601 UTC"}, oldest first \
        (1 again, 2 hard, 3 good, 4 easy), for one item starting new. The scheduler uses the \
        default FSRS-6 parameters, desired retention 0.9, learning steps 1 min and 10 min, \
        relearning step 10 min, no fuzzing. Bad input exits with status 2.
        """)

    @Argument(
      help: "A JSON review history, or '-' to read standard input.",
      completion: .file(extensions: ["json"]))
    var file: String

    @Flag(help: "Print one JSON object a line: {stability, difficulty, due, state}.")
    var json = false

    func run() throws {
      let label = file == "-" ? "<stdin>" : file
      let data = try InputFile.read(file, label: label)
      let (reviews, problems) = FSRSReplay.parse(data)
      guard problems.isEmpty else {
        // One message, cut as a whole when it is long: a file of a million bad lines
        // must not come back whole.
        throw CommandFailure(
          .badInput, lines: [problems.map { "\(label): \($0.message)" }.joined(separator: "\n")])
      }
      let states = FSRSReplay.replay(reviews)
      if json {
        // One buffer of bytes, written once: a line per review is most of the command's work.
        var out: [UInt8] = []
        out.reserveCapacity(states.count * 110)
        for state in states { Self.appendJSONLine(state, to: &out) }
        Console.out(String(decoding: out, as: UTF8.self))
      } else {
        Console.out(Self.table(reviews, states).joined(separator: "\n") + "\n")
      }
    }

    /// `{"stability": 2.3065, "difficulty": 2.1181…, "due": "…Z", "state": "learning"}` and a
    /// newline, appended to `out` without building strings.
    static func appendJSONLine(_ state: ReviewState, to out: inout [UInt8]) {
      out.append(contentsOf: #"{"stability": "#.utf8)
      out.append(contentsOf: number(state.stability).utf8)
      out.append(contentsOf: #", "difficulty": "#.utf8)
      out.append(contentsOf: number(state.difficulty).utf8)
      out.append(contentsOf: #", "due": ""#.utf8)
      out.append(contentsOf: (FSRSReplay.timestamp(state.due) ?? "").utf8)
      out.append(contentsOf: #"", "state": ""#.utf8)
      out.append(contentsOf: state.phase.rawValue.utf8)
      out.append(contentsOf: "\"}\n".utf8)
    }

    /// A JSON number; Swift's shortest round-trip form is valid JSON.
    private static func number(_ value: Double?) -> String {
      guard let value, value.isFinite else { return "null" }
      return String(value)
    }

  }
}

extension ScheduleCommand.Replay {
  /// The human form: a header and one row per review, with the wait until the next one.
  static func table(_ reviews: [FSRSReplay.Review], _ states: [ReviewState]) -> [String] {
    let header = [
      "#", "rating", "at", "state", "step", "stability", "difficulty", "next in", "due",
    ]
    var rows = [header]
    for (index, (review, state)) in zip(reviews, states).enumerated() {
      rows.append([
        String(index), review.rating.name, SessionCoding.string(from: review.at) ?? "",
        state.phase.rawValue, state.step.map(String.init) ?? "-",
        state.stability.map { String(format: "%.4f", $0) } ?? "-",
        state.difficulty.map { String(format: "%.4f", $0) } ?? "-",
        wait(state.due.timeIntervalSince(review.at)), SessionCoding.string(from: state.due) ?? "",
      ])
    }
    // Text columns to the left, numbers to the right.
    let rightAligned: Set = [0, 4, 5, 6, 7]
    let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      row.enumerated().map { column, cell in
        let pad = String(repeating: " ", count: widths[column] - cell.count)
        return rightAligned.contains(column) ? pad + cell : cell + pad
      }
      .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }
  }

  /// A wait in the largest unit that fits: `5.5 min`, `10 min`, `3 d`.
  private static func wait(_ seconds: TimeInterval) -> String {
    func amount(_ value: Double, _ unit: String) -> String {
      let rounded = (value * 10).rounded() / 10
      let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
      return text + " " + unit
    }
    if seconds < 3600 { return amount(seconds / 60, "min") }
    if seconds < 86_400 { return amount(seconds / 3600, "h") }
    return amount(seconds / 86_400, "d")
  }
}

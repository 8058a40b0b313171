// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "nelm",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "nelm", targets: ["nelm"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // The rules of the clinical engine: pure functions on value types, Foundation only.
    .target(name: "Clinical"),
    // Pictures in the terminal: Figure 3 as a tree with a case's path, and bar and column
    // charts. Pure: lines in a width, with or without colour; no terminal here.
    .target(name: "Figures", dependencies: ["Clinical"]),
    // Lesson and case files: model, YAML loading, lint with file:line:column diagnostics.
    .target(name: "Course", dependencies: ["Clinical", "Yams"]),
    // Session files: the learner's answers and positions, written durably.
    .target(name: "Progress"),
    // The study flow as a state machine: a line in, styled text out. No terminal here.
    .target(name: "Tutor", dependencies: ["Course", "Clinical", "Progress"]),
    // Pure exporters of the course and a learner's record: Anki notes, xAPI, a Markdown recap.
    .target(name: "Exports", dependencies: ["Course", "Clinical", "Progress"]),
    // libedit, through Debian's libedit-dev.
    .systemLibrary(
      name: "CLibEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    // Line editing, history, completion, rendering and the command loop.
    .target(name: "Shell", dependencies: ["Tutor", "Progress", "Course", "CLibEdit"]),
    .executableTarget(
      name: "nelm",
      dependencies: [
        "Clinical", "Course", "Progress", "Tutor", "Shell", "Exports", "Figures",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Start-up and save-latency figures for BENCHMARKS.md (`make bench`).
    // One HTTP request for `nelm sync`: the only code that links FoundationNetworking (libcurl,
    // OpenSSL), kept out of `nelm` so that they do not slow every start-up.
    .executableTarget(name: "nelm-http"),
    .executableTarget(name: "nelm-bench", dependencies: ["Course", "Progress", "Tutor"]),
    .testTarget(name: "ClinicalTests", dependencies: ["Clinical"]),
    .testTarget(name: "FiguresTests", dependencies: ["Figures", "Clinical", "Course"]),
    .testTarget(name: "CourseTests", dependencies: ["Course"], resources: [.copy("Fixtures")]),
    .testTarget(name: "ProgressTests", dependencies: ["Progress"], resources: [.copy("Fixtures")]),
    .testTarget(name: "TutorTests", dependencies: ["Tutor", "Course", "Progress"]),
    .testTarget(name: "ExportsTests", dependencies: ["Exports", "Course", "Clinical", "Progress"]),
  ]
)

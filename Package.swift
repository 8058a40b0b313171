// swift-tools-version:6.0
import PackageDescription

// Release builds of `nelm` carry the Swift runtime and Foundation inside the binary: a start-up
// then maps and relocates one file instead of a dozen shared libraries, which saves
// milliseconds before the first prompt and about 5 MiB of resident pages (BENCHMARKS.md,
// Memory). Our modules are compiled for it too: their objects then name the static libraries
// they need (ICU's among them), which a link flag alone does not. Debug builds, which the
// tests run, stay dynamic and quick to link. `nelm-http` stays dynamic: a static
// FoundationNetworking needs libcurl's development files.
let staticStdlib: [SwiftSetting] = [
  .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))
]

// `nelm` (and `nelm-bench`, linked the same way) is linked by lld with its relative
// relocations packed (`DT_RELR`, glibc 2.36 and later): the binary's 81,000 relative
// relocations take 15 KB instead of 1.9 MB, which the loader read and kept resident, about
// 2 MiB of every process's peak (BENCHMARKS.md, Memory, 6 Dec). gold, the default linker
// here, cannot pack them; lld comes with the Swift toolchain.
let linkStaticStdlib: [LinkerSetting] = [
  .unsafeFlags(
    ["-static-stdlib", "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"],
    .when(platforms: [.linux], configuration: .release))
]

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
    // The ids every other part names things by: items, cases (with their generated form),
    // outcomes and case topics. Codable as the strings the files hold.
    .target(name: "Identifiers", swiftSettings: staticStdlib),
    // The rules of the clinical engine: pure functions on value types, Foundation only.
    .target(name: "Clinical", swiftSettings: staticStdlib),
    // Pictures in the terminal: Figure 3 as a tree with a case's path, and bar and column
    // charts. Pure: lines in a width, with or without colour; no terminal here.
    .target(name: "Figures", dependencies: ["Clinical"], swiftSettings: staticStdlib),
    // Lesson and case files: model, YAML loading, lint with file:line:column diagnostics,
    // search.
    .target(
      name: "Course", dependencies: ["Clinical", "Identifiers", "Yams"], swiftSettings: staticStdlib),
    // Generated cases (a patient from a seed, told in stages, with "what if" steps), and
    // finding the case or question behind any case or item id.
    .target(
      name: "Cases", dependencies: ["Course", "Clinical", "Identifiers"], swiftSettings: staticStdlib),
    // Session files: the learner's answers and positions, written durably.
    .target(name: "Progress", dependencies: ["Identifiers"], swiftSettings: staticStdlib),
    // The study flow as a state machine: a line in, styled text out. No terminal here.
    .target(
      name: "Tutor",
      dependencies: ["Course", "Cases", "Clinical", "Figures", "Identifiers", "Progress"],
      swiftSettings: staticStdlib),
    // Pure exporters of the course and a learner's record: Anki notes, xAPI, a Markdown recap.
    .target(
      name: "Exports", dependencies: ["Course", "Cases", "Clinical", "Identifiers", "Progress"],
      swiftSettings: staticStdlib),
    // libedit, through Debian's libedit-dev.
    .systemLibrary(
      name: "CLibEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    // Line editing, history, completion, rendering and the command loop.
    .target(
      name: "Shell", dependencies: ["Tutor", "Progress", "Course", "CLibEdit"],
      swiftSettings: staticStdlib),
    .executableTarget(
      name: "nelm",
      dependencies: [
        "Identifiers", "Clinical", "Course", "Cases", "Progress", "Tutor", "Shell", "Exports",
        "Figures",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: staticStdlib,
      linkerSettings: linkStaticStdlib
    ),
    // One HTTP request for `nelm sync`: the only code that links FoundationNetworking (libcurl,
    // OpenSSL), kept out of `nelm` so that they do not slow every start-up.
    .executableTarget(name: "nelm-http"),
    // Start-up and save-latency figures for BENCHMARKS.md (`make bench`), linked as `nelm` is.
    .executableTarget(
      name: "nelm-bench", dependencies: ["Cases", "Course", "Identifiers", "Progress", "Tutor"],
      swiftSettings: staticStdlib, linkerSettings: linkStaticStdlib),
    .testTarget(name: "ClinicalTests", dependencies: ["Clinical"]),
    .testTarget(name: "IdentifiersTests", dependencies: ["Identifiers"]),
    .testTarget(name: "FiguresTests", dependencies: ["Figures", "Clinical", "Course", "Cases"]),
    .testTarget(
      name: "CourseTests", dependencies: ["Course", "Identifiers"], resources: [.copy("Fixtures")]),
    .testTarget(name: "CasesTests", dependencies: ["Cases", "Course", "Clinical", "Identifiers"]),
    .testTarget(
      name: "ProgressTests", dependencies: ["Progress", "Identifiers"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "TutorTests",
      dependencies: ["Tutor", "Course", "Cases", "Clinical", "Figures", "Identifiers", "Progress"]),
    .testTarget(name: "ShellTests", dependencies: ["Shell", "Tutor", "Course", "Progress"]),
    // The executable's own command-line handling, held to swift-argument-parser's reading.
    .testTarget(
      name: "NelmTests",
      dependencies: ["nelm", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
    .testTarget(
      name: "ExportsTests",
      dependencies: ["Exports", "Course", "Cases", "Clinical", "Identifiers", "Progress"]),
  ]
)

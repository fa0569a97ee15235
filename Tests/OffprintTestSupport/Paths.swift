// Paths shared by the tests: the repository root, ../shared, the built executable.
import Foundation

/// Locations tests read from. `shared` is `../shared` beside the repository root (the corpus
/// and cases are read from there, never copied into the repository).
public enum TestPaths {
    /// The repository root (the folder holding Package.swift).
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `../shared` from the root.
    public static var shared: URL { root.deletingLastPathComponent().appendingPathComponent("shared") }
    /// `../shared/cases`.
    public static var cases: URL { shared.appendingPathComponent("cases") }
    /// `../shared/corpus`.
    public static var corpus: URL { shared.appendingPathComponent("corpus") }
    /// `Samples/`.
    public static var samples: URL { root.appendingPathComponent("Samples") }

    /// A fresh empty temporary directory.
    public static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("offprint-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

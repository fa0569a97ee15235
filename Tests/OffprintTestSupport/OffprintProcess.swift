// OffprintProcess: runs the built `offprint` executable for end-to-end CLI tests.
import Foundation

/// The result of one `offprint` run.
public struct OffprintRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Running the `offprint` executable built by `swift build` (`.build/debug/offprint`, or
/// `$OFFPRINT` when set).
public enum OffprintProcess {
    /// The executable's path.
    public static var executable: URL {
        if let p = ProcessInfo.processInfo.environment["OFFPRINT"], !p.isEmpty {
            return URL(fileURLWithPath: p)
        }
        // The test bundle sits beside the executable in the build products folder.
        let bundleDir = Bundle.main.bundleURL
        let besides = bundleDir.appendingPathComponent("offprint")
        if FileManager.default.isExecutableFile(atPath: besides.path) { return besides }
        return TestPaths.root.appendingPathComponent(".build/debug/offprint")
    }

    /// Runs `offprint args...` with `stdin` as standard input and `environment` added to
    /// this process's environment; waits for it to end.
    public static func run(_ args: [String], stdin: Data? = nil,
                           environment: [String: String] = [:]) throws -> OffprintRun {
        let p = Process()
        p.executableURL = executable
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["OFFPRINT_LIBRARY"] = nil
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return OffprintRun(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                           stderr: String(decoding: e, as: UTF8.self))
    }
}

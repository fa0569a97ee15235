// ZIPWriter: a streaming ZIP archive writer on zlib (APPNOTE.TXT 6.3.10). Each entry is
// written once, in order: a local header with its sizes and CRC-32 computed beforehand (no
// data descriptor, no extra field), then its bytes, stored or raw-deflated; one central
// directory is written at the end. Cost is linear in the number of entries, unlike
// ZIPFoundation 0.9.20's `addEntry`, which rewrites the central directory each time
// (bench/export.bench.sh measures both). Zip64 records are added only when an archive needs
// them (more than 65,535 entries or offsets past 4 GiB). Output depends only on the input:
// every entry carries the same DOS timestamp, and Unix mode 0644.
import COffprintZlib
import Foundation
import OffprintModel

/// Writes a ZIP archive entry by entry to a file.
public final class ZIPWriter {
    private struct CentralRecord {
        var name: [UInt8]
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: UInt64
        var size: UInt64
        var offset: UInt64
    }

    private let handle: FileHandle
    private let path: String
    private var buffer = Data()
    private var offset: UInt64 = 0
    private var records: [CentralRecord] = []
    private var names = Set<String>()
    private let dosTime: UInt16
    private let dosDate: UInt16
    private var finished = false

    /// Deflate level used for compressed entries (zlib's default).
    public static let compressionLevel: Int32 = 6

    /// Creates (or truncates) the file at `url` and prepares to write entries stamped with
    /// `modified` (clamped to the DOS range 1980-2107; UTC).
    ///
    /// - Throws: `OffprintError(.unwritable, path, ...)` when the file cannot be created.
    /// `reportingAs` is the path named in errors (the final name when `url` is a
    /// temporary one); `url`'s own path by default.
    public init(url: URL, modified: Date, reportingAs shownPath: String? = nil) throws {
        path = shownPath ?? url.path
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let h = FileHandle(forWritingAtPath: url.path) else {
            throw OffprintError(.unwritable, path, "cannot create the file")
        }
        handle = h
        (dosTime, dosDate) = ZIPWriter.dosDateTime(modified)
    }

    deinit { try? handle.close() }

    /// The number of entries written so far.
    public var count: Int { records.count }

    /// Adds one file. `compressed` deflates it (raw deflate, method 8); otherwise it is
    /// stored (method 0). Names are `/`-separated relative paths, unique in the archive.
    ///
    /// - Throws: `OffprintError(.failed, name, ...)` for a duplicate or empty name,
    ///   `.unwritable` when writing fails.
    public func add(_ name: String, _ data: Data, compressed: Bool = true) throws {
        precondition(!finished, "ZIPWriter: add after finish")
        guard !name.isEmpty, !name.hasPrefix("/"), names.insert(name).inserted else {
            throw OffprintError(.failed, name, "duplicate or invalid name inside the archive")
        }
        let nameBytes = Array(name.utf8)
        let crc = ZIPWriter.crc32(data)
        let payload = compressed ? try ZIPWriter.deflate(data, name: name) : data
        guard payload.count < 0xFFFF_FFFF, data.count < 0xFFFF_FFFF else {
            throw OffprintError(.failed, name, "an entry of 4 GiB or more is not supported")
        }
        let flags: UInt16 = nameBytes.allSatisfy { $0 < 0x80 } ? 0 : 0x0800 // bit 11: UTF-8 name
        let method: UInt16 = compressed ? 8 : 0
        var h = Data(capacity: 30 + nameBytes.count)
        h.le32(0x0403_4B50)
        h.le16(20)                       // version needed: 2.0
        h.le16(flags)
        h.le16(method)
        h.le16(dosTime)
        h.le16(dosDate)
        h.le32(crc)
        h.le32(UInt32(payload.count))
        h.le32(UInt32(data.count))
        h.le16(UInt16(nameBytes.count))
        h.le16(0)                        // no extra field
        h.append(contentsOf: nameBytes)
        records.append(CentralRecord(name: nameBytes, method: method, flags: flags, crc: crc,
                                     compressedSize: UInt64(payload.count), size: UInt64(data.count),
                                     offset: offset))
        try write(h)
        try write(payload)
    }

    /// Writes the central directory and closes the file. No entry may be added afterwards.
    public func finish() throws {
        guard !finished else { return }
        finished = true
        let cdStart = offset
        for r in records {
            let needs64 = r.offset >= 0xFFFF_FFFF
            var c = Data(capacity: 46 + r.name.count)
            c.le32(0x0201_4B50)
            c.le16(0x0300 | (needs64 ? 45 : 20)) // made by: Unix, spec version
            c.le16(needs64 ? 45 : 20)
            c.le16(r.flags)
            c.le16(r.method)
            c.le16(dosTime)
            c.le16(dosDate)
            c.le32(r.crc)
            c.le32(UInt32(r.compressedSize))
            c.le32(UInt32(r.size))
            c.le16(UInt16(r.name.count))
            c.le16(needs64 ? 12 : 0)         // extra field length
            c.le16(0)                        // comment length
            c.le16(0)                        // disk number
            c.le16(0)                        // internal attributes
            c.le32(UInt32(0o100644) << 16)   // external attributes: regular file, rw-r--r--
            c.le32(needs64 ? 0xFFFF_FFFF : UInt32(r.offset))
            c.append(contentsOf: r.name)
            if needs64 {
                c.le16(0x0001)
                c.le16(8)
                c.le64(r.offset)
            }
            try write(c)
        }
        let cdSize = offset - cdStart
        let count = UInt64(records.count)
        let zip64 = count >= 0xFFFF || cdStart >= 0xFFFF_FFFF || cdSize >= 0xFFFF_FFFF
        var e = Data()
        if zip64 {
            let eocd64 = offset
            e.le32(0x0606_4B50)
            e.le64(44)
            e.le16(0x0300 | 45)
            e.le16(45)
            e.le32(0)
            e.le32(0)
            e.le64(count)
            e.le64(count)
            e.le64(cdSize)
            e.le64(cdStart)
            e.le32(0x0706_4B50)
            e.le32(0)
            e.le64(eocd64)
            e.le32(1)
        }
        e.le32(0x0605_4B50)
        e.le16(0)
        e.le16(0)
        e.le16(zip64 ? 0xFFFF : UInt16(count))
        e.le16(zip64 ? 0xFFFF : UInt16(count))
        e.le32(zip64 ? 0xFFFF_FFFF : UInt32(cdSize))
        e.le32(zip64 ? 0xFFFF_FFFF : UInt32(cdStart))
        e.le16(0)
        try write(e)
        try flush()
        do { try handle.close() } catch {
            throw OffprintError(.unwritable, path, "cannot close the file: \(error.localizedDescription)")
        }
    }

    private func write(_ d: Data) throws {
        buffer.append(d)
        offset += UInt64(d.count)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch {
            throw OffprintError(.unwritable, path, "cannot write: \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The CRC-32 (ISO 3309, as ZIP uses it) of `data`.
    public static func crc32(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { raw -> UInt32 in
            var crc = COffprintZlib.crc32(0, nil, 0)
            var p = raw.baseAddress?.assumingMemoryBound(to: Bytef.self)
            var left = raw.count
            while left > 0, let q = p {
                let n = min(left, Int(UInt32.max >> 1))
                crc = COffprintZlib.crc32(crc, q, uInt(n))
                p = q + n
                left -= n
            }
            return UInt32(crc)
        }
    }

    /// `data` compressed as a raw deflate stream (no zlib header), as ZIP method 8 stores it.
    static func deflate(_ data: Data, name: String) throws -> Data {
        var stream = z_stream()
        guard offprint_deflateInit2(&stream, compressionLevel) == Z_OK else {
            throw OffprintError(.failed, name, "zlib cannot start compressing")
        }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(data.count)))
        var out = Data(count: bound)
        let status: Int32 = data.withUnsafeBytes { src in
            out.withUnsafeMutableBytes { dst in
                stream.next_in = UnsafeMutablePointer(mutating: src.baseAddress?.assumingMemoryBound(to: Bytef.self))
                stream.avail_in = uInt(data.count)
                stream.next_out = dst.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(bound)
                return COffprintZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else {
            throw OffprintError(.failed, name, "zlib cannot compress (status \(status))")
        }
        out.count = Int(stream.total_out)
        return out
    }

    /// MS-DOS time and date fields for `date` in UTC, clamped to 1980-01-01 ... 2107-12-31.
    static func dosDateTime(_ date: Date) -> (time: UInt16, date: UInt16) {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let lo = Date(timeIntervalSince1970: 315_532_800)   // 1980-01-01T00:00:00Z
        let hi = Date(timeIntervalSince1970: 4_354_819_198) // 2107-12-31T23:59:58Z
        let d = min(max(date, lo), hi)
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second], from: d)
        let time = UInt16(c.hour! << 11 | c.minute! << 5 | c.second! / 2)
        let day = UInt16((c.year! - 1980) << 9 | c.month! << 5 | c.day!)
        return (time, day)
    }
}

extension Data {
    fileprivate mutating func le16(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    fileprivate mutating func le32(_ v: UInt32) { for i in 0..<4 { append(UInt8((v >> (8 * UInt32(i))) & 0xFF)) } }
    fileprivate mutating func le64(_ v: UInt64) { for i in 0..<8 { append(UInt8((v >> (8 * UInt64(i))) & 0xFF)) } }
}

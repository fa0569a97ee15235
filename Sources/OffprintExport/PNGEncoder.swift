// PNGEncoder: 8-bit RGBA pixels as a PNG file (ISO/IEC 15948), on zlib: IHDR, one IDAT
// (every row with filter type 0, zlib level 9), IEND. No ancillary chunk (no time, no gamma),
// so the same pixels always give the same bytes. Used by `--image-compat` (ImageCompat.swift).
import COffprintZlib
import Foundation
import OffprintModel

enum PNGEncoder {
    /// A PNG of `width` × `height` pixels, `rgba` holding 4 bytes per pixel, row after row,
    /// colour type 6 (truecolour with alpha), or colour type 2 (truecolour) when every pixel
    /// is opaque.
    static func encode(rgba: [UInt8], width: Int, height: Int) throws -> Data {
        precondition(width > 0 && height > 0 && rgba.count == width * height * 4)
        var opaque = true
        var k = 3
        while k < rgba.count { if rgba[k] != 255 { opaque = false; break }; k += 4 }
        let channels = opaque ? 3 : 4
        var raw = [UInt8]()
        raw.reserveCapacity(height * (1 + width * channels))
        for y in 0..<height {
            raw.append(0)
            let row = y * width * 4
            if opaque {
                for x in 0..<width {
                    let p = row + x * 4
                    raw.append(rgba[p]); raw.append(rgba[p + 1]); raw.append(rgba[p + 2])
                }
            } else {
                raw.append(contentsOf: rgba[row..<(row + width * 4)])
            }
        }
        var out = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var ihdr = Data()
        ihdr.appendBigEndian(UInt32(width))
        ihdr.appendBigEndian(UInt32(height))
        ihdr.append(contentsOf: [8, opaque ? 2 : 6, 0, 0, 0])
        chunk("IHDR", ihdr, into: &out)
        chunk("IDAT", try zlibCompress(raw), into: &out)
        chunk("IEND", Data(), into: &out)
        return out
    }

    private static func chunk(_ type: String, _ body: Data, into out: inout Data) {
        out.appendBigEndian(UInt32(body.count))
        var typed = Data(type.utf8)
        typed.append(body)
        out.append(typed)
        out.appendBigEndian(ZIPWriter.crc32(typed))
    }

    /// `bytes` as a zlib stream (RFC 1950), as the IDAT chunks hold it.
    private static func zlibCompress(_ bytes: [UInt8]) throws -> Data {
        var size = compressBound(uLong(bytes.count))
        var buffer = [UInt8](repeating: 0, count: Int(size))
        let status = compress2(&buffer, &size, bytes, uLong(bytes.count), 9)
        guard status == Z_OK else {
            throw OffprintError(.failed, "PNG", "zlib could not compress the image (status \(status))")
        }
        return Data(buffer[0..<Int(size)])
    }
}

extension Data {
    mutating func appendBigEndian(_ v: UInt32) {
        append(contentsOf: [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)])
    }
}

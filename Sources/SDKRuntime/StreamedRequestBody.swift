import Foundation
import OpenAPIRuntime

/// A request body made of bytes in memory and files on disk, read in chunks each time it is
/// sent: a retried request reads its files again, and a file is never held in memory whole.
public struct StreamedRequestBody: Sendable, Hashable {
    /// One piece of the body.
    public enum Segment: Sendable, Hashable {
        /// Bytes in memory.
        case bytes(Data)
        /// The file at the URL, which is `length` bytes long.
        case file(URL, length: Int64)
    }

    /// The pieces, in order.
    public var segments: [Segment]
    /// How many bytes are read from each file at a time.
    public var chunkSize: Int

    /// A body of `segments`.
    public init(segments: [Segment], chunkSize: Int = 64 * 1024) {
        self.segments = segments
        self.chunkSize = max(1, chunkSize)
    }

    /// The total number of bytes.
    public var length: Int64 {
        segments.reduce(0) { total, segment in
            switch segment {
            case .bytes(let data): total + Int64(data.count)
            case .file(_, let length): total + length
            }
        }
    }

    /// A new `HTTPBody` that reads the segments (and so the files) afresh on every iteration.
    public func makeHTTPBody() -> HTTPBody {
        HTTPBody(SegmentSequence(body: self), length: .known(length), iterationBehavior: .multiple)
    }

    /// The length of the regular file at `url`.
    static func fileLength(of url: URL) throws -> Int64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        guard attributes[.type] as? FileAttributeType == .typeRegular, let size = attributes[.size] as? NSNumber else {
            throw StreamedRequestBodyError(message: "\(url.path) is not a regular file")
        }
        return size.int64Value
    }
}

/// A file of a ``StreamedRequestBody`` could not be read, or its size changed after the body was made.
public struct StreamedRequestBodyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// The message.
    public var description: String { message }
}

/// The chunks of a ``StreamedRequestBody``: its bytes, then each file read `chunkSize` bytes at a time.
struct SegmentSequence: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>

    let body: StreamedRequestBody

    func makeAsyncIterator() -> Iterator {
        Iterator(segments: body.segments, chunkSize: body.chunkSize)
    }

    struct Iterator: AsyncIteratorProtocol {
        let segments: [StreamedRequestBody.Segment]
        let chunkSize: Int
        var index = 0
        /// The file being read, how long it should be and how much of it was read.
        var open: (handle: FileHandle, url: URL, length: Int64, read: Int64)?

        init(segments: [StreamedRequestBody.Segment], chunkSize: Int) {
            self.segments = segments
            self.chunkSize = chunkSize
        }

        mutating func next() async throws -> ArraySlice<UInt8>? {
            while true {
                if var file = open {
                    let chunk = try file.handle.read(upToCount: chunkSize) ?? Data()
                    if !chunk.isEmpty {
                        file.read += Int64(chunk.count)
                        open = file
                        guard file.read <= file.length else {
                            try? file.handle.close()
                            open = nil
                            throw StreamedRequestBodyError(message: "\(file.url.path) grew while it was being sent")
                        }
                        return ArraySlice(chunk)
                    }
                    try? file.handle.close()
                    open = nil
                    guard file.read == file.length else {
                        throw StreamedRequestBodyError(message: "\(file.url.path) shrank while it was being sent")
                    }
                    continue
                }
                guard index < segments.count else { return nil }
                let segment = segments[index]
                index += 1
                switch segment {
                case .bytes(let data):
                    if !data.isEmpty { return ArraySlice(data) }
                case .file(let url, let length):
                    open = (try FileHandle(forReadingFrom: url), url, length, 0)
                }
            }
        }
    }
}

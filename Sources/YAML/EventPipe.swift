internal import CLibYAML
import Dispatch

/// Where `YAMLParser` takes its events from, one at a time, in source order.
protocol YAMLEventSource: ~Copyable {
    /// The next event; throws libyaml's error, translated, when the input is not valid YAML.
    mutating func next() throws(YAMLError) -> YAMLEvent
}

extension EventReader: YAMLEventSource {}

/// Runs libyaml's parser on another thread and hands its events over in chunks, in order, so that
/// libyaml's scanning and the building of the tree run on two cores at once.
///
/// The reading thread only calls `yaml_parser_parse`; this side decodes each event's strings, frees
/// the event and builds the tree, which balances the two threads' work. The reading thread fills
/// chunks of `chunkSize` raw events into a ring of `slotCount` slots: it waits for a free slot
/// (`free`), fills it, and signals `filled`; this side waits on `filled`, empties the slot and
/// signals `free`. Each slot is only touched by the side the semaphores hand it to, and a
/// semaphore's signal happens before the wait it releases, so no slot is read and written at once.
/// The last chunk ends with the stream's end or the reader's error; the pipe is drained to it (and
/// the reading thread waited for) when it is dropped, whichever way the building ended, so the input
/// buffer is never read after the pipe is gone and every event is freed.
struct EventPipe: ~Copyable, YAMLEventSource {
    /// What one slot carries: raw events, owned by whoever holds the chunk.
    private struct Chunk {
        var events: UnsafeMutableBufferPointer<yaml_event_t>
        /// The reader's error after the events: nothing follows it.
        var error: YAMLError?
        /// Whether the stream ended with these events (the last is its end, or `error` is set).
        var isLast: Bool
    }

    static let chunkSize = 4096
    static let slotCount = 4

    private let slots: UnsafeMutableBufferPointer<Chunk?>
    private let filled = DispatchSemaphore(value: 0)
    private let free = DispatchSemaphore(value: slotCount)
    private let finished = DispatchSemaphore(value: 0)
    private let fileIndex: Int
    /// The chunk being handed out, and how many of its events have been.
    private var current = Chunk(events: UnsafeMutableBufferPointer(start: nil, count: 0), error: nil, isLast: false)
    private var position = 0
    private var nextSlot = 0
    /// Whether the last chunk has been taken.
    private var ended = false

    /// Starts reading `input`, which must be non-empty and stay alive as long as the pipe.
    init(input: UnsafeBufferPointer<UInt8>, fileIndex: Int) {
        self.fileIndex = fileIndex
        slots = .allocate(capacity: Self.slotCount)
        slots.initialize(repeating: nil)
        // The slots and the input cross to the reading thread; the protocol above keeps their use safe.
        nonisolated(unsafe) let slots = slots
        nonisolated(unsafe) let input = input
        let (filled, free, finished) = (filled, free, finished)
        // A queue of its own, not a global one: a serial queue gets a thread even when every worker
        // of the global pool is busy (say, blocked in another pipe's wait), so the reader always runs.
        DispatchQueue(label: "YAML.EventPipe", qos: .userInitiated).async {
            var slot = 0
            var events = UnsafeMutableBufferPointer<yaml_event_t>.allocate(capacity: Self.chunkSize)
            var count = 0
            func send(error: YAMLError?, isLast: Bool) {
                free.wait()
                slots[slot] = Chunk(events: UnsafeMutableBufferPointer(rebasing: events[..<count]), error: error, isLast: isLast)
                slot = (slot + 1) % Self.slotCount
                filled.signal()
                if !isLast {
                    events = .allocate(capacity: Self.chunkSize)
                    count = 0
                }
            }
            do throws(YAMLError) {
                var reader = try EventReader(input: input, fileIndex: fileIndex)
                while true {
                    let event = try reader.nextRaw()
                    events.initializeElement(at: count, to: event)
                    count += 1
                    if event.type == YAML_STREAM_END_EVENT || event.type == YAML_NO_EVENT { break }
                    if count == Self.chunkSize { send(error: nil, isLast: false) }
                }
                send(error: nil, isLast: true)
            } catch {
                send(error: error, isLast: true)
            }
            finished.signal()
        }
    }

    deinit {
        var slot = nextSlot
        var ended = ended
        Self.release(current, from: position)
        while !ended {
            let chunk = Self.takeChunk(slots: slots, filled: filled, free: free, slot: &slot, ended: &ended)
            Self.release(chunk, from: 0)
        }
        finished.wait()
        _ = slots.deinitialize()
        slots.deallocate()
    }

    mutating func next() throws(YAMLError) -> YAMLEvent {
        while position == current.events.count {
            if let error = current.error { throw error }
            if ended { return .streamEnd }
            current.events.deallocate()
            current = Self.takeChunk(slots: slots, filled: filled, free: free, slot: &nextSlot, ended: &ended)
            position = 0
        }
        let event = YAMLEvent(current.events[position], fileIndex: fileIndex)
        yaml_event_delete(&current.events[position])
        position += 1
        return event
    }

    /// The chunk in `slot`, waiting for it, then the next slot; sets `ended` when it is the last.
    private static func takeChunk(
        slots: UnsafeMutableBufferPointer<Chunk?>, filled: DispatchSemaphore, free: DispatchSemaphore, slot: inout Int, ended: inout Bool
    ) -> Chunk {
        filled.wait()
        let chunk = slots[slot].take() ?? Chunk(events: UnsafeMutableBufferPointer(start: nil, count: 0), error: nil, isLast: true)
        slot = (slot + 1) % slotCount
        free.signal()
        if chunk.isLast { ended = true }
        return chunk
    }

    /// Frees the events of `chunk` from `start` on, and its buffer.
    private static func release(_ chunk: Chunk, from start: Int) {
        for index in start..<chunk.events.count { yaml_event_delete(&chunk.events[index]) }
        chunk.events.deallocate()
    }
}

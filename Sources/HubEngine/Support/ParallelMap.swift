import Dispatch

/// Maps a large array on all cores, in order; small arrays are mapped in place.
///
/// Encoding records for a bulk import and decoding them when a hub loads are most of those
/// operations' cost and need nothing but each element, so they split cleanly.
enum ParallelMap {
    /// Arrays shorter than this are not worth handing to other threads.
    static let threshold = 4096
    static let chunkSize = 1024

    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        guard elements.count >= threshold else { return elements.map(transform) }
        return [Result](unsafeUninitializedCapacity: elements.count) { buffer, initializedCount in
            // Each chunk initialises only its own slots, so no two threads touch the same element.
            nonisolated(unsafe) let output = buffer
            let chunks = (elements.count + chunkSize - 1) / chunkSize
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for index in (chunk * chunkSize)..<min(elements.count, (chunk + 1) * chunkSize) {
                    output.initializeElement(at: index, to: transform(elements[index]))
                }
            }
            initializedCount = elements.count
        }
    }
}

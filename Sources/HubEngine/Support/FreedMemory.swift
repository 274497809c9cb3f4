#if canImport(Glibc)
    import Glibc
#endif

/// Gives memory freed by a large one-off job back to the operating system.
///
/// Opening a hub parses every stored record; the text and parse trees are freed once the hub is
/// built, but glibc keeps freed pages that lie between live allocations for reuse, so a freshly
/// opened 100,000-device hub would keep about 80 MB it no longer needs. `malloc_trim` returns
/// those pages. It is looked up at run time because Swift's Glibc module does not declare it;
/// elsewhere (macOS) this does nothing.
enum FreedMemory {
    static func returnToSystem() {
        #if canImport(Glibc)
            guard let symbol = dlsym(nil, "malloc_trim") else { return }
            let trim = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
            _ = trim(0)
        #endif
    }
}

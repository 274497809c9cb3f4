import Foundation

/// Whole seconds since 1970, the unit of a SAS token's `se` and of OpenSSL's certificate times.
enum UnixTime {
    /// `date` rounded down to whole seconds, as the SDKs' `int(time.time() + ttl)` does, and kept
    /// within 1970...9999 (the last year every SDK's date type and an ASN.1 time can hold), so an
    /// absurd date gives a far-off but valid value instead of a trap.
    static func seconds(of date: Date) -> Int {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds.isFinite else { return 0 }
        return Int(min(max(seconds, 0), latest))
    }

    /// 9999-12-31T23:59:59Z.
    private static let latest: Double = 253_402_300_799
}

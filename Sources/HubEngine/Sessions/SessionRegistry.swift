/// The live device and module sessions of one hub (filled in by the sessions work).
struct SessionRegistry: Sendable {
    init() {}
}

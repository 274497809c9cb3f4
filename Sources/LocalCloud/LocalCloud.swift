// The LocalCloud module; see docs/architecture.md.

// The WorkspaceStore module; see docs/architecture.md.

// The ControlSocket module; see docs/architecture.md.

// The AzConsole module; see docs/architecture.md.

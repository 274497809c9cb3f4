// The HubEngine module; see docs/architecture.md.

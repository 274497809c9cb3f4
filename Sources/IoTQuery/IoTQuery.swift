// The IoTQuery module; see docs/architecture.md.

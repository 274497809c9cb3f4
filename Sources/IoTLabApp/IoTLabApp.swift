// The IoTLabApp module; see docs/architecture.md.

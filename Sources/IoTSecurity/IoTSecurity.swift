// The IoTSecurity module; see docs/architecture.md.

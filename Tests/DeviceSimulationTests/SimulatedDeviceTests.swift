import DeviceSimulation
import Testing

@Suite struct SimulatedDeviceTests {
    @Test func aSimulatedDeviceCanBeDescribed() {
        _ = SimulatedDevice()
    }
}

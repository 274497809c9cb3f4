/// MQTT's three delivery guarantees (MQTT 3.1.1 §4.3). IoT Hub supports 0 and 1 only: a QoS 2
/// PUBLISH closes the connection and a QoS 2 subscription is granted QoS 1.
public enum MQTTQoS: UInt8, Sendable, Comparable, CaseIterable {
    case atMostOnce = 0
    case atLeastOnce = 1
    case exactlyOnce = 2

    public static func < (lhs: MQTTQoS, rhs: MQTTQoS) -> Bool { lhs.rawValue < rhs.rawValue }
}

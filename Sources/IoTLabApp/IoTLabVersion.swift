/// The version `iotlab --version` and `iotlab info` print.
public enum IoTLabVersion {
    public static let current = "0.1.0"
}

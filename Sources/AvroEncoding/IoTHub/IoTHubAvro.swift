/// What IoT Hub's storage-container routing endpoint writes when its encoding is Avro.
///
/// Each routed message becomes one `Microsoft.Azure.Devices.Message` record: the enqueued time as
/// text, the application properties, the system properties (`connectionDeviceId`,
/// `connectionAuthMethod`, `connectionDeviceGenerationId`, `contentType`, `contentEncoding`,
/// `enqueuedTime`) and the body as raw bytes, so a learner's Avro reader sees what it would see in
/// Azure's blobs.
public enum IoTHubAvro {
    /// The schema IoT Hub declares in every Avro blob; its compact JSON matches Azure's byte for byte.
    public static let messageSchema: AvroSchema = .record(
        AvroRecordSchema(
            name: "Message", namespace: "Microsoft.Azure.Devices",
            fields: [
                AvroField(name: "EnqueuedTimeUtc", type: .string),
                AvroField(name: "Properties", type: .map(values: .string)),
                AvroField(name: "SystemProperties", type: .map(values: .string)),
                AvroField(name: "Body", type: .union([.null, .bytes])),
            ]))
}

import IoTQuery
import JSONValue

/// Twins shaped as IoT Hub returns them from `GET /twins/{id}` and `SELECT * FROM devices`.
enum Fixtures {
    static func twin(
        _ deviceId: String, status: String = "enabled", tags: JSONValue = .emptyObject,
        desired: JSONValue = .emptyObject, reported: JSONValue = .emptyObject, edge: Bool = false
    ) -> JSONValue {
        [
            "deviceId": .string(deviceId),
            "etag": "AAAAAAAAAAE=",
            "deviceEtag": "NjQ0NzQ2NjQ=",
            "status": .string(status),
            "statusUpdateTime": "0001-01-01T00:00:00Z",
            "connectionState": "Disconnected",
            "lastActivityTime": "0001-01-01T00:00:00Z",
            "cloudToDeviceMessageCount": 0,
            "authenticationType": "sas",
            "x509Thumbprint": ["primaryThumbprint": nil, "secondaryThumbprint": nil],
            "modelId": "",
            "version": 4,
            "tags": tags,
            "properties": [
                "desired": desired.merging(patch: [
                    "$metadata": ["$lastUpdated": "2026-01-01T00:00:00Z"], "$version": 1,
                ]),
                "reported": reported.merging(patch: [
                    "$metadata": ["$lastUpdated": "2026-01-01T00:00:00Z"], "$version": 1,
                ]),
            ],
            "capabilities": ["iotEdge": .bool(edge)],
        ]
    }

    /// Three devices in two buildings, one of them an edge device with a newer firmware.
    static let hub: [JSONValue] = [
        twin(
            "sensor-th-0001", tags: ["location": ["building": "43", "floor": 1], "cheeseCave": "CheeseCave1"],
            reported: ["temperature": 21.5, "firmware": ["currentFwVersion": "1.0.0", "fwUpdateStatus": "current"]]),
        twin(
            "sensor-th-0002", tags: ["location": ["building": "43", "floor": 2]],
            reported: ["temperature": 27, "firmware": ["currentFwVersion": "1.0.1", "fwUpdateStatus": "current"]]),
        twin(
            "edge-0003", status: "disabled", tags: ["location": ["building": "44"]],
            reported: ["firmware": ["currentFwVersion": "1.0.1", "fwUpdateStatus": "applying"]], edge: true),
    ]

    /// The device ids of query rows, for compact expectations.
    static func ids(_ rows: [JSONValue]) -> [String] {
        rows.compactMap { $0["deviceId"]?.stringValue }
    }

    /// `expression` evaluated against `document`, paths read from its root.
    static func evaluate(_ expression: String, _ document: JSONValue = hub[0]) throws -> JSONValue? {
        try QueryCondition(expression).evaluate(in: DocumentScope(document))
    }
}

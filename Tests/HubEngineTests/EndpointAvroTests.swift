import Foundation
import TestSupport
import JSONValue
import Testing
import WorkspaceStore

@testable import HubEngine

/// The storage endpoint's Avro blobs opened by an independent reader, Python's fastavro.
@Suite struct EndpointAvroTests {
    static let script = """
        import json, sys, fastavro
        with open(sys.argv[1], "rb") as f:
            reader = fastavro.reader(f)
            records = [dict(r, Body=r["Body"].decode("utf-8") if r["Body"] is not None else None) for r in reader]
            print(json.dumps({"schema": reader.metadata["avro.schema"], "records": records}))
        """

    /// What fastavro reads from `file`, or a recorded issue saying how to provide fastavro.
    static func fastavro(_ file: URL) async throws -> JSONValue? {
        guard let python = await PythonInterpreter.required(importing: ["fastavro"]) else { return nil }
        let result = try await ChildProcess.run(python, ["-c", script, file.path])
        #expect(result.status == 0, "fastavro failed: \(result.errors)")
        return try JSONValue(parsing: result.output)
    }

    @Test func anAvroBatchIsAnObjectContainerFileFastavroReads() async throws {
        try await EndpointRoutingTests.withBlobs { store in
            let workspace = try Workspace.inMemory()
            var batches = StorageBatches()
            var avro = EndpointStorageBatchTests.target
            avro.encoding = .avro
            try EndpointStorageBatchTests.append(&batches, device: "belt-1", number: 7, at: EndpointStorageTests.time, in: workspace)
            try EndpointStorageBatchTests.append(&batches, device: "belt-1", number: 8, at: EndpointStorageTests.time.addingTimeInterval(5), in: workspace)
            let blobs = try batches.flush(
                avro, hubName: "lab-hub", partitionCount: 4, scope: EndpointStorageBatchTests.scope, blobStore: store, workspace: workspace)
            let file = store.url(account: avro.account, container: avro.container, blob: try #require(blobs.first))
            guard let read = try await Self.fastavro(file) else { return }
            #expect(read["schema"] == .string(IoTHubAvroSchemaText.expected))
            #expect(read["records"] == [
                [
                    "EnqueuedTimeUtc": "2026-01-01T01:02:03.0000000Z", "Properties": ["n": "7"],
                    "SystemProperties": [
                        "messageId": "belt-1-7", "connectionDeviceId": "belt-1", "contentType": "application/json",
                        "enqueuedTime": "2026-01-01T01:02:03.0000000Z",
                    ],
                    "Body": #"{"n":7}"#,
                ],
                [
                    "EnqueuedTimeUtc": "2026-01-01T01:02:08.0000000Z", "Properties": ["n": "8"],
                    "SystemProperties": [
                        "messageId": "belt-1-8", "connectionDeviceId": "belt-1", "contentType": "application/json",
                        "enqueuedTime": "2026-01-01T01:02:08.0000000Z",
                    ],
                    "Body": #"{"n":8}"#,
                ],
            ])
        }
    }
}

/// The schema text IoT Hub declares in its Avro blobs.
enum IoTHubAvroSchemaText {
    static let expected = #"{"type":"record","name":"Message","namespace":"Microsoft.Azure.Devices","fields":[{"name":"EnqueuedTimeUtc","type":"string"},{"name":"Properties","type":{"type":"map","values":"string"}},{"name":"SystemProperties","type":{"type":"map","values":"string"}},{"name":"Body","type":["null","bytes"]}]}"#
}

import IoTSecurity
import Testing

@Suite struct ConnectionStringTests {
    private let device = "HostName=myhub.azure-devices.net;DeviceId=sensor-1;SharedAccessKey=AQIDBAUGBwgJCgsMDQ4PEA=="

    @Test func roundTripsKeepingEqualsSignsInValues() throws {
        let parsed = try ConnectionString(parsing: device)
        #expect(parsed["SharedAccessKey"] == "AQIDBAUGBwgJCgsMDQ4PEA==")
        #expect(parsed.description == device)
        #expect(try ConnectionString(parsing: parsed.description) == parsed)
    }

    @Test func builtFromPairsPrintsThemInOrder() {
        let built = ConnectionString([("HostName", "h"), ("DeviceId", "d"), ("SharedAccessKey", "k==")])
        #expect(built.description == "HostName=h;DeviceId=d;SharedAccessKey=k==")
    }

    @Test func lookupIgnoresCaseAndReturnsNilForAbsentKeys() throws {
        let parsed = try ConnectionString(parsing: device)
        #expect(parsed["hostname"] == "myhub.azure-devices.net")
        #expect(parsed["DEVICEID"] == "sensor-1")
        #expect(parsed["ModuleId"] == nil)
    }

    @Test func toleratesTrailingSemicolonAndWhitespace() throws {
        let parsed = try ConnectionString(parsing: " HostName = h ;DeviceId=d;\n")
        #expect(parsed.description == "HostName=h;DeviceId=d")
    }

    @Test func equalityDependsOnOrder() {
        #expect(ConnectionString([("A", "1"), ("B", "2")]) != ConnectionString([("B", "2"), ("A", "1")]))
    }

    @Test func partWithoutEqualsIsReportedAtItsColumn() {
        #expect(throws: ConnectionStringError.missingEquals(part: "DeviceId", column: 12)) {
            try ConnectionString(parsing: "HostName=h;DeviceId;SharedAccessKey=k")
        }
    }

    @Test func emptyKeyIsRefused() {
        #expect(throws: ConnectionStringError.emptyKey(column: 12)) {
            try ConnectionString(parsing: "HostName=h;=d")
        }
    }

    @Test func duplicateKeyInAnyCaseIsRefused() {
        #expect(throws: ConnectionStringError.duplicateKey("hostname")) {
            try ConnectionString(parsing: "HostName=h;hostname=g")
        }
    }

    @Test func emptyTextIsRefused() {
        #expect(throws: ConnectionStringError.empty) { try ConnectionString(parsing: " ; ") }
    }
}

@Suite struct X509ThumbprintTests {
    @Test func sha1ThumbprintWithColonsIsNormalizedToUppercase() throws {
        let colons = "a9:99:3e:36:47:06:81:6a:ba:3e:25:71:78:50:c2:6c:9c:d0:d8:9d"
        #expect(try X509Thumbprint.normalized(colons) == "A9993E364706816ABA3E25717850C26C9CD0D89D")
    }

    @Test func sha256ThumbprintWithSpacesIsAccepted() throws {
        let spaced = "ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad"
        #expect(try X509Thumbprint.normalized(spaced)
            == "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")
    }

    @Test func thirtyNineDigitsAreRefused() {
        #expect(throws: ThumbprintError.wrongLength(digitCount: 39)) {
            try X509Thumbprint.normalized(String(repeating: "A", count: 39))
        }
    }

    @Test func nonHexCharacterIsReportedAtItsColumn() {
        #expect(throws: ThumbprintError.invalidCharacter("G", column: 3)) {
            try X509Thumbprint.normalized("AAG" + String(repeating: "A", count: 37))
        }
    }

    @Test func thumbprintOfDERIsTheUppercaseDigest() {
        #expect(X509Thumbprint.sha1(ofDER: Array("abc".utf8)) == "A9993E364706816ABA3E25717850C26C9CD0D89D")
        #expect(X509Thumbprint.sha256(ofDER: Array("abc".utf8))
            == "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")
    }
}

import IoTQuery
import JSONValue
import Testing

/// `$body` reads a JSON body only when the content type is application/json and the encoding
/// UTF-8, UTF-16 or UTF-32, as Azure's routing article requires.
@Suite struct RoutingBodyTests {
    static let weather = """
        {"Weather": {"Temperature": 50, "Time": "2017-03-09T00:00:00.000Z", "PrevTemperatures": [20, 30, 40],
         "IsEnabled": true, "Location": {"Street": "One Microsoft Way", "City": "Redmond", "State": "WA"},
         "HistoricalData": [{"Month": "Feb", "Temperature": 40}, {"Month": "Jan", "Temperature": 30}]}}
        """

    let message = RoutingFixtures.message(body: Self.weather, properties: ["processingPath": "hot"])

    @Test func theDocumentedBodyConditionsMatch() throws {
        #expect(try RoutingFixtures.matches("$body.Weather.HistoricalData[0].Month = 'Feb'", message))
        #expect(try RoutingFixtures.matches("$body.Weather.Temperature = 50 AND $body.Weather.IsEnabled", message))
        #expect(try RoutingFixtures.matches("length($body.Weather.Location.State) = 2", message))
        #expect(try RoutingFixtures.matches("$body.Weather.Temperature = 50 AND processingPath = 'hot'", message))
        #expect(try RoutingFixtures.matches("$body.Weather.PrevTemperatures[2] = 40", message))
        #expect(try RoutingFixtures.matches("$body.Weather['Location'].City = 'Redmond'", message))
    }

    @Test func anIndexPastTheEndOrOnAnObjectIsUndefined() throws {
        #expect(try !RoutingFixtures.matches("is_defined($body.Weather.HistoricalData[2])", message))
        #expect(try !RoutingFixtures.matches("is_defined($body.Weather.Location[0])", message))
    }

    @Test func theWholeBodyCannotBeQueried() throws {
        let array = RoutingFixtures.message(body: #"["Feb", "Jan"]"#)
        #expect(try !RoutingFixtures.matches("$body[0] = 'Feb'", array))
        #expect(try !RoutingFixtures.matches("is_defined($body)", message))
        let evaluation = try RoutingCondition("$body[0] = 'Feb'").evaluate(array)
        #expect(evaluation.reads.first?.reason == "a condition reads members of $body such as $body.temperature, not the body as a whole")
    }

    @Test func aBodyIsReadOnlyWhenTheContentTypeIsJSON() throws {
        let text = RoutingFixtures.message(body: Self.weather, contentType: "text/plain")
        #expect(try !RoutingFixtures.matches("$body.Weather.Temperature = 50", text))
        let untyped = RoutingFixtures.message(body: Self.weather, contentType: nil)
        #expect(try !RoutingFixtures.matches("$body.Weather.Temperature = 50", untyped))
        let upperCase = RoutingFixtures.message(body: Self.weather, contentType: "Application/JSON", contentEncoding: "UTF-8")
        #expect(try RoutingFixtures.matches("$body.Weather.Temperature = 50", upperCase))
    }

    @Test func aBodyIsReadOnlyInAUnicodeEncoding() throws {
        let latin = RoutingFixtures.message(body: Self.weather, contentEncoding: "iso-8859-1")
        #expect(try !RoutingFixtures.matches("$body.Weather.Temperature = 50", latin))
        let unset = RoutingFixtures.message(body: Self.weather, contentEncoding: nil)
        let evaluation = try RoutingCondition("$body.Weather.Temperature = 50").evaluate(unset)
        #expect(!evaluation.matched)
        #expect(evaluation.reads == [.init(
            path: "$body.Weather.Temperature", value: nil,
            reason: "$body can be read only when the content encoding is UTF-8, UTF-16 or UTF-32; this message's content encoding is not set")])
    }

    @Test func utf16BodiesAreReadLittleEndianOrByTheirByteOrderMark() throws {
        let json = #"{"city": "Zürich", "temperature": 21}"#
        let units = Array(json.utf16)
        let littleEndian = units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let bigEndian = units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for body in [littleEndian, [0xFF, 0xFE] + littleEndian, [0xFE, 0xFF] + bigEndian] {
            var message = RoutingFixtures.message(contentEncoding: "utf-16")
            message.body = body
            #expect(try RoutingFixtures.matches("$body.city = 'Zürich' AND $body.temperature = 21", message))
        }
    }

    @Test func utf32AndUTF8WithAByteOrderMarkAreRead() throws {
        let json = #"{"temperature": 21}"#
        var utf32 = RoutingFixtures.message(contentEncoding: "UTF-32")
        utf32.body = json.unicodeScalars.flatMap { scalar in
            (0..<4).map { UInt8(truncatingIfNeeded: scalar.value >> (8 * $0)) }
        }
        #expect(try RoutingFixtures.matches("$body.temperature = 21", utf32))
        var utf8 = RoutingFixtures.message()
        utf8.body = [0xEF, 0xBB, 0xBF] + Array(json.utf8)
        #expect(try RoutingFixtures.matches("$body.temperature = 21", utf8))
    }

    @Test func aBodyNotValidInItsEncodingIsUndefined() throws {
        var odd = RoutingFixtures.message(contentEncoding: "utf-16")
        odd.body = [0x7B, 0x00, 0x7D]
        let evaluation = try RoutingCondition("$body.x = 1").evaluate(odd)
        #expect(evaluation.reads.first?.reason == "the body is not valid UTF-16 text")
    }

    @Test func aBodyThatIsNotJSONIsUndefinedButPropertiesStillRoute() throws {
        let broken = RoutingFixtures.message(body: "{\"a\": ", properties: ["sensorID": "VSLog"])
        #expect(try !RoutingFixtures.matches("$body.a = 1", broken))
        #expect(try RoutingFixtures.matches("$body.a = 1 OR sensorID = 'VSLog'", broken))
        let reason = try RoutingCondition("$body.a = 1").evaluate(broken).reads.first?.reason
        #expect(reason?.hasPrefix("the body is not valid JSON (line 1, column ") == true)
    }

    @Test func aTwinChangeNotificationIsFilteredOnItsBody() throws {
        let notification = RoutingFixtures.message(
            body: #"{"version": 4, "properties": {"desired": {"telemetryConfig": {"sendFrequency": 15}}}}"#)
        #expect(try RoutingFixtures.matches("$body.properties.desired.telemetryConfig.sendFrequency > 10", notification))
        #expect(try RoutingFixtures.matches("is_defined($body.properties.desired.telemetryConfig.sendFrequency)", notification))
    }
}

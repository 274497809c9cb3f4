import Testing
@testable import TerminalUI

@Suite struct FormValueTests {
    @Test func theOwnerPutsAValueInATextChoiceOrToggleFieldAndClearsItsError() {
        var form = Form(fields: [
            FormField(name: "deviceId", label: "device", isRequired: true),
            FormField(name: "ack", label: "ack", kind: .choice(["none", "positive", "full"])),
            FormField(name: "retain", label: "retain", kind: .toggle),
        ])
        #expect(press(&form, .control("s")) == .handled)
        #expect(form.fields[0].error == "device is required.")
        form.setValue("sensor-th-0055", forField: "deviceId")
        form.setValue("full", forField: "ack")
        form.setValue("true", forField: "retain")
        form.setValue("x", forField: "no-such-field")
        #expect(form.fields[0].error == nil)
        #expect(form.values == ["deviceId": "sensor-th-0055", "ack": "full", "retain": "true"])
        form.setValue("unknown", forField: "ack")
        #expect(form.values["ack"] == "full")
        #expect(press(&form, .control("s")) == .action(.submitted(["deviceId": "sensor-th-0055", "ack": "full", "retain": "true"])))
    }
}

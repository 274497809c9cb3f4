import Foundation
import Testing

@testable import Courseware

/// `iotlab lab lint` refuses what would leave a learner stuck, naming the file and line.
@Suite struct LabLintTests {
    /// A Labs folder in a temporary directory holding `labs` (folder name → lab.yaml text).
    static func catalog(_ labs: [String: String]) throws -> LabCatalog {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labs-\(UUID().uuidString.prefix(8))")
        for (name, yaml) in labs {
            let lab = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: lab, withIntermediateDirectories: true)
            try yaml.write(to: lab.appendingPathComponent("lab.yaml"), atomically: true, encoding: .utf8)
        }
        return LabCatalog(folder: folder)
    }

    static func lab(id: String = "sample", step: String = validStep) -> String {
        """
        id: \(id)
        title: Sample
        skillArea: Process and manage data
        objectives: [Learn]
        estimatedMinutes: 5
        hub: h
        introduction: Hello.
        steps:
        \(step)
        """
    }

    static let validStep = """
          - id: one
            title: One
            instructions: Do it.
            checks:
              - hub: { name: h }
                explain: Create the hub.
            hints: [Use az iot hub create.]
            solution:
              - az iot hub create -n h
        """

    static func messages(_ catalog: LabCatalog) -> [String] { LabLinter.lint(catalog).map(\.description) }

    @Test func theRepositoryLabsPassLint() {
        #expect(LabLinter.lint(LabCatalog(folder: LabHarness.labsFolder)).isEmpty)
    }

    @Test func aValidLabHasNoFindings() throws {
        #expect(Self.messages(try Self.catalog(["01-a": Self.lab()])) == [])
    }

    @Test func aYAMLSyntaxErrorIsReportedWithFileAndLine() throws {
        let broken = Self.lab().replacingOccurrences(of: "title: Sample", with: "title: [Sample")
        let found = LabLinter.lint(try Self.catalog(["01-a": broken]))
        #expect(found.count == 1)
        #expect(found.first?.file.hasSuffix("01-a/lab.yaml") == true)
        #expect((found.first?.line ?? 0) >= 2)
        #expect(found.first?.message.hasPrefix("YAML syntax") == true)
    }

    @Test func anUnknownMemberIsReportedAtItsLine() throws {
        let misspelt = Self.lab().replacingOccurrences(of: "estimatedMinutes: 5", with: "estimatedMinute: 5")
        let found = LabLinter.lint(try Self.catalog(["01-a": misspelt]))
        #expect(found.map(\.line) == [5])
        #expect(found.first?.message.hasPrefix("estimatedMinute: unknown member") == true)
    }

    @Test func aStepWithoutChecksIsRefused() throws {
        let step = Self.validStep.replacingOccurrences(of: "    checks:\n      - hub: { name: h }\n        explain: Create the hub.\n", with: "")
        let found = LabLinter.lint(try Self.catalog(["01-a": Self.lab(step: step)]))
        #expect(found.map(\.message) == ["steps[0].checks: a step needs at least one check (grade the state it asks for)"])
        #expect(found.map(\.line) == [9])
    }

    @Test func anEmptyHintIsRefused() throws {
        let step = Self.validStep.replacingOccurrences(of: "hints: [Use az iot hub create.]", with: "hints: ['', Use az.]")
        #expect(LabLinter.lint(try Self.catalog(["01-a": Self.lab(step: step)])).map(\.message)
            == ["steps[0].hints[0]: an empty hint; give a hint or say why none is needed"])
    }

    @Test func aMissingSolutionIsRefused() throws {
        let step = Self.validStep.replacingOccurrences(of: "solution:\n      - az iot hub create -n h", with: "")
        #expect(LabLinter.lint(try Self.catalog(["01-a": Self.lab(step: step)])).map(\.message)
            == ["steps[0].solution: a step needs a solution the test suite can replay"])
    }

    @Test func duplicateStepAndCheckIdsAreRefused() throws {
        let twice = Self.validStep.replacingOccurrences(of: "- hub: { name: h }", with: "- id: same\n        hub: { name: h }")
        let found = LabLinter.lint(try Self.catalog(["01-a": Self.lab(step: twice + "\n" + twice)])).map(\.message)
        #expect(found == ["steps[1].id: duplicate step id 'one'", "steps[1].checks: duplicate check id 'same'"])
    }

    @Test func duplicateLabIdsAreRefused() throws {
        let found = LabLinter.lint(try Self.catalog(["01-a": Self.lab(), "02-b": Self.lab()]))
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("id: lab id 'sample' is also the id of") == true)
        #expect(found.first?.file.hasSuffix("02-b/lab.yaml") == true)
    }

    @Test func aCheckOfTwoKindsIsRefusedAtItsLine() throws {
        let step = Self.validStep.replacingOccurrences(of: "- hub: { name: h }", with: "- hub: { name: h }\n        device: { id: d }")
        let found = LabLinter.lint(try Self.catalog(["01-a": Self.lab(step: step)]))
        #expect(found.map(\.line) == [13])
        #expect(found.first?.message.hasPrefix("steps[0].checks[0]: a check needs exactly one of hub, query") == true)
    }

    @Test func aBadValueNamesTheFieldAndRule() throws {
        let step = Self.validStep.replacingOccurrences(of: "- hub: { name: h }", with: "- device: { id: d, auth: password }")
        let found = LabLinter.lint(try Self.catalog(["01-a": Self.lab(step: step)]))
        #expect(found.map(\.message) == ["steps[0].checks[0].device.auth: must be sas, selfSigned or certificateAuthority"])
        #expect(found.map(\.line) == [13])
    }
}

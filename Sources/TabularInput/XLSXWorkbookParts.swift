import Foundation

/// The first `<sheet>` of `xl/workbook.xml`: the sheet a person sees first
/// when opening the file, which is the one a roster or fee list lives on.
struct FirstSheet: Sendable, Equatable {
    let name: String
    /// Relationship id pointing, through the workbook's `.rels`, at the sheet part.
    let relationshipID: String
}

/// Reads the sheet list of a workbook, stopping at the first sheet.
final class WorkbookHandler: SAXHandler {
    private(set) var firstSheet: FirstSheet?

    func start(_ element: Substring, attributes: [String: String]) -> SAXStep {
        guard element == "sheet" else { return .proceed }
        let name = attributes["name"] ?? "?"
        guard let id = XMLParts.relationshipID(in: attributes) else {
            return .fail(ReadFailure("the workbook is damaged: its first sheet “\(name)” has no relationship id"))
        }
        firstSheet = FirstSheet(name: name, relationshipID: id)
        return .stop
    }
}

/// One `<Relationship>` of a `.rels` part.
struct Relationship: Sendable, Equatable {
    let id: String
    let type: String
    let target: String
    let isExternal: Bool
}

/// Reads all relationships of a `.rels` part.
final class RelationshipsHandler: SAXHandler {
    private(set) var relationships: [Relationship] = []

    func start(_ element: Substring, attributes: [String: String]) -> SAXStep {
        if element == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
            relationships.append(Relationship(
                id: id, type: attributes["Type"] ?? "", target: target,
                isExternal: attributes["TargetMode"] == "External"))
        }
        return .proceed
    }
}

enum PartPath {
    /// Resolves a relationship target against the folder of the part that
    /// owns the `.rels` ("xl" for the workbook). Targets are usually relative
    /// ("worksheets/sheet1.xml") but some writers use absolute ones
    /// ("/xl/worksheets/sheet1.xml") or "../".
    static func resolve(_ target: String, from folder: String) -> String {
        var path = target.replacingOccurrences(of: "\\", with: "/")
        var segments: [Substring]
        if path.hasPrefix("/") {
            path.removeFirst()
            segments = []
        } else {
            segments = folder.split(separator: "/")
        }
        for segment in path.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }
}

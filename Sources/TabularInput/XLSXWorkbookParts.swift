import Foundation
import XMLScan

/// The first `<sheet>` of `xl/workbook.xml`: the sheet a person sees first
/// when opening the file, which is the one a roster or fee list lives on.
struct FirstSheet: Sendable, Equatable {
    let name: String
    /// Relationship id pointing, through the workbook's `.rels`, at the sheet part.
    let relationshipID: String
}

/// Reads the sheet list of a workbook, stopping at the first sheet.
struct WorkbookHandler: PartSink {
    private(set) var firstSheet: FirstSheet?
    private(set) var failure: ReadFailure?

    mutating func startElement(_ name: String, attributes: XMLAttributes) -> Bool {
        guard name == "sheet" else { return true }
        let sheetName = XMLParts.attribute("name", in: attributes) ?? "?"
        guard let id = XMLParts.relationshipID(in: attributes) else {
            failure = ReadFailure("the workbook is damaged: its first sheet “\(sheetName)” has no relationship id")
            return false
        }
        firstSheet = FirstSheet(name: sheetName, relationshipID: id)
        return false
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}
    func endElement() -> Bool { true }
}

/// One `<Relationship>` of a `.rels` part.
struct Relationship: Sendable, Equatable {
    let id: String
    let type: String
    let target: String
    let isExternal: Bool
}

/// Reads all relationships of a `.rels` part.
struct RelationshipsHandler: PartSink {
    private(set) var relationships: [Relationship] = []
    var failure: ReadFailure? { nil }

    mutating func startElement(_ name: String, attributes: XMLAttributes) -> Bool {
        if name == "Relationship", let id = XMLParts.attribute("Id", in: attributes),
           let target = XMLParts.attribute("Target", in: attributes) {
            relationships.append(Relationship(
                id: id, type: XMLParts.attribute("Type", in: attributes) ?? "", target: target,
                isExternal: XMLParts.attribute("TargetMode", in: attributes) == "External"))
        }
        return true
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}
    func endElement() -> Bool { true }
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

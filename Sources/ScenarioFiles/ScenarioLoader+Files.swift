import Foundation
import FrontDoorModel
import QueueingNetworkModel
import ScenarioModel
import SimulationEngine

/// A scenario file's text, the files it extends, and the values marked `# assumption` or `# forecast` in them.
extension ScenarioLoader {
    /// The largest scenario file read: far above any real scenario, and small enough that reading
    /// one can never exhaust memory.
    static let maximumFileBytes = 4 << 20

    /// The text of a scenario file; anything but a readable regular file of UTF-8 text under
    /// ``maximumFileBytes`` is refused with a plain message (a folder, a device or a pipe is never
    /// read, so it cannot block).
    static func readText(_ path: String) throws(ScenarioError) -> String {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: (path as NSString).resolvingSymlinksInPath)
        } catch {
            throw ScenarioError(file: path, message: "no such file")
        }
        switch attributes[.type] as? FileAttributeType {
        case .typeRegular?: break
        case .typeDirectory?: throw ScenarioError(file: path, message: "is a folder; give the path of a scenario file (.yaml)")
        default:
            throw ScenarioError(
                file: path, message: "is not a regular file (a device, pipe or socket); give the path of a scenario file (.yaml)")
        }
        if let size = attributes[.size] as? Int, size > maximumFileBytes {
            throw ScenarioError(
                file: path,
                message: String(
                    format: "is %.1f MB; a scenario file is at most %d MB", Double(size) / 1_048_576,
                    maximumFileBytes / 1_048_576))
        }
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ScenarioError(
                file: path,
                message: FileManager.default.isReadableFile(atPath: path)
                    ? "could not be read as UTF-8 text" : "cannot be read (no permission)")
        }
    }

    /// The values a chain of files marks as assumptions and as forecasts, each key once (the
    /// extending file's note where both mark it).
    struct MarkedNotes {
        var assumptions: [String]
        var forecasts: [String]
    }

    /// Parses a file and the chain of files it extends; the result reads as their merge.
    static func readChain(_ text: String, file: String, seen: [String]) throws(ScenarioError) -> (YAMLValue, [String], MarkedNotes) {
        var root = try YAMLValue.parse(text, file: file)
        var files = [file]
        var notes = MarkedNotes(
            assumptions: self.notes(marked: "assumption", in: text, file: file),
            forecasts: self.notes(marked: "forecast", in: text, file: file))
        guard case .mapping = root.node else { throw root.error("expected a scenario: a mapping of keys such as scenario, run and stages") }
        if let extendsValue = try root.mapping()["extends"] {
            let relative = try extendsValue.string()
            let base =
                relative.hasPrefix("/")
                ? relative
                : ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(relative)
            let standard = (base as NSString).standardizingPath
            guard !(seen + [(file as NSString).standardizingPath]).contains(standard) else {
                throw extendsValue.error("'\(relative)' extends this file again: the chain of extends goes round in a circle")
            }
            let baseText: String
            do { baseText = try readText(base) } catch {
                throw extendsValue.error("cannot read '\(relative)' (looked for \(base)): \(error.message)")
            }
            let (baseRoot, baseFiles, baseNotes) = try readChain(baseText, file: base, seen: seen + [(file as NSString).standardizingPath])
            root.underlying = [baseRoot] + baseRoot.underlying
            files += baseFiles
            func merged(_ own: [String], _ inherited: [String]) -> [String] {
                func key(_ note: String) -> Substring { note.range(of: " (").map { note[..<$0.lowerBound] } ?? note[...] }
                let keys = Set(own.map(key))
                return own + inherited.filter { !keys.contains(key($0)) }
            }
            notes = MarkedNotes(
                assumptions: merged(notes.assumptions, baseNotes.assumptions), forecasts: merged(notes.forecasts, baseNotes.forecasts))
        }
        return (root, files, notes)
    }

    /// Every key marked `# <word>` (`# assumption`, `# forecast`), as "key.path (file:line): the
    /// comment". The mark is a comment that starts with the word; one on a line of its own (with
    /// the comment lines that follow it) belongs to the next key.
    static func notes(marked word: String, in text: String, file: String) -> [String] {
        var notes: [String] = []
        var stack: [(indent: Int, key: String)] = []
        var pending: String?
        let name = (file as NSString).lastPathComponent
        for (number, line) in lines(of: text).enumerated() {
            let (content, comment) = splitComment(line)
            let indent = line.utf8.prefix { $0 == UInt8(ascii: " ") }.count
            let trimmed = trimmingBlanks(content)
            let marked = comment.flatMap { c -> String? in
                guard c.lowercased().hasPrefix(word) else { return nil }
                return c.dropFirst(word.count).trimmingCharacters(in: CharacterSet(charactersIn: " :—-,"))
            }
            guard let colon = trimmed.utf8.firstIndex(of: UInt8(ascii: ":")), !trimmed.hasPrefix("-") else {
                if trimmed.isEmpty, let marked {
                    pending = marked
                } else if trimmed.isEmpty, let earlier = pending, let comment {
                    pending = earlier + (earlier.isEmpty ? "" : " ") + comment
                } else {
                    pending = nil
                }
                continue
            }
            while let last = stack.last, last.indent >= indent { stack.removeLast() }
            stack.append((indent, String(trimmed[..<colon])))
            guard let note = marked ?? pending else { continue }
            pending = nil
            let path = stack.map(\.key).joined(separator: ".")
            notes.append("\(path) (\(name):\(number + 1))" + (note.isEmpty ? "" : ": \(note)"))
        }
        return notes
    }

    /// The lines of a file, as YAML counts them (a line feed ends one; a carriage return before
    /// it is not part of the line).
    static func lines(of text: String) -> [Substring] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { bytes in
            let line = Substring(bytes)
            return line.utf8.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
    }

    /// `text` without the spaces and tabs (YAML's blanks) at either end.
    static func trimmingBlanks(_ text: Substring) -> Substring {
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) }) else { return "" }
        return text[first...last]
    }

    /// A YAML line split into its content and its comment (the text after a `#` that starts the
    /// line or follows a space, outside quotes). Every character that matters is ASCII, so the
    /// line is read byte by byte.
    static func splitComment(_ line: Substring) -> (content: Substring, comment: String?) {
        var quote: UInt8?
        var previous = UInt8(ascii: " ")
        let bytes = line.utf8
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let c = bytes[index]
            if let open = quote {
                if c == open { quote = nil }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: "#") && previous == UInt8(ascii: " ") {
                return (line[..<index], String(trimmingBlanks(line[bytes.index(after: index)...])))
            }
            previous = c
            bytes.formIndex(after: &index)
        }
        return (line, nil)
    }
}

import FrontDoorModel

/// A date (and, where the extract has one, a time of day) as councils' extracts write them:
/// `31/03/2024`, `31-03-2024`, `31.3.2024`, `2024-03-31`, `2024-03-31T14:05`, `31/03/2024 14:05`,
/// or an Excel serial number (`45382`, with a fraction for the time).
struct ExtractDate: Equatable {
    let date: CivilDate
    /// Hours after midnight, when the value has a time.
    let hour: Double?

    init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        // An Excel serial: days since 30 December 1899, from 1990 to 2100.
        if let serial = Double(trimmed), serial >= 32_874, serial < 73_051 {
            let whole = serial.rounded(.down)
            date = CivilDate(dayNumber: Int(whole) - 25_569)
            let fraction = serial - whole
            hour = fraction > 0 ? fraction * 24 : nil
            return
        }
        let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
        guard let first = parts.first, parts.count <= 2 else { return nil }
        let fields = first.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard fields.count == 3, let a = Int(fields[0]), let b = Int(fields[1]), var c = Int(fields[2]) else { return nil }
        let parsed: CivilDate?
        if fields[0].count == 4 {
            parsed = CivilDate(year: a, month: b, day: c)
        } else {
            if fields[2].count == 2 { c += 2000 } // 31/03/24
            parsed = CivilDate(year: c, month: b, day: a) // day first, as England writes it
        }
        guard let parsed, (1990...2100).contains(parsed.year) else { return nil }
        date = parsed
        if parts.count == 2 {
            let clock = parts[1].split(separator: ":").map { Double($0.prefix { $0 != "Z" && $0 != "+" }) }
            guard clock.count >= 2, let h = clock[0], let m = clock[1], (0..<24).contains(h), (0..<60).contains(m) else { return nil }
            hour = h + m / 60 + ((clock.count > 2 ? clock[2] : 0) ?? 0) / 3600
        } else {
            hour = nil
        }
    }
}

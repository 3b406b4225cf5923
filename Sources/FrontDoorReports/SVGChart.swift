import Foundation
import FrontDoorAnalysis

/// Small inline SVG charts for the HTML report: no scripts, no fonts from the network, readable
/// in black and white (every series is also labelled in words).
enum SVGChart {
    static let palette = ["#1f5fa8", "#d35400", "#2e8540", "#8e44ad", "#7f6000", "#c0392b"]

    struct Band {
        let name: String
        /// (x, mean, low, high) points in order of x.
        let points: [(x: Double, mean: Double, low: Double, high: Double)]
    }

    /// Lines with shaded 95% bands, one colour per series, x labelled at `ticks`.
    /// `windows` are shaded behind the lines, each labelled at its foot.
    /// `yMaximum` gives charts drawn side by side one scale. Without `fromZero` the axis spans
    /// only the values (said on the axis), so that a small change in a large sum shows. A
    /// `target` is drawn as a dashed line. Each of `marks` is a single point drawn apart from the
    /// lines — a diamond with its interval and its label.
    static func bands(
        _ series: [Band], ticks: [(x: Double, label: String)], yLabel: String, title: String,
        windows: [(from: Double, to: Double, label: String)] = [], yMaximum: Double? = nil, fromZero: Bool = true,
        target: Double? = nil, marks: [(x: Double, mean: Double, low: Double, high: Double, label: String)] = []
    ) -> String {
        let width = 680.0, height = 240.0, left = 56.0, right = 12.0, top = 14.0, bottom = 30.0
        let xs = series.flatMap { $0.points.map(\.x) } + marks.map(\.x)
        let ys =
            series.flatMap { $0.points.flatMap { [$0.low, $0.high] } } + marks.flatMap { [$0.low, $0.high] } + (target.map { [$0] } ?? [])
        guard let xMin = xs.min(), let xMax = xs.max(), xMax > xMin, let yMaxRaw = ys.max(), let yMinRaw = ys.min() else { return "" }
        let yMin = fromZero || yMaxRaw <= yMinRaw ? 0 : yMinRaw - (yMaxRaw - yMinRaw) * 0.1
        let yMax = fromZero ? niceCeiling(max(yMaximum ?? yMaxRaw, yMaxRaw, 1)) : yMaxRaw + (yMaxRaw - yMinRaw) * 0.1
        func px(_ x: Double) -> Double { left + (x - xMin) / (xMax - xMin) * (width - left - right) }
        func py(_ y: Double) -> Double { top + (1 - (y - yMin) / (yMax - yMin)) * (height - top - bottom) }
        var svg = open(width, height, title)
        svg += axes(left: left, right: width - right, top: top, bottom: height - bottom)
        for window in windows {
            let x0 = px(max(window.from, xMin)), x1 = px(min(window.to + 1, xMax))
            svg +=
                "<rect x=\"\(f(x0))\" y=\"\(f(top))\" width=\"\(f(max(x1 - x0, 1)))\" height=\"\(f(height - top - bottom))\" class=\"window\"/>"
            svg +=
                "<text x=\"\(f((x0 + x1) / 2))\" y=\"\(f(height - bottom - 5))\" text-anchor=\"middle\" class=\"tick\">\(HTMLPage.escape(window.label))</text>"
        }
        if let target {
            svg += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(py(target)))\" y2=\"\(f(py(target)))\" class=\"target\"/>"
        }
        for tick in 0...4 {
            let value = yMin + (yMax - yMin) * Double(tick) / 4
            svg +=
                "<text x=\"\(f(left - 6))\" y=\"\(f(py(value) + 4))\" text-anchor=\"end\" class=\"tick\">\(HTMLPage.escape(short(value)))</text>"
            svg += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(py(value)))\" y2=\"\(f(py(value)))\" class=\"grid\"/>"
        }
        // A tick whose label would overlap the one before it (at the ticks' 10px, 6px a
        // character) is left out, so that every label shown can be read.
        var lastEnd = -Double.infinity
        for tick in ticks.sorted(by: { $0.x < $1.x }) {
            let half = Double(tick.label.count) * 3
            guard px(tick.x) - half >= lastEnd + 4 else { continue }
            lastEnd = px(tick.x) + half
            svg +=
                "<text x=\"\(f(px(tick.x)))\" y=\"\(f(height - bottom + 16))\" text-anchor=\"middle\" class=\"tick\">\(HTMLPage.escape(tick.label))</text>"
        }
        svg +=
            "<text x=\"12\" y=\"\(f(top + (height - top - bottom) / 2))\" transform=\"rotate(-90 12 \(f(top + (height - top - bottom) / 2)))\" text-anchor=\"middle\" class=\"tick\">\(HTMLPage.escape(yLabel))</text>"
        for (index, line) in series.enumerated() {
            let colour = palette[index % palette.count]
            let upper = line.points.map { "\(f(px($0.x))),\(f(py($0.high)))" }
            let lower = line.points.reversed().map { "\(f(px($0.x))),\(f(py($0.low)))" }
            svg +=
                "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(colour)\" fill-opacity=\"0.18\" stroke=\"none\"/>"
            svg +=
                "<polyline points=\"\(line.points.map { "\(f(px($0.x))),\(f(py($0.mean)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.6\"/>"
            for point in line.points { svg += "<circle cx=\"\(f(px(point.x)))\" cy=\"\(f(py(point.mean)))\" r=\"3\" fill=\"\(colour)\"/>" }
        }
        for mark in marks {
            let (x, y) = (px(mark.x), py(mark.mean))
            svg += "<line x1=\"\(f(x))\" x2=\"\(f(x))\" y1=\"\(f(py(mark.low)))\" y2=\"\(f(py(mark.high)))\" stroke=\"#222\"/>"
            svg +=
                "<polygon points=\"\(f(x)),\(f(y - 5)) \(f(x + 5)),\(f(y)) \(f(x)),\(f(y + 5)) \(f(x - 5)),\(f(y))\" fill=\"#222\"><title>\(HTMLPage.escape(mark.label))</title></polygon>"
            svg +=
                "<text x=\"\(f(x < width / 2 ? x + 8 : x - 8))\" y=\"\(f(y - 8))\" text-anchor=\"\(x < width / 2 ? "start" : "end")\" class=\"label\">\(HTMLPage.escape(mark.label))</text>"
        }
        svg += legend(series.map(\.name), x: left + 8, y: top + 4)
        return svg + "</svg>"
    }

    /// Horizontal dots with 95% interval whiskers, on a shared axis from 0 to `maximum`; with
    /// `spreads`, a thin line beneath each from its lowest to its highest replication; with a
    /// `target`, a dashed line there.
    static func intervals(
        _ rows: [(label: String, mean: Double, low: Double, high: Double, colour: Int)], maximum: Double,
        format: (Double) -> String, title: String, spreads: [(low: Double, high: Double)]? = nil,
        target: (value: Double, label: String)? = nil, compact: Bool = false,
        tickFormat: ((Double) -> String)? = nil
    ) -> String {
        // Compact: half a page wide, for charts side by side.
        let width = compact ? 400.0 : 680.0, rowHeight = 22.0, right = compact ? 80.0 : 90.0
        let left = labelColumn(rows.map(\.label), minimum: compact ? 150 : 250, width: width)
        let height = Double(rows.count) * rowHeight + 34
        let top = 8.0
        func px(_ x: Double) -> Double { left + min(max(x / maximum, 0), 1) * (width - left - right) }
        var svg = open(width, height, title)
        for tick in 0...4 {
            let value = maximum * Double(tick) / 4
            svg += "<line x1=\"\(f(px(value)))\" x2=\"\(f(px(value)))\" y1=\"\(f(top))\" y2=\"\(f(height - 22))\" class=\"grid\"/>"
            svg +=
                "<text x=\"\(f(px(value)))\" y=\"\(f(height - 8))\" text-anchor=\"middle\" class=\"tick\">\(HTMLPage.escape(tickFormat?(value) ?? format(value)))</text>"
        }
        if let target {
            svg +=
                "<line x1=\"\(f(px(target.value)))\" x2=\"\(f(px(target.value)))\" y1=\"\(f(top))\" y2=\"\(f(height - 22))\" class=\"target\"/>"
            svg += "<title>\(HTMLPage.escape(target.label))</title>"
        }
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight + rowHeight / 2
            let colour = palette[row.colour % palette.count]
            if let spread = spreads?[index] {
                svg +=
                    "<line x1=\"\(f(px(spread.low)))\" x2=\"\(f(px(spread.high)))\" y1=\"\(f(y + 5))\" y2=\"\(f(y + 5))\" stroke=\"\(colour)\" stroke-width=\"0.8\" stroke-opacity=\"0.6\"/>"
            }
            svg += label(row.label, x: left - 8, y: y + 4, room: left - 12)
            svg +=
                "<line x1=\"\(f(px(row.low)))\" x2=\"\(f(px(row.high)))\" y1=\"\(f(y))\" y2=\"\(f(y))\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
            svg += "<circle cx=\"\(f(px(row.mean)))\" cy=\"\(f(y))\" r=\"4\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(f(width - right + 8))\" y=\"\(f(y + 4))\" class=\"value\">\(HTMLPage.escape(format(row.mean)))</text>"
        }
        return svg + "</svg>"
    }

    /// A tornado: for each row (an assumption), a bar from 0 to the change at its low end and one
    /// to the change at its high end, each with its 95% interval, on an axis centred on no change;
    /// a row marked `flips` is drawn in the warning colour. Rows are drawn in the order given.
    static func tornado(
        _ rows: [(label: String, low: Estimate?, high: Estimate?, flips: Bool)], format: (Double) -> String, title: String
    ) -> String {
        let width = 680.0, rowHeight = 30.0, right = 20.0
        let left = labelColumn(rows.map(\.label), minimum: 250, width: width)
        let height = Double(rows.count) * rowHeight + 34, top = 8.0
        let reach = niceCeiling(
            max(rows.flatMap { [$0.low, $0.high].compactMap { $0 }.flatMap { [abs($0.ci95Low), abs($0.ci95High)] } }.max() ?? 1, 1e-9))
        let centre = left + (width - left - right) / 2
        func px(_ x: Double) -> Double { centre + min(max(x / reach, -1), 1) * (width - left - right) / 2 }
        var svg = open(width, height, title)
        for tick in -2...2 {
            let value = reach * Double(tick) / 2
            svg += "<line x1=\"\(f(px(value)))\" x2=\"\(f(px(value)))\" y1=\"\(f(top))\" y2=\"\(f(height - 22))\" class=\"grid\"/>"
            svg +=
                "<text x=\"\(f(px(value)))\" y=\"\(f(height - 8))\" text-anchor=\"middle\" class=\"tick\">\(HTMLPage.escape(format(value)))</text>"
        }
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            svg += label(row.label, x: left - 8, y: y + rowHeight / 2 + 4, room: left - 12)
            for (offset, end) in [(0.0, row.low), (rowHeight / 2, row.high)] {
                guard let end else { continue }
                let colour = row.flips ? "#c0392b" : palette[offset == 0 ? 0 : 1]
                let x0 = px(min(0, end.mean)), x1 = px(max(0, end.mean)), barY = y + offset + 3
                svg +=
                    "<rect x=\"\(f(x0))\" y=\"\(f(barY))\" width=\"\(f(max(x1 - x0, 0.5)))\" height=\"\(f(rowHeight / 2 - 6))\" fill=\"\(colour)\">"
                    + "<title>\(offset == 0 ? "low" : "high") end: \(HTMLPage.escape(format(end.mean))) (\(HTMLPage.escape(format(end.ci95Low))) to "
                    + "\(HTMLPage.escape(format(end.ci95High))))</title></rect>"
                let whiskerY = barY + (rowHeight / 2 - 6) / 2
                svg +=
                    "<line x1=\"\(f(px(end.ci95Low)))\" x2=\"\(f(px(end.ci95High)))\" y1=\"\(f(whiskerY))\" y2=\"\(f(whiskerY))\" stroke=\"#222\" stroke-width=\"1\"/>"
            }
        }
        return svg + "</svg>"
    }

    /// Horizontal bars from 0, labelled with their values.
    static func bars(
        _ rows: [(label: String, value: Double, colour: Int)], format: (Double) -> String, title: String, maximum: Double? = nil
    ) -> String {
        let width = 680.0, rowHeight = 20.0, right = 110.0
        let left = labelColumn(rows.map(\.label), minimum: 250, width: width)
        let height = Double(rows.count) * rowHeight + 12
        let top = 6.0
        let top1 = maximum ?? niceCeiling(max(rows.map(\.value).max() ?? 1, 1e-9))
        var svg = open(width, height, title)
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            let w = max(0, min(row.value / top1, 1)) * (width - left - right)
            svg += label(row.label, x: left - 8, y: y + 13, room: left - 12)
            svg +=
                "<rect x=\"\(f(left))\" y=\"\(f(y + 3))\" width=\"\(f(w))\" height=\"\(f(rowHeight - 6))\" fill=\"\(palette[row.colour % palette.count])\"/>"
            svg += "<text x=\"\(f(left + w + 6))\" y=\"\(f(y + 13))\" class=\"value\">\(HTMLPage.escape(format(row.value)))</text>"
        }
        return svg + "</svg>"
    }

    /// One 100% bar per row, split into named parts, with a legend.
    static func stacked(_ rows: [(label: String, parts: [Double])], partNames: [String], title: String) -> String {
        let width = 680.0, rowHeight = 26.0, left = 250.0, right = 20.0, top = 30.0
        let height = top + Double(rows.count) * rowHeight + 8
        var svg = open(width, height, title)
        svg += legend(partNames, x: 10, y: 4, horizontal: true)
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            let total = max(row.parts.reduce(0, +), 1e-12)
            var x = left
            svg += label(row.label, x: left - 8, y: y + 16, room: left - 12)
            for (part, value) in row.parts.enumerated() {
                let w = value / total * (width - left - right)
                svg +=
                    "<rect x=\"\(f(x))\" y=\"\(f(y + 3))\" width=\"\(f(w))\" height=\"\(f(rowHeight - 6))\" fill=\"\(palette[part % palette.count])\"/>"
                if w > 34 {
                    svg +=
                        "<text x=\"\(f(x + w / 2))\" y=\"\(f(y + 17))\" text-anchor=\"middle\" class=\"inbar\">\(Int((value / total * 100).rounded()))%</text>"
                }
                x += w
            }
        }
        return svg + "</svg>"
    }

    /// Horizontal stacked bars on one scale from 0 (so rows compare by length), each part
    /// labelled in the bar where it is wide enough and the row's total at its end; the legend
    /// wraps onto as many lines as it needs. Parts every row lacks are left out.
    static func stackedAmounts(
        _ rows: [(label: String, parts: [Double])], parts: [(name: String, colour: String, opacity: Double)], title: String,
        format: (Double) -> String
    ) -> String {
        let used = parts.indices.filter { part in rows.contains { $0.parts[part] > 0 } }
        let width = 680.0, rowHeight = 26.0, left = 160.0, right = 70.0
        // The legend, wrapped: about 6 pixels a character at its 10px.
        var legendItems: [(x: Double, line: Int, part: Int)] = []
        var cursor = 10.0, line = 0
        for part in used {
            let itemWidth = 14 + Double(parts[part].name.count) * 6 + 12
            if cursor + itemWidth > width - 10 && cursor > 10 {
                cursor = 10
                line += 1
            }
            legendItems.append((cursor, line, part))
            cursor += itemWidth
        }
        let top = 8 + Double(line + 1) * 16 + 6
        let height = top + Double(rows.count) * rowHeight + 8
        let largest = max(rows.map { $0.parts.reduce(0, +) }.max() ?? 1, 1e-9)
        var svg = open(width, height, title)
        for item in legendItems {
            let y = 4 + Double(item.line) * 16
            svg +=
                "<rect x=\"\(f(item.x))\" y=\"\(f(y))\" width=\"10\" height=\"10\" fill=\"\(parts[item.part].colour)\" fill-opacity=\"\(f(parts[item.part].opacity))\"/>"
            svg += "<text x=\"\(f(item.x + 14))\" y=\"\(f(y + 9))\" class=\"tick\">\(HTMLPage.escape(parts[item.part].name))</text>"
        }
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            var x = left
            svg += label(row.label, x: left - 8, y: y + 16, room: left - 12)
            for part in used where row.parts[part] > 0 {
                let w = row.parts[part] / largest * (width - left - right)
                svg +=
                    "<rect x=\"\(f(x))\" y=\"\(f(y + 3))\" width=\"\(f(w))\" height=\"\(f(rowHeight - 6))\" fill=\"\(parts[part].colour)\" fill-opacity=\"\(f(parts[part].opacity))\">"
                    + "<title>\(HTMLPage.escape(parts[part].name)): \(HTMLPage.escape(format(row.parts[part])))</title></rect>"
                if w > 40 {
                    svg +=
                        "<text x=\"\(f(x + w / 2))\" y=\"\(f(y + 17))\" text-anchor=\"middle\" class=\"inbar\">\(HTMLPage.escape(format(row.parts[part])))</text>"
                }
                x += w
            }
            svg += "<text x=\"\(f(x + 6))\" y=\"\(f(y + 17))\" class=\"value\">\(HTMLPage.escape(format(row.parts.reduce(0, +))))</text>"
        }
        return svg + "</svg>"
    }

    // MARK: - Pieces

    static func open(_ width: Double, _ height: Double, _ title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(HTMLPage.escape(title))\" class=\"chart\"><title>\(HTMLPage.escape(title))</title>"
    }

    static func axes(left: Double, right: Double, top: Double, bottom: Double) -> String {
        "<line x1=\"\(f(left))\" x2=\"\(f(left))\" y1=\"\(f(top))\" y2=\"\(f(bottom))\" class=\"axis\"/>"
            + "<line x1=\"\(f(left))\" x2=\"\(f(right))\" y1=\"\(f(bottom))\" y2=\"\(f(bottom))\" class=\"axis\"/>"
    }

    static func legend(_ names: [String], x: Double, y: Double, horizontal: Bool = false) -> String {
        var svg = ""
        var cursor = x
        for (index, name) in names.enumerated() {
            let ly = horizontal ? y : y + Double(index) * 16
            let lx = horizontal ? cursor : x
            svg += "<rect x=\"\(f(lx))\" y=\"\(f(ly))\" width=\"10\" height=\"10\" fill=\"\(palette[index % palette.count])\"/>"
            svg += "<text x=\"\(f(lx + 14))\" y=\"\(f(ly + 9))\" class=\"tick\">\(HTMLPage.escape(name))</text>"
            cursor += 22 + Double(name.count) * 5.6
        }
        return svg
    }

    /// The next "nice" number (1, 2 or 5 × a power of ten) at or above `x`.
    static func niceCeiling(_ x: Double) -> Double {
        let power = pow(10, floor(log10(x)))
        for step in [1.0, 2, 2.5, 5, 10] where step * power >= x { return step * power }
        return 10 * power
    }

    static func short(_ x: Double) -> String {
        if abs(x) >= 1_000_000 { return String(format: "%.3gm", x / 1_000_000) }
        if abs(x) >= 10_000 { return String(format: "%.3gk", x / 1000) }
        if abs(x) >= 10 || x == x.rounded() { return String(Int(x.rounded())) }
        return String(format: "%.2g", x)
    }

    static func f(_ x: Double) -> String { String(format: "%.1f", x) }

    /// The width of the column of row labels: wide enough for the longest label at the labels'
    /// 11px (allowing 6.6px a character, wider than the average letter), from `minimum` up to
    /// just over half the chart's `width`.
    static func labelColumn(_ labels: [String], minimum: Double, width: Double) -> Double {
        max(minimum, min(Double(labels.map(\.count).max() ?? 0) * 6.6 + 12, width * 0.55))
    }

    /// A row's label, right-aligned at `x`: whole on one line where it fits `room`, else on two
    /// lines broken at a space, hyphen or @ near its middle — never cut. The whole label is also
    /// the element's title.
    static func label(_ text: String, x: Double, y: Double, room: Double) -> String {
        let open = "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"end\" class=\"label\"><title>\(HTMLPage.escape(text))</title>"
        guard Double(text.count) * 6.6 > room, text.count > 1 else { return open + HTMLPage.escape(text) + "</text>" }
        let characters = Array(text)
        let breaks = characters.indices.dropFirst().filter { [" ", "-", "@"].contains(characters[$0]) }
        let middle = characters.count / 2
        let at = breaks.min { abs($0 - middle) < abs($1 - middle) } ?? middle
        let first = String(characters[..<at]).trimmingCharacters(in: .whitespaces)
        let second = String(characters[at...]).trimmingCharacters(in: .whitespaces)
        return open + "<tspan x=\"\(f(x))\" dy=\"-0.45em\">\(HTMLPage.escape(first))</tspan>"
            + "<tspan x=\"\(f(x))\" dy=\"1.1em\">\(HTMLPage.escape(second))</tspan></text>"
    }
}

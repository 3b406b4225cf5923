/// The one skeleton of every HTML page the tool writes — the run and comparison report, the
/// sweep, sizing and calibration pages: the head, the stylesheet, the body.
///
/// ```swift
/// let html = HTMLPage.document(title: "Sizing mash", body: "<h1>Sizing</h1>")
/// HTMLPage.escape("A & B")     // "A &amp; B"
/// ```
public enum HTMLPage {
    /// A whole page: `title` (escaped here) over `body` (HTML as it is).
    public static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// Text made safe for HTML and SVG.
    public static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The stylesheet, written into each page so that a page is one file that prints on A4.
    static let style = """
        body{font-family:Georgia,'Times New Roman',serif;color:#1b1b1b;max-width:760px;margin:2em auto;padding:0 1em;line-height:1.45}
        h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;border-bottom:1px solid #999;margin-top:1.8em}h3{font-size:1.05em}
        .meta,.note,.ci{color:#555;font-size:.9em}.summary li{margin:.4em 0}
        table{border-collapse:collapse;width:100%;font-size:.85em;margin:.6em 0}th,td{border-bottom:1px solid #ddd;padding:.3em .4em;text-align:left;vertical-align:top}
        th{background:#f2f2f2}table.compact{width:auto;min-width:60%}
        figure{margin:1em 0;break-inside:avoid}.glance{display:grid;grid-template-columns:repeat(auto-fit,minmax(20em,1fr));gap:0 1.2em}.glance figure{margin:.3em 0}figcaption{font-size:.9em;color:#333;margin:.2em 0}
        svg.chart{width:100%;height:auto;font-family:Arial,Helvetica,sans-serif}svg.heat{max-width:520px}
        svg .tick{font-size:10px;fill:#444}svg .label{font-size:11px;fill:#222}svg .value{font-size:11px;fill:#222}svg .inbar{font-size:10px;fill:#fff}
        .changes{background:#fff8e1;border-left:4px solid #b8860b;padding:.3em .6em}.flag{color:#a4002d;font-weight:600}svg .target{stroke:#a4002d;stroke-width:1.4;stroke-dasharray:4 3}svg .axis{stroke:#333;stroke-width:1}svg .grid{stroke:#ddd;stroke-width:.6}svg .window{fill:#999;fill-opacity:.15}
        .warning{border:2px solid #c0392b;padding:.6em;margin:1em 0;background:#fdf2f0}td.n{text-align:right}
        code{font-size:.9em}.hash{color:#666;font-family:monospace}.pathway{font-family:Arial,Helvetica,sans-serif;font-size:.9em}
        @page{size:A4;margin:18mm}
        @media print{body{margin:0;max-width:none;font-size:10.5pt}section{break-inside:auto}h2{break-after:avoid}table,figure{break-inside:avoid}}
        """
}

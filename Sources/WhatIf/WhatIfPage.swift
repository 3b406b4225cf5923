import Foundation

/// The what-if page: one self-contained file (no script, style or font from the network), put
/// together from the package's resources `what-if.html`, `what-if.css` and `what-if.js`. Its
/// controls post the changes to the server, which runs them on the same seeds as the design as
/// it is and answers with both sets of figures and their paired differences.
enum WhatIfPage {
    /// The page whose resources could not be read, and why.
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// The page, with its stylesheet and script written into it.
    ///
    /// - Throws: ``Missing`` when a resource is not beside the program (a copy of the binary
    ///   moved without its `frontdoor_WhatIf.resources` folder).
    static func html() throws(Missing) -> String {
        func resource(_ name: String, _ type: String) throws(Missing) -> String {
            guard let url = Bundle.module.url(forResource: name, withExtension: type) else {
                throw Missing(description: "the what-if page's \(name).\(type) is not in the program's resources")
            }
            do {
                return try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw Missing(description: "the what-if page's \(url.path) could not be read: \(error.localizedDescription)")
            }
        }
        return try resource("what-if", "html")
            .replacingOccurrences(of: "{{style}}", with: resource("what-if", "css"))
            .replacingOccurrences(of: "{{script}}", with: resource("what-if", "js"))
    }
}

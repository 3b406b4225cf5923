import Foundation
import FrontDoorTestSupport
import Testing

/// `frontdoor serve` as a committee officer and a hostile page would meet it: a real server
/// process, raw requests, and headless Chromium driven through WebDriver.
@Suite(.serialized) struct ServeTests {
    /// A running `frontdoor serve`, stopped when dropped.
    final class Server {
        var process = Process()
        let port: Int
        let output: String

        init(_ scenarios: [String]) throws {
            output = FileManager.default.temporaryDirectory.appendingPathComponent("frontdoor-serve-\(UUID().uuidString)").path
            var port = 0
            for attempt in 0..<5 {
                let candidate = 20_000 + Int(ProcessInfo.processInfo.processIdentifier) % 20_000 + attempt * 97
                process = Process()
                process.executableURL = Frontdoor.executable
                process.arguments =
                    ["serve"] + scenarios + ["--port", String(candidate), "--jobs", "2", "--replications", "3", "--output", output]
                process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                if Self.waitForAnswer(port: candidate) {
                    port = candidate
                    break
                }
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
            guard port != 0 else { throw URLError(.cannotConnectToHost) }
            self.port = port
        }

        deinit {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            try? FileManager.default.removeItem(atPath: output)
        }

        static func waitForAnswer(port: Int) -> Bool {
            for _ in 0..<100 {
                if let reply = RawHTTP.send("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n", port: port),
                    reply.hasPrefix("HTTP/1.1 200")
                {
                    return true
                }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return false
        }
    }

    @Test func hostileAndMalformedRequestsGetA4xxAndTheServerCarriesOn() throws {
        let server = try Server(["Scenarios/peterborough.yaml"])
        let port = server.port
        func status(_ request: String) -> Int? {
            RawHTTP.send(request, port: port).flatMap { Int($0.dropFirst(9).prefix(3)) }
        }
        let host = "Host: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        #expect(status("GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n") == 403)
        #expect(status("GET /api/designs HTTP/1.1\r\n\(host)Origin: http://evil.example\r\n\r\n") == 403)
        var generator = SystemRandomNumberGenerator()
        let paths = ["/", "/api/run", "/api/save", "/api/report", "/api/designs", "/api/progress", "/../etc/passwd", "/%00", "/api/run?x=1"]
        let bodies = [
            "", "{", "null", "[]", "{\"design\": 99}", "{\"replications\": 1e9}", "{\"people\": {\"team_managers\": \"many\"}}",
            "{\"people\": {\"../../x\": 1}}", "{\"phoneHours\": {\"x\": \"09:00-17:00\"}}", "{\"fatigue\": \"danziger\"}",
            "{\"demand\": {\"police\": -1000}}", "{\"shocksOff\": [\"nothing\"]}", String(repeating: "a", count: 70_000),
            "{\"vacant\": {\"team_managers\": 5}}", "{\"replications\": 1}"
        ]
        var served = 0
        for index in 0..<240 {
            let method = ["GET", "POST", "PUT", "DELETE", "POST"][index % 5]
            let path = paths[Int.random(in: 0..<paths.count, using: &generator)]
            let body = bodies[index % bodies.count]
            var request =
                "\(method) \(path) HTTP/1.1\r\n\(host)Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
            if index % 17 == 0 { request = String(request.prefix(index % 40)) } // cut short
            if index % 23 == 0 { request = "GARBAGE \u{1}\u{2}\r\n\r\n" }
            if let code = status(request) {
                served += 1
                #expect(code < 500, "\(method) \(path) \(body.prefix(40)): \(code)")
            }
        }
        #expect(served > 150)
        #expect(server.process.isRunning)
        #expect(status("GET /api/designs HTTP/1.1\r\n\(host)\r\n") == 200)
        // Nothing was written outside the output folder, and nothing in it but saved what-ifs.
        let written = (try? FileManager.default.contentsOfDirectory(atPath: server.output)) ?? []
        #expect(written.allSatisfy { $0.hasSuffix(".yaml") })
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let chromedriver = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(
        .enabled(
            if: (chromium != nil && chromedriver != nil) || ProcessInfo.processInfo.environment["CI"] != nil,
            "chromium and chromium-driver are not installed"))
    func movingAControlChangesTheFiguresAndTheSavedWhatIfReproducesThem() throws {
        let server = try Server(["Scenarios/peterborough.yaml"])
        let driver = try WebDriver(chromedriver: try #require(Self.chromedriver), chromium: try #require(Self.chromium))
        defer { driver.quit() }
        try driver.open("http://127.0.0.1:\(server.port)/")
        try driver.waitUntil("return document.querySelector('#status').textContent.startsWith('Ready: 3 replications')")
        let measure = "return document.querySelector('tr[data-measure=\"decided_within_3wd\"]').dataset."
        let before = try #require(Double(try driver.script(measure + "whatif")))
        try driver.type("#people-team_managers", "2")
        try driver.waitUntil(
            "return document.querySelector('#status').dataset.state === 'ready' && "
                + "document.querySelector('tr[data-measure=\"decided_within_3wd\"]').dataset.whatif !== '\(before)'")
        let after = try #require(Double(try driver.script(measure + "whatif")))
        let start = try #require(Double(try driver.script(measure + "start")))
        #expect(after > before + 0.05 && start == before, "one manager \(before), two \(after)")
        try driver.click("#save")
        try driver.waitUntil("return document.querySelector('#saved-path') !== null")
        let saved = try driver.script("return document.querySelector('#saved-path').textContent")
        let run = try runProcess(Frontdoor.executable, ["run", saved, "--replications", "3", "--seed", "1", "--json", "--no-report"])
        #expect(run.status == 0, "\(run.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let measures = try #require(object["measures"] as? [[String: Any]])
        let figure = try #require(measures.first { $0["name"] as? String == "decided_within_3wd" }?["mean"] as? Double)
        #expect(abs(figure - after) < 1e-12, "the saved what-if gives \(figure), the page showed \(after)")
        // With the server gone, the next change says so instead of running for ever.
        kill(server.process.processIdentifier, SIGKILL)
        server.process.waitUntilExit()
        try driver.type("#people-team_managers", "3")
        try driver.waitUntil(
            "return document.querySelector('#status').dataset.state === 'error' && "
                + "document.querySelector('#status').textContent.includes('no answer from frontdoor serve')")
    }
}

/// One HTTP request over a plain socket, as written (so that malformed ones can be sent too);
/// the reply, or nil when the server closed without one.
enum RawHTTP {
    static func send(_ request: String, port: Int, timeout: Double = 20, halfClose: Bool = true) -> String? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var limit = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if halfClose { shutdown(fd, Int32(SHUT_WR)) }
        var reply = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            reply += buffer[0..<n]
            if reply.count > 4_000_000 || complete(reply) { break }
        }
        return reply.isEmpty ? nil : String(decoding: reply, as: UTF8.self)
    }
}

extension RawHTTP {
    /// Whether a reply is whole by its own account (a server may keep the connection open).
    static func complete(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return false }
        let head = text[..<split.lowerBound].lowercased()
        let body = text[split.upperBound...]
        if head.contains("transfer-encoding: chunked") { return body.hasSuffix("0\r\n\r\n") }
        guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
            let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        else { return false }
        return body.utf8.count >= length
    }
}

/// A small WebDriver client for headless Chromium through chromedriver.
final class WebDriver {
    var driver = Process()
    var base = ""
    var session = ""

    init(chromedriver: String, chromium: String) throws {
        // A loaded machine may take a while to start chromedriver; a port already taken ends it
        // at once, and the next is tried.
        for attempt in 0..<5 where base.isEmpty {
            let port = 40_000 + (Int(ProcessInfo.processInfo.processIdentifier) + attempt * 101) % 10_000
            driver = Process()
            driver.executableURL = URL(fileURLWithPath: chromedriver)
            driver.arguments = ["--port=\(port)"]
            driver.standardOutput = FileHandle.nullDevice
            driver.standardError = FileHandle.nullDevice
            try driver.run()
            base = "http://127.0.0.1:\(port)"
            let deadline = Date().addingTimeInterval(60)
            var ready = false
            while !ready && driver.isRunning && Date() < deadline {
                ready = (try? call("GET", "/status")).flatMap { ($0["value"] as? [String: Any])?["ready"] as? Bool } == true
                if !ready { Thread.sleep(forTimeInterval: 0.1) }
            }
            if !ready {
                if driver.isRunning { kill(driver.processIdentifier, SIGKILL) }
                driver.waitUntilExit()
                base = ""
            }
        }
        guard !base.isEmpty else { throw URLError(.cannotConnectToHost) }
        let reply = try call(
            "POST", "/session",
            [
                "capabilities": [
                    "alwaysMatch": [
                        "browserName": "chrome",
                        "goog:chromeOptions": [
                            "binary": chromium, "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
                        ]
                    ]
                ]
            ])
        session = ((reply["value"] as? [String: Any])?["sessionId"] as? String) ?? ""
        guard !session.isEmpty else { throw URLError(.cannotConnectToHost) }
    }

    func quit() {
        _ = try? call("DELETE", "/session/\(session)")
        if driver.isRunning { kill(driver.processIdentifier, SIGKILL) }
        driver.waitUntilExit()
    }

    func open(_ url: String) throws { _ = try call("POST", "/session/\(session)/url", ["url": url]) }

    /// What the script returns, as JSON reads it.
    func evaluate(_ source: String) throws -> Any? {
        try call("POST", "/session/\(session)/execute/sync", ["script": source, "args": []])["value"]
    }

    func script(_ source: String) throws -> String { try evaluate(source).map { "\($0)" } ?? "" }

    /// Waits until `condition` holds in the page for as long as the page's status line keeps
    /// changing: a run on a loaded machine shows its replications coming in, a stuck page shows
    /// nothing. Fails at once when the page shows an error, after `stall` seconds without a
    /// change, or after `ceiling` seconds in all.
    func waitUntil(_ condition: String, stall: Double = 150, ceiling: Double = 540) throws {
        let start = Date()
        var status = "", changed = start
        while Date().timeIntervalSince(start) < ceiling {
            // The condition, the status line and its state read in one go, so that they agree.
            let reading =
                try evaluate(
                    """
                    const holds = (() => { \(condition) })(), line = document.querySelector('#status');
                    return [holds === true, line.textContent, line.dataset.state || ''];
                    """) as? [Any] ?? []
            guard reading.count == 3, let holds = reading[0] as? Bool, let now = reading[1] as? String, let state = reading[2] as? String
            else {
                throw WaitFailure(condition: condition, status: "(unreadable: \(reading))", seconds: Date().timeIntervalSince(start))
            }
            if holds { return }
            if now != status {
                status = now
                changed = Date()
            }
            if state == "error" || Date().timeIntervalSince(changed) > stall { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
        throw WaitFailure(condition: condition, status: status, seconds: Date().timeIntervalSince(start))
    }

    struct WaitFailure: Error, CustomStringConvertible {
        let condition: String, status: String, seconds: Double
        var description: String { "after \(Int(seconds)) s the page's status read \"\(status)\" and this still did not hold: \(condition)" }
    }

    func element(_ selector: String) throws -> String {
        let value = try call("POST", "/session/\(session)/element", ["using": "css selector", "value": selector])["value"] as? [String: Any]
        return (value?.values.first as? String) ?? ""
    }

    func type(_ selector: String, _ text: String) throws {
        let id = try element(selector)
        _ = try call("POST", "/session/\(session)/element/\(id)/clear", [:])
        _ = try call("POST", "/session/\(session)/element/\(id)/value", ["text": text])
    }

    func click(_ selector: String) throws { _ = try call("POST", "/session/\(session)/element/\(try element(selector))/click", [:]) }

    func call(_ method: String, _ path: String, _ body: [String: Any]? = nil) throws -> [String: Any] {
        let payload = try body.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) } ?? ""
        let port = Int(base.split(separator: ":").last!)!
        let request =
            "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(payload.utf8.count)\r\nConnection: close\r\n\r\n\(payload)"
        guard let reply = RawHTTP.send(request, port: port, timeout: 60, halfClose: false), let split = reply.range(of: "\r\n\r\n") else {
            throw CocoaError(.fileReadUnknown)
        }
        var text = String(reply[split.upperBound...])
        if reply[..<split.lowerBound].lowercased().contains("transfer-encoding: chunked") {
            var decoded = "", rest = Substring(text)
            while let line = rest.range(of: "\r\n"), let size = Int(rest[..<line.lowerBound], radix: 16), size > 0 {
                let start = rest.utf8.index(line.upperBound, offsetBy: 0)
                let end = rest.utf8.index(start, offsetBy: size)
                decoded += String(rest[start..<end])
                rest = rest[end...].dropFirst(2)
            }
            text = decoded
        }
        return (try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
    }
}

import Foundation
import Hummingbird
import Logging
import NIOCore

/// The local web server behind the what-if page: on 127.0.0.1 only, refusing requests that name
/// another host or come from another origin, with small bodies, and answering every malformed
/// request with a 4xx status rather than failing.
///
/// ```swift
/// let session = try WhatIfSession(paths: ["Scenarios/mash.yaml"], seed: 1, jobs: 2, version: "0.2.0", outputFolder: "Output/what-if")
/// try await WhatIfServer.run(session: session, port: 8080) { address in print(address) }
/// ```
public enum WhatIfServer {
    /// The largest request body accepted.
    static let bodyLimit = 64 * 1024

    public static func run(session: WhatIfSession, port: Int, ready: @escaping @Sendable (String) -> Void) async throws {
        let page = try WhatIfPage.html()
        let router = Router()
        let origin = OriginGuard(port: port)
        router.add(middleware: origin)
        router.get("/") { _, _ in html(page) }
        router.get("/api/designs") { _, _ in
            do { return try json(await session.describe()) } catch { return problem(.unprocessableContent, "design", "\(error)") }
        }
        router.get("/api/progress") { _, _ in
            let (done, expected) = await session.currentProgress()
            return try json(["done": done, "expected": expected])
        }
        router.post("/api/run") { request, _ in
            guard let controls = try? await decode(request) else { return problem(.badRequest, "request", "expected the controls as JSON") }
            do {
                guard let result = try await session.run(controls) else { return problem(.conflict, "run", "superseded by a newer change") }
                return try json(result)
            } catch let error as WhatIfControls.Problem { return problem(.unprocessableContent, error.control, error.message) }
        }
        router.post("/api/save") { request, _ in
            guard let controls = try? await decode(request) else { return problem(.badRequest, "request", "expected the controls as JSON") }
            do {
                let saved = try await session.save(controls)
                return try json(["path": saved.path, "text": saved.text])
            } catch let error as WhatIfControls.Problem { return problem(.unprocessableContent, error.control, error.message) }
        }
        router.post("/api/report") { request, _ in
            guard let controls = try? await decode(request) else { return problem(.badRequest, "request", "expected the controls as JSON") }
            do {
                guard let report = try await session.report(controls) else {
                    return problem(.conflict, "run", "superseded by a newer change")
                }
                var response = html(report)
                response.headers[.contentDisposition] = "attachment; filename=\"report.html\""
                return response
            } catch let error as WhatIfControls.Problem { return problem(.unprocessableContent, error.control, error.message) }
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { _ in ready("http://127.0.0.1:\(port)/") },
            logger: Self.quietLogger)
        try await app.runService()
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "frontdoor-serve")
        logger.logLevel = .critical
        return logger
    }

    static func decode(_ request: Request) async throws -> WhatIfControls {
        var request = request
        let body = try await request.collectBody(upTo: bodyLimit)
        return try JSONDecoder().decode(WhatIfControls.self, from: Data(buffer: body))
    }

    static func html(_ text: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                .contentSecurityPolicy: "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return Response(
            status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    static func problem(_ status: HTTPResponse.Status, _ control: String, _ message: String) -> Response {
        let body = (try? JSONEncoder().encode(WhatIfControls.Problem(control: control, message: message))) ?? Data()
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// Refuses a request whose Host is not this server's loopback address, or whose Origin (sent by
/// browsers on cross-site requests) is another site's: the page is for this machine only.
struct OriginGuard: RouterMiddleware {
    typealias Context = BasicRequestContext
    let hosts: Set<String>
    let origins: Set<String>

    init(port: Int) {
        hosts = ["127.0.0.1:\(port)", "localhost:\(port)"]
        origins = Set(hosts.map { "http://" + $0 })
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let host = request.head.authority, hosts.contains(host.lowercased()) else {
            return WhatIfServer.problem(.forbidden, "request", "this page answers only on its own address")
        }
        if let origin = request.headers[.origin], !origins.contains(origin.lowercased()) {
            return WhatIfServer.problem(.forbidden, "request", "requests from other sites are refused")
        }
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            return WhatIfServer.problem(error.status, "request", error.status.reasonPhrase)
        } catch {
            return WhatIfServer.problem(.badRequest, "request", "the request could not be read")
        }
    }
}

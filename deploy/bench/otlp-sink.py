# A stand-in OTLP/HTTP collector for deploy/bench/observability-cost.sh: accepts POST /v1/traces on 127.0.0.1:14318,
# answers 200, prints the batches and bytes received to stderr.
# a stand-in OTLP/HTTP collector: accepts POST /v1/traces, counts bytes, answers 200 with an empty protobuf body
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    n = 0; b = 0
    def do_POST(self):
        l = int(self.headers.get('Content-Length', 0)); self.rfile.read(l)
        H.n += 1; H.b += l
        self.send_response(200); self.send_header('Content-Type', 'application/x-protobuf'); self.send_header('Content-Length', '0'); self.end_headers()
        sys.stderr.write(f"batch {H.n} bytes {H.b}\n"); sys.stderr.flush()
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(('127.0.0.1', 14318), H).serve_forever()

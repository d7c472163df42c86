import Foundation

/// nginx as the ceiling of `homeprice bench serve`: a private configuration in its own folder
/// (no root-wide files, no access log) answering every request with a fixed JSON body.
enum NginxReference {
    /// Writes `nginx.conf` into `folder` for `workers` worker processes on
    /// 127.0.0.1:`port`; start it with `nginx -p FOLDER -c nginx.conf -e error.log`.
    static func prepare(folder: URL, port: Int, workers: Int, body: Data) throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("temp"), withIntermediateDirectories: true)
        let configuration = """
            daemon off;
            worker_processes \(workers);
            pid nginx.pid;
            error_log error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                keepalive_requests 1000000;
                client_body_temp_path temp/body;
                proxy_temp_path temp/proxy;
                fastcgi_temp_path temp/fastcgi;
                uwsgi_temp_path temp/uwsgi;
                scgi_temp_path temp/scgi;
                server {
                    listen 127.0.0.1:\(port);
                    location / {
                        default_type application/json;
                        return 200 '\(String(decoding: body, as: UTF8.self).replacingOccurrences(of: "'", with: "\\'"))';
                    }
                }
            }

            """
        try configuration.write(to: folder.appendingPathComponent("nginx.conf"), atomically: true, encoding: .utf8)
    }
}

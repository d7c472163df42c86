-- wrk script of `homeprice bench serve`: every request POSTs the JSON body of the file named
-- after `--` (or, with `GET` after it, GETs the URL without a body), and the run ends with one
-- JSON line of figures (latencies in microseconds; status errors are wrk's count of answers
-- with a status of 400 or more).
--   wrk -t2 -c64 -d10s -s serve_load.lua http://127.0.0.1:PORT/v1/predictions -- body.json
--   wrk -t2 -c64 -d10s -s serve_load.lua http://127.0.0.1:PORT/health -- body.json GET

function init(args)
    if args[2] == "GET" then
        wrk.method = "GET"
        return
    end
    local file = assert(io.open(args[1], "rb"))
    wrk.method = "POST"
    wrk.body = file:read("*a")
    wrk.headers["Content-Type"] = "application/json"
    file:close()
end

function done(summary, latency, requests)
    local errors = summary.errors
    io.write(string.format(
        '{"requests":%d,"durationMicroseconds":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,'
            .. '"statusErrors":%d,"timeouts":%d,"p50Microseconds":%d,"p99Microseconds":%d}\n',
        summary.requests, summary.duration, errors.connect, errors.read, errors.write, errors.status, errors.timeout,
        latency:percentile(50), latency:percentile(99)))
end

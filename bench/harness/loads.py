"""Load generators: wrk for HTTP, the Java WebSocket load client for echo, idle memory and broadcast."""
import json
import re
import subprocess

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def wrk(port, path, seconds, connections=64, threads=2):
    """Requests/s and p99 latency (ms) of GET path, from wrk --latency."""
    out = subprocess.run(
        ["wrk", "-t%d" % threads, "-c%d" % connections, "-d%ds" % seconds, "--latency", "--timeout", "5s",
         "http://127.0.0.1:%d%s" % (port, path)],
        capture_output=True, text=True, timeout=seconds + 30, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)", out)
    return {"rps": rps, "p99_ms": float(p99.group(1)) * UNITS[p99.group(2)] if p99 else None,
            "errors": errors.group(0) if errors else None}


class WsLoad:
    """The Java load client in the bench jar (io.jornado.bench.WsLoad)."""

    def __init__(self, java, jar):
        self.java = java
        self.jar = jar

    def run(self, mode, timeout, **options):
        argv = [self.java, "-Xss512k", "-Dvertx.disableDnsResolver=true", "-cp", self.jar, "io.jornado.bench.WsLoad", mode]
        argv += ["--%s=%s" % (k.replace("_", "-"), v) for k, v in options.items()]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
        lines = [l for l in done.stdout.splitlines() if l.startswith("{")]
        if done.returncode != 0 or not lines:
            raise RuntimeError("WsLoad %s failed (%s): %s" % (mode, done.returncode, done.stderr[-2000:]))
        return json.loads(lines[-1])

"""Tables, ratios and the results section of docs/benchmarks.md."""
import re

METRICS = [
    # key, label, better ("higher"/"lower"), unit
    ("http_root_rps", "HTTP GET / (req/s)", "higher", "{:,.0f}"),
    ("http_root_p99_ms", "HTTP GET / p99 (ms)", "lower", "{:.2f}"),
    ("http_json_rps", "HTTP GET /json (req/s)", "higher", "{:,.0f}"),
    ("http_json_p99_ms", "HTTP GET /json p99 (ms)", "lower", "{:.2f}"),
    ("http_root_per_core", "HTTP GET / per server core (req/s per core)", "higher", "{:,.0f}"),
    ("http_json_per_core", "HTTP GET /json per server core (req/s per core)", "higher", "{:,.0f}"),
    ("echo_rps", "WebSocket echo, 64 conns (round-trips/s)", "higher", "{:,.0f}"),
    ("echo_per_core", "WebSocket echo per server core (round-trips/s per core)", "higher", "{:,.0f}"),
    ("echo_p99_us", "WebSocket echo p99 (us)", "lower", "{:,.0f}"),
    ("broadcast_p50_us", "Broadcast arrival p50 (us)", "lower", "{:,.0f}"),
    ("broadcast_p99_us", "Broadcast arrival p99 (us)", "lower", "{:,.0f}"),
    ("idle_kib_per_conn", "Idle WebSocket memory (KiB/conn)", "lower", "{:.1f}"),
    ("startup_ms", "Startup to first 200 (ms)", "lower", "{:,.0f}"),
]
SERVERS = [("vertx", "raw Vert.x"), ("jornado", "Jornado"), ("tornado", "Tornado")]


def value(results, loops, server, key):
    return results.get(str(loops), {}).get(server, {}).get(key, {}).get("value")


def fmt(fmt_spec, v):
    return "n/a" if v is None else fmt_spec.format(v)


def ratio(a, b):
    return None if a is None or b in (None, 0) else a / b


def table(results, loops_list):
    lines = []
    for loops in loops_list:
        lines.append("")
        lines.append("**%s** " % ("1 event loop / process" if loops == 1 else "%d event loops / processes" % loops))
        lines.append("")
        lines.append("| metric | raw Vert.x | Jornado | Tornado | Jornado / Vert.x | Jornado / Tornado |")
        lines.append("|---|---:|---:|---:|---:|---:|")
        for key, label, better, spec in METRICS:
            values = [value(results, loops, s, key) for s, _ in SERVERS]
            if all(v is None for v in values):
                continue
            jv, jt = ratio(values[1], values[0]), ratio(values[1], values[2])
            lines.append("| %s | %s | %s | %s | %s | %s |" % (
                label, *(fmt(spec, v) for v in values),
                fmt("{:.2f}", jv), fmt("{:.2f}", jt)))
    return "\n".join(lines)


def disturbances(results):
    lines = []
    for loops, servers in sorted(results.items()):
        if not loops.isdigit():
            continue
        for server, metrics in servers.items():
            for key, m in metrics.items():
                if isinstance(m, dict) and "other_cores" in m:
                    note = "%s loops=%s %s: other processes used %.2f cores, the server %.2f" % (
                        server, loops, key, m["other_cores"], m.get("server_cores", 0))
                    if m.get("first_other_cores") is not None:
                        note += " (repeated; first run %.2f cores, value %s)" % (m["first_other_cores"], m.get("first_value"))
                    lines.append(note)
    return lines


def update_docs(path, section):
    with open(path) as f:
        text = f.read()
    start, end = "<!-- results:start -->", "<!-- results:end -->"
    if start not in text:
        text += "\n" + start + "\n" + end + "\n"
    text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda m: start + "\n" + section + "\n" + end, text, flags=re.S)
    with open(path, "w") as f:
        f.write(text)

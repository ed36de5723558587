"""Processes under test: start a server, wait for READY, find its PIDs, read RSS and CPU, stop it."""
import os
import resource
import signal
import subprocess
import threading
import time
import urllib.request

HZ = os.sysconf("SC_CLK_TCK")


class Server:
    """A server process that prints `READY <port>` once listening."""

    def __init__(self, name, argv, env=None):
        self.name = name
        self.argv = argv
        self.env = env
        self.proc = None
        self.port = None
        self.started_at = None
        self.lines = []

    def start(self, timeout=60):
        self.started_at = time.monotonic()
        self.proc = subprocess.Popen(self.argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True, env=self.env, start_new_session=True)
        ready = threading.Event()

        def pump():
            for line in self.proc.stdout:
                self.lines.append(line.rstrip())
                if line.startswith("READY ") and not ready.is_set():
                    self.port = int(line.split()[1])
                    ready.set()
            ready.set()

        threading.Thread(target=pump, daemon=True).start()
        if not ready.wait(timeout) or self.port is None:
            self.stop()
            raise RuntimeError("%s did not print READY within %ss: %s" % (self.name, timeout, self.lines[-20:]))
        return self

    def first_200_seconds(self, path="/", timeout=60):
        """Seconds from process start to the first 200 response on path."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen("http://127.0.0.1:%d%s" % (self.port, path), timeout=2) as r:
                    if r.status == 200:
                        return time.monotonic() - self.started_at
            except OSError:
                time.sleep(0.005)
        raise RuntimeError("%s never answered 200" % self.name)

    def pids(self):
        """The server's process tree (Tornado forks one process per core)."""
        return [self.proc.pid] + descendants(self.proc.pid)

    def rss_kib(self):
        return sum(rss_kib(pid) for pid in self.pids())

    def stop(self):
        if self.proc and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(10)
            except (subprocess.TimeoutExpired, ProcessLookupError):
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(10)


def descendants(pid):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                children.setdefault(int(fields[1]), []).append(int(entry))
            except OSError:
                pass
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def rss_kib(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds(pids):
    """User+system CPU seconds used so far by these processes (children that exited included)."""
    total = 0
    for pid in pids:
        try:
            with open("/proc/%d/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += sum(int(x) for x in fields[11:15])
        except OSError:
            pass
    return total / HZ


def machine_busy_seconds():
    """CPU seconds all processes on the machine have been busy (from /proc/stat)."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / HZ


def own_cpu_seconds(server_pids):
    """CPU of the run itself: the servers' process trees, this harness and its finished children (wrk, load client)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    me = resource.getrusage(resource.RUSAGE_SELF)
    return (cpu_seconds(server_pids) + children.ru_utime + children.ru_stime + me.ru_utime + me.ru_stime)


class CpuWatch:
    """CPU that processes other than this run used during a measurement, in cores (1.0 = one busy core)."""

    def __init__(self, server):
        self.server = server

    def __enter__(self):
        self.pids = self.server.pids()
        self.t0 = time.monotonic()
        self.busy0 = machine_busy_seconds()
        self.own0 = own_cpu_seconds(self.pids)
        self.server0 = cpu_seconds(self.pids)
        return self

    def __exit__(self, *exc):
        elapsed = max(1e-6, time.monotonic() - self.t0)
        busy = machine_busy_seconds() - self.busy0
        own = own_cpu_seconds(self.pids) - self.own0
        self.other_cores = max(0.0, busy - own) / elapsed
        self.server_cores = max(0.0, cpu_seconds(self.pids) - self.server0) / elapsed
        return False

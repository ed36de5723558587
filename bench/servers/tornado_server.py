#!/usr/bin/python3
"""The Tornado baseline of the benchmarks, written as a Tornado user would.

Endpoints (the same as Jornado's and raw Vert.x's servers):
  GET /      -> "Hello, world" with Content-Type: text/plain
  GET /json  -> self.write(dict): {"message": "Hello, World!"}, application/json; charset=UTF-8
  /ws        -> WebSocket echo, text as text and binary as binary
  /chat      -> WebSocket broadcast to every connected client (sender included), through a
                module-level set of handlers, the Tornado way. With --processes > 1 each process has
                its own set, so a message reaches the clients of the sender's process only: measure
                broadcast against one process.

Usage: /usr/bin/python3 bench/servers/tornado_server.py --port=8888 --processes=1 --address=127.0.0.1
  --processes=0 means one per CPU (tornado.process.cpu_count()).

Prints exactly one line on stdout, "READY <port>", once every serving process listens.
Processes:
  - 1 process: the started process serves; its pid is the only one. (bind_sockets + add_sockets,
    the same as app.listen, so that --port=0 can report the port it got.)
  - N > 1: the started process binds the socket, then fork_processes(N) forks N children that serve
    (the parent only waits for them, as Tornado's fork_processes does). The first child prints
    READY after all children have called add_sockets. The serving pids are the started pid's
    children: /proc/<pid>/task/<pid>/children (or `pgrep -P <pid>`); sum the parent's RSS and the
    children's. Each child gets SIGTERM when the parent dies, so killing the started pid with
    SIGTERM ends them all.
Logging is left unconfigured (options.logging = "none", so parse_command_line does not call
enable_pretty_logging): the access log is not printed; Python's last-resort handler prints warnings
and errors on stderr.
"""
import ctypes
import os
import select
import signal
import sys

import tornado.httpserver
import tornado.ioloop
import tornado.netutil
import tornado.process
import tornado.web
import tornado.websocket
from tornado.options import define, options, parse_command_line

define("port", default=8888, type=int, help="run on the given port (0 = any free port)")
define("processes", default=1, type=int, help="processes serving the app (0 = one per CPU)")
define("address", default="127.0.0.1", help="bind to this address")


class MainHandler(tornado.web.RequestHandler):
    def get(self):
        self.set_header("Content-Type", "text/plain")
        self.write("Hello, world")


class JsonHandler(tornado.web.RequestHandler):
    def get(self):
        self.write({"message": "Hello, World!"})


class EchoHandler(tornado.websocket.WebSocketHandler):
    def on_message(self, message):
        self.write_message(message, binary=isinstance(message, bytes))


class ChatHandler(tornado.websocket.WebSocketHandler):
    clients = set()

    def open(self):
        ChatHandler.clients.add(self)

    def on_close(self):
        ChatHandler.clients.discard(self)

    def on_message(self, message):
        binary = isinstance(message, bytes)
        for client in list(ChatHandler.clients):
            try:
                client.write_message(message, binary=binary)
            except tornado.websocket.WebSocketClosedError:
                ChatHandler.clients.discard(client)


def make_app():
    return tornado.web.Application([
        (r"/", MainHandler),
        (r"/json", JsonHandler),
        (r"/ws", EchoHandler),
        (r"/chat", ChatHandler),
    ])


def ready(port):
    sys.stdout.write("READY %d\n" % port)
    sys.stdout.flush()


def die_with_parent(parent_pid):
    """Linux prctl(PR_SET_PDEATHSIG, SIGTERM): this child ends when the parent does."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(0)


def main():
    # tornado.options turns on enable_pretty_logging (INFO, access log on stderr) unless told not to;
    # the baseline runs without it, as the other servers run without their access log.
    options.logging = "none"
    parse_command_line(final=True)
    processes = options.processes or tornado.process.cpu_count()
    sockets = tornado.netutil.bind_sockets(options.port, options.address)
    port = sockets[0].getsockname()[1]
    if processes <= 1:
        server = tornado.httpserver.HTTPServer(make_app())
        server.add_sockets(sockets)
        ready(port)
        tornado.ioloop.IOLoop.current().start()
        return

    parent = os.getpid()
    # Each child writes one byte here once it listens; the first child waits for all of them.
    ready_r, ready_w = os.pipe()
    task_id = tornado.process.fork_processes(processes, max_restarts=0)
    die_with_parent(parent)
    server = tornado.httpserver.HTTPServer(make_app())
    server.add_sockets(sockets)
    os.write(ready_w, b"x")
    os.close(ready_w)
    if task_id == 0:
        got = 0
        while got < processes and select.select([ready_r], [], [], 30)[0]:
            got += len(os.read(ready_r, processes - got))
        if got < processes:
            sys.stderr.write("only %d of %d processes reported listening\n" % (got, processes))
        ready(port)
    os.close(ready_r)
    tornado.ioloop.IOLoop.current().start()


if __name__ == "__main__":
    main()

"""A Tornado WebSocket server for Jornado's client interop tests.

Run with /usr/bin/python3 (Debian's python3-tornado). Listens on an ephemeral port on 127.0.0.1,
prints the port on stdout, and exits when stdin closes or on SIGTERM.

Endpoints:
  /echo        echoes text and binary messages; selects the subprotocol "jornado" when offered;
               "close" closes with 4000 "bye"; "headers" answers with the request's X-Test and
               User-Agent as JSON; "ping-me" answers with the data of the last ping received
  /compressed  echo with permessage-deflate accepted; "extensions" answers with the negotiated
               Sec-WebSocket-Extensions request header
  /greet       sends "hello" on open, then closes with 4001 "greeted"
  /big         sends one binary message of ?n= bytes
"""

import asyncio
import logging
import sys
import threading

import tornado.httpserver
import tornado.netutil
import tornado.web
import tornado.websocket


class EchoHandler(tornado.websocket.WebSocketHandler):
    last_ping = b""

    def select_subprotocol(self, subprotocols):
        return "jornado" if "jornado" in subprotocols else None

    def on_ping(self, data):
        self.last_ping = data

    def on_message(self, message):
        if message == "close":
            self.close(4000, "bye")
        elif message == "headers":
            self.write_message({
                "x-test": self.request.headers.get("X-Test"),
                "user-agent": self.request.headers.get("User-Agent"),
                "origin": self.request.headers.get("Origin"),
            })
        elif message == "ping-me":
            self.write_message(self.last_ping, binary=True)
        elif message == "extensions":
            self.write_message(self.request.headers.get("Sec-WebSocket-Extensions") or "")
        else:
            self.write_message(message, binary=isinstance(message, bytes))


class CompressedHandler(EchoHandler):
    def get_compression_options(self):
        return {}


class GreetHandler(tornado.websocket.WebSocketHandler):
    def open(self):
        self.write_message("hello")
        self.close(4001, "greeted")


class BigHandler(tornado.websocket.WebSocketHandler):
    def open(self):
        self.write_message(b"x" * int(self.get_argument("n")), binary=True)


async def main():
    # 4xx access lines are expected by the tests; errors still reach stderr.
    logging.getLogger("tornado.access").setLevel(logging.ERROR)
    app = tornado.web.Application([
        (r"/echo", EchoHandler),
        (r"/compressed", CompressedHandler),
        (r"/greet", GreetHandler),
        (r"/big", BigHandler),
    ])
    sockets = tornado.netutil.bind_sockets(0, "127.0.0.1")
    server = tornado.httpserver.HTTPServer(app)
    server.add_sockets(sockets)
    print(sockets[0].getsockname()[1], flush=True)

    loop = asyncio.get_running_loop()
    stop = asyncio.Event()

    def wait_for_stdin_eof():
        sys.stdin.read()
        loop.call_soon_threadsafe(stop.set)

    threading.Thread(target=wait_for_stdin_eof, daemon=True).start()
    await stop.wait()
    server.stop()


if __name__ == "__main__":
    asyncio.run(main())

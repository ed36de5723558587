"""Drives a Jornado WebSocket server with Tornado's own client; prints one JSON object of results."""
import json
import sys

from tornado import httpclient, ioloop, websocket


async def main(url):
    results = {}
    request = httpclient.HTTPRequest(url, headers={"Sec-WebSocket-Protocol": "badproto, goodproto"})
    conn = await websocket.websocket_connect(request, subprotocols=["badproto", "goodproto"])
    results["subprotocol"] = conn.selected_subprotocol
    await conn.write_message("hello")
    results["text"] = await conn.read_message()
    await conn.write_message("h\u00e9llo \u4e16")
    results["unicode"] = await conn.read_message()
    await conn.write_message(b"\x00\x01\xff", binary=True)
    results["binary"] = list(await conn.read_message())
    await conn.write_message("close")
    results["after_close"] = await conn.read_message()
    results["close_code"] = conn.close_code
    results["close_reason"] = conn.close_reason
    conn2 = await websocket.websocket_connect(url)
    results["no_subprotocol"] = conn2.selected_subprotocol
    conn2.close(1001, "client going")
    print(json.dumps(results))
    sys.stdout.flush()


if __name__ == "__main__":
    ioloop.IOLoop.current().run_sync(lambda: main(sys.argv[1]), timeout=20)

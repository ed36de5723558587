"""Drives a Jornado WebSocket server with the `websockets` library; prints one JSON object of results."""
import asyncio
import json
import sys

import websockets


async def main(url):
    results = {}
    async with websockets.connect(url, subprotocols=["badproto", "goodproto"]) as ws:
        results["subprotocol"] = ws.subprotocol
        await ws.send("hello")
        results["text"] = await ws.recv()
        await ws.send("h\u00e9llo \u4e16")
        results["unicode"] = await ws.recv()
        await ws.send(b"\x00\x01\xff")
        results["binary"] = list(await ws.recv())
        await ws.send("close")
        try:
            await ws.recv()
        except websockets.ConnectionClosed:
            pass
        results["close_code"] = ws.close_code
        results["close_reason"] = ws.close_reason
    async with websockets.connect(url) as ws:
        results["no_subprotocol"] = ws.subprotocol
        await ws.close(1001, "client going")
    print(json.dumps(results))
    sys.stdout.flush()


if __name__ == "__main__":
    asyncio.run(asyncio.wait_for(main(sys.argv[1]), 20))

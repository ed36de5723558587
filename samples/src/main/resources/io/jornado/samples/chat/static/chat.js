// Jornado chat sample: the page's client. Plain JavaScript, nothing loaded from elsewhere.
//
// Protocol: the page opens ws(s)://<this host>/chatsocket?nick=<nickname>, sends {"body": "..."},
// and receives {"id": "...", "nick": "...", "body": "..."} for every message (the last ones first).
// Text is only ever put in the page with textContent, so a body like <b>x</b> shows as typed.
(function () {
  "use strict";

  var joinForm = document.getElementById("join");
  var nickInput = document.getElementById("nick");
  var joinButton = document.getElementById("join-button");
  var room = document.getElementById("room");
  var list = document.getElementById("messages");
  var composeForm = document.getElementById("compose");
  var bodyInput = document.getElementById("body");
  var sendButton = document.getElementById("send");
  var statusLine = document.getElementById("status");

  var socket = null;
  var myNick = "";
  var seen = new Set();

  function setStatus(text, kind) {
    statusLine.textContent = text;
    statusLine.className = "status" + (kind ? " " + kind : "");
  }

  function socketUrl(nick) {
    var scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    return scheme + "//" + window.location.host + "/chatsocket?nick=" + encodeURIComponent(nick);
  }

  function show(message) {
    if (typeof message.id !== "string" || seen.has(message.id)) {
      return;
    }
    seen.add(message.id);
    var item = document.createElement("li");
    item.className = "message" + (message.nick === myNick ? " mine" : "");
    item.dataset.id = message.id;
    var who = document.createElement("span");
    who.className = "nick";
    who.textContent = message.nick;
    var text = document.createElement("span");
    text.className = "body";
    text.textContent = message.body;
    item.appendChild(who);
    item.appendChild(text);
    var atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 4;
    list.appendChild(item);
    if (atBottom) {
      list.scrollTop = list.scrollHeight;
    }
  }

  function connect(nick) {
    myNick = nick;
    joinButton.disabled = true;
    setStatus("Connecting\u2026");
    socket = new WebSocket(socketUrl(nick));
    socket.onopen = function () {
      setStatus("Connected as " + nick, "connected");
      joinForm.hidden = true;
      room.hidden = false;
      sendButton.disabled = false;
      bodyInput.focus();
    };
    socket.onmessage = function (event) {
      try {
        show(JSON.parse(event.data));
      } catch (e) {
        // Not a chat message: ignore it.
      }
    };
    socket.onclose = function (event) {
      socket = null;
      sendButton.disabled = true;
      joinButton.disabled = false;
      joinForm.hidden = false;
      var why = event.reason ? ": " + event.reason : "";
      setStatus("Disconnected (" + event.code + why + ")", "error");
    };
  }

  joinForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var nick = nickInput.value.trim();
    if (nick && !socket) {
      connect(nick);
    }
  });

  composeForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var body = bodyInput.value;
    if (!socket || socket.readyState !== WebSocket.OPEN || !body.trim()) {
      return;
    }
    socket.send(JSON.stringify({ body: body }));
    bodyInput.value = "";
    bodyInput.focus();
  });
})();

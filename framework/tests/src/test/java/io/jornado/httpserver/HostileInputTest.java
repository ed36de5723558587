package io.jornado.httpserver;

import static io.jornado.httpserver.RawConnection.bytes;
import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.testing.ExpectLog;
import io.jornado.web.Application;
import io.jornado.web.RequestHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.event.Level;

/**
 * Malformed and hostile requests over raw sockets: each gets its exact answer (Tornado's header-less
 * 400, or our 413/431/414, and a close; or a handler's status and body), and a fresh connection is
 * served afterwards. Expected values are what Tornado 6.5.7 answers to the same bytes (an app with
 * the same handlers); where we differ on purpose, the comment gives Tornado's answer. Body limits,
 * gzip and slow clients are in {@link HostileLimitsTest}.
 */
class HostileInputTest extends AsyncHttpTestCase {
  static final String REFUSED = "HTTP/1.1 400 Bad Request\r\n\r\n";
  static final String TOO_LARGE = "HTTP/1.1 413 Request Entity Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
  static final String HEAD_TOO_LARGE =
      "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
  static final String LINE_TOO_LONG = "HTTP/1.1 414 Request-URI Too Long\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

  public static class Hello extends RequestHandler {
    public void get() {
      write("Hello, world");
    }

    public void post() {
      write("got " + request().body().length);
    }
  }

  public static class PathEcho extends RequestHandler {
    public void get(String value) {
      write("path " + value.replace("\0", "\\0").replace("\r", "\\r").replace("\n", "\\n"));
    }
  }

  public static class ArgEcho extends RequestHandler {
    public void get() {
      write("arg " + getArgument("a").replace("\0", "\\0").replace("\r", "\\r").replace("\n", "\\n"));
    }
  }

  public static class FormEcho extends RequestHandler {
    public void post() {
      write("form " + request().bodyArguments().size() + " " + request().files().size());
    }
  }

  @Override
  protected Application getApp() {
    return new Application(List.of(url("/", Hello.class), url("/path/([^/]+)", PathEcho.class),
        url("/arg", ArgEcho.class), url("/form", FormEcho.class)));
  }

  /**
   * What the server must send for one request: exact bytes for answers from the wire layer, or, for
   * handler responses, the status line and body with the headers left out (their Date varies); and
   * whether the connection then closes.
   */
  record Expected(String answer, boolean exact, boolean closes, boolean malformed, String accessLog, String generalLog) {
    /** Tornado's header-less 400, then the connection closes. */
    static Expected refused() {
      return closing(REFUSED);
    }

    /** Exactly these bytes from the wire layer, which logs the request as malformed, then the connection closes. */
    static Expected closing(String bytes) {
      return new Expected(bytes, true, true, true, null, null);
    }

    /** A handler's response (status line and body), the connection kept open. */
    static Expected answer(String statusLine, String body) {
      return new Expected(statusLine + "\r\n" + body, false, false, false, null, null);
    }

    /** A handler's error response, with its access-log line and its WARN on jornado.general (if any). */
    static Expected error(String statusLine, String accessLog, String generalLog) {
      int code = Integer.parseInt(statusLine.substring(9, 12));
      String reason = statusLine.substring(13);
      String page = "<html><title>" + code + ": " + reason + "</title><body>" + code + ": " + reason + "</body></html>";
      return new Expected(statusLine + "\r\n" + page, false, false, false, accessLog, generalLog);
    }

    Expected thenClose() {
      return new Expected(answer, exact, true, malformed, accessLog, generalLog);
    }

    /** This answer, then Tornado's header-less 400, then the close. */
    Expected thenRefused() {
      return new Expected(answer + REFUSED, exact, true, true, accessLog, generalLog);
    }
  }

  private static final String OK = "HTTP/1.1 200 OK";

  static Arguments c(String name, String request, Expected expected) {
    return Arguments.of(name, request, expected);
  }

  static String req(String line, String headers, String body) {
    return line + "\r\nHost: x\r\n" + headers + "\r\n" + body;
  }

  static String req(String line) {
    return req(line, "", "");
  }

  static String post(String headers, String body) {
    return req("POST / HTTP/1.1", headers, body);
  }

  static String chunked(String body) {
    return post("Transfer-Encoding: chunked\r\n", body);
  }

  static String multipart(String contentType, String body) {
    return req("POST /form HTTP/1.1", "Content-Type: " + contentType + "\r\nContent-Length: " + body.length() + "\r\n",
        body);
  }

  static String part(int i) {
    return "--B\r\nContent-Disposition: form-data; name=\"f" + i + "\"\r\n\r\nv\r\n";
  }

  static String parts(int n) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < n; i++) {
      body.append(part(i));
    }
    return body.append("--B--\r\n").toString();
  }

  static Stream<Arguments> cases() {
    Expected refused = Expected.refused();
    Expected hello = Expected.answer(OK, "Hello, world");
    Expected got3 = Expected.answer(OK, "got 3");
    List<Arguments> cases = new ArrayList<>();
    // Request lines.
    cases.add(c("garbage", "GARBAGE\r\n\r\n", refused));
    cases.add(c("missing version", "GET /\r\nHost: x\r\n\r\n", refused));
    cases.add(c("HTTP/0.9 style", "GET /\r\n\r\n", refused));
    cases.add(c("two spaces", req("GET  / HTTP/1.1"), refused));
    cases.add(c("tab as separator", req("GET\t/ HTTP/1.1"), refused));
    cases.add(c("trailing space", req("GET / HTTP/1.1 "), refused));
    cases.add(c("lower-case method", req("get / HTTP/1.1"),
        Expected.error("HTTP/1.1 405 Method Not Allowed", "405 get /", null)));
    cases.add(c("lower-case method with parentheses", req("ge(t) / HTTP/1.1"), refused));
    cases.add(c("method with comma", req("FOO,BAR / HTTP/1.1"), refused));
    cases.add(c("method with @", req("G@T / HTTP/1.1"), refused));
    cases.add(c("unknown method", req("FOO / HTTP/1.1"),
        Expected.error("HTTP/1.1 405 Method Not Allowed", "405 FOO /", null)));
    cases.add(c("one CRLF before the request line", "\r\n" + req("GET / HTTP/1.1"), hello));
    // Tornado: 400 (it reads the head up to the first empty line, so the head is empty); Netty skips
    // empty lines before a request line, as RFC 9112 2.2 allows, without buffering them.
    cases.add(c("empty lines before the request line", "\r\n\r\n" + req("GET / HTTP/1.1"), hello));
    cases.add(c("empty line flood", "\r\n".repeat(1000) + req("GET / HTTP/1.1"), hello));
    cases.add(c("NUL in target", req("GET /\0 HTTP/1.1"), refused));
    cases.add(c("DEL in target", req("GET /\u007f HTTP/1.1"), refused));
    Expected notFound = Expected.error("HTTP/1.1 404 Not Found", "404 ", null);
    cases.add(c("Latin-1 byte in target", req("GET /\u00e9 HTTP/1.1"), notFound));
    cases.add(c("absolute-form target", req("GET http://x/ HTTP/1.1"), notFound));
    cases.add(c("asterisk target", req("OPTIONS * HTTP/1.1"), notFound));
    // Versions.
    cases.add(c("HTTP/2.5", req("GET / HTTP/2.5"), refused));
    cases.add(c("HTTP/1.1x", req("GET / HTTP/1.1x"), refused));
    cases.add(c("HTTP/1", req("GET / HTTP/1"), refused));
    cases.add(c("lower-case http/1.1", req("GET / http/1.1"), refused));
    cases.add(c("HTTP/1.2", req("GET / HTTP/1.2"), hello));
    cases.add(c("HTTP/1.10", req("GET / HTTP/1.10"), refused));
    cases.add(c("lower-case http/1.2", req("GET / http/1.2"), refused));
    // Host.
    cases.add(c("HTTP/1.1 without Host", "GET / HTTP/1.1\r\n\r\n", refused));
    cases.add(c("HTTP/1.0 without Host", "GET / HTTP/1.0\r\n\r\n", hello.thenClose()));
    cases.add(c("Host with a space", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", refused));
    cases.add(c("Host with a slash", "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", refused));
    cases.add(c("Host with userinfo", "GET / HTTP/1.1\r\nHost: u@a\r\n\r\n", refused));
    cases.add(c("empty Host", "GET / HTTP/1.1\r\nHost: \r\n\r\n", hello));
    cases.add(c("two Host lines", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", refused));
    cases.add(c("two equal Host lines", "GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n", refused));
    cases.add(c("Host with a comma", "GET / HTTP/1.1\r\nHost: a,b\r\n\r\n", refused));
    // Transfer-Encoding.
    cases.add(c("TE gzip", post("Transfer-Encoding: gzip\r\n", ""), refused));
    cases.add(c("TE chunked, chunked", post("Transfer-Encoding: chunked, chunked\r\n", "0\r\n\r\n"), refused));
    cases.add(c("two TE lines", post("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n"),
        refused));
    cases.add(c("TE identity with CL", post("Transfer-Encoding: identity\r\nContent-Length: 3\r\n", "abc"), refused));
    cases.add(c("TE identity", post("Transfer-Encoding: identity\r\n", ""), refused));
    cases.add(c("TE CHUNKED", post("Transfer-Encoding: CHUNKED\r\n", "3\r\nabc\r\n0\r\n\r\n"), got3));
    cases.add(c("TE and CL", post("Content-Length: 3\r\nTransfer-Encoding: chunked\r\n", "3\r\nabc\r\n0\r\n\r\n"),
        refused));
    cases.add(c("chunked on HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
        got3.thenClose()));
    // Chunks.
    cases.add(c("chunk size not hex", chunked("zz\r\nabc\r\n0\r\n\r\n"), refused));
    cases.add(c("negative chunk size", chunked("-3\r\nabc\r\n0\r\n\r\n"), refused));
    cases.add(c("chunk size with plus", chunked("+3\r\nabc\r\n0\r\n\r\n"), refused));
    cases.add(c("chunk size beyond long", chunked("FFFFFFFFFFFFFFFFFFFF\r\nabc\r\n0\r\n\r\n"), refused));
    // Tornado: 400 (it does not know chunk extensions); RFC 9112 7.1.1 says to ignore unknown ones.
    cases.add(c("chunk extension", chunked("3;x=y\r\nabc\r\n0\r\n\r\n"), got3));
    // Tornado: closes without an answer (an assertion fails inside it).
    cases.add(c("chunk without CRLF", chunked("3\r\nabcXY0\r\n\r\n"), refused));
    // Content-Length.
    // Tornado: 400 for a Content-Length over max_body_size.
    cases.add(c("CL over max_body_size", post("Content-Length: 209715200\r\n", ""), Expected.closing(TOO_LARGE)));
    cases.add(c("CL beyond long", post("Content-Length: 99999999999999999999999\r\n", ""), refused));
    cases.add(c("CL not a number", post("Content-Length: abc\r\n", ""), refused));
    cases.add(c("CL negative", post("Content-Length: -1\r\n", ""), refused));
    cases.add(c("CL with plus", post("Content-Length: +3\r\n", "abc"), refused));
    cases.add(c("two different CLs", post("Content-Length: 3\r\nContent-Length: 4\r\n", "abcd"), refused));
    // Tornado: 200 (it merges equal values); Netty refuses any repeated Content-Length, as RFC 9112 6.3 allows.
    cases.add(c("two equal CLs", post("Content-Length: 3\r\nContent-Length: 3\r\n", "abc"), refused));
    cases.add(c("CL list of equal values", post("Content-Length: 3, 3\r\n", "abc"), refused));
    cases.add(c("CL list of different values", post("Content-Length: 3, 4\r\n", "abcd"), refused));
    // Oversized heads. Tornado: closes without an answer.
    cases.add(c("one header over 64 KiB", req("GET / HTTP/1.1", "X: " + "a".repeat(70000) + "\r\n", ""),
        Expected.closing(HEAD_TOO_LARGE)));
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 800; i++) {
      many.append("X-H").append(i).append(": ").append("a".repeat(90)).append("\r\n");
    }
    cases.add(c("headers totalling over 64 KiB", req("GET / HTTP/1.1", many.toString(), ""),
        Expected.closing(HEAD_TOO_LARGE)));
    cases.add(c("request line over 64 KiB", req("GET /" + "a".repeat(70000) + " HTTP/1.1"),
        Expected.closing(LINE_TOO_LONG)));
    // Header syntax.
    cases.add(c("space in header name", req("GET / HTTP/1.1", "Bad Name: y\r\n", ""), refused));
    cases.add(c("space before colon", req("GET / HTTP/1.1", "Name : y\r\n", ""), refused));
    cases.add(c("control character in header name", req("GET / HTTP/1.1", "Ba\u0001d: y\r\n", ""), refused));
    cases.add(c("empty header name", req("GET / HTTP/1.1", ": y\r\n", ""), refused));
    cases.add(c("header line without colon", req("GET / HTTP/1.1", "NoColon\r\n", ""), refused));
    cases.add(c("NUL in header value", req("GET / HTTP/1.1", "X: a\0b\r\n", ""), refused));
    cases.add(c("bare CR in header value", req("GET / HTTP/1.1", "X: a\rb\r\n", ""), refused));
    cases.add(c("control character in header value", req("GET / HTTP/1.1", "X: a\u0001b\r\n", ""), refused));
    cases.add(c("obs-fold continuation", req("GET / HTTP/1.1", "X: a\r\n b\r\n", ""), hello));
    cases.add(c("continuation as first header", "GET / HTTP/1.1\r\n X: a\r\nHost: x\r\n\r\n", refused));
    // Tornado: 200 (6.5 still reads bare LF line ends, deprecated for 7.0).
    cases.add(c("bare LF line ends", "GET / HTTP/1.1\nHost: x\n\n", refused));
    cases.add(c("bare LF after the request line", "GET / HTTP/1.1\r\nHost: x\n\n", refused));
    // Paths and arguments (answers from the handlers).
    cases.add(c("invalid percent-encoding in a path group", req("GET /path/%zz HTTP/1.1"), Expected.answer(OK, "path %zz")));
    cases.add(c("invalid UTF-8 in a path group", req("GET /path/%ff HTTP/1.1"), Expected.error(
        "HTTP/1.1 400 Bad Request", "400 GET /path/%ff", "400 GET /path/%ff \\(127.0.0.1\\): Invalid unicode in url")));
    cases.add(c("NUL in a path group", req("GET /path/a%00b HTTP/1.1"), Expected.answer(OK, "path a\\0b")));
    cases.add(c("CR LF in a path group", req("GET /path/a%0D%0Ab HTTP/1.1"), Expected.answer(OK, "path a\\r\\nb")));
    cases.add(c("invalid UTF-8 in an argument", req("GET /arg?a=%ff HTTP/1.1"), Expected.error(
        "HTTP/1.1 400 Bad Request", "400 GET /arg", "400 GET /arg\\?a=%ff \\(127.0.0.1\\): Invalid unicode in a")));
    cases.add(c("invalid percent-encoding in an argument", req("GET /arg?a=%zz HTTP/1.1"), Expected.answer(OK, "arg %zz")));
    cases.add(c("NUL in an argument", req("GET /arg?a=x%00y HTTP/1.1"), Expected.answer(OK, "arg x y")));
    cases.add(c("CR LF in an argument", req("GET /arg?a=x%0D%0Ay HTTP/1.1"), Expected.answer(OK, "arg x\\r\\ny")));
    // Multipart bodies: Tornado 6.5's HTTPInputError from the parser becomes HTTPError(400).
    cases.add(c("multipart without boundary", multipart("multipart/form-data", parts(1)), invalidBody("boundary not found")));
    cases.add(c("multipart with another boundary", multipart("multipart/form-data; boundary=B",
        "--X\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--X--\r\n"), invalidBody("Invalid multipart")));
    cases.add(c("multipart part without headers", multipart("multipart/form-data; boundary=B", "--B\r\nv\r\n--B--\r\n"),
        invalidBody("multipart/form-data missing headers")));
    cases.add(c("multipart part without name", multipart("multipart/form-data; boundary=B",
        "--B\r\nContent-Disposition: form-data\r\n\r\nv\r\n--B--\r\n"), invalidBody("multipart/form-data value missing name")));
    cases.add(c("multipart with 99 parts", multipart("multipart/form-data; boundary=B", parts(99)),
        Expected.answer(OK, "form 99 0")));
    cases.add(c("multipart with 100 parts", multipart("multipart/form-data; boundary=B", parts(100)),
        invalidBody("multipart/form-data has too many parts")));
    cases.add(c("multipart part header over 10 KiB", multipart("multipart/form-data; boundary=B",
        "--B\r\nContent-Disposition: form-data; name=\"a\"\r\nX: " + "a".repeat(10300) + "\r\n\r\nv\r\n--B--\r\n"),
        invalidBody("multipart/form-data part header too large")));
    cases.add(c("multipart/form-dataxyz", multipart("multipart/form-dataxyz; boundary=B", parts(1)),
        invalidBody("Invalid content type")));
    // Pipelining: the valid request's response first, then the 400 for the garbage.
    cases.add(c("garbage pipelined after a valid request", req("GET / HTTP/1.1") + "GARBAGE\r\n\r\n",
        hello.thenRefused()));
    return cases.stream();
  }

  private static Expected invalidBody(String reason) {
    return Expected.error("HTTP/1.1 400 Bad Request", "400 POST /form",
        "400 POST /form \\(127.0.0.1\\): Invalid body: .*" + Pattern.quote(reason));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answers(String name, String request, Expected expected) throws IOException {
    String received;
    try (ExpectLog access = expected.accessLog() == null ? null : new ExpectLog("jornado.access", expected.accessLog());
         ExpectLog general = expected.generalLog() == null ? null : new ExpectLog("jornado.general", expected.generalLog());
         ExpectLog malformed = !expected.malformed() ? null
             : new ExpectLog("jornado.general", "Malformed HTTP message from 127\\.0\\.0\\.1: ", Level.INFO);
         RawConnection connection = new RawConnection(getHttpPort())) {
      connection.send(bytes(request));
      received = expected.closes() ? connection.readToClose() : connection.readResponse();
    }
    assertEquals(expected.answer(), expected.exact() ? received : withoutHeaders(received), name);
    assertStillServing(getHttpPort());
  }

  /** The received bytes with the header block of each response that has headers taken out. */
  static String withoutHeaders(String received) {
    return HEADER_BLOCK.matcher(received).replaceAll("$1");
  }

  private static final Pattern HEADER_BLOCK = Pattern.compile("(HTTP/1\\.1 \\d{3} [^\r\n]*\r\n)(?:[^\r\n]+\r\n)+\r\n");

  /** A fresh connection gets a 200 for a valid request. */
  static void assertStillServing(int port) throws IOException {
    try (RawConnection connection = new RawConnection(port)) {
      connection.send(bytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
      String response = connection.readResponse();
      assertEquals("HTTP/1.1 200 OK", response.substring(0, response.indexOf("\r\n")));
      assertEquals("Hello, world", response.substring(response.indexOf("\r\n\r\n") + 4));
    }
  }
}

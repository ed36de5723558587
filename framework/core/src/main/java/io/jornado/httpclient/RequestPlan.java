package io.jornado.httpclient;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.ClientSSLOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What goes on the wire for an {@link HttpRequest}, checked as Tornado's simple client checks it, and
 * the request that follows a redirect.
 *
 * <p>Tornado: simple_httpclient._HTTPConnection.run and finish.
 */
final class RequestPlan {
  static final String DEFAULT_USER_AGENT = "Jornado/0.1";
  private static final Set<String> STANDARD_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH",
      "OPTIONS");
  private static final Set<String> BODY_METHODS = Set.of("POST", "PATCH", "PUT");
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final List<String> BODY_HEADERS = List.of("Content-Length", "Content-Type", "Content-Encoding",
      "Transfer-Encoding");

  private RequestPlan() {}

  /**
   * The Vert.x request for {@code request}.
   *
   * @throws IllegalArgumentException for an unsupported scheme, method, body or auth mode
   */
  static RequestOptions options(HttpRequest request) {
    URI uri = parse(request.url());
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("Unsupported url scheme: " + request.url());
    }
    String method = request.method();
    if (!request.allowNonstandardMethods()) {
      if (!STANDARD_METHODS.contains(method)) {
        throw new IllegalArgumentException("unknown method " + method);
      }
      boolean expected = BODY_METHODS.contains(method);
      if (expected != (request.body() != null)) {
        throw new IllegalArgumentException("Body must " + (expected ? "not " : "") + "be null for method " + method
            + " (unless allowNonstandardMethods is true)");
      }
    }
    RequestOptions options = new RequestOptions()
        .setAbsoluteURI(withoutUserInfo(uri))
        .setMethod(HttpMethod.valueOf(method))
        .setFollowRedirects(false)
        .setHeaders(headers(request, uri));
    if (!request.validateCert() && scheme.equals("https")) {
      options.setSslOptions(new ClientSSLOptions().setTrustAll(true).setHostnameVerificationAlgorithm(""));
    }
    return options;
  }

  private static MultiMap headers(HttpRequest request, URI uri) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
    String user = request.authUsername();
    String password = request.authPassword() == null ? "" : request.authPassword();
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      password = colon < 0 ? "" : userInfo.substring(colon + 1);
    }
    if (user != null) {
      if (request.authMode() != null && !request.authMode().equals("basic")) {
        throw new IllegalArgumentException("unsupported authMode " + request.authMode());
      }
      headers.set("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    if (request.userAgent() != null) {
      headers.set("User-Agent", request.userAgent());
    } else if (!headers.contains("User-Agent")) {
      headers.set("User-Agent", DEFAULT_USER_AGENT);
    }
    if (request.expect100Continue()) {
      headers.set("Expect", "100-continue");
    }
    if (request.body() != null) {
      headers.set("Content-Length", String.valueOf(request.body().length));
    }
    if (request.method().equals("POST") && !headers.contains("Content-Type")) {
      headers.set("Content-Type", "application/x-www-form-urlencoded");
    }
    if (request.decompressResponse()) {
      headers.set("Accept-Encoding", "gzip");
    }
    return headers;
  }

  /** The smaller of the two timeouts, skipping zero (none). */
  static Duration connectDeadline(HttpRequest request) {
    Duration connect = request.connectTimeout();
    Duration whole = request.requestTimeout();
    if (connect.isZero() || whole.isZero()) {
      return connect.isZero() ? whole : connect;
    }
    return connect.compareTo(whole) < 0 ? connect : whole;
  }

  static boolean shouldFollow(HttpRequest request, int code, MultiMap headers) {
    return request.followRedirects() && REDIRECTS.contains(code) && request.maxRedirects() > 0
        && headers.get("Location") != null;
  }

  /**
   * The request a followed redirect makes: the Location resolved against the current URL, one
   * redirect fewer, credentials and cookies dropped across origins, and GET without a body after a
   * 303 (except for HEAD) or after a 301/302 of a POST.
   */
  static HttpRequest redirect(HttpRequest current, HttpRequest original, int code, String location) {
    URI target = parse(current.url()).resolve(parse(location));
    URI first = parse(original.url());
    HttpRequest next;
    boolean crossOrigin = !String.valueOf(first.getScheme()).equalsIgnoreCase(target.getScheme())
        || !String.valueOf(first.getRawAuthority()).equalsIgnoreCase(target.getRawAuthority());
    if (crossOrigin) {
      next = current.withUrl(withoutUserInfo(target)).authUsername(null).authPassword(null);
      next.headers().remove("Authorization").remove("Cookie");
    } else {
      next = current.withUrl(target.toString());
    }
    next.maxRedirects(current.maxRedirects() - 1);
    next.headers().remove("Host");
    String method = current.method();
    if ((code == 303 && !method.equals("HEAD")) || ((code == 301 || code == 302) && method.equals("POST"))) {
      next.method("GET").body((byte[]) null);
      BODY_HEADERS.forEach(next.headers()::remove);
    }
    return next;
  }

  static String httpVersion(HttpVersion version) {
    switch (version) {
      case HTTP_1_0:
        return "HTTP/1.0";
      case HTTP_2:
        return "HTTP/2";
      default:
        return "HTTP/1.1";
    }
  }

  /** A header name as Tornado's HTTPHeaders spells it: {@code ETag} becomes {@code Etag}. */
  static String titleCase(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean start = true;
    for (char c : name.toCharArray()) {
      out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
      start = c == '-';
    }
    return out.toString();
  }

  private static URI parse(String url) {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Invalid url " + url + ": " + e.getMessage(), e);
    }
  }

  private static String withoutUserInfo(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri.toString();
    }
    String authority = uri.getRawAuthority();
    String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
    return uri.getScheme() + "://" + hostAndPort + (uri.getRawPath() == null || uri.getRawPath().isEmpty()
        ? "/" : uri.getRawPath()) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }
}

package io.jornado.httputil;

import io.jornado.util.PythonText;
import io.vertx.core.MultiMap;
import java.util.List;

/**
 * The client address and scheme a reverse proxy reports, for servers with {@code xheaders} on
 * (Tornado's _HTTPRequestContext._apply_xheaders). Repeated header lines count as one value joined
 * with commas, as Tornado's HTTPHeaders joins them.
 */
final class ProxyHeaders {
  private ProxyHeaders() {}

  /**
   * {@code X-Real-Ip} when present, else the last {@code X-Forwarded-For} hop not in the trusted
   * list; kept only if it is an IP literal (an invalid {@code X-Real-Ip} does not fall back).
   */
  static String remoteIp(MultiMap headers, String socketIp, List<String> trustedDownstream) {
    String forwarded = joined(headers, "X-Forwarded-For");
    String[] hops = (forwarded == null ? socketIp : forwarded).split(",", -1);
    String ip = "";
    for (int i = hops.length - 1; i >= 0; i--) {
      ip = PythonText.strip(hops[i]);
      if (!trustedDownstream.contains(ip)) {
        break;
      }
    }
    String realIp = joined(headers, "X-Real-Ip");
    if (realIp != null) {
      ip = realIp;
    }
    return IpLiterals.isValid(ip) ? ip : socketIp;
  }

  /** {@code X-Scheme} when present, else {@code X-Forwarded-Proto}: its last element, if http or https. */
  static String protocol(MultiMap headers, String socketProtocol) {
    String scheme = joined(headers, "X-Scheme");
    if (scheme == null) {
      scheme = joined(headers, "X-Forwarded-Proto");
    }
    if (scheme == null) {
      return socketProtocol;
    }
    String last = PythonText.strip(scheme.substring(scheme.lastIndexOf(',') + 1));
    return last.equals("http") || last.equals("https") ? last : socketProtocol;
  }

  private static String joined(MultiMap headers, String name) {
    List<String> values = headers.getAll(name);
    return values.isEmpty() ? null : String.join(",", values);
  }
}

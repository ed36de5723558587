package io.jornado.web;

import java.util.List;
import java.util.Map;

/**
 * Redirects GET requests to a URL built from the route's groups. Configure with {@code url}
 * (required), a Python format string filled with the path groups ({@code {0}}, {@code {}}, or
 * {@code {name}} for named groups), and {@code permanent} (default true: 301, else 302):
 *
 * <pre>{@code
 * url("/old/(.*)", RedirectHandler.class, Map.of("url", "/new/{0}"))
 * }</pre>
 *
 * <p>The request's query arguments are appended to the target. Only GET is served: HEAD, POST and
 * the other methods get 405. A url Python's {@code str.format} would reject (an unknown name, an
 * index past the groups, a lone brace) makes the request fail with 500 and a log line naming it.
 *
 * <p>Tornado: tornado.web.RedirectHandler.
 */
public class RedirectHandler extends RequestHandler {
  private String url;
  private boolean permanent = true;

  /** Tornado: RedirectHandler.__init__. */
  public RedirectHandler() {}

  /**
   * Reads {@code url} and {@code permanent}.
   *
   * <p>Tornado: RedirectHandler.initialize(url, permanent=True).
   *
   * @param kwargs {@code url} (a String) and optionally {@code permanent} (a Boolean)
   * @throws IllegalArgumentException naming the value when {@code url} is missing or either has the wrong type
   */
  @Override
  public void initialize(Map<String, Object> kwargs) {
    Object target = kwargs.get("url");
    if (!(target instanceof String)) {
      throw new IllegalArgumentException("RedirectHandler needs a String url, got " + target);
    }
    Object isPermanent = kwargs.getOrDefault("permanent", Boolean.TRUE);
    if (!(isPermanent instanceof Boolean)) {
      throw new IllegalArgumentException("RedirectHandler's permanent must be a Boolean, got " + isPermanent);
    }
    url = (String) target;
    permanent = (Boolean) isPermanent;
  }

  /**
   * Redirects to {@code url.format(*groups, **namedGroups)} with the request's query arguments
   * appended. As in Tornado, a pattern with named groups passes them by name only.
   *
   * <p>Tornado: RedirectHandler.get.
   *
   * @param groups the decoded path groups
   */
  public void get(String... groups) {
    Map<String, String> named = pathKwargs();
    List<String> positional = named.isEmpty() ? pathArgs() : List.of();
    String target = StrFormat.format(url, positional, named);
    redirect(QueryConcat.append(target, request().query()), permanent);
  }
}

package io.jornado.testing;

import io.jornado.httpclient.AsyncHttpClient;
import io.jornado.httpclient.HttpRequest;
import io.jornado.httpclient.HttpResponse;
import io.jornado.httpserver.HttpServer;
import io.jornado.httpserver.ServerOptions;
import io.jornado.web.Application;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A test case that starts the application from {@link #getApp()} on a fresh server, on port 0 of
 * 127.0.0.1, before each test, and stops it after. {@link #fetch(String)} requests a path from it
 * synchronously and returns the response whatever its status (redirects are not followed unless
 * the request options ask for it).
 *
 * <pre>{@code
 * class HelloTest extends AsyncHttpTestCase {
 *   protected Application getApp() { return HelloWorld.makeApp(); }
 *   @Test void hello() { assertEquals("Hello, world", fetch("/").bodyAsString()); }
 * }
 * }</pre>
 *
 * <p>Tornado: tornado.testing.AsyncHTTPTestCase.
 */
public abstract class AsyncHttpTestCase extends AsyncTestCase {
  private HttpServer server;
  private AsyncHttpClient client;

  /** Tornado: AsyncHTTPTestCase.__init__. */
  protected AsyncHttpTestCase() {}

  /**
   * The application under test, built anew for each test.
   *
   * <p>Tornado: AsyncHTTPTestCase.get_app.
   *
   * @return the application
   */
  protected abstract Application getApp();

  /**
   * Options for the test server; override to test {@code processes(n)} and the like.
   *
   * <p>Tornado: AsyncHTTPTestCase.get_httpserver_options.
   *
   * @return the server options
   */
  protected ServerOptions getHttpServerOptions() {
    return new ServerOptions();
  }

  @Override
  protected void setUpResources() throws Exception {
    super.setUpResources();
    Application app = getApp();
    server = await(app.listen(0, "127.0.0.1", getHttpServerOptions()));
  }

  @Override
  protected void tearDownResources() throws Exception {
    try {
      if (client != null) {
        await(client.close());
      }
      if (server != null) {
        await(server.stop());
      }
    } finally {
      client = null;
      server = null;
      super.tearDownResources();
    }
  }

  /**
   * Tornado: AsyncHTTPTestCase.get_http_port.
   *
   * @return the test server's port
   */
  protected int getHttpPort() {
    return server.port();
  }

  /**
   * Tornado: AsyncHTTPTestCase.get_http_server.
   *
   * @return the test server
   */
  protected HttpServer getHttpServer() {
    return server;
  }

  /**
   * The absolute URL of a path on the test server.
   *
   * <p>Tornado: AsyncHTTPTestCase.get_url.
   *
   * @param path a path starting with {@code /}
   * @return {@code http://127.0.0.1:<port><path>}
   */
  protected String getUrl(String path) {
    return "http://127.0.0.1:" + getHttpPort() + path;
  }

  /**
   * The client {@link #fetch(String)} uses, made on first use and closed after the test.
   *
   * <p>Tornado: AsyncHTTPTestCase.get_http_client.
   *
   * @return the client
   */
  protected AsyncHttpClient getHttpClient() {
    if (client == null) {
      client = new AsyncHttpClient(ioLoop());
    }
    return client;
  }

  /**
   * GETs a path and waits for the response, whatever its status; redirects are not followed.
   *
   * <p>Tornado: AsyncHTTPTestCase.fetch(path).
   *
   * @param path a path (or an absolute URL)
   * @return the response
   */
  protected HttpResponse fetch(String path) {
    return fetch(path, r -> r);
  }

  /**
   * Fetches a path with request options, e.g.
   * {@code fetch("/form", r -> r.method("POST").body("a=1"))}.
   *
   * <p>Tornado: AsyncHTTPTestCase.fetch(path, **kwargs).
   *
   * @param path a path (or an absolute URL)
   * @param options adjusts the request
   * @return the response
   */
  protected HttpResponse fetch(String path, UnaryOperator<HttpRequest> options) {
    String url = path.startsWith("http:") || path.startsWith("https:") ? path : getUrl(path);
    HttpRequest request = options.apply(new HttpRequest(url).followRedirects(false));
    Duration timeout = getAsyncTestTimeout();
    return await(getHttpClient().fetch(request, false), timeout);
  }
}

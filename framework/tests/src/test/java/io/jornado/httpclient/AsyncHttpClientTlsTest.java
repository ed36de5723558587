package io.jornado.httpclient;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.jornado.httpserver.ServerOptions;
import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.web.Application;
import io.jornado.web.RequestHandler;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SelfSignedCertificate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** validate_cert against a server with a self-signed certificate. */
class AsyncHttpClientTlsTest extends AsyncHttpTestCase {
  public static class Hello extends RequestHandler {
    public void get() {
      write("over " + request().protocol());
    }
  }

  @Override
  protected Application getApp() {
    return new Application(List.of(url("/", Hello.class)));
  }

  @Override
  protected ServerOptions getHttpServerOptions() {
    SelfSignedCertificate certificate = SelfSignedCertificate.create("localhost");
    return new ServerOptions().vertxOptions(new HttpServerOptions().setSsl(true)
        .setKeyCertOptions(certificate.keyCertOptions()));
  }

  private String httpsUrl() {
    return "https://127.0.0.1:" + getHttpPort() + "/";
  }

  @Test
  void anUntrustedCertificateIsRefusedByDefault() {
    Throwable error = await(getHttpClient().fetch(new HttpRequest(httpsUrl()), false)
        .transform(ar -> Future.succeededFuture(ar.cause())));
    assertInstanceOf(HttpClientError.class, error);
    assertEquals(599, ((HttpClientError) error).code());
  }

  @Test
  void validateCertOffAcceptsAnyCertificate() {
    HttpResponse response = await(getHttpClient().fetch(new HttpRequest(httpsUrl()).validateCert(false)));
    assertEquals("over https", response.bodyAsString());
  }
}

package io.jornado.samples.webspider;

import io.jornado.httpclient.AsyncHttpClient;
import io.jornado.httpserver.HttpServer;
import io.jornado.ioloop.IOLoop;
import io.jornado.options.Option;
import io.jornado.options.Options;
import java.time.Duration;

/**
 * Tornado's webspider demo: serves a small site on 127.0.0.1 (the demo crawls tornadoweb.org; a
 * sample must not leave the machine), crawls it with {@code --concurrency} workers over a queue,
 * prints each URL as it is fetched, then the totals, and exits.
 */
public final class WebSpider {
  private WebSpider() {}

  /**
   * Runs the sample: {@code webspider [--pages=50] [--concurrency=10] [--port=0]}.
   *
   * @param args command-line options
   */
  public static void main(String[] args) {
    Option<Integer> pages = Options.define("pages", 50, "how many pages the site to crawl has");
    Option<Integer> concurrency = Options.define("concurrency", 10, "how many workers fetch at once");
    Option<Integer> port = Options.define("port", 0, "port of the site to crawl (0: any free port)");
    Options.options().programName("jornado-samples.jar webspider");
    Options.parseCommandLine(args);
    IOLoop loop = IOLoop.current();
    HttpServer site = loop.runSync(() -> Site.makeApp(pages.value()).listen(port.value(), "127.0.0.1"));
    AsyncHttpClient client = new AsyncHttpClient(loop);
    String baseUrl = "http://127.0.0.1:" + site.port() + "/docs/";
    long start = System.nanoTime();
    Spider.Result result = loop.runSync(() -> new Spider(baseUrl, concurrency.value(), client, System.out::println)
        .crawl(Duration.ofSeconds(300)), Duration.ofSeconds(310));
    System.out.printf("Done in %d seconds, fetched %d URLs.%n",
        Duration.ofNanos(System.nanoTime() - start).toSeconds(), result.fetched().size());
    System.out.printf("Unable to fetch %d URLs.%n", result.dead().size());
    loop.runSync(() -> client.close().compose(v -> site.stop()));
    loop.close().toCompletionStage().toCompletableFuture().join();
  }
}

package io.jornado.samples.webspider;

import io.jornado.gen.Gen;
import io.jornado.httpclient.AsyncHttpClient;
import io.jornado.queues.Queue;
import io.vertx.core.Future;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crawls every page beneath a base URL with a fixed number of workers taking URLs from a
 * {@link Queue}, as Tornado's webspider demo does: each worker fetches a page, queues the links
 * beneath the base URL, and marks the task done; the crawl ends when the queue is joined.
 */
public final class Spider {
  private static final Pattern LINK = Pattern.compile("<a\\s[^>]*href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')",
      Pattern.CASE_INSENSITIVE);

  private final String baseUrl;
  private final int concurrency;
  private final AsyncHttpClient client;
  private final Consumer<String> log;
  private final Queue<String> queue = new Queue<>(0);
  private final Set<String> fetching = new LinkedHashSet<>();
  private final Set<String> fetched = new LinkedHashSet<>();
  private final Set<String> dead = new LinkedHashSet<>();

  /**
   * A spider for one crawl.
   *
   * @param baseUrl only links beneath it are followed
   * @param concurrency the number of workers
   * @param client the HTTP client to fetch with
   * @param log where progress lines go
   */
  public Spider(String baseUrl, int concurrency, AsyncHttpClient client, Consumer<String> log) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
    }
    this.baseUrl = baseUrl;
    this.concurrency = concurrency;
    this.client = client;
    this.log = log;
  }

  /** What a crawl found. */
  public record Result(Set<String> fetched, Set<String> dead) {}

  /**
   * Crawls from the base URL until every reachable page was fetched, or fails after {@code timeout}.
   *
   * @param timeout the longest the crawl may take
   * @return the pages fetched and the ones that could not be
   */
  public Future<Result> crawl(Duration timeout) {
    List<Future<Void>> workers = new ArrayList<>();
    return queue.put(baseUrl).compose(v -> {
      for (int i = 0; i < concurrency; i++) {
        workers.add(worker());
      }
      return queue.join(timeout);
    }).compose(v -> {
      List<Future<Void>> stops = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        stops.add(queue.put(""));
      }
      return Gen.multi(stops);
    }).compose(v -> Gen.multi(workers)).map(v -> new Result(Set.copyOf(fetched), Set.copyOf(dead)));
  }

  private Future<Void> worker() {
    return queue.get().compose(url -> {
      if (url.isEmpty()) {
        queue.taskDone();
        return Future.succeededFuture();
      }
      return fetchUrl(url)
          .recover(e -> {
            log.accept("Exception: " + e.getMessage() + " " + url);
            dead.add(url);
            return Future.succeededFuture();
          })
          .compose(v -> {
            queue.taskDone();
            return worker();
          });
    });
  }

  private Future<Void> fetchUrl(String url) {
    if (!fetching.add(url)) {
      return Future.succeededFuture();
    }
    log.accept("fetching " + url);
    return client.fetch(url).compose(response -> {
      log.accept("fetched " + url);
      fetched.add(url);
      List<Future<Void>> puts = new ArrayList<>();
      for (String link : links(url, new String(response.body(), StandardCharsets.UTF_8))) {
        if (link.startsWith(baseUrl)) {
          puts.add(queue.put(link));
        }
      }
      return Gen.multi(puts).mapEmpty();
    });
  }

  /** The absolute, fragment-free targets of the page's {@code <a href>} links. */
  static List<String> links(String pageUrl, String html) {
    List<String> links = new ArrayList<>();
    URI base = URI.create(pageUrl);
    Matcher m = LINK.matcher(html);
    while (m.find()) {
      String href = m.group(1) != null ? m.group(1) : m.group(2);
      try {
        URI target = base.resolve(href.strip());
        links.add(new URI(target.getScheme(), target.getAuthority(), target.getPath(), target.getQuery(), null)
            .toString());
      } catch (IllegalArgumentException | java.net.URISyntaxException e) {
        // Not a URL a browser would follow either; skip it, as Python's urljoin keeps going.
      }
    }
    return links;
  }
}

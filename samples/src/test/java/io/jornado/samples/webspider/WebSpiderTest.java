package io.jornado.samples.webspider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.httpclient.AsyncHttpClient;
import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.testing.ExpectLog;
import io.jornado.web.Application;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The webspider sample crawling its own site on 127.0.0.1. */
class WebSpiderTest extends AsyncHttpTestCase {
  private static final int PAGES = 30;

  @Override
  protected Application getApp() {
    return Site.makeApp(PAGES);
  }

  @Test
  void crawlsEveryPageBeneathTheBaseUrlOnce() {
    String base = getUrl("/docs/");
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    AsyncHttpClient client = new AsyncHttpClient(ioLoop());
    try (ExpectLog missing = new ExpectLog("jornado.access", "404 GET /docs/page/" + PAGES + "\\.html")) {
      Spider.Result result = await(new Spider(base, 5, client, lines::add).crawl(Duration.ofSeconds(60)),
          Duration.ofSeconds(70));
      Set<String> expected = new HashSet<>();
      expected.add(base);
      for (int i = 0; i < PAGES; i++) {
        expected.add(base + "page/" + i + ".html");
      }
      assertEquals(expected, result.fetched());
      assertEquals(Set.of(base + "page/" + PAGES + ".html"), result.dead(), "the one broken link");
      long fetchingLines = lines.stream().filter(l -> l.startsWith("fetching ")).count();
      assertEquals(PAGES + 2, fetchingLines, "each URL fetched once: " + lines);
      assertTrue(lines.stream().noneMatch(l -> l.contains("example.invalid")), "left the site: " + lines);
    } finally {
      await(client.close());
    }
  }

  @Test
  void linksAreResolvedAndLoseTheirFragment() {
    List<String> links = Spider.links("http://127.0.0.1:1/docs/page/3.html",
        "<a href=\"4.html#section\">n</a><A HREF='/docs/page/1.html'>j</A><a href=\"../\">i</a><a name=x>no</a>");
    assertEquals(List.of("http://127.0.0.1:1/docs/page/4.html", "http://127.0.0.1:1/docs/page/1.html",
        "http://127.0.0.1:1/docs/"), links);
  }
}

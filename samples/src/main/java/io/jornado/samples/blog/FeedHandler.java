package io.jornado.samples.blog;

import io.vertx.core.Future;
import java.util.Map;

/**
 * {@code GET /feed}: the ten newest entries as an Atom feed ({@code application/atom+xml}).
 *
 * <p>Ports FeedHandler of Tornado's blog demo.
 */
public class FeedHandler extends BaseHandler {
  /** Made by the application for each request. */
  public FeedHandler() {}

  /**
   * Writes the feed.
   *
   * @return completes when the feed is written
   */
  public Future<Void> get() {
    return store().entries(10).compose(entries -> {
      setHeader("Content-Type", "application/atom+xml");
      return render("feed.xml", Map.of("entries", entries));
    });
  }
}

package io.jornado.samples.blog;

import io.vertx.core.Future;
import java.util.Map;

/**
 * {@code GET /}: the five newest entries; with none yet, a redirect to {@code /compose}.
 *
 * <p>Ports HomeHandler of Tornado's blog demo.
 */
public class HomeHandler extends BaseHandler {
  /** Made by the application for each request. */
  public HomeHandler() {}

  /**
   * Shows the newest entries.
   *
   * @return completes when the page is written
   */
  public Future<Void> get() {
    return store().entries(5).compose(entries -> {
      if (entries.isEmpty()) {
        redirect("/compose");
        return Future.succeededFuture();
      }
      return render("home.html", Map.of("entries", entries));
    });
  }
}

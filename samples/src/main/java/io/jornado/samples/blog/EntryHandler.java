package io.jornado.samples.blog;

import io.jornado.web.HttpError;
import io.vertx.core.Future;
import java.util.Map;

/**
 * {@code GET /entry/<slug>}: one entry; 404 when no entry has that slug.
 *
 * <p>Ports EntryHandler of Tornado's blog demo (whose {@code queryone} raises on a missing row, so an
 * unknown slug is a 500 there).
 */
public class EntryHandler extends BaseHandler {
  /** Made by the application for each request. */
  public EntryHandler() {}

  /**
   * Shows the entry.
   *
   * @param slug the entry's slug, from the URL
   * @return completes when the page is written
   */
  public Future<Void> get(String slug) {
    return store().entryBySlug(slug)
        .compose(entry -> render("entry.html", Map.of("entry", entry.orElseThrow(() -> new HttpError(404)))));
  }
}

package io.jornado.samples.blog;

import io.vertx.core.Future;
import java.util.Map;

/**
 * {@code GET /archive}: every entry's title and date, newest first.
 *
 * <p>Ports ArchiveHandler of Tornado's blog demo.
 */
public class ArchiveHandler extends BaseHandler {
  /** Made by the application for each request. */
  public ArchiveHandler() {}

  /**
   * Lists the entries.
   *
   * @return completes when the page is written
   */
  public Future<Void> get() {
    return store().allEntries().compose(entries -> render("archive.html", Map.of("entries", entries)));
  }
}

package io.jornado.samples.blog;

import io.vertx.core.Future;

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
    return store().allEntries().map(entries -> {
      write(views().archive(page(), entries));
      return null;
    });
  }
}

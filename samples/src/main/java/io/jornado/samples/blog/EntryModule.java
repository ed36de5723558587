package io.jornado.samples.blog;

import io.jornado.web.UIModule;
import java.util.List;
import java.util.Map;

/**
 * {@code {% module Entry(entry) %}}: one entry as the home and entry pages show it
 * ({@code modules/entry.html}).
 *
 * <p>Ports EntryModule of Tornado's blog demo.
 */
public class EntryModule extends UIModule {
  /** Made once per request that uses it. */
  public EntryModule() {}

  /**
   * Renders {@code modules/entry.html} for the entry.
   *
   * <p>Tornado demo: EntryModule.render(entry).
   *
   * @param args the entry, alone
   * @param kwargs none
   * @return the entry's HTML
   */
  @Override
  public String render(List<Object> args, Map<String, Object> kwargs) {
    if (args.size() != 1 || !(args.get(0) instanceof Entry) || !kwargs.isEmpty()) {
      throw new IllegalArgumentException("Entry takes one entry, not " + args + " " + kwargs);
    }
    return renderString("modules/entry.html", Map.of("entry", args.get(0)));
  }
}

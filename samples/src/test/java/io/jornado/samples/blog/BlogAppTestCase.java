package io.jornado.samples.blog;

import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.web.Application;
import java.util.UUID;

/** The blog application on a fresh in-memory H2 database for each test. */
abstract class BlogAppTestCase extends AsyncHttpTestCase {
  /** The database's URL, for a test that reaches it directly. */
  protected final String dbUrl = "jdbc:h2:mem:blog-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  protected BlogStore store;

  @Override
  protected void setUpResources() throws Exception {
    // The store first: getApp(), called by the super's set-up, needs it.
    store = await(BlogStore.open(ioLoop().vertx(), dbUrl));
    super.setUpResources();
  }

  @Override
  protected void tearDownResources() throws Exception {
    try {
      await(store.close());
    } finally {
      super.tearDownResources();
    }
  }

  @Override
  protected Application getApp() {
    return Blog.makeApp(store);
  }
}

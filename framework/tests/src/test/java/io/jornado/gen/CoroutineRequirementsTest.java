package io.jornado.gen;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jornado.testing.AsyncTestCase;
import io.jornado.web.Application;
import io.jornado.web.RequestHandler;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What needs no virtual thread: the Java 17 start-up refusal, and Gen.await on the loop and on plain threads. */
class CoroutineRequirementsTest extends AsyncTestCase {
  @Coroutine
  public static class Awaiting extends RequestHandler {
    public void get() {
      write("ok");
    }
  }

  public static class Inheriting extends Awaiting {}

  @Test
  void applicationWithCoroutineHandlerFailsAtConstructionBeforeJava21() {
    assumeTrue(Runtime.version().feature() < 21, "this Java (" + Runtime.version() + ") has virtual threads");
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> new Application(List.of(url("/", Inheriting.class))));
    assertEquals("Handler " + Inheriting.class.getName() + " (@Coroutine) runs on virtual threads, which need"
        + " Java 21 or later; this is Java " + Runtime.version(), error.getMessage());
  }

  @Test
  void coroutineFailsBeforeJava21() {
    assumeTrue(Runtime.version().feature() < 21, "this Java (" + Runtime.version() + ") has virtual threads");
    IllegalStateException error = assertThrows(IllegalStateException.class, () -> Gen.coroutine(() -> 1));
    assertEquals("Gen.coroutine runs on virtual threads, which need Java 21 or later; this is Java "
        + Runtime.version(), error.getMessage());
  }

  @Test
  void applicationWithCoroutineHandlerStartsOnJava21() {
    assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21+, running " + Runtime.version());
    new Application(List.of(url("/", Inheriting.class)));
  }

  @Test
  void awaitOnTheEventLoopFailsPointingToCoroutine() {
    Promise<String> never = Promise.promise();
    IllegalStateException error = ioLoop().runSync(() -> {
      try {
        Gen.await(never.future());
        return Future.failedFuture(new AssertionError("Gen.await returned on the event loop"));
      } catch (IllegalStateException e) {
        return Future.succeededFuture(e);
      }
    });
    assertTrue(error.getMessage().startsWith("Gen.await called on event-loop thread vert.x-eventloop-thread"),
        error.getMessage());
    assertTrue(error.getMessage().contains("annotate the handler class @Coroutine, or run the code in Gen.coroutine(...)"),
        error.getMessage());
  }

  @Test
  void awaitOnAPlainThreadBlocksForTheResult() {
    Promise<String> later = Promise.promise();
    ioLoop().callLater(java.time.Duration.ofMillis(20), () -> later.complete("later"));
    assertEquals("later", Gen.await(later.future()));
  }

  @Test
  void awaitOnAPlainThreadThrowsTheFailureAsItIs() {
    IOException failure = new IOException("checked");
    Promise<String> later = Promise.promise();
    ioLoop().callLater(java.time.Duration.ofMillis(20), () -> later.fail(failure));
    assertSame(failure, assertThrows(IOException.class, () -> Gen.await(later.future())));
  }
}

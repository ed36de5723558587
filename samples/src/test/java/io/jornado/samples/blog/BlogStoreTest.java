package io.jornado.samples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.testing.AsyncTestCase;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BlogStoreTest extends AsyncTestCase {
  private BlogStore store;

  @Override
  protected void setUpResources() throws Exception {
    super.setUpResources();
    store = await(BlogStore.open(ioLoop().vertx(), "jdbc:h2:mem:blogstore-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
  }

  @Override
  protected void tearDownResources() throws Exception {
    try {
      await(store.close());
    } finally {
      super.tearDownResources();
    }
  }

  @Test
  void authorsAreFoundByEmailAndId() {
    assertFalse(await(store.anyAuthorExists()));
    Author ada = await(store.createAuthor("ada@example.com", "Ada", "pbkdf2-sha256$1$AA$AA"));
    assertTrue(await(store.anyAuthorExists()));
    assertEquals(Optional.of(ada), await(store.authorByEmail("ada@example.com")));
    assertEquals(Optional.of(ada), await(store.authorById(ada.id())));
    assertEquals(Optional.empty(), await(store.authorByEmail("bob@example.com")));
    assertFalse(ada.toString().contains("pbkdf2"), ada.toString());
    assertThrows(Exception.class, () -> await(store.createAuthor("ada@example.com", "Ada 2", "x")),
        "the email is unique");
  }

  @Test
  void equalTitlesGetNumberedSlugsAndEditsKeepTheSlug() {
    Author ada = await(store.createAuthor("ada@example.com", "Ada", "hash"));
    assertEquals("my-post", await(store.createEntry(ada, "My post!", "one")).slug());
    assertEquals("my-post-2", await(store.createEntry(ada, "My  POST", "two")).slug());
    assertEquals("my-post-3", await(store.createEntry(ada, "my post", "three")).slug());
    assertEquals("my-post-2-2", await(store.createEntry(ada, "My post 2", "four")).slug(),
        "my-post-2 is taken by the second entry");
    assertEquals("entry", await(store.createEntry(ada, "!!!", "five")).slug());
    assertEquals("entry-2", await(store.createEntry(ada, "日本", "six")).slug());

    List<Entry> newest = await(store.entries(3));
    assertEquals(List.of("entry-2", "entry", "my-post-2-2"), newest.stream().map(Entry::slug).toList());
    assertEquals(6, await(store.allEntries()).size());

    Entry first = await(store.entryBySlug("my-post")).orElseThrow();
    assertEquals("<p>one</p>", first.html());
    Entry edited = await(store.updateEntry(first.id(), "A new title", "changed")).orElseThrow();
    assertEquals("my-post", edited.slug());
    assertEquals("A new title", edited.title());
    assertEquals("<p>changed</p>", edited.html());
    assertEquals(first.published(), edited.published());
    assertFalse(edited.updated().isBefore(first.updated()));
    assertEquals(Optional.empty(), await(store.updateEntry(999, "t", "m")));
    assertEquals(Optional.empty(), await(store.entryBySlug("nope")));
  }

  @Test
  void slugsAreLowerCaseAsciiWords() {
    assertEquals("hello-world", Slugs.slugify("Hello, World!"));
    assertEquals("cafe-creme", Slugs.slugify("Café crème"));
    assertEquals("dzemal-fine-1", Slugs.slugify("Ǆemal ﬁne ①"));
    assertEquals("test", Slugs.slugify("日本 test"));
    assertEquals("__a_b__", Slugs.slugify("  __a_b__  "));
    assertEquals("entry", Slugs.slugify(""));
    String longSlug = Slugs.slugify("word ".repeat(40));
    assertTrue(longSlug.length() <= Slugs.MAX_LENGTH && !longSlug.endsWith("-"), longSlug);
    assertEquals("a-4", Slugs.unique("a", Set.of("a", "a-2", "a-3")));
  }

  @Test
  void markdownSubsetMakesEscapedParagraphsAndBreaks() {
    assertEquals("<p>a\nb</p>", Markdown.toHtml("a\nb"));
    assertEquals("<p>a<br />\nb</p>\n<p>c &amp; &lt;d&gt;</p>", Markdown.toHtml("a  \r\nb\n\n\n  c & <d>  \n"));
    assertEquals("", Markdown.toHtml(" \n\n"));
  }

  @Test
  void passwordsAreHashedWithASaltAndChecked() {
    String hash = Passwords.hash("secret", 1000);
    assertTrue(hash.startsWith("pbkdf2-sha256$1000$"), hash);
    assertFalse(hash.contains("secret"));
    assertFalse(hash.equals(Passwords.hash("secret", 1000)), "a new salt each time");
    assertTrue(Passwords.check("secret", hash));
    assertFalse(Passwords.check("Secret", hash));
    assertThrows(IllegalArgumentException.class, () -> Passwords.check("secret", "secret"));
  }

  @Test
  void unsupportedUrlsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BlogStore.open(ioLoop().vertx(), "mysql://localhost/blog"));
    assertTrue(e.getMessage().startsWith("Unsupported database URL 'mysql://localhost/blog'"), e.getMessage());
    assertEquals("SELECT a FROM t WHERE b = $1 AND c = $2", BlogStore.numberPlaceholders("SELECT a FROM t WHERE b = ? AND c = ?"));
  }
}

package io.jornado.samples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.escape.Escape;
import io.jornado.httpclient.HttpResponse;
import io.jornado.testing.ExpectLog;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BlogTest extends BlogAppTestCase {
  /** The Entry module's markup (modules/entry.html) for the entry the story writes. */
  private static final Pattern ENTRY_MARKUP = Pattern.compile("<div class=\"entry\">\n"
      + "<h1><a href=\"/entry/hello-world-friends\">Hello &lt;World&gt; &amp; friends</a></h1>\n"
      + "<div class=\"date\">[A-Z][a-z]+ [1-9][0-9]?, [0-9]{4}</div>\n<div class=\"body\">");
  private static final Pattern SESSION = Pattern.compile("^blogdemo_session=([A-Za-z0-9_-]{43}); HttpOnly; Path=/; SameSite=Lax$");

  // ---- the first visit ----------------------------------------------------------------------

  @Test
  void theFirstVisitLeadsToCreatingTheAuthor() {
    assertRedirect(fetch("/"), "/compose");
    assertRedirect(fetch("/compose"), "/auth/login?next=%2Fcompose");
    assertRedirect(fetch("/auth/login?next=%2Fcompose"), "/auth/create?next=%2Fcompose");
    HttpResponse form = fetch("/auth/create?next=%2Fcompose");
    assertEquals(200, form.code());
    assertEquals("text/html; charset=UTF-8", form.headers().get("Content-Type"));
    String page = form.bodyAsString();
    assertTrue(page.startsWith("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"UTF-8\">\n"), page);
    assertTrue(page.contains("\n<title>Jornado Blog</title>\n"), page);
    assertTrue(page.contains("<div id=\"header\">\n<div style=\"float:right\">\n"), page);
    assertTrue(page.contains("<h1><a href=\"/\">Jornado Blog</a></h1>\n</div>\n<div id=\"content\">\n"), page);
    assertTrue(page.contains("<form action=\"/auth/create?next=%2Fcompose\" method=\"POST\">"), page);
    assertTrue(page.contains("<input name=\"password\" type=\"password\">"), page);
    assertTrue(page.contains("<a href=\"/auth/login?next=%2Fauth%2Fcreate\">Sign in</a> to compose/edit"), page);
  }

  // ---- the whole story ----------------------------------------------------------------------

  @Test
  void createLogInComposeReadEditAndLogOut() throws Exception {
    String cookie = createAuthor();

    try (ExpectLog warning = new ExpectLog("jornado.general", "400 POST /auth/create .*: author already created");
        ExpectLog access = new ExpectLog("jornado.access", "400 POST /auth/create")) {
      assertEquals(400, post("/auth/create", null, "email=b%40example.com&name=B&password=x").code());
    }

    // A wrong password or email shows the form again with the error; nobody is logged in.
    HttpResponse wrong = post("/auth/login", null, "email=ada%40example.com&password=wrong");
    assertEquals(200, wrong.code());
    assertTrue(wrong.bodyAsString().contains("<span style=\"color: red\">Error: incorrect password</span>"),
        wrong.bodyAsString());
    assertEquals(List.of(), wrong.headers().getAll("Set-Cookie"));
    HttpResponse unknown = post("/auth/login", null, "email=nobody%40example.com&password=secret%20words");
    assertTrue(unknown.bodyAsString().contains("Error: email not found"), unknown.bodyAsString());

    HttpResponse login = post("/auth/login?next=%2Fcompose", null, "email=ada%40example.com&password=secret%20words");
    assertRedirect(login, "/compose");
    String secondSession = sessionCookie(login);
    assertFalse(secondSession.equals(cookie), "each login starts a new session");

    HttpResponse form = fetch("/compose", r -> r.header("Cookie", secondSession));
    assertEquals(200, form.code());
    String composePage = form.bodyAsString();
    assertTrue(composePage.contains("<form action=\"/compose\" method=\"post\" class=\"compose\">"), composePage);
    assertTrue(composePage.contains("<input type=\"submit\" value=\"Publish post\" class=\"submit\"/>"), composePage);
    assertTrue(composePage.contains("<a href=\"/compose\">New post</a> -\n"
        + "<a href=\"/auth/logout?next=%2Fcompose\">Sign out</a>"), composePage);

    HttpResponse created = post("/compose", secondSession,
        "title=" + Escape.urlEscape("Hello <World> & friends") + "&markdown="
            + Escape.urlEscape("First line  \nsecond line\n\n<script>alert(1)</script>"));
    assertRedirect(created, "/entry/hello-world-friends");

    String entryHtml = "<div class=\"body\"><p>First line<br />\nsecond line</p>\n"
        + "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p></div>";
    HttpResponse home = fetch("/");
    assertEquals(200, home.code());
    String homePage = home.bodyAsString();
    assertTrue(homePage.contains("<title>Jornado Blog</title>"), homePage);
    assertTrue(ENTRY_MARKUP.matcher(homePage).find(), homePage);
    assertTrue(homePage.contains(entryHtml), homePage);
    assertTrue(homePage.contains("<div><a href=\"/archive\">Archive</a></div>\n</div>\n</div>\n"), homePage);
    assertFalse(homePage.contains("<script>"), homePage);
    assertFalse(homePage.contains("Edit this post"), "a reader sees no edit link");
    assertTrue(fetch("/", r -> r.header("Cookie", secondSession)).bodyAsString()
        .contains("<a href=\"/compose?id=1\">Edit this post</a>"));

    HttpResponse entry = fetch("/entry/hello-world-friends");
    assertEquals(200, entry.code());
    String entryPage = entry.bodyAsString();
    assertTrue(entryPage.contains("<title>Jornado Blog</title>"), entryPage);
    assertTrue(entryPage.contains("<a href=\"/auth/login?next=%2Fentry%2Fhello-world-friends\">Sign in</a> to compose/edit"),
        entryPage);
    assertTrue(ENTRY_MARKUP.matcher(entryPage).find(), entryPage);
    assertTrue(entryPage.contains(entryHtml), entryPage);

    HttpResponse archive = fetch("/archive");
    assertEquals(200, archive.code());
    assertTrue(archive.bodyAsString().contains(
        "<div class=\"title\"><a href=\"/entry/hello-world-friends\">Hello &lt;World&gt; &amp; friends</a></div>"),
        archive.bodyAsString());

    HttpResponse feed = fetch("/feed");
    assertEquals(200, feed.code());
    assertEquals("application/atom+xml", feed.headers().get("Content-Type"));
    String atom = feed.bodyAsString();
    String site = "http://127.0.0.1:" + getHttpPort() + "/";
    assertTrue(atom.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"),
        atom);
    assertTrue(atom.contains("<link rel=\"self\" href=\"" + site + "feed\""), atom);
    assertTrue(atom.contains("  <title>Jornado Blog</title>\n"), atom);
    assertTrue(atom.contains("  <id>" + site + "</id>\n"), atom);
    assertTrue(atom.contains("    <entry>\n      <id>" + site + "entry/hello-world-friends</id>\n"
        + "      <title type=\"text\">Hello &lt;World&gt; &amp; friends</title>\n"), atom);
    assertTrue(Pattern.compile("<published>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ</published>").matcher(atom).find(),
        atom);
    assertTrue(atom.contains("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>First line<br />\nsecond line</p>"), atom);
    assertTrue(atom.endsWith("    </entry>\n  \n</feed>\n"), atom);

    // Editing keeps the slug.
    HttpResponse editForm = fetch("/compose?id=1", r -> r.header("Cookie", secondSession));
    String editPage = editForm.bodyAsString();
    assertTrue(editPage.contains("value=\"Hello &lt;World&gt; &amp; friends\""), editPage);
    assertTrue(editPage.contains("class=\"markdown\" required>First line  \nsecond line\n\n"
        + "&lt;script&gt;alert(1)&lt;/script&gt;</textarea>"), editPage);
    assertTrue(editPage.contains("<input type=\"hidden\" name=\"id\" value=\"1\"/>"), editPage);
    assertRedirect(post("/compose", secondSession, "id=1&title=Renamed&markdown=New+text"),
        "/entry/hello-world-friends");
    String edited = fetch("/entry/hello-world-friends").bodyAsString();
    assertTrue(edited.contains(">Renamed</a></h1>") && edited.contains("<p>New text</p>"), edited);

    // Logging out clears the cookie and ends the session on the server.
    HttpResponse logout = fetch("/auth/logout?next=%2Farchive", r -> r.header("Cookie", secondSession));
    assertRedirect(logout, "/archive");
    assertTrue(logout.headers().get("Set-Cookie").startsWith("blogdemo_session=\"\"; expires="),
        logout.headers().get("Set-Cookie"));
    assertRedirect(fetch("/compose", r -> r.header("Cookie", secondSession)), "/auth/login?next=%2Fcompose");
    assertEquals(200, fetch("/compose", r -> r.header("Cookie", cookie)).code(), "the other session lives on");
  }

  // ---- refusals -----------------------------------------------------------------------------

  @Test
  void composeWithoutLoginRedirectsAGetWithItsQueryAndRefusesAPost() {
    assertRedirect(fetch("/compose?id=1"), "/auth/login?next=%2Fcompose%3Fid%3D1");
    assertRedirect(fetch("/compose", r -> r.header("Cookie", "blogdemo_session=forged")),
        "/auth/login?next=%2Fcompose");
    try (ExpectLog access = new ExpectLog("jornado.access", "403 POST /compose")) {
      assertEquals(403, post("/compose", null, "title=t&markdown=m").code());
    }
  }

  @Test
  void unknownEntriesAre404AndBadIdsAre400() throws Exception {
    try (ExpectLog access = new ExpectLog("jornado.access", "404 GET /entry/nope")) {
      assertEquals(404, fetch("/entry/nope").code());
    }
    String cookie = createAuthor();
    try (ExpectLog access = new ExpectLog("jornado.access", "404 GET /compose\\?id=7")) {
      assertEquals(404, fetch("/compose?id=7", r -> r.header("Cookie", cookie)).code());
    }
    try (ExpectLog access = new ExpectLog("jornado.access", "404 POST /compose")) {
      assertEquals(404, post("/compose", cookie, "id=7&title=t&markdown=m").code());
    }
    try (ExpectLog warning = new ExpectLog("jornado.general", "400 GET /compose\\?id=x .*: not an entry id: x");
        ExpectLog access = new ExpectLog("jornado.access", "400 GET /compose\\?id=x")) {
      assertEquals(400, fetch("/compose?id=x", r -> r.header("Cookie", cookie)).code());
    }
    try (ExpectLog warning = new ExpectLog("jornado.general", "400 POST /compose .*: Missing argument markdown");
        ExpectLog access = new ExpectLog("jornado.access", "400 POST /compose")) {
      assertEquals(400, post("/compose", cookie, "title=t").code());
    }
  }

  @Test
  void nextMustBeAPathOnThisSite() throws Exception {
    createAuthor();
    for (String next : List.of("http://evil.example/", "//evil.example/", "/\\evil.example/", "compose")) {
      String path = "/auth/logout?next=" + Escape.urlEscape(next);
      try (ExpectLog warning = new ExpectLog("jornado.general", "400 GET /auth/logout.*: next must be a path on this site");
          ExpectLog access = new ExpectLog("jornado.access", "400 GET /auth/logout")) {
        assertEquals(400, fetch(path).code(), next);
      }
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** Creates the author through the form and returns the session cookie it sets. */
  private String createAuthor() {
    HttpResponse created = post("/auth/create?next=%2Fcompose", null,
        "email=ada%40example.com&name=Ada+L.&password=secret+words");
    assertRedirect(created, "/compose");
    return sessionCookie(created);
  }

  private static String sessionCookie(HttpResponse response) {
    String header = response.headers().get("Set-Cookie");
    Matcher matcher = SESSION.matcher(header == null ? "" : header);
    assertTrue(matcher.matches(), header);
    return "blogdemo_session=" + matcher.group(1);
  }

  private HttpResponse post(String path, String cookie, String form) {
    return fetch(path, r -> {
      r.method("POST").header("Content-Type", "application/x-www-form-urlencoded").body(form);
      return cookie == null ? r : r.header("Cookie", cookie);
    });
  }

  private static void assertRedirect(HttpResponse response, String location) {
    assertEquals(302, response.code(), response.toString());
    assertEquals(location, response.headers().get("Location"));
  }
}

package io.jornado.web;

import io.vertx.core.http.MimeMapping;
import java.util.Locale;
import java.util.Map;

/**
 * The Content-Type StaticFileHandler sends for a file name, as Tornado gets it from Python's
 * {@code mimetypes} on a Debian system ({@code /etc/mime.types}): compression suffixes first
 * ({@code .gz} and {@code .svgz}/{@code .tgz} give {@code application/gzip}, {@code .bz2},
 * {@code .xz}, {@code .br}, {@code .Z} give {@code application/octet-stream}), then the type of the
 * extension, case-insensitively. Where Debian's table and Vert.x's {@link MimeMapping} disagree on a
 * common web type, Debian's wins; other extensions come from Vert.x.
 *
 * <p>Tornado: StaticFileHandler.get_content_type with mimetypes.guess_type.
 */
final class MimeTypes {
  static final String OCTET_STREAM = "application/octet-stream";
  private static final Map<String, String> SUFFIXES = Map.of(".svgz", ".svg.gz", ".tgz", ".tar.gz", ".taz", ".tar.gz",
      ".tz", ".tar.gz", ".tbz2", ".tar.bz2", ".txz", ".tar.xz");
  private static final Map<String, String> ENCODINGS = Map.of(".gz", "gzip", ".Z", "compress", ".bz2", "bzip2",
      ".xz", "xz", ".br", "br");
  private static final Map<String, String> DEBIAN = Map.ofEntries(
      Map.entry("ico", "image/vnd.microsoft.icon"), Map.entry("woff", "font/woff"), Map.entry("ttf", "font/ttf"),
      Map.entry("otf", "font/otf"), Map.entry("ttc", "font/collection"), Map.entry("m4v", "video/mp4"),
      Map.entry("m4a", "audio/mp4"), Map.entry("avif", "image/avif"), Map.entry("heic", "image/heic"),
      Map.entry("heif", "image/heif"), Map.entry("opus", "audio/ogg"), Map.entry("flac", "audio/flac"),
      Map.entry("aac", "audio/aac"), Map.entry("3gp", "audio/3gpp"), Map.entry("3g2", "audio/3gpp2"),
      Map.entry("xsl", "application/xslt+xml"), Map.entry("rss", "application/x-rss+xml"),
      Map.entry("md", "text/markdown"), Map.entry("markdown", "text/markdown"),
      Map.entry("webmanifest", "application/manifest+json"), Map.entry("vtt", "text/vtt"),
      Map.entry("jsonld", "application/ld+json"), Map.entry("srt", "text/plain"), Map.entry("rar", "application/vnd.rar"),
      Map.entry("sh", "text/x-sh"), Map.entry("mid", "audio/sp-midi"), Map.entry("apng", "image/apng"),
      Map.entry("jxl", "image/jxl"), Map.entry("vcf", "text/vcard"), Map.entry("midi", OCTET_STREAM), Map.entry("gz", "application/gzip"),
      Map.entry("bz2", OCTET_STREAM));

  private MimeTypes() {}

  static String forPath(String path) {
    String base = path;
    String ext = extension(base);
    while (SUFFIXES.containsKey(ext.toLowerCase(Locale.ROOT))) {
      base = base.substring(0, base.length() - ext.length()) + SUFFIXES.get(ext.toLowerCase(Locale.ROOT));
      ext = extension(base);
    }
    String encoding = ENCODINGS.get(ext);
    if (encoding != null) {
      return encoding.equals("gzip") ? "application/gzip" : OCTET_STREAM;
    }
    if (ext.isEmpty()) {
      return OCTET_STREAM;
    }
    String key = ext.substring(1).toLowerCase(Locale.ROOT);
    String type = DEBIAN.get(key);
    if (type == null) {
      type = MimeMapping.mimeTypeForExtension(key);
    }
    return type == null ? OCTET_STREAM : type;
  }

  /** posixpath.splitext: the last dot of the last segment, ignoring leading dots. */
  private static String extension(String path) {
    int name = path.lastIndexOf('/') + 1;
    int dot = path.lastIndexOf('.');
    if (dot <= name) {
      return "";
    }
    for (int i = name; i < dot; i++) {
      if (path.charAt(i) != '.') {
        return path.substring(dot);
      }
    }
    return "";
  }
}

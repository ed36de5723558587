package io.jornado.escape;

import java.util.Collection;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** tornado.escape.linkify: its URL pattern, written with Python's \w, \s and \b. */
final class Linkify {
  private static final String W = "[" + PyText.WORD_CLASS + "]";
  private static final String NOT_SPACE_AMP_PAREN = "[^" + PyText.SPACE_CLASS + "&()]";
  private static final Pattern URL = Pattern.compile(
      "(?:(?<!" + W + ")(?=" + W + ")|(?<=" + W + ")(?!" + W + "))"
          + "((?:([" + PyText.WORD_CLASS + "-]+):(/{1,3})|www[.])"
          + "(?:(?:(?:" + NOT_SPACE_AMP_PAREN + "|&amp;|&quot;)*"
          + "(?:[^!\"#$%&'()*+,.:;<=>?@\\[\\]^`{|}~" + PyText.SPACE_CLASS + "]))"
          + "|(?:\\((?:" + NOT_SPACE_AMP_PAREN + "|&amp;|&quot;)*\\)))+)");
  private static final int MAX_LEN = 30;

  private Linkify() {}

  static String linkify(String text, boolean shorten, Object extraParams, boolean requireProtocol,
      Collection<String> permittedProtocols) {
    String fixedParams = extraParams instanceof String && !((String) extraParams).isEmpty()
        ? " " + PyText.strip((String) extraParams) : "";
    String escaped = Escape.xhtmlEscape(text);
    Matcher m = URL.matcher(escaped);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      if (out == null) {
        out = new StringBuilder(escaped.length() + 64);
      }
      out.append(escaped, last, m.start());
      String url = m.group(1);
      String proto = m.group(2);
      if ((requireProtocol && proto == null) || (proto != null && !permittedProtocols.contains(proto))) {
        out.append(url);
      } else {
        String href = proto == null ? "http://" + url : url;
        @SuppressWarnings("unchecked")
        String params = extraParams instanceof Function
            ? " " + PyText.strip(((Function<String, String>) extraParams).apply(href)) : fixedParams;
        appendLink(out, url, proto == null ? 0 : proto.length() + 1 + m.group(3).length(), href, params,
            shorten);
      }
      last = m.end();
    }
    return out == null ? escaped : out.append(escaped, last, escaped.length()).toString();
  }

  private static void appendLink(StringBuilder out, String url, int protoChars, String href,
      String params, boolean shorten) {
    String shown = url;
    if (shorten && PyText.codePointLength(url) > MAX_LEN) {
      shown = clip(url, protoChars);
      if (!shown.equals(url)) {
        int amp = shown.lastIndexOf('&');
        if (amp >= 0 && shown.codePointCount(0, amp) > MAX_LEN - 5) {
          shown = shown.substring(0, amp);
        }
        shown += "...";
        if (PyText.codePointLength(shown) >= PyText.codePointLength(url)) {
          shown = url;
        } else {
          params += " title=\"" + href + "\"";
        }
      }
    }
    out.append("<a href=\"").append(href).append('"').append(params).append('>').append(shown)
        .append("</a>");
  }

  /** The host and the start of the first path segment, then at most MAX_LEN code points. */
  private static String clip(String url, int protoChars) {
    String clipped = url;
    String rest = url.substring(protoChars);
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      int nextSlash = rest.indexOf('/', slash + 1);
      String segment = PyText.prefix(rest.substring(slash + 1, nextSlash < 0 ? rest.length() : nextSlash), 8);
      segment = upTo(upTo(segment, '?'), '.');
      clipped = url.substring(0, protoChars) + rest.substring(0, slash) + "/" + segment;
    }
    if (PyText.codePointLength(clipped) > MAX_LEN * 3 / 2) {
      clipped = PyText.prefix(clipped, MAX_LEN);
    }
    return clipped;
  }

  private static String upTo(String s, char stop) {
    int i = s.indexOf(stop);
    return i < 0 ? s : s.substring(0, i);
  }
}

package io.jornado.web;

import java.util.List;
import java.util.regex.Pattern;

/** The routes for one host pattern (matched against the lower-cased host name, implicit $). */
final class HostRules {
  final Pattern host;
  final List<Route> routes;
  final boolean wildcard;

  HostRules(String hostPattern, List<Route> routes) {
    this.host = Pattern.compile(hostPattern.endsWith("$") ? hostPattern : hostPattern + "$");
    this.routes = routes;
    this.wildcard = hostPattern.equals(".*$");
  }
}

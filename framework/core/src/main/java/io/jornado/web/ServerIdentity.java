package io.jornado.web;

/** The Server header every response carries by default. */
final class ServerIdentity {
  static final String VERSION = "0.1";
  static final String SERVER_HEADER = "JornadoServer/" + VERSION;

  private ServerIdentity() {}
}

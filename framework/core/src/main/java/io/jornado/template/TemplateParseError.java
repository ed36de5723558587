package io.jornado.template;

import io.jornado.util.JornadoException;

/**
 * A template that cannot be parsed: its message, file and line; {@link #getMessage()} reads
 * {@code "<message> at <file>:<line>"}. Expressions outside the supported Python subset are reported
 * here too, naming the construct.
 *
 * <p>Tornado: tornado.template.ParseError.
 */
public final class TemplateParseError extends JornadoException {
  private static final long serialVersionUID = 1L;

  /** Tornado's message, without the location. */
  private final String message;
  /** The template's name. */
  private final String filename;
  /** The line, from 1. */
  private final int lineno;

  /**
   * Creates the error.
   *
   * <p>Tornado: ParseError(message, filename, lineno).
   *
   * @param message what is wrong
   * @param filename the template name
   * @param lineno the 1-based line
   */
  public TemplateParseError(String message, String filename, int lineno) {
    super(message + " at " + filename + ":" + lineno);
    this.message = message;
    this.filename = filename;
    this.lineno = lineno;
  }

  /**
   * What is wrong, without the location.
   *
   * <p>Tornado: ParseError.message.
   *
   * @return the message
   */
  public String message() {
    return message;
  }

  /**
   * The template name.
   *
   * <p>Tornado: ParseError.filename.
   *
   * @return the name
   */
  public String filename() {
    return filename;
  }

  /**
   * The 1-based line.
   *
   * <p>Tornado: ParseError.lineno.
   *
   * @return the line
   */
  public int lineno() {
    return lineno;
  }
}

package io.jornado.web;

/**
 * Reaches package-private framework code from benchmarks in other packages (the bench module puts
 * this class in io.jornado.web, which works on the classpath, outside JPMS). Benchmarks only.
 */
public final class JmhAccess {
  private JmhAccess() {}

  /** {@code ArgumentText.removeControlCharacters}, as {@code RequestHandler.getArgument} applies it. */
  public static String removeControlCharacters(String value) {
    return ArgumentText.removeControlCharacters(value);
  }
}

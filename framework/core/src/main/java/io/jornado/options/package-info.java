/**
 * Command-line and config-file options with a global registry: define options where they are used,
 * parse once in {@code main}.
 *
 * <p>{@link io.jornado.options.Options} holds the global parser and Tornado's module functions
 * ({@code define}, {@code parseCommandLine}, {@code parseConfigFile}, {@code printHelp}); {@link
 * io.jornado.options.OptionParser} is a parser; {@link io.jornado.options.Option} is one defined
 * option and {@link io.jornado.options.OptionSpec} the keyword arguments of {@code define}.
 *
 * <p>Tornado: tornado.options.
 */
package io.jornado.options;

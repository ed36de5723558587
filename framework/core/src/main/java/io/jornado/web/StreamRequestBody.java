package io.jornado.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Streams the request body to {@link RequestHandler#dataReceived} instead of buffering it:
 * {@code prepare()} runs as soon as the headers arrive, then each chunk goes to
 * {@code dataReceived} (a returned future pauses reading until it completes), then the verb method
 * runs. The body is neither kept nor parsed as form arguments, so uploads of any size fit in little
 * memory; {@code max_body_size} still applies.
 *
 * <pre>{@code
 * @StreamRequestBody
 * public class Upload extends RequestHandler {
 *   public Future<?> dataReceived(Buffer chunk) { return file.write(chunk); }
 *   public void put() { write("stored"); }
 * }
 * }</pre>
 *
 * <p>Tornado: tornado.web.stream_request_body.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StreamRequestBody {}

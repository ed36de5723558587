package io.jornado.samples.fileupload;

import static io.jornado.web.UrlSpec.url;

import io.jornado.options.Option;
import io.jornado.options.Options;
import io.jornado.samples.SampleMain;
import io.jornado.web.Application;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The file upload sample: files sent to the server two ways.
 *
 * <ul>
 *   <li>{@code GET /}: a page with a form that posts one or more files as {@code multipart/form-data}.
 *   <li>{@code POST /upload}: {@link UploadListHandler} reads the whole form into memory and lists each
 *       file's name, content type and size.
 *   <li>{@code PUT /stream/<name>}: {@link StreamUploadHandler}, a
 *       {@link io.jornado.web.StreamRequestBody} handler, writes the raw body to {@code <name>} in the
 *       upload directory chunk by chunk, pausing the client while the disk catches up, and answers with
 *       the byte count and SHA-256 of what it stored. Memory use does not grow with the upload.
 * </ul>
 *
 * <p>Run with {@code java -jar jornado-samples.jar fileupload [--port=8888] [--address=127.0.0.1]
 * [--upload_dir=DIR] [--max_body_size=BYTES]}; try it with
 * {@code curl -T big.iso http://127.0.0.1:8888/stream/big.iso}.
 *
 * <p>Ports Tornado's file_upload demo (file_receiver.py).
 */
public final class FileUpload {
  /** The sample's default {@code max_body_size}: 10 GiB, for the streaming endpoint. */
  public static final long DEFAULT_MAX_BODY_SIZE = 10L * 1024 * 1024 * 1024;

  private FileUpload() {}

  /**
   * The application, shared by {@link #main} and the tests.
   *
   * @param uploadDir where {@code PUT /stream/<name>} stores files; must exist
   * @return the file upload application
   */
  public static Application makeApp(Path uploadDir) {
    return new Application(List.of(
        url("/", UploadPageHandler.class),
        url("/upload", UploadListHandler.class),
        url("/stream/(.*)", StreamUploadHandler.class, Map.of(StreamUploadHandler.UPLOAD_DIR, uploadDir))));
  }

  /**
   * Runs the sample: {@code fileupload [--port=8888] [--address=127.0.0.1] [--upload_dir=DIR]
   * [--max_body_size=10737418240]}.
   *
   * @param args command-line options
   */
  public static void main(String[] args) {
    Option<String> uploadDir = Options.define("upload_dir", "",
        "directory for streamed uploads (made if missing; default: a new temporary directory)");
    Option<Long> maxBodySize = Options.define("max_body_size", DEFAULT_MAX_BODY_SIZE,
        "largest request body accepted, in bytes (the buffered POST /upload holds its body in memory)");
    SampleMain.run("fileupload", args, () -> {
      Path dir = uploadDirectory(uploadDir.value());
      System.out.println("Storing streamed uploads in " + dir);
      return makeApp(dir);
    }, server -> server.maxBodySize(maxBodySize.value()));
  }

  private static Path uploadDirectory(String option) {
    try {
      return option.isEmpty()
          ? Files.createTempDirectory("jornado-uploads-")
          : Files.createDirectories(Path.of(option)).toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot use upload directory '" + option + "'", e);
    }
  }
}

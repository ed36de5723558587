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
 * [--upload_dir=DIR] [--max_upload_size=BYTES]}; try it with
 * {@code curl -T big.iso http://127.0.0.1:8888/stream/big.iso}.
 *
 * <p>Ports Tornado's file_upload demo (file_receiver.py).
 */
public final class FileUpload {
  /**
   * The streaming endpoint's default body limit, 10 GiB; it raises its own request's limit in
   * {@code prepare()}, while the server keeps Tornado's 100 MiB for the buffered form.
   */
  public static final long DEFAULT_MAX_UPLOAD_SIZE = 10L * 1024 * 1024 * 1024;

  private FileUpload() {}

  /**
   * The application, shared by {@link #main} and the tests.
   *
   * @param uploadDir where {@code PUT /stream/<name>} stores files; must exist
   * @return the file upload application
   */
  public static Application makeApp(Path uploadDir) {
    return makeApp(uploadDir, DEFAULT_MAX_UPLOAD_SIZE);
  }

  /**
   * The application with a given limit for streamed uploads.
   *
   * @param uploadDir where {@code PUT /stream/<name>} stores files; must exist
   * @param maxUploadSize the largest streamed upload, in bytes
   * @return the file upload application
   */
  public static Application makeApp(Path uploadDir, long maxUploadSize) {
    return new Application(List.of(
        url("/", UploadPageHandler.class),
        url("/upload", UploadListHandler.class),
        url("/stream/(.*)", StreamUploadHandler.class, Map.of(StreamUploadHandler.UPLOAD_DIR, uploadDir,
            StreamUploadHandler.MAX_UPLOAD_SIZE, maxUploadSize))));
  }

  /**
   * Runs the sample: {@code fileupload [--port=8888] [--address=127.0.0.1] [--upload_dir=DIR]
   * [--max_upload_size=10737418240]}.
   *
   * @param args command-line options
   */
  public static void main(String[] args) {
    Option<String> uploadDir = Options.define("upload_dir", "",
        "directory for streamed uploads (made if missing; default: a new temporary directory)");
    Option<Long> maxUploadSize = Options.define("max_upload_size", DEFAULT_MAX_UPLOAD_SIZE,
        "largest streamed upload (PUT /stream/NAME) in bytes; other requests keep max_body_size's 100 MiB");
    SampleMain.run("fileupload", args, () -> {
      Path dir = uploadDirectory(uploadDir.value());
      System.out.println("Storing streamed uploads in " + dir);
      return makeApp(dir, maxUploadSize.value());
    });
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

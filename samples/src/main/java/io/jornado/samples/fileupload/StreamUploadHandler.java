package io.jornado.samples.fileupload;

import io.jornado.web.HttpError;
import io.jornado.web.RequestHandler;
import io.jornado.web.StreamRequestBody;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.CopyOptions;
import io.vertx.core.file.FileSystem;
import io.vertx.core.file.OpenOptions;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code PUT /stream/<name>}: stores the raw request body as {@code <name>} in the upload directory
 * without ever holding it in memory, and answers
 * {@code {"name": ..., "bytes": N, "sha256": "<hex>"}}.
 *
 * <p>{@link #prepareAsync()} runs once the headers arrive and opens a hidden temporary file beside
 * the target; each chunk then goes to {@link #dataReceived}, which hashes it and returns the
 * {@link AsyncFile} write, so the server stops reading from the client until the disk has taken the
 * chunk; {@link #put} closes the file and moves it to its name, replacing an older one. A name that is
 * not a plain file name (empty, {@code .}, {@code ..}, or containing a path separator) gets 400 before
 * any of the body is read. When the upload does not finish (the client goes away, the body exceeds
 * its size limit, the disk fails), the temporary file is deleted.
 *
 * <p>Ports the PUTHandler of Tornado's file_upload demo, which only counts the bytes.
 */
@StreamRequestBody
public class StreamUploadHandler extends RequestHandler {
  /** The route argument naming the upload directory (a {@link Path}). */
  public static final String UPLOAD_DIR = "upload_dir";

  /** The route argument giving the largest upload in bytes (a {@link Long}). */
  public static final String MAX_UPLOAD_SIZE = "max_upload_size";

  private static final Logger LOG = LoggerFactory.getLogger(StreamUploadHandler.class);

  private Path uploadDir;
  private long maxUploadSize;
  private Path target;
  private MessageDigest sha256;
  private long bytes;
  private boolean opening;
  private String partial;
  private AsyncFile file;
  private boolean kept;
  private boolean discarded;

  /** Made by the application for each request. */
  public StreamUploadHandler() {}

  @Override
  public void initialize(Map<String, Object> kwargs) {
    uploadDir = (Path) kwargs.get(UPLOAD_DIR);
    maxUploadSize = (Long) kwargs.get(MAX_UPLOAD_SIZE);
  }

  /** Checks the name and opens the temporary file the body goes to. */
  @Override
  public Future<?> prepareAsync() {
    request().maxBodySize(maxUploadSize);
    target = uploadDir.resolve(plainFileName(pathArgs().get(0)));
    sha256 = newSha256();
    opening = true;
    return fileSystem().createTempFile(uploadDir.toString(), ".upload-", ".part", (String) null)
        .compose(path -> {
          partial = path;
          return fileSystem().open(path, new OpenOptions().setWrite(true).setCreate(false));
        })
        .onComplete(ar -> {
          opening = false;
          file = ar.result();
          if (ar.failed() || discarded) {
            deleteLeftovers();
          }
        });
  }

  /**
   * Hashes the chunk and writes it; the write's future holds the client back until it completes.
   *
   * @param chunk the next bytes of the body
   * @return the pending write
   */
  @Override
  public Future<?> dataReceived(Buffer chunk) {
    if (discarded) {
      return null;
    }
    bytes += chunk.length();
    sha256.update(chunk.getBytes());
    return file.write(chunk);
  }

  /**
   * Closes the file (after its last write), moves it to its name and answers with what was stored.
   *
   * @param name the name from the URL, unused: {@link #prepareAsync()} resolved it
   * @return the close and move
   */
  public Future<Void> put(String name) {
    AsyncFile written = file;
    file = null;
    return written.close()
        .compose(v -> fileSystem().move(partial, target.toString(), new CopyOptions().setReplaceExisting(true)))
        .map(v -> {
          kept = true;
          String hex = HexFormat.of().formatHex(sha256.digest());
          LOG.info("PUT \"{}\" \"{}\" {} bytes sha256={}", target.getFileName(), request().headers().get("Content-Type"),
              bytes, hex);
          Map<String, Object> stored = new LinkedHashMap<>();
          stored.put("name", target.getFileName().toString());
          stored.put("bytes", bytes);
          stored.put("sha256", hex);
          write(stored);
          return null;
        });
  }

  /** The client went away (or the body was refused) before the response: drop the partial file. */
  @Override
  public void onConnectionClose() {
    discard();
  }

  /** Drops the partial file when the response was an error (a failed write, close or move). */
  @Override
  public void onFinish() {
    discard();
  }

  private void discard() {
    if (kept || discarded) {
      return;
    }
    discarded = true;
    deleteLeftovers();
  }

  /** Closes and deletes the temporary file; while it is being opened, the opening does this when done. */
  private void deleteLeftovers() {
    if (opening) {
      return;
    }
    AsyncFile open = file;
    file = null;
    Future<Void> closed = open == null ? Future.succeededFuture() : open.close();
    String path = partial;
    partial = null;
    if (path != null) {
      closed.eventually(() -> fileSystem().delete(path))
          .onFailure(e -> LOG.warn("Could not delete partial upload {}", path, e));
    }
  }

  private FileSystem fileSystem() {
    return ioLoop().vertx().fileSystem();
  }

  /** The name itself when it names a file directly in a directory; 400 otherwise. */
  static String plainFileName(String name) {
    try {
      Path path = Path.of(name);
      if (name.isEmpty() || name.equals(".") || name.equals("..") || path.getNameCount() != 1
          || !path.getFileName().toString().equals(name) || name.indexOf('\\') >= 0) {
        throw new HttpError(400, "not a plain file name: %s", name);
      }
      return name;
    } catch (InvalidPathException e) {
      throw new HttpError(400, "invalid file name: %s", name);
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}

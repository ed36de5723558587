package io.jornado.samples.fileupload;

import io.jornado.escape.Escape;
import io.jornado.httputil.HttpFile;
import io.jornado.web.HttpError;
import io.jornado.web.RequestHandler;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /upload}: reads a {@code multipart/form-data} body whole, as any handler does, and lists
 * each file's field, name, content type and size; 400 when the form has no file.
 */
public class UploadListHandler extends RequestHandler {
  private static final Logger LOG = LoggerFactory.getLogger(UploadListHandler.class);

  /** Made by the application for each request. */
  public UploadListHandler() {}

  /** Lists the uploaded files. */
  public void post() {
    Map<String, List<HttpFile>> files = request().files();
    if (files.isEmpty()) {
      throw new HttpError(400, "no file in the form");
    }
    write("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Uploaded</title></head>\n"
        + "<body>\n<h1>Uploaded files</h1>\n<ul>\n");
    files.forEach((field, list) -> {
      for (HttpFile file : list) {
        LOG.info("POST \"{}\" \"{}\" {} bytes", file.filename(), file.contentType(), file.body().length);
        write("<li>" + Escape.xhtmlEscape(field) + ": <code>" + Escape.xhtmlEscape(file.filename()) + "</code>, "
            + Escape.xhtmlEscape(file.contentType()) + ", " + file.body().length + " bytes</li>\n");
      }
    });
    write("</ul>\n<p><a href=\"/\">Upload more</a></p>\n</body>\n</html>\n");
  }
}

package io.jornado.samples.fileupload;

import io.jornado.web.RequestHandler;

/** Serves the upload form at {@code /}. */
public class UploadPageHandler extends RequestHandler {
  private static final String PAGE = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <title>Jornado file upload</title>
      </head>
      <body>
      <h1>Upload files</h1>
      <form action="/upload" method="post" enctype="multipart/form-data">
      <p><input type="file" name="files" multiple required></p>
      <p><button type="submit">Upload</button></p>
      </form>
      <p>The form's files are read into memory and listed, not stored.</p>
      <h2>Streaming</h2>
      <p>For large files, send the raw bytes with <code>PUT /stream/&lt;name&gt;</code>, e.g.
      <code>curl -T big.iso http://HOST/stream/big.iso</code>. The server writes them to its upload
      directory as they arrive, holding only a chunk or so in memory, and answers with the byte count
      and SHA-256 of what it stored.</p>
      </body>
      </html>
      """;

  /** Made by the application for each request. */
  public UploadPageHandler() {}

  /** Writes the page. */
  public void get() {
    write(PAGE);
  }
}

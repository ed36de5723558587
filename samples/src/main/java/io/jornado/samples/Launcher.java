package io.jornado.samples;

import io.jornado.samples.blog.Blog;
import io.jornado.samples.chat.Chat;
import io.jornado.samples.fileupload.FileUpload;
import io.jornado.samples.helloworld.HelloWorld;
import io.jornado.samples.webspider.WebSpider;
import io.jornado.samples.websocket.EchoSample;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code java -jar jornado-samples.jar <sample> [--port=N] [--address=A]}: runs one sample app.
 * {@code --help}, or no sample, lists them.
 */
public final class Launcher {
  static final Map<String, Sample> SAMPLES = new LinkedHashMap<>();

  static {
    SAMPLES.put("blog", new Sample("Tornado's blog demo: entries, archive, Atom feed, login (--db_url: H2 file by default, or PostgreSQL)",
        Blog::main));
    SAMPLES.put("chat", new Sample("WebSocket chat room with a web page at / (--processes=N for N event loops)",
        Chat::main));
    SAMPLES.put("fileupload", new Sample("Tornado's file_upload demo: multipart POST /upload, streamed PUT /stream/<name>",
        FileUpload::main));
    SAMPLES.put("helloworld", new Sample("Tornado's helloworld demo: 'Hello, world' at /", HelloWorld::main));
    SAMPLES.put("webspider", new Sample("Tornado's webspider demo: crawls a site it serves on 127.0.0.1 with N workers over a queue",
        WebSpider::main));
    SAMPLES.put("websocket", new Sample("WebSocket echo at /websocket (text and binary), with a test page at /",
        EchoSample::main));
  }

  /** A runnable sample and what it shows. */
  record Sample(String description, Consumer<String[]> main) {}

  private Launcher() {}

  /**
   * Runs the named sample with the remaining arguments.
   *
   * @param args the sample's name, then its options
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      usage(err);
      return 2;
    }
    if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      usage(out);
      return 0;
    }
    Sample sample = SAMPLES.get(args[0]);
    if (sample == null) {
      err.println("Unknown sample '" + args[0] + "'");
      usage(err);
      return 2;
    }
    sample.main().accept(Arrays.copyOfRange(args, 1, args.length));
    return 0;
  }

  static void usage(PrintStream out) {
    out.println("Usage: java -jar jornado-samples.jar <sample> [--port=8888] [--address=127.0.0.1]");
    out.println("       java -jar jornado-samples.jar <sample> --help   (the sample's options)");
    out.println();
    out.println("Samples:");
    SAMPLES.forEach((name, sample) -> out.printf("  %-12s %s%n", name, sample.description()));
  }
}

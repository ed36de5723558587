package io.jornado.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resident memory of the server under test: the sum of {@code VmRSS} in {@code /proc/<pid>/status}
 * over its processes (one for a JVM; Tornado with N processes has a parent and N children).
 */
public final class ServerRss {
  private final int[] pids;
  private final List<Integer> missing = new ArrayList<>();

  /** @param pids the server's process ids */
  public ServerRss(int[] pids) {
    this.pids = pids.clone();
  }

  /**
   * Reads the summed resident set now. A process that is gone counts 0 and is remembered in
   * {@link #missing()}.
   *
   * @return KiB resident over all the processes
   */
  public long kib() {
    long total = 0;
    for (int pid : pids) {
      long rss = vmRssKib(pid);
      if (rss < 0) {
        if (!missing.contains(pid)) {
          missing.add(pid);
        }
      } else {
        total += rss;
      }
    }
    return total;
  }

  /** @return the pids that could not be read at some reading */
  public List<Integer> missing() {
    return missing;
  }

  /**
   * @param pid a process id
   * @return its {@code VmRSS} in KiB, or -1 when the process is gone or unreadable
   */
  static long vmRssKib(int pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Integer.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return Long.parseLong(parts[0]);
        }
      }
      return -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}

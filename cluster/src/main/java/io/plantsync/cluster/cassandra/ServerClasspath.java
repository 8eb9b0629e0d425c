package io.plantsync.cluster.cassandra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The classpath of the child JVM: the plantsync-embedded-cassandra jar (or classes folder) plus the jars
 * Cassandra needs, as listed by that module at build time.
 *
 * <p>The application depends on plantsync-embedded-cassandra without its transitive dependencies, so the
 * list is the only place the server's jars are named; they are never loaded into this JVM.
 */
final class ServerClasspath {

  static final String RESOURCE = "io/plantsync/cassandra/server-classpath.txt";
  static final String MAIN_CLASS = "io.plantsync.cassandra.ParentGuardedCassandra";

  private ServerClasspath() {
  }

  static List<Path> locate() {
    URL listing = findListing();
    List<Path> entries = new ArrayList<>();
    entries.add(moduleRoot(listing));
    entries.addAll(readEntries(listing));
    for (Path entry : entries) {
      if (!Files.exists(entry)) {
        throw new IllegalStateException("Embedded Cassandra classpath entry " + entry + " does not exist"
            + " (listed by " + listing + "); rebuild plantsync-embedded-cassandra on this machine");
      }
    }
    return List.copyOf(entries);
  }

  private static URL findListing() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    URL url = context == null ? null : context.getResource(RESOURCE);
    if (url == null) {
      url = ServerClasspath.class.getClassLoader().getResource(RESOURCE);
    }
    if (url == null) {
      throw new IllegalStateException(RESOURCE + " is not on the classpath;"
          + " the plantsync-embedded-cassandra module must be a dependency");
    }
    return url;
  }

  /** The jar or classes folder that holds the listing, and with it the child's main class. */
  private static Path moduleRoot(URL listing) {
    try {
      switch (listing.getProtocol()) {
        case "jar": {
          URLConnection connection = listing.openConnection();
          URL jar = ((JarURLConnection) connection).getJarFileURL();
          return Path.of(jar.toURI());
        }
        case "file": {
          Path root = Path.of(listing.toURI());
          for (int depth = RESOURCE.split("/").length; depth > 0; depth--) {
            root = root.getParent();
          }
          return root;
        }
        default:
          throw new IllegalStateException("Cannot run embedded Cassandra from " + listing
              + ": plantsync-embedded-cassandra must be a jar or folder on the file system");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Unusable location " + listing, e);
    }
  }

  private static List<Path> readEntries(URL listing) {
    String text;
    try {
      URLConnection connection = listing.openConnection();
      // A cached JarURLConnection would keep the jar open for the life of this JVM.
      connection.setUseCaches(false);
      try (InputStream in = connection.getInputStream()) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + listing, e);
    }
    List<Path> entries = new ArrayList<>();
    for (String entry : separators().split(text)) {
      if (!entry.isBlank()) {
        entries.add(Path.of(entry.trim()));
      }
    }
    if (entries.isEmpty()) {
      throw new IllegalStateException(listing + " lists no jars");
    }
    return entries;
  }

  /** maven-dependency-plugin's build-classpath writes the platform's path separator. */
  private static Pattern separators() {
    return Pattern.compile("\\R|" + Pattern.quote(java.io.File.pathSeparator));
  }
}

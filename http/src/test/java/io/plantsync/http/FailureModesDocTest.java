package io.plantsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the names of src/docs/failure-modes.md and the tree in step: every failure mode cited
 * anywhere is described there, and every mode described there is cited by the code, configuration
 * or tests that defend against it. And the repository explains itself: no file points to notes
 * outside it.
 */
class FailureModesDocTest {

  static final String FAILURE_MODES = "src/docs/failure-modes.md";
  static final Pattern NAME = Pattern.compile("FM-[a-z0-9]+(?:-[a-z0-9]+)*");
  static final Pattern DESCRIBED = Pattern.compile("(" + NAME.pattern() + "): .+");
  static final Set<String> NOT_THE_TREE = Set.of(".git", "target", ".plantsync", "node_modules", ".idea");
  /**
   * Joined at run time, so that neither this file nor its class file (where the compiler would fold
   * a constant) contains what it looks for.
   */
  static final List<String> OUTSIDE_POINTERS =
      List.of(String.join("/", "..", "shared"), String.join(" ", "reliability", "note"));

  static Set<String> described;
  /** Path from the root -> text, for every text file of the tree. */
  static Map<String, String> tree;

  @BeforeAll
  static void readDocAndTree() throws IOException {
    described = MarkdownDoc.read(FAILURE_MODES).headings().stream()
        .map(DESCRIBED::matcher).filter(Matcher::matches).map(m -> m.group(1))
        .collect(Collectors.toCollection(TreeSet::new));
    tree = new TreeMap<>();
    Files.walkFileTree(MarkdownDoc.ROOT, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
        return NOT_THE_TREE.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE
            : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        String text = NOT_THE_TREE.contains(file.getFileName().toString()) ? null : text(file);
        if (text != null) tree.put(MarkdownDoc.ROOT.relativize(file).toString().replace('\\', '/'), text);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  @Test
  void theDocDescribesFailureModes() {
    assertThat(described).as(FAILURE_MODES + ": headings \"## <name>: <title>\"").isNotEmpty();
  }

  @Test
  void everyFailureModeCitedInTheTreeIsDescribed() {
    Map<String, Set<String>> undescribed = new TreeMap<>();
    tree.forEach((path, text) -> NAME.matcher(text).results().map(MatchResult::group)
        .filter(name -> !described.contains(name))
        .forEach(name -> undescribed.computeIfAbsent(name, n -> new TreeSet<>()).add(path)));
    assertThat(undescribed).as("failure modes cited (name -> files) but not described in " + FAILURE_MODES).isEmpty();
  }

  @Test
  void everyDescribedFailureModeIsCitedByCodeConfigurationOrATest() {
    Set<String> uncited = new TreeSet<>(described);
    tree.forEach((path, text) -> {
      if (!path.endsWith(".md")) NAME.matcher(text).results().forEach(m -> uncited.remove(m.group()));
    });
    assertThat(uncited).as("failure modes of " + FAILURE_MODES + " that no code, configuration or test cites")
        .isEmpty();
  }

  @Test
  void noFilePointsOutsideTheRepository() {
    Map<String, String> pointing = new TreeMap<>();
    tree.forEach((path, text) -> OUTSIDE_POINTERS.stream().filter(text::contains)
        .forEach(pointer -> pointing.put(path, pointer)));
    assertThat(pointing).as("files pointing outside the repository (file -> what)").isEmpty();
  }

  /** The file's text, or null for a binary file. */
  private static String text(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
      if (bytes[i] == 0) return null;
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}

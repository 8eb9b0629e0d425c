package io.plantsync.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A markdown document of the repository read as its headings and the table rows under each, so a
 * test can hold a doc to the code. A table's header and separator rows are dropped; cells are
 * trimmed and must not contain '|'.
 */
final class MarkdownDoc {

  /** The repository root, seen from a module's directory (where Maven runs the tests). */
  static final Path ROOT = Path.of("..");

  private final Path path;
  private final Map<String, List<List<String>>> rowsByHeading = new LinkedHashMap<>();

  private MarkdownDoc(Path path) {
    this.path = path;
  }

  static MarkdownDoc read(String pathFromRoot) throws IOException {
    MarkdownDoc doc = new MarkdownDoc(Path.of(pathFromRoot));
    String heading = "";
    boolean inTable = false;
    for (String line : Files.readAllLines(ROOT.resolve(pathFromRoot))) {
      if (line.startsWith("#")) {
        heading = line.replaceFirst("^#+\\s*", "").trim();
        doc.rowsByHeading.putIfAbsent(heading, new ArrayList<>());
      }
      boolean tableLine = line.startsWith("|");
      boolean headerRow = tableLine && !inTable;
      boolean separatorRow = line.matches("\\|[-| :]+\\|");
      if (tableLine && !headerRow && !separatorRow) doc.rowsByHeading.get(heading).add(cells(line));
      inTable = tableLine;
    }
    return doc;
  }

  /** The headings, in document order, without their '#'s. */
  List<String> headings() {
    return List.copyOf(rowsByHeading.keySet());
  }

  /** The table rows directly under {@code heading} (not under its subheadings). */
  List<List<String>> rows(String heading) {
    List<List<String>> rows = rowsByHeading.get(heading);
    if (rows == null) throw new AssertionError(path + " has no heading \"" + heading + "\"");
    return rows;
  }

  /** The first cell of each row under {@code heading}, backticks removed. */
  List<String> firstCells(String heading) {
    return rows(heading).stream().map(row -> code(row.get(0))).toList();
  }

  /** A cell's text without the backticks of inline code. */
  static String code(String cell) {
    return cell.replace("`", "").trim();
  }

  private static List<String> cells(String line) {
    String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
    return Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList();
  }

  @Override
  public String toString() {
    return path.toString();
  }
}

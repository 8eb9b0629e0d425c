package io.plantsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.typesafe.config.ConfigFactory;
import io.plantsync.aggregates.common.ErrorCode;
import io.plantsync.aggregates.governance.AdapterKind;
import io.plantsync.aggregates.governance.SystemOfRecord;
import io.plantsync.http.commands.CommandCatalog;
import io.plantsync.http.problem.ProblemKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps src/docs/contract.md honest: its command catalogue is the system-of-record matrix of the
 * configuration and the {@code x-owners} of the OpenAPI document, and names exactly the command types
 * the API accepts; every adapter kind, error code (with its status) and public event schema has its
 * row; every rule of the "Where is the rule for ..." index is in the file and method it names.
 * Each failure names what is missing or left over.
 */
class ContractDocTest {

  static final String CONTRACT = "src/docs/contract.md";
  static final String CATALOGUE = "Command catalogue";
  static final Path OPENAPI = MarkdownDoc.ROOT.resolve("src/contracts/openapi.yaml");
  static final Path EVENT_SCHEMAS = MarkdownDoc.ROOT.resolve("src/contracts/events");
  static final int RULES_AN_INTEGRATOR_ASKS_FIRST = 10;

  static MarkdownDoc contract;

  @BeforeAll
  static void readContract() throws IOException {
    contract = MarkdownDoc.read(CONTRACT);
  }

  @Test
  void theCommandCatalogueHasTheOwnersOfTheSystemOfRecordConfiguration() {
    SystemOfRecord configured = SystemOfRecord.fromConfig(ConfigFactory.load().getConfig("plantsync.system-of-record"));
    assertThat(differences(catalogue(), names(configured.owners()), "plantsync.system-of-record"))
        .as(CONTRACT + ", " + CATALOGUE + " against plantsync.system-of-record").isEmpty();
  }

  @Test
  void theCommandCatalogueHasTheOwnersOfTheOpenApiDocument() throws IOException {
    assertThat(differences(catalogue(), ownersInOpenApi(), "x-owners of openapi.yaml"))
        .as(CONTRACT + ", " + CATALOGUE + " against src/contracts/openapi.yaml").isEmpty();
  }

  @Test
  void theCommandCatalogueNamesExactlyTheCommandTypesTheApiAccepts() {
    assertThat(missingAndLeftOver(catalogue().keySet(), CommandCatalog.canonical().types(), "command type"))
        .as(CONTRACT + ", " + CATALOGUE + " against CommandCatalog").isEmpty();
  }

  @Test
  void everyAdapterKindHasARow() {
    Set<String> kinds = Arrays.stream(AdapterKind.values()).map(Enum::name).collect(Collectors.toSet());
    assertThat(missingAndLeftOver(contract.firstCells("Adapters"), kinds, "adapter kind"))
        .as(CONTRACT + ", Adapters against AdapterKind").isEmpty();
  }

  @Test
  void everyErrorCodeHasARowWithTheStatusTheApiAnswers() {
    Map<String, String> documented = contract.rows("Error codes").stream()
        .collect(Collectors.toMap(row -> MarkdownDoc.code(row.get(1)), row -> row.get(0)));
    Map<String, String> answered = Arrays.stream(ErrorCode.values())
        .collect(Collectors.toMap(ErrorCode::code, code -> String.valueOf(ProblemKind.of(code).status())));
    assertThat(differences(documented, answered, "ErrorCode and ProblemKind"))
        .as(CONTRACT + ", Error codes against ErrorCode").isEmpty();
  }

  @Test
  void everyPublicEventSchemaHasARowAndEveryRowASchema() throws IOException {
    Set<String> schemas;
    try (Stream<Path> files = Files.list(EVENT_SCHEMAS)) {
      schemas = files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".json"))
          .map(name -> name.substring(0, name.length() - ".json".length()))
          .collect(Collectors.toSet());
    }
    assertThat(missingAndLeftOver(contract.firstCells("Public events"), schemas, "public event type"))
        .as(CONTRACT + ", Public events against src/contracts/events/*.json").isEmpty();
  }

  @Test
  void everyRuleOfTheIndexIsInTheFileAndMethodItNames() throws IOException {
    List<List<String>> index = contract.rows("Where is the rule for ...");
    assertThat(index).as(CONTRACT + ", Where is the rule for ...: rules listed")
        .hasSizeGreaterThanOrEqualTo(RULES_AN_INTEGRATOR_ASKS_FIRST);
    List<String> wrong = new ArrayList<>();
    for (List<String> row : index) {
      Path file = MarkdownDoc.ROOT.resolve(MarkdownDoc.code(row.get(1)));
      String method = MarkdownDoc.code(row.get(2));
      if (!Files.isRegularFile(file)) {
        wrong.add("\"" + row.get(0) + "\": no file " + MarkdownDoc.code(row.get(1)));
      } else if (!Files.readString(file).matches("(?s).*\\b" + method + "\\(.*")) {
        wrong.add("\"" + row.get(0) + "\": " + MarkdownDoc.code(row.get(1)) + " has no method " + method);
      }
    }
    assertThat(wrong).as(CONTRACT + ", Where is the rule for ...").isEmpty();
  }

  /** Command type -> owners, as the catalogue lists them. */
  private static Map<String, Set<String>> catalogue() {
    return contract.rows(CATALOGUE).stream().collect(Collectors.toMap(
        row -> MarkdownDoc.code(row.get(0)),
        row -> Arrays.stream(row.get(1).split(",")).map(String::trim).collect(Collectors.toCollection(TreeSet::new)),
        (a, b) -> {
          throw new AssertionError(CONTRACT + ", " + CATALOGUE + ": a command type has two rows");
        },
        TreeMap::new));
  }

  /** Command type -> owners, from each command schema's {@code x-owners} and its {@code type} const. */
  private static Map<String, Set<String>> ownersInOpenApi() throws IOException {
    JsonNode schemas = new ObjectMapper(new YAMLFactory()).readTree(OPENAPI.toFile())
        .path("components").path("schemas");
    Map<String, Set<String>> owners = new TreeMap<>();
    schemas.forEach(schema -> {
      if (!schema.has("x-owners")) return;
      Set<String> kinds = new TreeSet<>();
      schema.get("x-owners").forEach(kind -> kinds.add(kind.asText()));
      owners.put(schema.path("properties").path("type").path("const").asText(), kinds);
    });
    return owners;
  }

  private static Map<String, Set<String>> names(Map<String, Set<AdapterKind>> owners) {
    return owners.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> e.getValue().stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new))));
  }

  /** Each key the doc lacks or has too many, and each key whose value differs from {@code source}'s. */
  private static <V> List<String> differences(Map<String, V> documented, Map<String, V> truth, String source) {
    List<String> found = missingAndLeftOver(documented.keySet(), truth.keySet(), "row");
    truth.forEach((key, value) -> {
      if (documented.containsKey(key) && !documented.get(key).equals(value)) {
        found.add(key + ": " + documented.get(key) + " in the doc, " + value + " in " + source);
      }
    });
    return found;
  }

  private static List<String> missingAndLeftOver(Collection<String> documented, Set<String> truth, String what) {
    List<String> found = new ArrayList<>();
    Set<String> missing = new TreeSet<>(truth);
    missing.removeAll(documented);
    Set<String> leftOver = new TreeSet<>(documented);
    leftOver.removeAll(truth);
    if (!missing.isEmpty()) found.add("no " + what + " for " + missing);
    if (!leftOver.isEmpty()) found.add(what + "s of nothing in the code: " + leftOver);
    return found;
  }
}

package io.plantsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.plantsync.aggregates.AggregateSettings;
import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.common.CommandReply.Outcome;
import io.plantsync.aggregates.common.ErrorCode;
import io.plantsync.aggregates.governance.AdapterKind;
import io.plantsync.aggregates.governance.SystemOfRecord;
import io.plantsync.http.auth.Adapter;
import io.plantsync.http.commands.CommandCatalog;
import io.plantsync.http.commands.EnvelopeParser;
import io.plantsync.http.commands.ParsedCommand;
import io.plantsync.http.reads.ObjectReads;
import io.plantsync.projections.exceptions.BusinessException;
import io.plantsync.projections.parking.ParkedEvent;
import io.plantsync.projections.views.ConsistencyCheck;
import io.plantsync.projections.views.InventoryPosition;
import io.plantsync.projections.views.ProductionOrderRow;
import io.plantsync.projections.views.QualityHoldRow;
import io.plantsync.projections.views.ViewQueries;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps src/contracts/openapi.yaml honest: every command type, owner and error code of the code is
 * in the contract and nothing else, and every request example is accepted by the real envelope
 * parser and applied by the real entities, in the order the contract lists them.
 */
class ContractTest {

  static final Path CONTRACT = Path.of("..", "src", "contracts", "openapi.yaml");
  static final String SCHEMAS = "#/components/schemas/";

  /**
   * Every path the API serves, templated the OpenAPI way. This list must change with the routes:
   * ApiRoutes (commands, batch, the object reads of ObjectReads.ALL), ViewRoutes, OpsRoutes and
   * ContractRoutes. A route added without its contract entry, or an entry left behind by a removed
   * route, fails {@link #theContractDocumentsExactlyThePathsTheApiServes}.
   */
  static final List<String> SERVED_PATHS = List.of(
      "/v1/commands",
      "/v1/commands:batch",
      "/v1/production-orders/{plant}/{order}",
      "/v1/inventory-lots/{plant}/{material}/{batch}",
      "/v1/quality-holds/{plant}/{hold}",
      "/v1/views/production-orders",
      "/v1/views/inventory-positions",
      "/v1/views/quality-holds",
      "/v1/views/exceptions",
      "/v1/ops/sync-status",
      "/v1/ops/parked-events",
      "/v1/ops/views/{view}/rebuild",
      "/v1/ops/consistency",
      "/v1/ops/dead-letters",
      "/v1/ops/dead-letters/replay",
      "/v1/ops/dead-letters/discard",
      "/v1/openapi.yaml");

  /**
   * The JSON bodies of the views and the operations API: contract schema -> the record Json writes.
   * Must change with the records (field names are their components, @JsonUnwrapped spliced in).
   */
  static final Map<String, Class<? extends Record>> BODIES = Map.ofEntries(
      Map.entry("ProductionOrderPage", ViewQueries.Page.class),
      Map.entry("DeadLetter", io.plantsync.projections.outbound.delivery.DeadLetter.class),
      Map.entry("ReplayReport", io.plantsync.projections.outbound.delivery.DeadLetterOperations.ReplayReport.class),
      Map.entry("ViewProgress", io.plantsync.projections.views.ViewRebuild.Progress.class),
      Map.entry("ProductionOrderRow", ProductionOrderRow.class),
      Map.entry("InventoryPosition", InventoryPosition.class),
      Map.entry("QualityHoldRow", QualityHoldRow.class),
      Map.entry("BusinessException", BusinessException.class),
      Map.entry("SyncStatus", OpsRoutes.SyncStatus.class),
      Map.entry("SubscriberStatus", io.plantsync.projections.outbound.delivery.SubscriberStats.Snapshot.class),
      Map.entry("ProjectionStatus", OpsRoutes.ProjectionStatus.class),
      Map.entry("ParkedEvent", ParkedEvent.class),
      Map.entry("ConsistencyReport", ConsistencyCheck.Report.class),
      Map.entry("Mismatch", ConsistencyCheck.Mismatch.class));

  static OpenAPI contract;
  static List<String> parseMessages;
  static final Config config = ConfigFactory.load();
  static final SystemOfRecord systemOfRecord =
      SystemOfRecord.fromConfig(config.getConfig("plantsync.system-of-record"));
  static final EnvelopeParser parser = new EnvelopeParser(CommandCatalog.canonical());

  @BeforeAll
  static void parseContract() throws Exception {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(Files.readString(CONTRACT), null, options);
    contract = result.getOpenAPI();
    parseMessages = result.getMessages() == null ? List.of() : result.getMessages();
  }

  @Test
  void theContractIsAValidOpenApi31Document() {
    assertThat(parseMessages).as("swagger-parser messages").isEmpty();
    assertThat(contract).isNotNull();
    assertThat(contract.getOpenapi()).isEqualTo("3.1.0");
  }

  @Test
  void theContractDocumentsExactlyThePathsTheApiServes() {
    assertThat(contract.getPaths().keySet()).as("paths of the contract")
        .containsExactlyInAnyOrderElementsOf(SERVED_PATHS);
    // The object reads are generated from ObjectReads.ALL: the list above must follow it.
    List<String> objectReads = ObjectReads.ALL.stream().map(read -> "/v1/" + read.path() + "/"
        + read.keyFields().stream().map(key -> "{" + key + "}").collect(Collectors.joining("/"))).toList();
    assertThat(SERVED_PATHS).as("SERVED_PATHS has every object read").containsAll(objectReads);
  }

  /** A body schema names exactly the fields the code writes (every field filled, so none is left out). */
  @Test
  void theViewAndOperationsBodiesHaveTheFieldsTheCodeWrites() {
    BODIES.forEach((name, type) -> {
      List<String> written = new ArrayList<>();
      Json.MAPPER.valueToTree(filled(type)).fieldNames().forEachRemaining(written::add);
      assertThat(schema(name).getProperties().keySet()).as("properties of " + name)
          .containsExactlyInAnyOrderElementsOf(written);
    });
    for (String page : List.of("InventoryPositionPage", "QualityHoldPage", "BusinessExceptionPage")) {
      assertThat(schema(page).getProperties().keySet()).as("properties of " + page)
          .isEqualTo(schema("ProductionOrderPage").getProperties().keySet());
    }
  }

  @Test
  void theContractListsExactlyTheCommandTypesTheApiAccepts() {
    assertThat(envelopesByType().keySet())
        .as("command types in CommandEnvelope.oneOf")
        .containsExactlyInAnyOrderElementsOf(CommandCatalog.canonical().types());
    assertThat(envelopeSchema().getDiscriminator().getMapping())
        .as("discriminator mapping on type")
        .isEqualTo(envelopesByType().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> SCHEMAS + e.getValue())));
  }

  @Test
  void everyErrorCodeIsInTheProblemCodeEnum() {
    Schema<?> code = schema("Problem").getProperties().get("code");
    List<String> codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList();
    assertThat(code.getEnum()).as("Problem.code enum").map(String::valueOf).containsAll(codes);
  }

  @Test
  void theOwnersOfEachCommandAreTheSystemOfRecordDefaults() {
    envelopesByType().forEach((type, schemaName) ->
        assertThat(ownersInContract(type)).as("x-owners of " + schemaName)
            .isEqualTo(systemOfRecord.ownersOf(type)));
  }

  @Test
  void everyCommandTypeHasAnExampleNamedAfterIt() {
    assertThat(examples().keySet()).containsAll(CommandCatalog.canonical().types());
    examples().forEach((name, example) ->
        assertThat(name).as("example name").startsWith(example.path("type").asText()));
  }

  @Test
  void everyExampleIsAValidEnvelopeForItsOwner() {
    examples().forEach((name, example) ->
        assertThat(commandOf(name, example).spec().type()).as(name).isEqualTo(example.path("type").asText()));
  }

  /** "Sent in the listed order to a fresh dev node, every one is applied": checked against the entities. */
  @Test
  void theExamplesAreAppliedByTheEntitiesInTheirListedOrder() {
    ActorTestKit testKit = ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(config));
    try {
      AggregateSettings settings = AggregateSettings.fromConfig(config);
      Map<String, EventSourcedBehaviorTestKit<Object, Object, Object>> objects = new HashMap<>();
      examples().forEach((name, example) -> {
        ParsedCommand<?> command = commandOf(name, example);
        var entity = objects.computeIfAbsent(command.entityId() + "@" + command.spec().entityType().name(),
            key -> EventSourcedBehaviorTestKit.create(testKit.system(),
                TestKitEntities.behaviorOf(command.spec().entityType(), command.entityId(), settings)));
        CommandReply reply = entity.<CommandReply>runCommand(replyTo -> command.message().apply(replyTo)).reply();
        assertThat(reply).as("reply to example " + name).isInstanceOfSatisfying(Accepted.class, accepted -> {
          assertThat(accepted.outcome()).as(name).isEqualTo(Outcome.APPLIED);
          assertThat(accepted.duplicate()).as(name).isFalse();
        });
      });
    } finally {
      testKit.shutdownTestKit();
    }
  }

  @Test
  void theClasspathCarriesTheContractAsItIsInTheRepository() throws Exception {
    try (InputStream served = getClass().getClassLoader().getResourceAsStream(ContractRoutes.RESOURCE)) {
      assertThat(served).as(ContractRoutes.RESOURCE + " on the classpath").isNotNull();
      assertThat(served.readAllBytes()).isEqualTo(Files.readAllBytes(CONTRACT));
    }
  }

  @Test
  void theApiServesTheContractWithoutAToken() throws Exception {
    Config serverConfig = ConfigFactory.parseString("""
        pekko.actor.provider = local
        plantsync.http { host = "127.0.0.1", port = 0 }""").withFallback(config);
    ActorTestKit testKit = ActorTestKit.create("contract", serverConfig);
    try {
      HttpSettings settings = HttpSettings.fromConfig(serverConfig);
      var routes = TestServer.api(settings, new ScriptedGateway());
      var binding = HttpServer.start(testKit.system(), settings, routes.routes())
          .toCompletableFuture().get(10, TimeUnit.SECONDS);
      URI uri = URI.create("http://127.0.0.1:" + binding.localAddress().getPort() + "/v1/openapi.yaml");
      HttpResponse<byte[]> response = HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/yaml"));
      assertThat(response.body()).isEqualTo(Files.readAllBytes(CONTRACT));
    } finally {
      testKit.shutdownTestKit();
    }
  }

  /** An instance of the record with every component non-null (nested records filled too). */
  static Record filled(Class<? extends Record> type) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = sample(types[i]);
    }
    try {
      return type.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type, e);
    }
  }

  @SuppressWarnings("unchecked")
  static Object sample(Class<?> type) {
    if (type == String.class) return "x";
    if (type == long.class || type == Long.class) return 1L;
    if (type == int.class || type == Integer.class) return 1;
    if (type == boolean.class || type == Boolean.class) return true;
    if (type == BigDecimal.class) return BigDecimal.ONE;
    if (type == Instant.class) return Instant.EPOCH;
    if (type == List.class) return List.of();
    if (type.isRecord()) return filled((Class<? extends Record>) type);
    throw new IllegalArgumentException("no sample for " + type);
  }

  // ---- reading the contract ----

  static Schema<?> schema(String name) {
    Schema<?> schema = contract.getComponents().getSchemas().get(name);
    assertThat(schema).as("components.schemas." + name).isNotNull();
    return schema;
  }

  static Schema<?> envelopeSchema() {
    return schema("CommandEnvelope");
  }

  /** Command type (the {@code const} of each envelope's {@code type}) -> envelope schema name. */
  static Map<String, String> envelopesByType() {
    Map<String, String> byType = new LinkedHashMap<>();
    for (Schema<?> ref : envelopeSchema().getOneOf()) {
      String name = ref.get$ref().substring(SCHEMAS.length());
      Object type = schema(name).getProperties().get("type").getConst();
      assertThat(byType.put(String.valueOf(type), name)).as("second envelope for " + type).isNull();
    }
    return byType;
  }

  static Set<AdapterKind> ownersInContract(String type) {
    Object owners = schema(envelopesByType().get(type)).getExtensions().get("x-owners");
    assertThat(owners).as("x-owners of " + type).isInstanceOf(List.class);
    return ((List<?>) owners).stream().map(kind -> AdapterKind.valueOf(String.valueOf(kind)))
        .collect(Collectors.toSet());
  }

  /** The request examples of POST /v1/commands as JSON, in the order the contract lists them. */
  static Map<String, JsonNode> examples() {
    Map<String, Example> examples = contract.getPaths().get("/v1/commands").getPost().getRequestBody()
        .getContent().get("application/json").getExamples();
    Map<String, JsonNode> json = new LinkedHashMap<>();
    examples.forEach((name, example) -> json.put(name, Json.MAPPER.valueToTree(example.getValue())));
    return json;
  }

  /** The example as the real parser reads it from an adapter of its first owning kind, on every plant. */
  static ParsedCommand<?> commandOf(String name, JsonNode example) {
    AdapterKind owner = new TreeSet<>(ownersInContract(example.path("type").asText())).first();
    EnvelopeParser.Result parsed =
        parser.parse(Json.write(example), new Adapter("contract-" + owner, owner, Set.of(Adapter.ALL_PLANTS)));
    assertThat(parsed.errors()).as("parser errors for example " + name).isEmpty();
    assertThat(parsed.isValid()).as("example " + name + " is valid").isTrue();
    return parsed.command();
  }
}

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
import io.plantsync.aggregates.inventorylot.InventoryLot;
import io.plantsync.aggregates.productionorder.ProductionOrder;
import io.plantsync.aggregates.qualityhold.QualityHold;
import io.plantsync.http.auth.Adapter;
import io.plantsync.http.commands.CommandCatalog;
import io.plantsync.http.commands.EnvelopeParser;
import io.plantsync.http.commands.ParsedCommand;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
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
                behaviorOf(command.spec().entityType(), command.entityId(), settings)));
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
      var routes = new ApiRoutes(settings, settings.adapterRegistry(), parser, new ScriptedGateway());
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

  @SuppressWarnings("unchecked")
  static Behavior<Object> behaviorOf(EntityTypeKey<?> type, String entityId, AggregateSettings settings) {
    Clock clock = Clock.systemUTC();
    Behavior<?> behavior;
    if (type.equals(ProductionOrder.ENTITY_TYPE_KEY)) behavior = ProductionOrder.create(entityId, settings, clock);
    else if (type.equals(InventoryLot.ENTITY_TYPE_KEY)) behavior = InventoryLot.create(entityId, settings, clock);
    else if (type.equals(QualityHold.ENTITY_TYPE_KEY)) behavior = QualityHold.create(entityId, settings, clock);
    else throw new IllegalArgumentException("no entity for " + type);
    return (Behavior<Object>) behavior;
  }
}

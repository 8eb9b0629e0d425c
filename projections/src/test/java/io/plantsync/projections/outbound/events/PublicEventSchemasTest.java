package io.plantsync.projections.outbound.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent;
import io.plantsync.aggregates.productionorder.ProductionOrderEvent;
import io.plantsync.aggregates.qualityhold.QualityHoldEvent;
import io.plantsync.projections.outbound.events.PublicEventSamples.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps src/contracts/events honest: what the mapper actually sends for every internal event
 * validates against the schema of its public type, every public type has a schema and every
 * schema a type, and nothing internal leaks into the data.
 */
class PublicEventSchemasTest {

  static final Path SCHEMAS = Path.of("..", "src", "contracts", "events");
  static final ObjectMapper JSON = new ObjectMapper();

  /** Names of internal fields and classes that must never reach a receiver. */
  static final Set<String> INTERNAL_NAMES = Set.of("processed", "processedMessages", "replyTo", "byMessageId",
      "byBusinessKey", "messageIdsOldestFirst", "businessKey", "meta", "recordedAt", "header", "moves", "delta",
      "holdNumber", "finalConfirmation", "resultingStatus", "@class", "@type");

  static final Map<String, Schema> schemaByType = new HashMap<>();

  @BeforeAll
  static void loadSchemas() throws IOException {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    for (Path file : schemaFiles()) {
      try (InputStream in = Files.newInputStream(file)) {
        schemaByType.put(typeOf(file), registry.getSchema(in));
      }
    }
  }

  @Test
  void everyInternalEventClassHasASample() {
    Set<Class<?>> internal = new HashSet<>();
    for (Class<?> root : List.of(ProductionOrderEvent.class, InventoryLotEvent.class, QualityHoldEvent.class)) {
      collectRecords(root, internal);
    }
    Set<Class<?>> sampled = PublicEventSamples.ALL.stream().map(s -> s.event().getClass()).collect(Collectors.toSet());

    assertThat(internal).hasSize(27);
    assertThat(sampled).as("an internal event without a sample here has no checked public contract")
        .containsExactlyInAnyOrderElementsOf(internal);
  }

  @Test
  void everyPublicTypeHasExactlyOneSchemaFileAndEverySchemaFileIsAType() throws IOException {
    Set<String> files = schemaFiles().stream().map(PublicEventSchemasTest::typeOf).collect(Collectors.toSet());

    assertThat(PublicEventTypes.ALL).doesNotHaveDuplicates();
    assertThat(files).containsExactlyInAnyOrderElementsOf(PublicEventTypes.ALL);
    assertThat(PublicEventTypes.ALL).allMatch(type -> type.matches("io\\.plantsync\\."
        + "(production-order|inventory-lot|quality-hold)\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*"));
  }

  @Test
  void everyPublicTypeIsSentForSomeInternalEvent() {
    Set<String> sent = PublicEventSamples.ALL.stream().map(s -> s.map().type()).collect(Collectors.toSet());

    assertThat(sent).containsExactlyInAnyOrderElementsOf(PublicEventTypes.ALL);
  }

  @Test
  void whatIsSentValidatesAgainstTheSchemaOfItsType() {
    for (Sample sample : PublicEventSamples.ALL) {
      PublicEvent event = sample.map();
      String body = new String(event.toJsonBytes(), StandardCharsets.UTF_8);

      assertThat(errors(event.type(), body)).as("%s as %s:%n%s", sample.event().getClass().getSimpleName(),
          event.type(), body).isEmpty();
    }
  }

  @Test
  void theSchemasRejectAnUndeclaredDataFieldAQuantityAsTextAndAMissingField() throws IOException {
    PublicEvent confirmed = PublicEventSamples.first(ProductionOrderEvent.OperationConfirmed.class).map();
    assertThat(confirmed.type()).isEqualTo(PublicEventTypes.OPERATION_CONFIRMED);

    ObjectNode extraField = confirmed.toJson();
    ((ObjectNode) extraField.get("data")).putObject("processed");
    ObjectNode quantityAsText = confirmed.toJson();
    ((ObjectNode) quantityAsText.get("data")).put("yield", "118");
    ObjectNode missingField = confirmed.toJson();
    ((ObjectNode) missingField.get("data")).remove("messageId");
    ObjectNode badTime = confirmed.toJson();
    badTime.put("time", "27.11.2026 08:00");

    for (ObjectNode broken : List.of(extraField, quantityAsText, missingField, badTime)) {
      assertThat(errors(confirmed.type(), JSON.writeValueAsString(broken))).as(broken.toString()).isNotEmpty();
    }
  }

  @Test
  void theEnvelopeIsACloudEventOfTheObject() throws IOException {
    Sample confirmation = PublicEventSamples.first(ProductionOrderEvent.OperationConfirmed.class);
    JsonNode json = JSON.readTree(confirmation.map().toJsonBytes());

    assertThat(fieldNames(json)).containsExactly(
        "specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data");
    assertThat(json.get("specversion").asText()).isEqualTo("1.0");
    assertThat(json.get("id").asText()).isEqualTo("ProductionOrder|1000/OA-100#7");
    assertThat(json.get("source").asText()).isEqualTo("/plantsync/1000");
    assertThat(json.get("type").asText()).isEqualTo("io.plantsync.production-order.operation-confirmed.v1");
    assertThat(json.get("subject").asText()).isEqualTo("1000/OA-100");
    assertThat(Instant.parse(json.get("time").asText())).isEqualTo(Instant.ofEpochMilli(confirmation.timestampMillis()));
    assertThat(json.get("time").asText()).isEqualTo("2026-11-27T08:07:00.123Z");
    assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
  }

  @Test
  void theDataHoldsThePublicFieldsWithNumbersAsNumbersAndTheCause() throws IOException {
    JsonNode data = JSON.readTree(PublicEventSamples.first(ProductionOrderEvent.OperationConfirmed.class).map().toJsonBytes()).get("data");

    assertThat(fieldNames(data)).containsExactly("plant", "order", "confirmationId", "operation", "workCenter",
        "yield", "scrap", "final", "status", "sapStatus", "objectVersion", "messageId", "adapterId",
        "sourceVersion", "occurredAt");
    assertThat(data.get("yield").isNumber()).isTrue();
    assertThat(data.get("yield").decimalValue()).isEqualByComparingTo("118");
    assertThat(data.get("scrap").decimalValue()).isEqualByComparingTo("2.5");
    assertThat(data.get("status").asText()).isEqualTo("PARTIALLY_CONFIRMED");
    assertThat(data.get("sapStatus").asText()).isEqualTo("PCNF");
    assertThat(data.get("objectVersion").asLong()).isEqualTo(7);
    assertThat(data.get("messageId").asText()).isEqualTo("MES-3");
    assertThat(data.get("adapterId").asText()).isEqualTo("mes-1000");
    assertThat(data.get("sourceVersion").isNull()).isTrue();
    assertThat(data.get("occurredAt").asText()).isEqualTo("2026-11-27T08:00:00Z");
  }

  @Test
  void quantitiesAreWrittenPlainWithoutExponentOrTrailingZeros() {
    // OrderPlanChanged carries 120.000; the lot count carries -0.5 and a whole 345.
    String planChanged = new String(PublicEventSamples.first(ProductionOrderEvent.OrderPlanChanged.class).map().toJsonBytes(), StandardCharsets.UTF_8);
    String counted = new String(PublicEventSamples.first(InventoryLotEvent.StockCounted.class).map().toJsonBytes(), StandardCharsets.UTF_8);

    assertThat(planChanged).contains("\"quantity\":120,");
    assertThat(counted).contains("\"bookQuantity\":345,", "\"countedQuantity\":344.5,", "\"difference\":-0.5,");
  }

  @Test
  void aRejectingUsageDecisionPublishesTheLotsStockMovedToBlocked() throws IOException {
    Sample reject = PublicEventSamples.first(InventoryLotEvent.LotReleasedFromHold.class);
    JsonNode data = JSON.readTree(reject.map().toJsonBytes()).get("data");

    assertThat(reject.map().type()).isEqualTo(PublicEventTypes.LOT_RELEASED_FROM_HOLD);
    assertThat(data.get("decision").asText()).isEqualTo("REJECT");
    assertThat(data.get("postings")).hasSize(2);
    assertThat(data.get("postings").get(0).toString())
        .isEqualTo("{\"movementType\":\"344\",\"storageLocation\":\"PS01\",\"from\":\"UNRESTRICTED\",\"quantity\":39.75}");
  }

  @Test
  void orchestrationEventsNameTheEventThatCausedThem() throws IOException {
    PublicEvent holdPlaced = PublicEventSamples.first(QualityHoldEvent.HoldPlaced.class).map();
    PublicEvent orderHeld = PublicEventSamples.first(ProductionOrderEvent.OrderPlacedOnHold.class).map();

    assertThat(orderHeld.type()).isEqualTo("io.plantsync.production-order.placed-on-hold.v1");
    assertThat(orderHeld.data().get("hold").asText()).isEqualTo("QN-1");
    assertThat(orderHeld.data().get("messageId").asText()).isEqualTo("plantsync:" + holdPlaced.id());
    assertThat(orderHeld.data().get("adapterId").asText()).isEqualTo("plantsync");
  }

  @Test
  void theIdIsTheSameForTheSameJournalEntryAndDiffersForEveryOther() {
    List<String> ids = new ArrayList<>();
    for (Sample sample : PublicEventSamples.ALL) {
      PublicEvent first = sample.map();
      PublicEvent redelivered = sample.map();

      assertThat(redelivered.id()).isEqualTo(first.id());
      assertThat(redelivered.toJsonBytes()).isEqualTo(first.toJsonBytes());
      ids.add(first.id());
    }
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void noInternalNameOrClassReachesTheData() {
    for (Sample sample : PublicEventSamples.ALL) {
      PublicEvent event = sample.map();
      Set<String> names = new LinkedHashSet<>();
      collectFieldNames(event.toJson(), names);

      assertThat(names).as(event.type()).doesNotContainAnyElementsOf(INTERNAL_NAMES);
      assertThat(new String(event.toJsonBytes(), StandardCharsets.UTF_8)).as(event.type())
          .doesNotContain("io.plantsync.aggregates", "CborSerializable", "Actor[", "pekko://");
    }
  }

  @Test
  void aJournalEnvelopeMapsLikeItsParts() {
    Sample receipt = PublicEventSamples.first(InventoryLotEvent.GoodsReceived.class);
    EventEnvelope<Object> envelope = EventEnvelope.create(Offset.sequence(99), "InventoryLot|1000/RM-7/B-100",
        receipt.sequenceNr(), receipt.event(), receipt.timestampMillis());

    PublicEvent fromEnvelope = PublicEventMapper.map(envelope);

    assertThat(fromEnvelope).isEqualTo(receipt.map());
    assertThat(fromEnvelope.id()).isEqualTo("InventoryLot|1000/RM-7/B-100#1");
    assertThat(fromEnvelope.data().get("material").asText()).isEqualTo("RM-7");
    assertThat(fromEnvelope.data().get("batch").asText()).isEqualTo("B-100");
  }

  @Test
  void anEventOfAnotherObjectOrAnUnknownEntityTypeIsRefused() {
    Object orderEvent = PublicEventSamples.first(ProductionOrderEvent.OrderPlanned.class).event();

    assertThatThrownBy(() -> PublicEventMapper.map("InventoryLot", "1000/RM-7/B-100", 1, 0, orderEvent))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OrderPlanned");
    assertThatThrownBy(() -> PublicEventMapper.map("Shipment", "1000/S-1", 1, 0, orderEvent))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Shipment");
    assertThatThrownBy(() -> PublicEventMapper.map("ProductionOrder", "1000", 1, 0, orderEvent))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plant/order");
  }

  private static List<Error> errors(String type, String json) {
    Schema schema = schemaByType.get(type);
    assertThat(schema).as("schema of " + type).isNotNull();
    return schema.validate(json, InputFormat.JSON);
  }

  private static List<Path> schemaFiles() throws IOException {
    try (Stream<Path> files = Files.list(SCHEMAS)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static String typeOf(Path schemaFile) {
    String name = schemaFile.getFileName().toString();
    assertThat(name).as("a schema file is <type>.json").endsWith(".json");
    return name.substring(0, name.length() - ".json".length());
  }

  private static void collectRecords(Class<?> type, Set<Class<?>> records) {
    if (type.isRecord()) records.add(type);
    Class<?>[] permitted = type.getPermittedSubclasses();
    if (permitted != null) for (Class<?> sub : permitted) collectRecords(sub, records);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void collectFieldNames(JsonNode node, Set<String> names) {
    if (node.isArray()) {
      for (JsonNode element : node) collectFieldNames(element, names);
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      names.add(field.getKey());
      collectFieldNames(field.getValue(), names);
    }
  }
}

package io.plantsync.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantsync.aggregates.common.KeyFormat;
import io.plantsync.aggregates.common.ObjectKey;
import io.plantsync.aggregates.inventorylot.LotKey;
import io.plantsync.aggregates.productionorder.OrderKey;
import io.plantsync.aggregates.qualityhold.HoldKey;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every object key survives its entity id, and a malformed id or value never becomes a key. */
class ObjectKeyProperties {

  @Property
  void anOrderKeyParsesBackFromItsEntityId(@ForAll("value") String plant, @ForAll("value") String order) {
    OrderKey key = new OrderKey(plant, order);
    assertThat(OrderKey.parse(key.entityId())).isEqualTo(key);
    assertThat(key.entityId()).isEqualTo(plant + "/" + order);
  }

  @Property
  void aLotKeyParsesBackFromItsEntityId(@ForAll("value") String plant, @ForAll("value") String material,
      @ForAll("value") String batch) {
    LotKey key = new LotKey(plant, material, batch);
    assertThat(LotKey.parse(key.entityId())).isEqualTo(key);
    assertThat(EntityKeys.ofPersistenceId("InventoryLot|" + key.entityId())).isEqualTo(key);
  }

  @Property
  void aHoldKeyParsesBackFromItsEntityId(@ForAll("value") String plant, @ForAll("value") String hold) {
    HoldKey key = new HoldKey(plant, hold);
    assertThat(HoldKey.parse(key.entityId())).isEqualTo(key);
    assertThat(key.values()).containsExactly(plant, hold);
  }

  @Property
  void aValueOutsideTheKeySyntaxIsNoKey(@ForAll("invalidValue") String value) {
    assertThatThrownBy(() -> new OrderKey("1000", value)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("order").hasMessageContaining(KeyFormat.VALUE_RULE);
    assertThat(KeyFormat.isValidValue(value)).isFalse();
  }

  @Example
  void anEntityIdWithTooFewOrTooManyOrEmptyPartsIsRejected() {
    for (String id : List.of("", "1000", "1000/RM-7", "1000/RM-7/B1/x", "1000//B1", "/RM-7/B1", "1000/RM-7/")) {
      assertThatThrownBy(() -> LotKey.parse(id)).as(id).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("inventory lot");
    }
    assertThatThrownBy(() -> OrderKey.parse("1000/100234/7"))
        .hasMessage("production order entity id '1000/100234/7' is not plant/order");
    assertThatThrownBy(() -> new HoldKey(null, "QN-1")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quality hold key plant 'null' " + KeyFormat.VALUE_RULE);
  }

  @Example
  void eachObjectWritesItsKeyFieldsOncePlantFirst() {
    assertThat(OrderKey.FORMAT.fields()).containsExactly("plant", "order");
    assertThat(LotKey.FORMAT.fields()).containsExactly("plant", "material", "batch");
    assertThat(HoldKey.FORMAT.fields()).containsExactly("plant", "hold");
    assertThat(EntityKeys.formatOf("QualityHold")).isSameAs(HoldKey.FORMAT);
    ObjectKey order = EntityKeys.ofPersistenceId("ProductionOrder|1000/100234");
    assertThat(order).isEqualTo(new OrderKey("1000", "100234"));
    assertThat(order.plant()).isEqualTo("1000");
  }

  @Provide
  Arbitrary<String> value() {
    return Arbitraries.strings().withChars("ABCXYZabcxyz0189-_.").ofMinLength(1).ofMaxLength(40);
  }

  @Provide
  Arbitrary<String> invalidValue() {
    return Arbitraries.oneOf(
        Arbitraries.just(""),
        Arbitraries.strings().withChars("AB09").ofLength(41),
        Arbitraries.strings().withChars("AB09/ |#ä").ofMinLength(1).ofMaxLength(10)
            .filter(s -> !s.matches("[A-Za-z0-9._-]+")));
  }
}

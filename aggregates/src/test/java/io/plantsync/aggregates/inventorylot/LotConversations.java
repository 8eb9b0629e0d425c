package io.plantsync.aggregates.inventorylot;

import static io.plantsync.aggregates.inventorylot.LotCommands.*;

import com.typesafe.config.ConfigFactory;
import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.Origin;
import io.plantsync.aggregates.common.UsageDecision;
import io.plantsync.aggregates.governance.AdapterKind;
import io.plantsync.aggregates.governance.SystemOfRecord;
import io.plantsync.aggregates.inventorylot.InventoryLotCommand.*;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Random conversations with one lot: every lot command, mostly from an owning adapter kind but
 * sometimes from any kind, small quantities with up to three decimals over a few storage
 * locations, and small pools of messageIds, movementIds, countIds, reservationIds and hold numbers
 * so that repeats, reversals of real movements and holds on/off happen often.
 */
final class LotConversations {
  private LotConversations() {}

  /**
   * One command of a conversation, built for a reply-to (null on the pure path); it prints as the
   * command, so a shrunk counterexample reads as a script.
   */
  record Step(Function<ActorRef<CommandReply>, GovernedLotCommand> build) {
    GovernedLotCommand command() {
      return build.apply(null);
    }

    @Override
    public String toString() {
      return command().toString();
    }
  }

  private static final SystemOfRecord systemOfRecord =
      SystemOfRecord.fromConfig(ConfigFactory.load().getConfig("plantsync.system-of-record"));

  static Arbitrary<List<Step>> conversations() {
    return step().list().ofMinSize(5).ofMaxSize(40);
  }

  @SuppressWarnings("unchecked")
  private static Arbitrary<Step> step() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, receive()),
        Tuple.of(3, issue()),
        Tuple.of(4, issueAgainstReservation()),
        Tuple.of(4, transfer()),
        Tuple.of(4, changeStockType()),
        Tuple.of(2, scrap()),
        Tuple.of(2, count()),
        Tuple.of(4, reverse()),
        Tuple.of(4, reserve()),
        Tuple.of(3, releaseReservation()),
        Tuple.of(1, placeOnHold()),
        Tuple.of(2, releaseFromHold()));
  }

  private static Arbitrary<Step> receive() {
    return Combinators.combine(origin(CommandTypes.RECEIVE), movementId(), quantity(30), uom(), location(),
            receivedStockType(), order())
        .as((origin, movementId, quantity, uom, location, type, order) ->
            new Step(r -> new Receive(origin, movementId, quantity, uom, location, type, order, r)));
  }

  private static Arbitrary<Step> issue() {
    return Combinators.combine(origin(CommandTypes.ISSUE), movementId(), quantity(8), location(), order())
        .as((origin, movementId, quantity, location, order) ->
            new Step(r -> new Issue(origin, movementId, quantity, location, order, null, false, r)));
  }

  /** Mostly for the reservation's order (null), sometimes naming another; now and then a final issue. */
  private static Arbitrary<Step> issueAgainstReservation() {
    Arbitrary<Boolean> finalIssue = Arbitraries.of(true, false, false, false, false);
    return Combinators.combine(origin(CommandTypes.ISSUE), movementId(), quantity(10), location(),
            order().injectNull(0.6), reservationId(), finalIssue)
        .as((origin, movementId, quantity, location, order, reservationId, last) ->
            new Step(r -> new Issue(origin, movementId, quantity, location, order, reservationId, last, r)));
  }

  private static Arbitrary<Step> transfer() {
    return Combinators.combine(origin(CommandTypes.TRANSFER), movementId(), quantity(8), location(), location())
        .as((origin, movementId, quantity, from, to) ->
            new Step(r -> new Transfer(origin, movementId, quantity, from, to, r)));
  }

  private static Arbitrary<Step> changeStockType() {
    return Combinators.combine(origin(CommandTypes.CHANGE_STOCK_TYPE), movementId(), quantity(8), location(),
            stockType(), stockType())
        .as((origin, movementId, quantity, location, from, to) ->
            new Step(r -> new ChangeStockType(origin, movementId, quantity, location, from, to, r)));
  }

  private static Arbitrary<Step> scrap() {
    return Combinators.combine(origin(CommandTypes.SCRAP), movementId(), quantity(6), location(), stockType())
        .as((origin, movementId, quantity, location, type) ->
            new Step(r -> new Scrap(origin, movementId, quantity, location, type, r)));
  }

  private static Arbitrary<Step> count() {
    Arbitrary<BigDecimal> counted = Arbitraries.oneOf(Arbitraries.just(BigDecimal.ZERO), quantity(20));
    return Combinators.combine(origin(CommandTypes.COUNT), pick("C-", 6), location(), stockType(), counted)
        .as((origin, countId, location, type, quantity) ->
            new Step(r -> new Count(origin, countId, location, type, quantity, r)));
  }

  private static Arbitrary<Step> reverse() {
    return Combinators.combine(origin(CommandTypes.REVERSE), movementId(), movementId())
        .as((origin, movementId, reversed) -> new Step(r -> new Reverse(origin, movementId, reversed, r)));
  }

  private static Arbitrary<Step> reserve() {
    return Combinators.combine(origin(CommandTypes.RESERVE), reservationId(), quantity(10), order())
        .as((origin, reservationId, quantity, order) ->
            new Step(r -> new Reserve(origin, reservationId, quantity, order, r)));
  }

  private static Arbitrary<Step> releaseReservation() {
    return Combinators.combine(origin(CommandTypes.RELEASE_RESERVATION), reservationId())
        .as((origin, reservationId) -> new Step(r -> new ReleaseReservation(origin, reservationId, r)));
  }

  private static Arbitrary<Step> placeOnHold() {
    return Combinators.combine(messageId(), holdNumber())
        .as((messageId, hold) -> new Step(r -> new PlaceOnHold(fromPlantSync(messageId), hold, r)));
  }

  private static Arbitrary<Step> releaseFromHold() {
    return Combinators.combine(messageId(), holdNumber(), Arbitraries.of(UsageDecision.class))
        .as((messageId, hold, decision) ->
            new Step(r -> new ReleaseFromHold(fromPlantSync(messageId), hold, decision, r)));
  }

  /** Mostly an owner of {@code commandType}; sometimes any kind, so system-of-record refusals occur. */
  @SuppressWarnings("unchecked")
  private static Arbitrary<Origin> origin(String commandType) {
    Arbitrary<AdapterKind> kind = Arbitraries.frequencyOf(
        Tuple.of(19, Arbitraries.of(systemOfRecord.ownersOf(commandType))),
        Tuple.of(1, Arbitraries.of(AdapterKind.class))).withoutEdgeCases();
    return Combinators.combine(kind, messageId()).as((k, messageId) -> from(k, messageId));
  }

  /** About three repeats in a conversation of 40. */
  private static Arbitrary<String> messageId() {
    return pick("MSG-", 250);
  }

  /** Large enough that most movements are new, small enough that reversals often name a real one. */
  private static Arbitrary<String> movementId() {
    return pick("MV-", 40);
  }

  private static Arbitrary<String> reservationId() {
    return pick("RS-", 4);
  }

  private static Arbitrary<String> holdNumber() {
    return Arbitraries.of("QN-1", "QN-2");
  }

  /** Uniform, without jqwik's bias to edge values (it would make id 0 repeat far more often). */
  private static Arbitrary<String> pick(String prefix, int poolSize) {
    return Arbitraries.integers().between(0, poolSize - 1)
        .withDistribution(RandomDistribution.uniform())
        .withoutEdgeCases()
        .map(i -> prefix + i);
  }

  private static Arbitrary<String> location() {
    return Arbitraries.of("0001", "0002", "0003");
  }

  private static Arbitrary<StockType> stockType() {
    return Arbitraries.of(StockType.class);
  }

  /** Mostly unrestricted; null stands for "not sent" (the default, UNRESTRICTED). */
  @SuppressWarnings("unchecked")
  private static Arbitrary<StockType> receivedStockType() {
    return Arbitraries.frequency(
            Tuple.of(4, StockType.UNRESTRICTED), Tuple.of(1, StockType.QUALITY), Tuple.of(1, StockType.BLOCKED))
        .injectNull(0.25);
  }

  /** The lot's unit, now and then another one (uom-mismatch). */
  @SuppressWarnings("unchecked")
  private static Arbitrary<String> uom() {
    return Arbitraries.frequency(Tuple.of(15, "KG"), Tuple.of(1, "EA"));
  }

  private static Arbitrary<String> order() {
    return Arbitraries.of("100234", "100235").injectNull(0.5);
  }

  /** Greater than 0 and at most {@code max}, with 0 to 3 decimals (the HTTP layer allows 3). */
  private static Arbitrary<BigDecimal> quantity(int max) {
    return Arbitraries.integers().between(0, 3).flatMap(scale -> Arbitraries.bigDecimals()
        .between(BigDecimal.ONE.movePointLeft(scale), BigDecimal.valueOf(max))
        .ofScale(scale));
  }
}

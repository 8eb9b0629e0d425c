package io.plantsync.http.commands;

import static io.plantsync.http.commands.ObjectKind.QUALITY_HOLD;

import io.plantsync.aggregates.common.UsageDecision;
import io.plantsync.aggregates.qualityhold.CommandTypes;
import io.plantsync.aggregates.qualityhold.HoldScope;
import io.plantsync.aggregates.qualityhold.LotRef;
import io.plantsync.aggregates.qualityhold.QualityHold;
import io.plantsync.aggregates.qualityhold.QualityHoldCommand;
import io.plantsync.aggregates.qualityhold.QualityHoldCommand.*;
import java.util.List;

/** The {@code data} of each quality-hold command type, as src/docs/contract.md lists it. */
final class QualityHoldCommandSpecs {
  private QualityHoldCommandSpecs() {}

  /** A hold's scope is bounded so one command cannot fan out without limit. */
  static final int MAX_SCOPE = 10_000;

  static List<CommandSpec<QualityHoldCommand>> all() {
    return List.of(
        spec(CommandTypes.PLACE, (data, origin) -> {
          String reason = data.description("reason");
          HoldScope scope = scope(data);
          return data.errors().isEmpty() ? replyTo -> new PlaceHold(origin, reason, scope, replyTo) : null;
        }),
        spec(CommandTypes.EXTEND, (data, origin) -> {
          HoldScope scope = scope(data);
          return data.errors().isEmpty() ? replyTo -> new ExtendHold(origin, scope, replyTo) : null;
        }),
        spec(CommandTypes.RELEASE, (data, origin) -> {
          UsageDecision decision = data.enumValue("decision", UsageDecision.class);
          String note = data.optionalText("note", Fields.MAX_TEXT_LENGTH);
          return data.errors().isEmpty() ? replyTo -> new ReleaseHold(origin, decision, note, replyTo) : null;
        }));
  }

  /** {@code lots} and {@code orders}, each optional; that the scope names something is the hold's rule. */
  private static HoldScope scope(Fields data) {
    List<LotRef> lots = data.objects("lots", 0, MAX_SCOPE, lot -> new LotRef(lot.key("material"), lot.key("batch")));
    List<String> orders = data.keys("orders", MAX_SCOPE);
    return lots == null || orders == null ? null : new HoldScope(lots, orders);
  }

  private static CommandSpec<QualityHoldCommand> spec(String type, CommandSpec.DataReader<QualityHoldCommand> reader) {
    return new CommandSpec<>(type, QUALITY_HOLD, QualityHold.ENTITY_TYPE_KEY, reader);
  }
}

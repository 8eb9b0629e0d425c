package io.plantsync.http;

import io.plantsync.aggregates.common.ErrorCode;
import io.plantsync.aggregates.governance.AdapterKind;
import io.plantsync.http.auth.Adapter;
import io.plantsync.http.problem.ProblemResponses;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;

/** The operations API is for OPERATOR adapters only: src/docs/contract.md gives that kind this surface. */
final class Operators {
  private Operators() {}

  static Route only(Adapter adapter, Supplier<Route> inner) {
    if (adapter.kind() != AdapterKind.OPERATOR) {
      return Directives.complete(ProblemResponses.of(ErrorCode.NOT_SYSTEM_OF_RECORD,
          "the operations API is for OPERATOR adapters; " + adapter.id() + " is " + adapter.kind()));
    }
    return inner.get();
  }
}

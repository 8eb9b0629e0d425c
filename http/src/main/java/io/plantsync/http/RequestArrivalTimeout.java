package io.plantsync.http;

import java.time.Duration;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.BidiShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.stream.stage.TimerGraphStageLogic;

/**
 * Closes a connection that has not delivered a whole request head within {@code timeout} of opening
 * or of its last answer. Pekko HTTP times out only idle connections, and a client trickling one
 * header byte every few seconds is never idle: without this, such clients hold connections as long
 * as they like. The clock does not run while a request is being answered, so a slow answer is never
 * cut off; an idle keep-alive connection is closed after {@code timeout}, as most servers do.
 *
 * <p>Sits between a connection's parsed requests and the routes: requests pass up, answers down.
 */
final class RequestArrivalTimeout extends GraphStage<BidiShape<HttpRequest, HttpRequest, HttpResponse, HttpResponse>> {

  private static final String WAITING = "waiting-for-a-request";

  private final Inlet<HttpRequest> fromClient = Inlet.create("RequestArrivalTimeout.fromClient");
  private final Outlet<HttpRequest> toRoutes = Outlet.create("RequestArrivalTimeout.toRoutes");
  private final Inlet<HttpResponse> fromRoutes = Inlet.create("RequestArrivalTimeout.fromRoutes");
  private final Outlet<HttpResponse> toClient = Outlet.create("RequestArrivalTimeout.toClient");
  private final BidiShape<HttpRequest, HttpRequest, HttpResponse, HttpResponse> shape =
      BidiShape.of(fromClient, toRoutes, fromRoutes, toClient);
  private final Duration timeout;

  RequestArrivalTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public BidiShape<HttpRequest, HttpRequest, HttpResponse, HttpResponse> shape() {
    return shape;
  }

  @Override
  public GraphStageLogic createLogic(Attributes attributes) {
    return new TimerGraphStageLogic(shape) {
      /** Requests passed to the routes and not answered yet. */
      private int unanswered;

      {
        setHandler(fromClient, new AbstractInHandler() {
          @Override
          public void onPush() {
            unanswered++;
            cancelTimer(WAITING);
            push(toRoutes, grab(fromClient));
          }

          @Override
          public void onUpstreamFinish() {
            complete(toRoutes); // answers still owed go out first
          }
        });
        setHandler(toRoutes, new AbstractOutHandler() {
          @Override
          public void onPull() {
            pull(fromClient);
          }
        });
        setHandler(fromRoutes, new AbstractInHandler() {
          @Override
          public void onPush() {
            push(toClient, grab(fromRoutes));
            if (--unanswered == 0) scheduleOnce(WAITING, timeout);
          }
        });
        setHandler(toClient, new AbstractOutHandler() {
          @Override
          public void onPull() {
            pull(fromRoutes);
          }
        });
      }

      @Override
      public void preStart() {
        scheduleOnce(WAITING, timeout);
      }

      @Override
      public void onTimer(Object key) {
        completeStage();
      }
    };
  }
}

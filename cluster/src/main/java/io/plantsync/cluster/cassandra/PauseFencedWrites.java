package io.plantsync.cluster.cassandra;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.util.function.BooleanSupplier;

/**
 * The pause fence at the last point a request passes in this JVM: the head of each Cassandra
 * connection's Netty pipeline, where an encoded frame is handed to the socket. {@link
 * CassandraRequestGate} refuses requests when they are registered, but a request registered just
 * before the node froze was still queued on the driver's I/O thread and went out when the node woke
 * up — after the cluster had moved its objects (FrozenNodeIT once saw a lot's sequence number 3
 * written by both incarnations; FM-long-pause). Here the fence is checked on the I/O thread itself, so a
 * frame queued before a pause is refused after it. What is left is the time between this check and
 * the socket write inside one task on that thread (microseconds), and bytes the kernel still holds
 * when the socket was full.
 */
@ChannelHandler.Sharable
final class PauseFencedWrites extends ChannelOutboundHandlerAdapter {

  static final String NAME = "plantsync-pause-fence";
  static final String REFUSAL =
      "this node was paused longer than its max-pause and is shutting down; nothing is sent to Cassandra";

  private final BooleanSupplier writesAllowed;

  PauseFencedWrites(BooleanSupplier writesAllowed) {
    this.writesAllowed = writesAllowed;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object frame, ChannelPromise promise) {
    if (writesAllowed.getAsBoolean()) {
      ctx.write(frame, promise);
    } else {
      ReferenceCountUtil.release(frame);
      promise.tryFailure(new IllegalStateException(REFUSAL));
    }
  }
}

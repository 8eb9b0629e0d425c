package io.plantsync.cluster.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class PauseFencedWritesTest {

  private final AtomicBoolean writesAllowed = new AtomicBoolean(true);
  private final EmbeddedChannel connection = new EmbeddedChannel(new PauseFencedWrites(writesAllowed::get));

  @Test
  void framesPassWhileTheFenceAllowsWrites() {
    ByteBuf frame = Unpooled.copiedBuffer(new byte[] {1, 2, 3});

    ChannelFuture written = connection.writeAndFlush(frame);

    assertThat(written.isSuccess()).isTrue();
    assertThat((ByteBuf) connection.readOutbound()).isSameAs(frame);
  }

  @Test
  void aFrameWrittenAfterTheFenceTrippedNeverReachesTheSocketAndItsWriteFails() {
    writesAllowed.set(false);
    ByteBuf frame = Unpooled.copiedBuffer(new byte[] {1, 2, 3});

    ChannelFuture written = connection.writeAndFlush(frame);

    assertThat(connection.outboundMessages()).isEmpty();
    assertThat(written.isSuccess()).isFalse();
    assertThat(written.cause()).hasMessageContaining("paused longer than its max-pause");
    assertThat(frame.refCnt()).as("the refused frame's buffer is released").isZero();
  }

  @Test
  void theFenceIsCheckedForEveryFrameNotOncePerConnection() {
    connection.writeAndFlush(Unpooled.copiedBuffer(new byte[] {1}));
    writesAllowed.set(false);
    connection.writeAndFlush(Unpooled.copiedBuffer(new byte[] {2}));

    assertThat(connection.outboundMessages()).hasSize(1);
  }
}

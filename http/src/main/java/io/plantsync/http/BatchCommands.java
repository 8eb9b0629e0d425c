package io.plantsync.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plantsync.aggregates.common.ErrorCode;
import io.plantsync.http.CommandExecutor.Answer;
import io.plantsync.http.auth.Adapter;
import io.plantsync.http.commands.EnvelopeParser;
import io.plantsync.http.commands.ParsedCommand;
import io.plantsync.http.problem.FieldError;
import io.plantsync.http.problem.Problem;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.MediaType;
import org.apache.pekko.http.javadsl.model.MediaTypes;

/**
 * {@code POST /v1/commands:batch}: NDJSON in, NDJSON out, one answer per input line in input order.
 * Lines for one object run one after another in input order; different objects run concurrently
 * (at most {@code batch-parallelism} at a time). One bad line never fails the others. When an
 * object does not answer in time, its later lines are not attempted (503): applying them could
 * reorder that object's commands, and the adapter retries them all with the same messageIds.
 */
final class BatchCommands {

  static final MediaType.WithOpenCharset NDJSON = MediaTypes.applicationWithOpenCharset("x-ndjson");
  static final ContentType NDJSON_CONTENT_TYPE = NDJSON.toContentType(org.apache.pekko.http.javadsl.model.HttpCharsets.UTF_8);

  private record Line(int number, ParsedCommand<?> command) {}

  private final EnvelopeParser parser;
  private final CommandExecutor executor;
  private final HttpSettings settings;
  private final CommandMetrics metrics;

  BatchCommands(EnvelopeParser parser, CommandExecutor executor, HttpSettings settings, CommandMetrics metrics) {
    this.parser = parser;
    this.executor = executor;
    this.settings = settings;
    this.metrics = metrics;
  }

  /** The body's lines; a final newline does not start another line. */
  static List<byte[]> split(byte[] body) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= body.length; i++) {
      if (i == body.length || body[i] == '\n') {
        if (i == body.length && start == body.length) break;
        int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
        lines.add(Arrays.copyOfRange(body, start, end));
        start = i + 1;
      }
    }
    return lines;
  }

  /** Answers every line; the result is the NDJSON response body. */
  CompletionStage<byte[]> run(Adapter adapter, List<byte[]> lines) {
    Answer[] answers = new Answer[lines.size()];
    Map<String, List<Line>> byObject = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      byte[] line = lines.get(i);
      Problem invalid = null;
      EnvelopeParser.Result parsed = null;
      if (line.length > settings.maxCommandBytes()) {
        invalid = Problem.of(ErrorCode.PAYLOAD_TOO_LARGE,
            "the line exceeds the limit of " + settings.maxCommandBytes() + " bytes");
      } else if (line.length == 0) {
        invalid = Problem.invalid(List.of(new FieldError("/", "the line is empty")));
      } else {
        parsed = parser.parse(line, adapter);
        if (!parsed.isValid()) invalid = Problem.invalid(parsed.errors());
      }
      if (invalid != null) {
        metrics.invalid(adapter, invalid);
        answers[i] = Answer.of(invalid);
        continue;
      }
      byObject.computeIfAbsent(parsed.command().entityId(), id -> new ArrayList<>()).add(new Line(i, parsed.command()));
    }
    return runObjects(adapter, new ConcurrentLinkedQueue<>(byObject.values()), answers)
        .thenApply(done -> ndjson(answers));
  }

  private CompletionStage<Void> runObjects(Adapter adapter, ConcurrentLinkedQueue<List<Line>> objects, Answer[] answers) {
    int workers = Math.min(settings.batchParallelism(), Math.max(1, objects.size()));
    CompletableFuture<?>[] running = new CompletableFuture<?>[workers];
    for (int w = 0; w < workers; w++) running[w] = nextObject(adapter, objects, answers).toCompletableFuture();
    return CompletableFuture.allOf(running);
  }

  /** One worker: takes the next object, runs its lines in order, then takes the next object. */
  private CompletionStage<Void> nextObject(Adapter adapter, ConcurrentLinkedQueue<List<Line>> objects, Answer[] answers) {
    List<Line> object = objects.poll();
    if (object == null) return CompletableFuture.completedFuture(null);
    return runInOrder(adapter, object, 0, answers).thenCompose(done -> nextObject(adapter, objects, answers));
  }

  private CompletionStage<Void> runInOrder(Adapter adapter, List<Line> lines, int index, Answer[] answers) {
    if (index == lines.size()) return CompletableFuture.completedFuture(null);
    Line line = lines.get(index);
    if (index > 0 && answers[lines.get(index - 1).number()].unavailable()) {
      metrics.notAttempted(adapter, line.command().spec().type());
      answers[line.number()] = CommandExecutor.unavailable("not attempted: an earlier line for "
          + line.command().entityId() + " did not complete; retry both with the same messageIds");
      return runInOrder(adapter, lines, index + 1, answers);
    }
    return executor.execute(adapter, line.command()).thenCompose(answer -> {
      answers[line.number()] = answer;
      return runInOrder(adapter, lines, index + 1, answers);
    });
  }

  private static byte[] ndjson(Answer[] answers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < answers.length; i++) {
      ObjectNode line = Json.MAPPER.createObjectNode();
      line.put("line", i + 1);
      line.setAll((ObjectNode) Json.MAPPER.valueToTree(answers[i].body()));
      out.writeBytes(Json.write(line));
      out.write('\n');
    }
    return out.toByteArray();
  }
}

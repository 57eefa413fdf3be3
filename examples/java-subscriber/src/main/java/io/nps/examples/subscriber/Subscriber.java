package io.nps.examples.subscriber;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads detractors, opened cases and tagged responses from the NPS platform and prints one line
 * per event: "<ce_type> key=<key> ce_id=<id> <what happened>". Stops after MAX_EVENTS events
 * (exit 0) or TIMEOUT_SECONDS (exit 1). See docs/contracts.md, "Subscribing".
 */
public final class Subscriber {
  private Subscriber() {}

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.fromEnvironment(System.getenv());
    int printed = run(settings);
    if (printed < settings.maxEvents()) {
      System.err.printf("timed out after %s with %d of %d events%n", settings.timeout(), printed, settings.maxEvents());
      System.exit(1);
    }
  }

  static int run(Settings settings) throws Exception {
    // Delivery is at least once: a redelivered event carries the same ce_id. A real subscriber
    // keeps these ids where it keeps its state, in the same transaction.
    Set<String> processed = new HashSet<>();
    // Offsets are committed after the events were handled, never before: at least once.
    Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
    int printed = 0;
    Instant deadline = Instant.now().plus(settings.timeout());
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(settings))) {
      consumer.subscribe(settings.physicalTopics());
      while (printed < settings.maxEvents() && Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          handled.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
          String id = header(record, "ce_id");
          if (!processed.add(id)) continue;
          String line;
          try {
            line = EventPrinter.describe(header(record, "ce_dataschema"), record.value());
          } catch (InvalidProtocolBufferException e) {
            // It will never decode: a real subscriber parks it (a dead-letter table or topic) and goes on.
            System.err.printf("undecodable %s at %s-%d@%d: %s%n", id, record.topic(), record.partition(),
                record.offset(), e.getMessage());
            continue;
          }
          if (line == null) continue;
          System.out.printf("%s key=%s ce_id=%s %s%n", header(record, "ce_type"), record.key(), id, line);
          if (++printed == settings.maxEvents()) break;
        }
        if (!handled.isEmpty()) consumer.commitSync(handled);
      }
    }
    System.out.flush();
    return printed;
  }

  private static Properties consumerProperties(Settings settings) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.brokers());
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return properties;
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }
}

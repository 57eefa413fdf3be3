package io.nps.examples.subscriber;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What the subscriber reads from its environment; every variable has a default for a local broker. */
record Settings(String brokers, String topicPrefix, String groupId, int maxEvents, Duration timeout) {

  /** The topics this example follows, unprefixed, as libs/contracts/src/topics.ts names them. */
  static final List<String> TOPICS =
      List.of("nps.detractor.identified.v1", "nps.case.opened.v1", "nps.response.tagged.v1");

  static Settings fromEnvironment(Map<String, String> env) {
    return new Settings(
        env.getOrDefault("KAFKA_BROKERS", "localhost:9092"),
        env.getOrDefault("KAFKA_TOPIC_PREFIX", ""),
        env.getOrDefault("GROUP_ID", "java-subscriber-example"),
        Integer.parseInt(env.getOrDefault("MAX_EVENTS", "10")),
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("TIMEOUT_SECONDS", "60"))));
  }

  List<String> physicalTopics() {
    return TOPICS.stream().map(topic -> topicPrefix + topic).toList();
  }
}

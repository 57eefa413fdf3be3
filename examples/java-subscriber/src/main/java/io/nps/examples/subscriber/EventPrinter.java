package io.nps.examples.subscriber;

import com.google.protobuf.InvalidProtocolBufferException;
import io.nps.v1.CaseOpened;
import io.nps.v1.CasePriority;
import io.nps.v1.DetractorIdentified;
import io.nps.v1.ResponseTagged;
import io.nps.v1.RootCauseTag;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns one record value into one line. The message type comes from the ce_dataschema header
 * (urn:nps:proto: + the full protobuf name), so the topic name never has to be parsed.
 */
final class EventPrinter {
  static final String DATA_SCHEMA_PREFIX = "urn:nps:proto:";

  private EventPrinter() {}

  /** The line for one event, or null when this example does not know its type. */
  static String describe(String dataSchema, byte[] value) throws InvalidProtocolBufferException {
    String typeName = dataSchema.startsWith(DATA_SCHEMA_PREFIX) ? dataSchema.substring(DATA_SCHEMA_PREFIX.length()) : "";
    if (typeName.equals(DetractorIdentified.getDescriptor().getFullName())) {
      DetractorIdentified event = DetractorIdentified.parseFrom(value);
      return "detractor identified response_id=%s customer_id=%s score=%d revision=%d withdrawn=%s"
          .formatted(event.getResponseId(), event.getCustomerId(), event.getScore(), event.getRevision(), event.getWithdrawn());
    }
    if (typeName.equals(CaseOpened.getDescriptor().getFullName())) {
      CaseOpened event = CaseOpened.parseFrom(value);
      return "case opened case_id=%s response_id=%s team_id=%s priority=%s tags=%s"
          .formatted(event.getCaseId(), event.getResponseId(), event.getTeamId(), restName(event.getPriority()),
              String.join(",", event.getTagIdsList()));
    }
    if (typeName.equals(ResponseTagged.getDescriptor().getFullName())) {
      ResponseTagged event = ResponseTagged.parseFrom(value);
      String tags = event.getTagsList().stream().map(RootCauseTag::getTagId).collect(Collectors.joining(","));
      return String.format(Locale.ROOT, "response tagged response_id=%s language=%s sentiment=%.2f tags=%s",
          event.getResponseId(), event.getLanguage(), event.getSentiment(), tags);
    }
    return null;
  }

  /**
   * The REST API's spelling of a priority: the enum value name without its prefix, lower case
   * (CASE_PRIORITY_HIGH is "high"). An unknown or unset number prints as "unspecified".
   */
  static String restName(CasePriority priority) {
    if (priority == CasePriority.UNRECOGNIZED || priority == CasePriority.CASE_PRIORITY_UNSPECIFIED) return "unspecified";
    return priority.name().substring("CASE_PRIORITY_".length()).toLowerCase(Locale.ROOT);
  }
}

package dev.kubegenerate.yaml;

import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.ParserException;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * A YAML event stream that refuses to nest deeper than {@link YamlNodes#MAX_DEPTH}. The parser
 * itself is a state machine, but composing nodes and constructing values recurse once per level, so
 * a few kilobytes of {@code [[[[...]]]]} overflowed the stack before this check.
 */
final class DepthLimitedParser implements Parser {

  private final Parser events;
  private int depth;

  DepthLimitedParser(Parser events) {
    this.events = events;
  }

  @Override
  public boolean checkEvent(Event.ID choice) {
    return events.checkEvent(choice);
  }

  @Override
  public Event peekEvent() {
    return events.peekEvent();
  }

  @Override
  public boolean hasNext() {
    return events.hasNext();
  }

  @Override
  public Event next() {
    Event event = events.next();
    track(event);
    return event;
  }

  private void track(Event event) {
    switch (event.getEventId()) {
      case MappingStart, SequenceStart -> {
        if (++depth > YamlNodes.MAX_DEPTH) {
          throw tooDeep(event);
        }
      }
      case MappingEnd, SequenceEnd -> depth--;
      default -> {
        // scalars, aliases, documents and comments do not nest
      }
    }
  }

  /** The located error for an event that opens one level too many. */
  static ParserException tooDeep(Event event) {
    return new ParserException(
        "nested more than " + YamlNodes.MAX_DEPTH + " levels deep; flatten the structure",
        event.getStartMark());
  }
}

package dev.kubegenerate.engine;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The core filters whose result can be far larger, or take far longer, than their input: each
 * checks the budget before it builds anything. The others are at most a few times their input,
 * which measuring the result after the fact bounds.
 */
final class BoundedFilters {

  private BoundedFilters() {}

  /** The bounded version of the filter {@code name}, or {@code filter} itself. */
  static Filter replacing(String name, Filter filter, Supplier<RenderBudget> budget) {
    return switch (name) {
      case "replace" -> new Replace(filter, budget);
      case "join" -> new Join(filter, budget);
      case "split" -> new Split(filter, budget);
      default -> filter;
    };
  }

  /** {@code replace(pairs)}: each pair's growth is computed from its count before replacing. */
  private record Replace(Filter core, Supplier<RenderBudget> budget) implements Filter {
    @Override
    public List<String> getArgumentNames() {
      return core.getArgumentNames();
    }

    @Override
    public Object apply(
        Object input,
        Map<String, Object> args,
        PebbleTemplate self,
        EvaluationContext context,
        int line) {
      if (input == null || !(args.get("replace_pairs") instanceof Map<?, ?> pairs)) {
        return core.apply(input, args, self, context, line);
      }
      String data = input.toString();
      for (Map.Entry<?, ?> pair : pairs.entrySet()) {
        String from = String.valueOf(pair.getKey());
        String to = String.valueOf(pair.getValue());
        long count = occurrences(data, from);
        budget.get().checkGrowth(data.length(), count * (to.length() - (long) from.length()), line);
        data = data.replace(from, to);
      }
      return data;
    }

    private static long occurrences(String text, String part) {
      if (part.isEmpty()) {
        return text.length() + 1L; // an empty key matches between every two characters
      }
      long count = 0;
      for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
        count++;
      }
      return count;
    }
  }

  /** {@code join(separator)}: the items plus one separator per item must fit. */
  private record Join(Filter core, Supplier<RenderBudget> budget) implements Filter {
    @Override
    public List<String> getArgumentNames() {
      return core.getArgumentNames();
    }

    @Override
    public Object apply(
        Object input,
        Map<String, Object> args,
        PebbleTemplate self,
        EvaluationContext context,
        int line) {
      int items =
          input instanceof Collection<?> c ? c.size() : input instanceof Object[] a ? a.length : 0;
      Object separator = args.get("separator");
      long separators = separator == null ? 0 : (long) items * separator.toString().length();
      RenderBudget b = budget.get();
      b.checkGrowth(b.size(input, line), separators, line);
      return core.apply(input, args, self, context, line);
    }
  }

  /**
   * {@code split(delimiter)}: the delimiter is a regular expression, and one like {@code (a|aa)*b}
   * backtracks for longer than the universe lasts; the text it runs over checks the clock.
   */
  private record Split(Filter core, Supplier<RenderBudget> budget) implements Filter {
    @Override
    public List<String> getArgumentNames() {
      return core.getArgumentNames();
    }

    @Override
    public Object apply(
        Object input,
        Map<String, Object> args,
        PebbleTemplate self,
        EvaluationContext context,
        int line) {
      if (input == null || !(args.get("delimiter") instanceof String delimiter)) {
        return core.apply(input, args, self, context, line);
      }
      int limit = args.get("limit") instanceof Number n ? n.intValue() : 0;
      Pattern pattern;
      try {
        pattern = Pattern.compile(delimiter);
      } catch (PatternSyntaxException e) {
        throw new PebbleException(
            null, "split: invalid delimiter: " + e.getDescription(), line, self.getName());
      }
      return pattern.split(new ClockedText(input.toString(), budget.get(), line), limit);
    }
  }

  /** Text that checks the render's clock every few thousand characters a regex reads. */
  private static final class ClockedText implements CharSequence {
    private final String text;
    private final RenderBudget budget;
    private final int line;
    private int reads;

    ClockedText(String text, RenderBudget budget, int line) {
      this.text = text;
      this.budget = budget;
      this.line = line;
    }

    @Override
    public char charAt(int index) {
      if (++reads % 4096 == 0) {
        budget.checkTime(line);
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      // split copies its parts out through subSequence(...).toString(): plain strings suffice
      return text.substring(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}

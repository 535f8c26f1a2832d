package dev.kubegenerate.engine;

import io.pebbletemplates.pebble.extension.Extension;
import io.pebbletemplates.pebble.extension.ExtensionCustomizer;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.node.expression.BinaryExpression;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.operator.BinaryOperator;
import io.pebbletemplates.pebble.operator.BinaryOperatorImpl;
import io.pebbletemplates.pebble.operator.BinaryOperatorType;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Puts every Pebble extension (the core one included) under the render budget: each operator
 * measures its operands and its result, each filter its input, arguments and result, and the
 * filters whose result can be many times their input ({@code replace}, {@code join}, {@code
 * split}'s regular expression) are replaced by versions that check before they build.
 */
final class BudgetedExtension extends ExtensionCustomizer {

  private final Supplier<RenderBudget> budget;

  BudgetedExtension(Extension delegate, Supplier<RenderBudget> budget) {
    super(delegate);
    this.budget = budget;
  }

  @Override
  public List<BinaryOperator> getBinaryOperators() {
    List<BinaryOperator> operators = super.getBinaryOperators();
    if (operators == null) {
      return null;
    }
    List<BinaryOperator> out = new ArrayList<>();
    for (BinaryOperator op : operators) {
      if (op.getSymbol().equals("..")) {
        // builds its whole list before anything could measure it
        out.add(
            new BinaryOperatorImpl(
                "..",
                op.getPrecedence(),
                () -> new BoundedRange(budget),
                op.getType(),
                op.getAssociativity()));
        continue;
      }
      // filter (|) and test (is) operators hand their right side to Pebble's own invocation
      // nodes, which must keep their type; the filters and tests are bounded themselves
      out.add(
          op.getType() != BinaryOperatorType.NORMAL
              ? op
              : new BinaryOperatorImpl(
                  op.getSymbol(),
                  op.getPrecedence(),
                  () -> new Measured(op.createInstance(), budget),
                  op.getType(),
                  op.getAssociativity()));
    }
    return out;
  }

  @Override
  public Map<String, Filter> getFilters() {
    Map<String, Filter> filters = super.getFilters();
    if (filters == null) {
      return null;
    }
    Map<String, Filter> out = new LinkedHashMap<>();
    filters.forEach(
        (name, filter) ->
            out.put(
                name, new MeasuredFilter(BoundedFilters.replacing(name, filter, budget), budget)));
    return out;
  }

  /** An operator whose operands and result are measured. */
  static final class Measured extends BinaryExpression<Object> {
    private final BinaryExpression<?> operator;
    private final Supplier<RenderBudget> budget;

    Measured(BinaryExpression<?> operator, Supplier<RenderBudget> budget) {
      this.operator = operator;
      this.budget = budget;
    }

    @Override
    public void setLeft(Expression<?> left) {
      super.setLeft(left);
      operator.setLeft(new MeasuredExpression(left, budget));
    }

    @Override
    public void setRight(Expression<?> right) {
      super.setRight(right);
      operator.setRight(new MeasuredExpression(right, budget));
    }

    @Override
    public void setLineNumber(int line) {
      super.setLineNumber(line);
      operator.setLineNumber(line);
    }

    @Override
    public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
      return budget.get().measured(operator.evaluate(self, context), getLineNumber());
    }
  }

  /** {@code a..b}: the numbers from a to b, refused before building when there are too many. */
  static final class BoundedRange extends BinaryExpression<Object> {
    private final Supplier<RenderBudget> budget;

    BoundedRange(Supplier<RenderBudget> budget) {
      this.budget = budget;
    }

    @Override
    public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
      Object from = getLeftExpression().evaluate(self, context);
      Object to = getRightExpression().evaluate(self, context);
      if (!(from instanceof Number f) || !(to instanceof Number t)) {
        throw new io.pebbletemplates.pebble.error.PebbleException(
            null, "a range needs two numbers", getLineNumber(), self.getName());
      }
      long first = f.longValue();
      long last = t.longValue();
      long count = Math.abs(last - first) + 1;
      // each item prints as at least one digit and a separator
      budget.get().checkGrowth(0, count < 0 ? Long.MAX_VALUE : 2 * count, getLineNumber());
      List<Long> items = new ArrayList<>((int) count);
      long step = last >= first ? 1 : -1;
      for (long i = first; items.size() < count; i += step) {
        items.add(i);
      }
      return items;
    }
  }

  /** An expression whose value is measured before anything uses it. */
  static final class MeasuredExpression implements Expression<Object> {
    private final Expression<?> expression;
    private final Supplier<RenderBudget> budget;

    MeasuredExpression(Expression<?> expression, Supplier<RenderBudget> budget) {
      this.expression = expression;
      this.budget = budget;
    }

    @Override
    public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
      return budget.get().measured(expression.evaluate(self, context), expression.getLineNumber());
    }

    @Override
    public int getLineNumber() {
      return expression.getLineNumber();
    }

    @Override
    public void accept(io.pebbletemplates.pebble.extension.NodeVisitor visitor) {
      expression.accept(visitor);
    }
  }

  /** A filter whose input, arguments and result are measured. */
  static final class MeasuredFilter implements Filter {
    private final Filter filter;
    private final Supplier<RenderBudget> budget;

    MeasuredFilter(Filter filter, Supplier<RenderBudget> budget) {
      this.filter = filter;
      this.budget = budget;
    }

    @Override
    public List<String> getArgumentNames() {
      return filter.getArgumentNames();
    }

    @Override
    public Object apply(
        Object input,
        Map<String, Object> args,
        PebbleTemplate self,
        EvaluationContext context,
        int line) {
      RenderBudget b = budget.get();
      b.checkTime(line);
      b.measured(input, line);
      args.values().forEach(a -> b.measured(a, line));
      return b.measured(filter.apply(input, args, self, context, line), line);
    }
  }
}

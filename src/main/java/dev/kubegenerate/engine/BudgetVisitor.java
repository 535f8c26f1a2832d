package dev.kubegenerate.engine;

import io.pebbletemplates.pebble.extension.AbstractNodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.node.AbstractRenderableNode;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.PrintNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Supplier;

/**
 * Rewrites a compiled template so that it cannot outrun its budget: every body (the template's,
 * each loop's, each branch's, each macro's) starts by checking the clock, so every loop iteration
 * and macro call does; every {@code {{ }}} measures its value and checks the size of the text a
 * macro or block is collecting before it prints.
 */
final class BudgetVisitor extends AbstractNodeVisitor {

  private final Supplier<RenderBudget> budget;

  BudgetVisitor(PebbleTemplateImpl template, Supplier<RenderBudget> budget) {
    super(template);
    this.budget = budget;
  }

  @Override
  public void visit(PrintNode node) {
    node.setExpression(new BudgetedExtension.MeasuredExpression(node.getExpression(), budget));
    super.visit(node);
  }

  @Override
  public void visit(BodyNode node) {
    super.visit(node);
    List<RenderableNode> children = node.getChildren();
    for (int i = 0; i < children.size(); i++) {
      if (children.get(i) instanceof PrintNode print) {
        children.set(i, new Checkpoint(print, budget));
      }
    }
    children.add(0, new Checkpoint(null, budget, node.getLineNumber()));
  }

  /** Checks the clock and the writer's size, then renders the node it guards, if any. */
  private static final class Checkpoint extends AbstractRenderableNode {
    private final RenderableNode guarded;
    private final Supplier<RenderBudget> budget;

    Checkpoint(PrintNode guarded, Supplier<RenderBudget> budget) {
      this(guarded, budget, guarded.getLineNumber());
    }

    Checkpoint(RenderableNode guarded, Supplier<RenderBudget> budget, int line) {
      super(line);
      this.guarded = guarded;
      this.budget = budget;
    }

    @Override
    public void render(PebbleTemplateImpl self, Writer writer, EvaluationContextImpl context)
        throws IOException {
      RenderBudget b = budget.get();
      b.checkTime(getLineNumber());
      b.checkWriter(writer, getLineNumber());
      if (guarded != null) {
        guarded.render(self, writer, context);
      }
    }

    @Override
    public void accept(NodeVisitor visitor) {
      if (guarded != null) {
        guarded.accept(visitor);
      }
    }
  }
}

package dev.kubegenerate.report;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders markdown to HTML the way GitHub does for what the tests look at (CommonMark + tables).
 */
final class Html {

  private static final List<org.commonmark.Extension> EXTENSIONS =
      List.of(TablesExtension.create());

  private Html() {}

  static String of(String markdown) {
    Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    return HtmlRenderer.builder().extensions(EXTENSIONS).build().render(parser.parse(markdown));
  }
}

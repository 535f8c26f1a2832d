package dev.kubegenerate.check;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.config.Entry;
import dev.kubegenerate.config.InputException;
import dev.kubegenerate.config.Suggestions;
import dev.kubegenerate.config.YamlNodes;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.render.CanonicalYaml;
import dev.kubegenerate.render.Marker;
import dev.kubegenerate.render.SandboxedEngine;
import dev.kubegenerate.render.TemplateLibrary;
import dev.kubegenerate.render.TemplateSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** Renders every file a config produces, in memory; all problems are collected before failing. */
public final class Generator {

  private final SandboxedEngine engine;

  public Generator(SandboxedEngine engine) {
    this.engine = engine;
  }

  /** The files {@code config} produces, in entry order. */
  public List<RenderedFile> render(Config config, TemplateLibrary library) throws InputException {
    Set<Problem> problems = new LinkedHashSet<>();
    ParameterResolver resolver = new ParameterResolver(config, problems);
    Map<ManifestPath, RenderedFile> files = new LinkedHashMap<>();
    Map<RenderKey, Rendered> memo = new HashMap<>();
    for (Entry entry : config.entries()) {
      Optional<TemplateSpec> template = library.get(entry.template());
      if (template.isEmpty()) {
        problems.add(YamlNodes.at(config.shownAs(), entry.templateNode(), "unknown template \"" + entry.template() + "\""
            + Suggestions.didYouMean(entry.template(), library.all().keySet())
            + "; `kube-generate templates` lists them"));
        continue;
      }
      List<String> clusters = entry.clusters().orElse(config.clusters());
      Optional<Map<String, Map<String, Object>>> params = resolver.resolve(entry, template.get(), clusters);
      if (params.isEmpty()) {
        continue;
      }
      for (Map.Entry<String, Map<String, Object>> byCluster : params.get().entrySet()) {
        for (RenderedFile file : renderEntry(config, entry, template.get(), byCluster.getKey(), byCluster.getValue(), problems, memo)) {
          RenderedFile earlier = files.putIfAbsent(file.path(), file);
          if (earlier != null) {
            problems.add(YamlNodes.at(config.shownAs(), entry.templateNode(), "entry " + entry.template() + " writes "
                + file.path() + ", which the entry " + earlier.template() + " on line " + earlier.entryLine()
                + " also writes; give one of them a different name or subdir"));
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(new ArrayList<>(problems));
    }
    return List.copyOf(files.values());
  }

  /** A body and the context it renders with; the cluster is left out when the body never reads it. */
  private record RenderKey(TemplateSpec.Body body, Map<String, Object> context) {}

  /** A body's canonical text, and the whole file with its marker. */
  private record Rendered(String canonical, String content) {}

  /**
   * True when {@code body} may read the cluster's name. Pebble looks variables up by the names
   * written in the source, so a body that never names them renders the same for every cluster.
   */
  private static boolean readsCluster(TemplateSpec.Body body) {
    return body.source().contains("cluster") || body.source().contains("_context");
  }

  private List<RenderedFile> renderEntry(
      Config config, Entry entry, TemplateSpec template, String cluster, Map<String, Object> params, Set<Problem> problems,
      Map<RenderKey, Rendered> memo) {
    Map<String, Object> context = new LinkedHashMap<>(params);
    context.put("app", config.app());
    // copies, not views: HashMap, since a parameter without a value is null
    Map<String, Object> withoutCluster = new HashMap<>(context);
    context.put("cluster", cluster);
    int line = YamlNodes.line(entry.templateNode());
    int column = entry.templateNode().getStartMark().map(m -> m.getColumn() + 1).orElse(0);
    String where = " (rendering " + entry.template() + " for cluster " + cluster + " from " + config.shownAs() + ":" + line + ")";
    List<RenderedFile> out = new ArrayList<>();
    for (TemplateSpec.Body body : template.bodies()) {
      // an entry renders the same body once per cluster, mostly with equal parameters: render
      // each distinct context once (issue 6); failures are not kept, so each cluster reports its own
      RenderKey key = new RenderKey(body, readsCluster(body) ? new HashMap<>(context) : withoutCluster);
      Rendered done = memo.get(key);
      if (done == null) {
        done = renderBody(config, template, body, context, problems, where);
        if (done == null) {
          continue;
        }
        memo.put(key, done);
      }
      if (done.canonical().isEmpty()) {
        continue; // a body may render nothing, e.g. an optional object left out
      }
      String file = body.name() + (params.get("name") instanceof String n ? "-" + n : "") + ".yaml";
      ManifestPath path = entry.subdir()
          .map(sub -> config.outputDir().resolve(cluster + "/" + sub + "/" + file))
          .orElse(config.outputDir().resolve(cluster + "/" + file));
      out.add(new RenderedFile(path, config.shownAs(), template.name(), cluster, done.content(), line, column));
    }
    return out;
  }

  /** Renders and canonicalises one body; null after adding the problem when it fails. */
  private Rendered renderBody(
      Config config, TemplateSpec template, TemplateSpec.Body body, Map<String, Object> context, Set<Problem> problems,
      String where) {
    String text;
    try {
      text = engine.render(body, context);
    } catch (SandboxedEngine.RenderException e) {
      problems.add(new Problem(body.shownAs(), e.line(), 0, "template error: " + e.getMessage() + where));
      return null;
    }
    String canonical;
    try {
      canonical = CanonicalYaml.format(text);
    } catch (YamlEngineException e) {
      problems.add(Problem.of(body.shownAs(), "rendered text is not valid YAML: "
          + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ") + where));
      return null;
    }
    return new Rendered(canonical, canonical.isEmpty() ? "" : Marker.wrap(config.fileName(), template.name(), canonical));
  }
}

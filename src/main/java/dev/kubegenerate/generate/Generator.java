package dev.kubegenerate.generate;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.config.Entry;
import dev.kubegenerate.config.Param;
import dev.kubegenerate.config.Patch;
import dev.kubegenerate.engine.RenderMemo;
import dev.kubegenerate.engine.SandboxedEngine;
import dev.kubegenerate.kubernetes.ManifestValidator;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.KubernetesVersion;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Suggestions;
import dev.kubegenerate.model.Violation;
import dev.kubegenerate.render.CanonicalYaml;
import dev.kubegenerate.render.Marker;
import dev.kubegenerate.template.TemplateLibrary;
import dev.kubegenerate.template.TemplateSpec;
import dev.kubegenerate.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/** Renders every file a config produces, in memory; all problems are collected before failing. */
public final class Generator {

  private final SandboxedEngine engine;

  public Generator(SandboxedEngine engine) {
    this.engine = engine;
  }

  /**
   * The files {@code config} produces, in entry order. Each is validated for its cluster's
   * Kubernetes version first: an invalid object or a removed API is a problem located at the entry.
   */
  public List<RenderedFile> render(
      Config config, TemplateLibrary library, ClusterValidators validators) throws InputException {
    Set<Problem> problems = new LinkedHashSet<>();
    Map<Validated, List<Violation>> validated = new java.util.HashMap<>();
    ParameterResolver resolver = new ParameterResolver(config, problems);
    Memos memos = new Memos(engine);
    List<Planned> planned = new ArrayList<>();
    InputsFingerprint inputs = new InputsFingerprint(config);
    Map<ManifestPath, RenderedFile> files = new LinkedHashMap<>();
    Map<String, TemplateSpec> used = new java.util.TreeMap<>();
    boolean allFound = true;
    for (Entry entry : config.entries()) {
      Optional<TemplateSpec> template = library.get(entry.template());
      template.ifPresent(t -> used.put(t.name(), t));
      if (template.isEmpty()) {
        allFound = false;
        problems.add(
            YamlNodes.at(
                config.shownAs(),
                entry.templateNode(),
                "unknown template \""
                    + entry.template()
                    + "\""
                    + Suggestions.didYouMean(entry.template(), library.names())
                    + "; `kube-generate templates` lists them"));
        continue;
      }
      List<String> clusters = entry.clusters().orElse(config.clusters());
      resolver
          .resolve(entry, template.get(), clusters)
          .ifPresent(p -> planned.add(new Planned(entry, template.get(), p)));
    }
    SelectorOverlap.check(
        config,
        planned.stream()
            .map(p -> new SelectorOverlap.Workload(p.entry(), p.template(), p.params()))
            .toList(),
        problems);
    // ConfigMaps first, so the pods that read one can carry its hash; entries by identity, as a
    // Planned holds its whole template, too costly to hash
    Map<Planned, List<RenderedFile>> byEntry = new java.util.IdentityHashMap<>();
    ConfigMapHashes hashes = new ConfigMapHashes();
    for (Planned p : planned) {
      if (!p.template().createsPods()) {
        List<RenderedFile> rendered = renderPlanned(config, p, null, problems, memos, inputs);
        rendered.forEach(file -> hashes.add(file, memos.bodies().get(file).body(), p.entry()));
        byEntry.put(p, rendered);
      }
    }
    inputs.configMaps(hashes);
    for (Planned p : planned) {
      if (p.template().createsPods()) {
        byEntry.put(p, renderPlanned(config, p, hashes, problems, memos, inputs));
      }
    }
    Map<ManifestPath, Formatted> composed = new HashMap<>();
    for (Planned p : planned) {
      for (RenderedFile file : byEntry.get(p)) {
        Formatted body = memos.bodies().get(file);
        file = validate(config, p.entry(), file, body, validators, validated, problems);
        composed.putIfAbsent(file.path(), body);
        RenderedFile earlier = files.putIfAbsent(file.path(), file);
        if (earlier != null) {
          problems.add(
              YamlNodes.at(
                  config.shownAs(),
                  p.entry().templateNode(),
                  "entry "
                      + p.entry().template()
                      + " writes "
                      + file.path()
                      + ", which the entry "
                      + earlier.template()
                      + " on line "
                      + earlier.entryLine()
                      + " also writes; give one of them a different name or subdir"));
        }
      }
    }
    if (problems.isEmpty()) {
      budgetsThatBlockDrains(config, files, planned, byEntry, composed);
    }
    if (allFound && !used.isEmpty()) {
      // with an unknown template its parameters are unknown too: only that error is worth reading
      problems.addAll(unusedValues(config, used));
    }
    if (!problems.isEmpty()) {
      throw new InputException(new ArrayList<>(problems));
    }
    return List.copyOf(files.values());
  }

  /**
   * Adds {@code pdb-blocks-drain} to each file holding a budget that allows no disruption at the
   * replicas its app runs: a question of the config's objects together, not of one file.
   */
  private static void budgetsThatBlockDrains(
      Config config,
      Map<ManifestPath, RenderedFile> files,
      List<Planned> planned,
      Map<Planned, List<RenderedFile>> byEntry,
      Map<ManifestPath, Formatted> composed) {
    Map<RenderedFile, List<Violation>> blocking =
        DisruptionBudgets.check(
            List.copyOf(files.values()),
            f -> {
              Formatted body = composed.get(f.path());
              // the nodes of a body stand for the file's documents: the marker lines are comments
              return body == null ? Optional.empty() : body.nodes();
            });
    if (blocking.isEmpty()) {
      return;
    }
    Map<ManifestPath, Entry> entries = new java.util.HashMap<>();
    for (Planned p : planned) {
      byEntry.get(p).forEach(f -> entries.put(f.path(), p.entry()));
    }
    blocking.forEach(
        (file, found) -> {
          List<Violation> all = new ArrayList<>(file.violations());
          all.addAll(ConfigLines.located(config, entries.get(file.path()), file.cluster(), found));
          files.put(file.path(), file.withViolations(all));
        });
  }

  /** One entry with its template and its parameters per cluster. */
  private record Planned(
      Entry entry, TemplateSpec template, Map<String, Map<String, Object>> params) {}

  private List<RenderedFile> renderPlanned(
      Config config,
      Planned p,
      ConfigMapHashes hashes,
      Set<Problem> problems,
      Memos memos,
      InputsFingerprint inputs) {
    List<RenderedFile> out = new ArrayList<>();
    Set<Patch> matched = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Map.Entry<String, Map<String, Object>> byCluster : p.params().entrySet()) {
      String cluster = byCluster.getKey();
      String namespace = namespace(config, byCluster.getValue());
      String configHash =
          hashes == null ? null : hashes.forPod(cluster, namespace, byCluster.getValue());
      ReadSet configHashReads =
          hashes == null
              ? ReadSet.EMPTY
              : ReadSet.of(hashes.reads(cluster, namespace, byCluster.getValue()));
      out.addAll(
          renderEntry(
              config,
              p.entry(),
              p.template(),
              cluster,
              byCluster.getValue(),
              new FileReads.Derived(configHash, configHashReads, namespace),
              problems,
              memos,
              inputs,
              matched));
    }
    unmatched(config, p, matched, problems);
    return out;
  }

  /**
   * A patch whose target matches no object of the entry in any cluster it renders is an error: a
   * misspelt kind or name would otherwise change nothing in silence.
   */
  private static void unmatched(
      Config config, Planned p, Set<Patch> matched, Set<Problem> problems) {
    List<Patch> all = new ArrayList<>(p.entry().patches());
    p.params()
        .keySet()
        .forEach(c -> all.addAll(p.entry().overridePatches().getOrDefault(c, List.of())));
    for (int i = 0; i < all.size(); i++) {
      Patch patch = all.get(i);
      if (!matched.contains(patch)) {
        problems.add(
            patch
                .at()
                .problem(
                    config.shownAs(),
                    "this patch's target ("
                        + patch.kind()
                        + patch.name().map(n -> " " + n).orElse("")
                        + ") matches no object the "
                        + p.template().name()
                        + " entry renders in any of its clusters"));
      }
    }
  }

  /**
   * What a file's name ends in after its body's name: {@code -<name>} when the entry has a name,
   * else {@code -<objectName>} when it sets its objects' exact name, else nothing.
   */
  static String suffix(Map<String, Object> params) {
    if (params.get("name") instanceof String n) {
      return "-" + n;
    }
    return params.get("objectName") instanceof String o ? "-" + o : "";
  }

  /** The namespace the built-in templates put an entry's objects in. */
  static String namespace(Config config, Map<String, Object> params) {
    return params.get("namespace") instanceof String ns ? ns : config.app();
  }

  /** The entry's {@code app.kubernetes.io/component}: its name, else the template's role. */
  static String component(TemplateSpec template, Map<String, Object> params) {
    return params.get("name") instanceof String n ? n : template.component();
  }

  /**
   * What one config's render reuses: most bodies render the same text for every cluster.
   *
   * @param renders each body's render, reused for clusters whose context holds the same values
   *     under every name it read
   * @param fragments each rendered fragment text, parsed once (the value is only read)
   * @param formatted each rendered text, parsed, written and hashed once (the marker, which names
   *     the template, is written per file)
   * @param bodies each file's body, by identity: validation is memoized by body, and this
   *     instance's hash is computed once however many files share it
   * @param patched each body patched, by its text, patches and version
   * @param plans what each render read of the config, worked out once
   */
  private record Memos(
      RenderMemo renders,
      Map<String, Object> fragments,
      Map<String, Formatted> formatted,
      Map<RenderedFile, Formatted> bodies,
      Map<PatchedKey, Patched> patched,
      FileReads.Plans plans) {
    Memos(SandboxedEngine engine) {
      this(
          new RenderMemo(engine),
          new HashMap<>(),
          new HashMap<>(),
          new java.util.IdentityHashMap<>(),
          new HashMap<>(),
          new FileReads.Plans());
    }
  }

  /**
   * A body's canonical text, its checksum and its nodes, shared by every file that renders the same
   * text.
   */
  private record Formatted(String body, String sha256, Optional<List<Node>> nodes) {}

  /**
   * A body validated for a version: most bodies render the same for every cluster. Keyed by the
   * body, since the marker (a comment, always two lines) differs per file in its fingerprint.
   */
  private record Validated(KubernetesVersion version, String body) {
    // Written out: see KubernetesVersion.equals.
    @Override
    public boolean equals(Object other) {
      return other instanceof Validated v && v.version.equals(version) && v.body.equals(body);
    }

    @Override
    public int hashCode() {
      return 31 * version.hashCode() + body.hashCode();
    }
  }

  /**
   * The file with its violations; errors become problems naming the template, the entry and the
   * field.
   */
  private static RenderedFile validate(
      Config config,
      Entry entry,
      RenderedFile file,
      Formatted body,
      ClusterValidators validators,
      Map<Validated, List<Violation>> validated,
      Set<Problem> problems) {
    ManifestValidator validator = validators.forCluster(Optional.of(file.cluster()));
    List<Violation> violations =
        validated.computeIfAbsent(
            new Validated(validator.version(), body.body()),
            // the marker is two comment lines: any two give the same lines and findings, and
            // today's
            // would cost the file's fingerprint
            k -> validator.validate("#\n#\n" + body.body(), body.nodes()));
    for (Violation v : violations) {
      if (v.severity() == Violation.Severity.ERROR) {
        String field = v.path().isEmpty() ? "" : v.path() + ": ";
        List<Patch> patches = entry.patchesFor(file.cluster());
        Problem at =
            patches.isEmpty()
                ? YamlNodes.at(config.shownAs(), entry.templateNode(), "")
                : patches.get(0).at().problem(config.shownAs(), "");
        problems.add(
            new Problem(
                at.file(),
                at.line(),
                at.column(),
                "template "
                    + entry.template()
                    + (patches.isEmpty() ? "" : " with this entry's patches")
                    + " renders "
                    + file.path()
                    + ", which Kubernetes "
                    + validator.version()
                    + " (cluster "
                    + file.cluster()
                    + ") rejects: "
                    + field
                    + v.message()
                    + " ("
                    + v.rule().id()
                    + ", line "
                    + v.line()
                    + " of the render)"));
      }
    }
    return file.withViolations(ConfigLines.located(config, entry, file.cluster(), violations));
  }

  /**
   * A body's canonical text with a cluster's patches applied, formatted again; reused for every
   * cluster whose render and patches are the same.
   */
  private static Patched patched(
      Config config,
      TemplateSpec template,
      Formatted canonical,
      List<Patch> patches,
      KubernetesVersion version,
      Set<Problem> problems,
      Memos memos) {
    PatchedKey key = new PatchedKey(canonical.body(), patches, version);
    Patched done = memos.patched().get(key);
    if (done == null) {
      Set<Patch> hit = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      List<Object> documents =
          new EntryPatches(config, template, problems)
              .apply(CanonicalYaml.read(canonical.body()), patches, version, hit);
      CanonicalYaml.Composed yaml = CanonicalYaml.formatComposed(documents);
      done = new Patched(new Formatted(yaml.text(), Marker.sha256(yaml.text()), yaml.nodes()), hit);
      memos.patched().put(key, done);
    }
    return done;
  }

  /** A patched body is the same for the same rendered text, patches and Kubernetes version. */
  private record PatchedKey(String body, List<Patch> patches, KubernetesVersion version) {
    // Written out: see KubernetesVersion.equals (the first patched body of a run hashes one).
    @Override
    public boolean equals(Object other) {
      return other instanceof PatchedKey k
          && java.util.Objects.equals(body, k.body)
          && java.util.Objects.equals(patches, k.patches)
          && java.util.Objects.equals(version, k.version);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(body, patches, version);
    }
  }

  /** A patched body and the patches whose target it held. */
  private record Patched(Formatted formatted, Set<Patch> matched) {}

  /** The parser's problem and the rendered line, without the source excerpt it quotes. */
  private static String renderedProblem(YamlEngineException e) {
    if (e instanceof CanonicalYaml.TooLarge) {
      return e.getMessage();
    }
    if (e instanceof MarkedYamlEngineException m && m.getProblem() != null) {
      return m.getProblem().strip().replaceAll("\\s*\\R\\s*", " ")
          + m.getProblemMark()
              .map(mark -> " (rendered line " + (mark.getLine() + 1) + ")")
              .orElse("");
    }
    return e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /**
   * The keys of {@code values} that no used template declares: a misspelling or a leftover that
   * would otherwise be ignored in silence (values only reach templates that declare them).
   */
  private static List<Problem> unusedValues(Config config, Map<String, TemplateSpec> used) {
    Set<String> declared = new java.util.TreeSet<>();
    used.values().forEach(t -> declared.addAll(t.parameterNames()));
    List<Problem> out = new ArrayList<>();
    for (Param value : config.values().values()) {
      if (declared.contains(value.name())) {
        continue;
      }
      String near = Suggestions.didYouMean(value.name(), declared);
      out.add(
          YamlNodes.at(
              config.shownAs(),
              value.key(),
              "value \""
                  + value.name()
                  + "\" is not a parameter of any template this config uses ("
                  + String.join(", ", used.keySet())
                  + ")"
                  + (near.isEmpty() ? "; remove it or move it to the entry that needs it" : near)));
    }
    out.sort(java.util.Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return out;
  }

  private List<RenderedFile> renderEntry(
      Config config,
      Entry entry,
      TemplateSpec template,
      String cluster,
      Map<String, Object> params,
      FileReads.Derived derived,
      Set<Problem> problems,
      Memos memos,
      InputsFingerprint inputs,
      Set<Patch> matched) {
    FileReads reads = new FileReads(memos.plans(), template, derived);
    Map<String, Object> context = new LinkedHashMap<>(params);
    context.put("app", config.app());
    context.put("cluster", cluster);
    KubernetesVersion version = ClusterValidators.versionOf(config, cluster);
    context.put(
        "kubernetes", Map.of("version", version.toString(), "minor", (long) version.minor()));
    context.put("component", component(template, params));
    context.put("configHash", derived.configHash());
    int line = YamlNodes.line(entry.templateNode());
    int column = entry.templateNode().getStartMark().map(m -> m.getColumn() + 1).orElse(0);
    String where =
        " (rendering "
            + entry.template()
            + " for cluster "
            + cluster
            + " from "
            + config.shownAs()
            + ":"
            + line
            + ")";
    for (TemplateSpec.Fragment fragment : template.fragments()) {
      Map<String, Object> fragmentContext = new LinkedHashMap<>(context);
      fragmentContext.putAll(fragment.settings());
      try {
        RenderMemo.Render render = memos.renders().renderReading(fragment.body(), fragmentContext);
        reads.fragment(fragment, render.reads());
        String text = render.text();
        // clusters with equal parameters render the same text: parse it once (the parsed value is
        // only read)
        Object parsed = memos.fragments().get(text);
        if (parsed == null) {
          parsed = CanonicalYaml.readOne(text);
          memos.fragments().put(text, parsed);
        }
        context.put(fragment.variable(), parsed);
      } catch (SandboxedEngine.RenderException e) {
        problems.add(
            new Problem(
                fragment.body().shownAs(),
                e.line(),
                0,
                "template error: " + e.getMessage() + where));
        return List.of();
      } catch (YamlEngineException e) {
        problems.add(
            Problem.of(
                fragment.body().shownAs(),
                "rendered text is not valid YAML: " + renderedProblem(e) + where));
        return List.of();
      }
    }
    List<RenderedFile> out = new ArrayList<>();
    for (TemplateSpec.Body body : template.bodies()) {
      String text;
      ReadSet keys;
      try {
        RenderMemo.Render render = memos.renders().renderReading(body, context);
        text = render.text();
        keys = reads.body(body, render.reads());
      } catch (SandboxedEngine.RenderException e) {
        problems.add(
            new Problem(body.shownAs(), e.line(), 0, "template error: " + e.getMessage() + where));
        continue;
      }
      Formatted canonical = memos.formatted().get(text);
      try {
        if (canonical == null) {
          CanonicalYaml.Composed yaml = CanonicalYaml.formatComposed(text);
          canonical = new Formatted(yaml.text(), Marker.sha256(yaml.text()), yaml.nodes());
          memos.formatted().put(text, canonical);
        }
      } catch (YamlEngineException e) {
        problems.add(
            Problem.of(
                body.shownAs(), "rendered text is not valid YAML: " + renderedProblem(e) + where));
        continue;
      }
      if (canonical.body().isEmpty()) {
        continue; // a body may render nothing, e.g. an optional object left out
      }
      List<Patch> patches = entry.patchesFor(cluster);
      List<Patch> own = List.of();
      if (!patches.isEmpty()) {
        Patched done = patched(config, template, canonical, patches, version, problems, memos);
        matched.addAll(done.matched());
        // the file's own patches, in order: those whose target is one of its objects
        own = patches.stream().filter(done.matched()::contains).toList();
        canonical = done.formatted();
        if (canonical.body().isEmpty()) {
          continue; // every object was deleted by a patch
        }
      }
      String file = body.name() + suffix(params) + ".yaml";
      ManifestPath path =
          entry
              .subdir()
              .map(sub -> config.outputDir().resolve(cluster + "/" + sub + "/" + file))
              .orElse(config.outputDir().resolve(cluster + "/" + file));
      FileInputs fileInputs =
          inputs.file(entry, template, cluster, path, own, keys, derived.namespace());
      RenderedFile rendered =
          new RenderedFile(
              path,
              config.shownAs(),
              template.name(),
              cluster,
              new RenderedText(
                  config.fileName(),
                  template.name(),
                  canonical.body(),
                  canonical.sha256(),
                  fileInputs),
              fileInputs,
              line,
              column,
              List.of());
      memos.bodies().put(rendered, canonical);
      out.add(rendered);
    }
    return out;
  }
}

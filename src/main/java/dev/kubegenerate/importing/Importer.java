package dev.kubegenerate.importing;

import dev.kubegenerate.config.AppName;
import dev.kubegenerate.config.Config;
import dev.kubegenerate.config.ConfigLoader;
import dev.kubegenerate.engine.SandboxedEngine;
import dev.kubegenerate.generate.ClusterValidators;
import dev.kubegenerate.generate.Generator;
import dev.kubegenerate.generate.RenderedFile;
import dev.kubegenerate.kubernetes.CustomResources;
import dev.kubegenerate.kubernetes.FieldMerge;
import dev.kubegenerate.kubernetes.KubernetesApi;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.KubernetesVersion;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.objects.ManifestObject;
import dev.kubegenerate.objects.Manifests;
import dev.kubegenerate.template.TemplateLibrary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proposes the kube-generate.yaml that reproduces an app's existing manifests (SPEC §8.2), and
 * proves it before anything is written: the proposal is rendered in memory and every object
 * compared with its original; what parameters do not say becomes patches, rendered and compared
 * again; an entry whose objects still differ leaves them hand-written. Only additions the import
 * allows remain (metadata, values the API server stores anyway, and template defaults with {@code
 * --with-defaults}), each reported.
 */
public final class Importer {

  private final Path root;
  private final Path configFile;
  private final ManifestPath outputDir;
  private final KubernetesVersion version;
  private final boolean withDefaults;
  private final TemplateLibrary library;
  private final List<String> templateFolders;
  private final Generator generator = new Generator(new SandboxedEngine());

  /**
   * @param templateFolders repository template folders the config lists, from its folder
   */
  public Importer(
      Path root,
      Path configFile,
      ManifestPath outputDir,
      KubernetesVersion version,
      boolean withDefaults,
      TemplateLibrary library,
      List<String> templateFolders) {
    this.root = root.toAbsolutePath().normalize();
    this.configFile = configFile;
    this.outputDir = outputDir;
    this.version = version;
    this.withDefaults = withDefaults;
    this.library = library;
    this.templateFolders = List.copyOf(templateFolders);
  }

  /**
   * What import would write, and the residual of every original object.
   *
   * @param config the config's text
   * @param rendered the files it renders
   * @param residual the verdict on every original object
   * @param originals what was read
   */
  public record Result(
      Proposal proposal,
      List<RenderedFile> rendered,
      List<ImportResidual.Item> residual,
      Originals originals) {

    /** The config's text, its hand-written files named as {@code import} leaves them. */
    public String config(List<String> handwritten) {
      return proposal.withHandwritten(handwritten).write(HEADER).text();
    }
  }

  /** The comment at the top of the config import writes. */
  static final String HEADER =
      "Written by kube-generate import from the app's manifests.\n"
          + "`kube-generate --update` renders them from this file; the import's residual says what"
          + " it changes.";

  public Result propose() throws InputException {
    Originals originals = Originals.read(root, outputDir);
    if (originals.clusters().isEmpty()) {
      throw new InputException(
          Problem.of(
              outputDir.value(),
              "no manifests in cluster folders below it to import ("
                  + outputDir
                  + "/<cluster>/*.yaml)"));
    }
    Grouping.Result grouping = Grouping.of(originals.objects());
    Map<Original, String> handwritten = new LinkedHashMap<>(grouping.handwritten());
    List<Grouping.Group> groups = new ArrayList<>();
    Map<Grouping.Group, String> missing = new LinkedHashMap<>();
    for (Grouping.Group g : grouping.groups()) {
      if (library.get(g.template()).isPresent()) {
        groups.add(g);
      } else {
        missing.put(g, "the template library has no template " + g.template());
      }
    }
    drop(new ArrayList<>(), missing, handwritten);
    while (true) {
      List<Proposal.Entry> entries = new ArrayList<>();
      for (Grouping.Group g : groups) {
        entries.add(
            Proposer.entry(
                g,
                originals.clusters(),
                new java.util.HashSet<>(library.get(g.template()).orElseThrow().parameterNames()),
                withDefaults));
      }
      Map<String, Object> values = Proposer.hoist(entries, library);
      // first render: what the parameters alone give; the differences become patches
      Attempt first = attempt(originals, values, entries, handwritten);
      if (!first.failed().isEmpty()) {
        drop(groups, first.failed(), handwritten);
        continue;
      }
      List<Proposal.Entry> patched = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        patched.add(withResidualPatches(entries.get(i), first.objects().get(i)));
      }
      Attempt second = attempt(originals, values, patched, handwritten);
      if (!second.failed().isEmpty()) {
        drop(groups, second.failed(), handwritten);
        continue;
      }
      Map<Grouping.Group, String> unreproduced = new LinkedHashMap<>();
      List<ImportResidual.Item> residual = new ArrayList<>();
      for (int i = 0; i < patched.size(); i++) {
        verify(patched.get(i), second.objects().get(i), residual, unreproduced);
      }
      if (!unreproduced.isEmpty()) {
        drop(groups, unreproduced, handwritten);
        continue;
      }
      handwritten.forEach(
          (o, why) ->
              residual.add(
                  new ImportResidual.Item(
                      o, ImportResidual.Status.HANDWRITTEN, List.of(), false, why, o.file())));
      return new Result(
          second.proposal(), second.files(), ImportResidual.sorted(residual), originals);
    }
  }

  /**
   * One render of a proposal: its text and files, each entry's objects, and entries that failed.
   */
  private record Attempt(
      Proposal proposal,
      List<RenderedFile> files,
      List<Map<String, Rendered>> objects,
      Map<Grouping.Group, String> failed) {}

  /** A rendered object and the file it is in. */
  private record Rendered(Map<String, Object> body, ManifestPath file) {}

  private Attempt attempt(
      Originals originals,
      Map<String, Object> values,
      List<Proposal.Entry> entries,
      Map<Original, String> handwritten)
      throws InputException {
    List<String> globs = new ArrayList<>();
    handwritten.keySet().forEach(o -> globs.add(relative(o.file())));
    originals.unreadable().keySet().forEach(f -> globs.add(relative(f)));
    Proposal proposal =
        new Proposal(
            AppName.fromFolder(root.resolve(configFile).normalize().getParent()),
            originals.clusters(),
            version.toString(),
            outputDir.value().equals(Config.DEFAULT_OUTPUT_DIR) ? null : relative(outputDir),
            templateFolders,
            values,
            globs.stream().distinct().toList(),
            entries);
    Proposal.Written written = proposal.write(HEADER);
    Map<Grouping.Group, String> failed = new LinkedHashMap<>();
    List<RenderedFile> files;
    try {
      ConfigLoader.Loaded loaded =
          new ConfigLoader(root, KubernetesApi.supported()).loadText(configFile, written.text());
      if (!loaded.problems().isEmpty()) {
        throw new InputException(loaded.problems());
      }
      Config config = loaded.config();
      files =
          generator.render(
              config,
              library,
              new ClusterValidators(config, CustomResources.load(root, config.schemaDirs())));
    } catch (InputException e) {
      for (Problem p : e.problems()) {
        int entry = entryAt(written.entryLines(), p.line());
        if (entry < 0) {
          throw e; // a problem of the config as a whole: a bug of the proposal, reported as is
        }
        failed.putIfAbsent(
            entries.get(entry).group(), "its proposal does not render: " + p.message());
      }
      return new Attempt(proposal, List.of(), List.of(), failed);
    }
    List<Map<String, Rendered>> objects = new ArrayList<>();
    entries.forEach(e -> objects.add(new LinkedHashMap<>()));
    for (RenderedFile f : files) {
      int entry = entryAt(written.entryLines(), f.entryLine());
      for (ManifestObject o :
          Manifests.read(f.content(), f.cluster(), f.path().value()).objects()) {
        String key =
            f.cluster() + "|" + o.id().kind() + "/" + o.id().namespace() + "/" + o.id().name();
        objects.get(entry).put(key, new Rendered(o.body(), f.path()));
      }
    }
    return new Attempt(proposal, files, objects, failed);
  }

  /** The index of the entry whose text holds {@code line}, or -1 before the first. */
  private static int entryAt(List<Integer> lines, int line) {
    int found = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i) <= line) {
        found = i;
      }
    }
    return found;
  }

  private String relative(ManifestPath path) {
    Path folder = configFile.toAbsolutePath().normalize().getParent();
    return folder.relativize(path.resolveIn(root)).toString().replace('\\', '/');
  }

  /**
   * The entry with the patches that turn its render into its originals: each object's, shared by
   * the entry when every cluster needs the same one, else per cluster; an object the originals do
   * not have in a cluster is deleted there.
   */
  private Proposal.Entry withResidualPatches(Proposal.Entry entry, Map<String, Rendered> rendered) {
    Map<String, Map<String, Map<String, Object>>> byTarget = new LinkedHashMap<>();
    for (Map.Entry<String, Rendered> r : rendered.entrySet()) {
      String cluster = r.getKey().substring(0, r.getKey().indexOf('|'));
      Map<String, Object> body = r.getValue().body();
      String kind = String.valueOf(body.get("kind"));
      String name = String.valueOf(Maps.at(body, "metadata", "name"));
      Optional<Original> original = original(entry.group(), cluster, body);
      Map<String, Object> patch;
      if (original.isEmpty()) {
        patch = Map.of("$patch", "delete");
      } else {
        patch =
            new Residual(kind, rules(body), withDefaults).of(body, original.get().body()).patch();
      }
      byTarget.computeIfAbsent(kind + "\n" + name, k -> new LinkedHashMap<>()).put(cluster, patch);
    }
    List<Map<String, Object>> shared = new ArrayList<>();
    Map<String, List<Map<String, Object>>> perCluster = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Map<String, Object>>> t : byTarget.entrySet()) {
      String[] target = t.getKey().split("\n", 2);
      Map<String, Map<String, Object>> patches = t.getValue();
      boolean same =
          patches.values().stream()
                  .map(dev.kubegenerate.fast.JsonLiteral::canonical)
                  .distinct()
                  .count()
              == 1;
      if (same) {
        Map<String, Object> only = patches.values().iterator().next();
        if (!only.isEmpty()) {
          shared.add(patchItem(target, only));
        }
        continue;
      }
      patches.forEach(
          (cluster, patch) -> {
            if (!patch.isEmpty()) {
              perCluster
                  .computeIfAbsent(cluster, c -> new ArrayList<>())
                  .add(patchItem(target, patch));
            }
          });
    }
    return entry.withPatches(shared, perCluster);
  }

  private static Map<String, Object> patchItem(String[] target, Map<String, Object> patch) {
    Map<String, Object> item = new LinkedHashMap<>();
    Map<String, Object> to = new LinkedHashMap<>();
    to.put("kind", target[0]);
    to.put("name", target[1]);
    item.put("target", to);
    item.put("merge", patch);
    return item;
  }

  /** The original of a rendered object in a cluster: the same kind, namespace and name. */
  private static Optional<Original> original(
      Grouping.Group group, String cluster, Map<String, Object> body) {
    String kind = String.valueOf(body.get("kind"));
    String name = String.valueOf(Maps.at(body, "metadata", "name"));
    List<Original> candidates = new ArrayList<>();
    Optional.ofNullable(group.primary().get(cluster)).ifPresent(candidates::add);
    candidates.addAll(group.members().getOrDefault(cluster, Map.of()).values());
    return candidates.stream()
        .filter(o -> o.kind().equals(kind) && o.name().equals(name))
        .findFirst();
  }

  private Residual.Rules rules(Map<String, Object> body) {
    KubernetesApi api = KubernetesApi.of(version);
    String apiVersion = String.valueOf(body.get("apiVersion"));
    String kind = String.valueOf(body.get("kind"));
    return pointer -> api.merge(apiVersion, kind, pointer).orElse(FieldMerge.NONE);
  }

  /** Compares every original of an entry with its render; a difference makes it unreproduced. */
  private void verify(
      Proposal.Entry entry,
      Map<String, Rendered> rendered,
      List<ImportResidual.Item> residual,
      Map<Grouping.Group, String> unreproduced) {
    List<ImportResidual.Item> items = new ArrayList<>();
    List<Original> originals = new ArrayList<>();
    entry.group().primary().values().forEach(originals::add);
    entry.group().members().values().forEach(m -> originals.addAll(m.values()));
    for (Original o : originals) {
      Rendered r =
          rendered.get(
              o.cluster() + "|" + o.kind() + "/" + o.namespace().orElse("") + "/" + o.name());
      if (r == null) {
        unreproduced.putIfAbsent(
            entry.group(), o.shown() + " is not rendered in cluster " + o.cluster());
        return;
      }
      Residual.Result diff =
          new Residual(o.kind(), rules(r.body()), withDefaults).of(r.body(), o.body());
      if (!diff.patch().isEmpty()) {
        unreproduced.putIfAbsent(
            entry.group(),
            "kube-generate cannot reproduce "
                + String.join(", ", diff.patch().keySet())
                + " of "
                + o.shown()
                + " in cluster "
                + o.cluster());
        return;
      }
      boolean restarts = diff.added().stream().anyMatch(ImportResidual::restartsPods);
      items.add(
          new ImportResidual.Item(
              o,
              diff.added().isEmpty()
                  ? ImportResidual.Status.IDENTICAL
                  : ImportResidual.Status.ADDED,
              diff.added(),
              restarts,
              "",
              r.file()));
    }
    residual.addAll(items);
  }

  private static void drop(
      List<Grouping.Group> groups,
      Map<Grouping.Group, String> failed,
      Map<Original, String> handwritten) {
    for (Map.Entry<Grouping.Group, String> f : failed.entrySet()) {
      groups.remove(f.getKey());
      f.getKey().primary().values().forEach(o -> handwritten.put(o, f.getValue()));
      f.getKey()
          .members()
          .values()
          .forEach(m -> m.values().forEach(o -> handwritten.put(o, f.getValue())));
    }
  }
}

package dev.kubegenerate.fixes;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.config.Entry;
import dev.kubegenerate.generate.ClusterValidators;
import dev.kubegenerate.generate.Generator;
import dev.kubegenerate.generate.RenderedFile;
import dev.kubegenerate.model.Classified;
import dev.kubegenerate.model.EditFix;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Status;
import dev.kubegenerate.objects.ManifestObject;
import dev.kubegenerate.template.TemplateLibrary;
import dev.kubegenerate.template.TemplateSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * For each {@code hand-edited} file of a config, what in the config would produce each edit: a
 * parameter, or else a patch, each found by rendering the config with it (SPEC §8.3). Nothing runs
 * unless a file is hand-edited, and the renders are bounded ({@link Experiments}).
 */
public final class HandEditFixes {

  /** Hand-edited files examined per config; the others keep the plain fix line. */
  static final int MAX_FILES = 20;

  /** Edited fields looked at per file. */
  static final int MAX_FIELDS = 12;

  private HandEditFixes() {}

  /**
   * {@code files} with fixes added to their hand-edited ones.
   *
   * @param rendered today's render of {@code config}
   */
  public static List<Classified> added(
      Config config,
      TemplateLibrary library,
      ClusterValidators validators,
      Generator generator,
      List<RenderedFile> rendered,
      List<Classified> files) {
    List<Integer> edited = new ArrayList<>();
    for (int i = 0; i < files.size() && edited.size() < MAX_FILES; i++) {
      FileResult r = files.get(i).result();
      if (r.status() == Status.HAND_EDITED && r.committed().isPresent()) {
        edited.add(i);
      }
    }
    if (edited.isEmpty()) {
      return files;
    }
    Map<ManifestPath, RenderedFile> byPath = new HashMap<>();
    rendered.forEach(f -> byPath.put(f.path(), f));
    List<EditedFile> read = new ArrayList<>();
    Map<EditedFile, Integer> at = new java.util.IdentityHashMap<>();
    for (int i : edited) {
      FileResult r = files.get(i).result();
      RenderedFile render = byPath.get(r.path());
      Optional<EditedFile> e =
          render == null
              ? Optional.empty()
              : EditedFile.of(config, library, render, r.committed().get());
      e.ifPresent(
          found -> {
            read.add(found);
            at.put(found, i);
          });
    }
    FixFinder finder =
        new FixFinder(
            config, library, new Experiments(generator, library, validators), byPath, read);
    List<Classified> out = new ArrayList<>(files);
    for (EditedFile e : read) {
      int i = at.get(e);
      Classified c = out.get(i);
      List<EditFix> fixes;
      try {
        fixes = finder.fixes(e);
      } catch (RuntimeException ex) {
        // advice on a file a pull request wrote in any shape: without it the verdict stands
        fixes = List.of();
      }
      if (!fixes.isEmpty()) {
        out.set(
            i,
            new Classified(
                c.result().withFixes(fixes), c.ownership(), c.unreadable(), c.renderOrder()));
      }
    }
    return out;
  }

  /**
   * A hand-edited file with what it needs to find its fixes.
   *
   * @param render today's render of it
   * @param entry the entry that renders it, and its place in the config
   * @param template the entry's template
   * @param edits what the hand edit changed
   * @param committed the committed objects
   * @param differences where the render differs from them ({@link FileEdits#differences})
   */
  record EditedFile(
      RenderedFile render,
      Entry entry,
      int entryIndex,
      TemplateSpec template,
      FileEdits edits,
      List<ManifestObject> committed,
      Set<String> differences) {

    static Optional<EditedFile> of(
        Config config, TemplateLibrary library, RenderedFile render, String committed) {
      int index = -1;
      for (int i = 0; i < config.entries().size(); i++) {
        Entry e = config.entries().get(i);
        if (e.line() == render.entryLine() && e.template().equals(render.template())) {
          index = i;
        }
      }
      Optional<TemplateSpec> template;
      try {
        template = index < 0 ? Optional.empty() : library.get(render.template());
      } catch (InputException e) {
        template = Optional.empty();
      }
      Optional<FileEdits> edits =
          FileEdits.of(render.content(), committed, render.cluster(), render.path().value());
      List<ManifestObject> objects = FileEdits.objects(committed, render.cluster());
      if (template.isEmpty() || edits.isEmpty() || objects.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new EditedFile(
              render,
              config.entries().get(index),
              index,
              template.get(),
              edits.get(),
              objects,
              FileEdits.differences(render.content(), objects, render.cluster())));
    }

    String cluster() {
      return render.cluster();
    }

    /** The file's path below its cluster's folder: the same file of the entry in each cluster. */
    String inCluster(Config config) {
      String prefix = config.outputDir().value() + "/" + cluster() + "/";
      String path = render.path().value();
      return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }

    /** Every edit, compared across clusters: fields, objects added and removed. */
    Set<String> sameness() {
      Set<String> out = new HashSet<>();
      edits.fields().forEach(f -> out.add(f.sameness()));
      return out;
    }

    /** The files of the same entry and name in other clusters, by cluster. */
    static Map<String, EditedFile> siblings(EditedFile e, List<EditedFile> all, Config config) {
      Map<String, EditedFile> out = new LinkedHashMap<>();
      for (EditedFile o : all) {
        if (o != e
            && o.entryIndex == e.entryIndex
            && o.inCluster(config).equals(e.inCluster(config))) {
          out.put(o.cluster(), o);
        }
      }
      return out;
    }
  }
}

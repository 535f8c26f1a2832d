package dev.kubegenerate.check;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.diff.DiffResult;
import dev.kubegenerate.diff.SecretMask;
import dev.kubegenerate.diff.TextDiff;
import dev.kubegenerate.kubernetes.ManifestValidator;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.LineRange;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Status;
import dev.kubegenerate.model.Violation;
import dev.kubegenerate.render.Marker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Compares today's render with the files under each output folder and classifies every file. */
public final class Checker {

  private final Path root;
  private final UpdateJournal journal;

  public Checker(Path root) {
    this(root, Optional.empty());
  }

  /**
   * @param journal where an interrupted update of {@code root} would have left its journal
   */
  public Checker(Path root, Optional<JournalLocation> journal) {
    this.root = root.toAbsolutePath().normalize();
    this.journal = new UpdateJournal(this.root, journal);
  }

  /** The report for a loaded project. */
  public Report check(Project project, Set<Status> failOn, String fixCommand) {
    return check(project, failOn, fixCommand, Report.defaultFailOnRules(), Progress.NONE);
  }

  /**
   * As {@link #check(Project, Set, String)}, with the violation rules that fail, telling {@code
   * progress} as each config is checked.
   */
  public Report check(
      Project project,
      Set<Status> failOn,
      String fixCommand,
      Set<Violation.Rule> failOnRules,
      Progress progress) {
    int total = project.configs().size();
    AtomicInteger done = new AtomicInteger();
    List<Checked> checked =
        EachConfig.run(
                total,
                i ->
                    checkOne(
                        project.configs().get(i),
                        project.rendered().get(i),
                        project.validators().get(i),
                        project.tree()),
                () -> progress.advance("checking", done.incrementAndGet(), total))
            .results();
    return report(checked, failOn, fixCommand, failOnRules);
  }

  /**
   * One config's check.
   *
   * @param files the verdict on each file of its output folder and each file it renders
   * @param temporaries the temporary files an interrupted update left in its output folder
   * @param problems why its output folder could not be listed
   */
  public record Checked(
      List<FileResult> files, List<ManifestPath> temporaries, List<Problem> problems) {

    public Checked {
      files = List.copyOf(files);
      temporaries = List.copyOf(temporaries);
      problems = List.copyOf(problems);
    }
  }

  /**
   * The step that checks each config on the core that rendered it, right after its render ({@link
   * ProjectLoader#load(String, boolean, TemplateFolders, Progress, ProjectLoader.AfterRender)}):
   * the report keeps no text of an up-to-date file, so the run does not hold every render until its
   * end (issue 13).
   */
  public ProjectLoader.AfterRender<Checked> afterRender() {
    return this::checkOne;
  }

  /** The report of configs each checked by {@link #afterRender}. */
  public Report report(
      ProjectLoader.Loaded<Checked> loaded,
      Set<Status> failOn,
      String fixCommand,
      Set<Violation.Rule> failOnRules) {
    return report(loaded.results(), failOn, fixCommand, failOnRules);
  }

  private Report report(
      List<Checked> checked,
      Set<Status> failOn,
      String fixCommand,
      Set<Violation.Rule> failOnRules) {
    List<FileResult> files = new ArrayList<>();
    List<ManifestPath> temporaries = new ArrayList<>();
    List<Problem> errors = new ArrayList<>();
    for (Checked c : checked) {
      files.addAll(c.files());
      temporaries.addAll(c.temporaries());
      errors.addAll(c.problems());
    }
    errors.addAll(journal.leftoversFound(temporaries));
    files.sort(Comparator.comparing(FileResult::path));
    return new Report(noticeOncePerKind(files), errors, failOn, fixCommand, failOnRules);
  }

  private Checked checkOne(
      Config config, List<RenderedFile> rendered, ClusterValidators validators, ScannedTree tree) {
    try {
      return checkConfig(config, rendered, validators, tree);
    } catch (InputException e) {
      return new Checked(List.of(), List.of(), e.problems());
    }
  }

  /** A custom resource kind without a schema is told once, on the first file that uses it. */
  private static List<FileResult> noticeOncePerKind(List<FileResult> files) {
    Set<String> told = new java.util.HashSet<>();
    List<FileResult> out = new ArrayList<>(files.size());
    for (FileResult f : files) {
      if (f.violations().isEmpty()) {
        out.add(f);
        continue;
      }
      List<Violation> kept =
          f.violations().stream()
              .filter(v -> v.rule() != Violation.Rule.NO_SCHEMA || told.add(v.message()))
              .toList();
      out.add(kept.size() == f.violations().size() ? f : f.withViolations(kept));
    }
    return out;
  }

  /** A report for input that could not be checked at all. */
  public static Report failed(List<Problem> errors, Set<Status> failOn, String fixCommand) {
    return new Report(List.of(), errors, failOn, fixCommand);
  }

  private Checked checkConfig(
      Config config, List<RenderedFile> rendered, ClusterValidators validators, ScannedTree tree)
      throws InputException {
    HandManaged handManaged = new HandManaged(config);
    Map<ManifestPath, RenderedFile> expected = new LinkedHashMap<>();
    for (RenderedFile f : rendered) {
      if (!handManaged.matchesGlob(f.path())) {
        expected.put(f.path(), f);
      }
    }
    List<FileResult> out = new ArrayList<>();
    CommittedFiles.Listing listing = CommittedFiles.list(root, config.outputDir(), tree);
    for (CommittedFile committed : listing.files()) {
      RenderedFile render = expected.remove(committed.path());
      if (render != null && committed.text().filter(render.content()::equals).isPresent()) {
        // the common case, decided with one comparison: no marker parsed, no diff, and the
        // render's text and violations serve for both sides (a glob-matched file has no render)
        out.add(upToDate(config, render));
        continue;
      }
      FileResult result = classify(config, handManaged, committed, Optional.ofNullable(render));
      out.add(
          result.withViolations(
              violations(
                  committed, render, validators.forCluster(clusterOf(config, committed.path())))));
    }
    for (RenderedFile missing : expected.values()) {
      out.add(
          result(
              missing.path(),
              Status.MISSING,
              config,
              Optional.of(missing),
              Optional.empty(),
              new FileResult.Location(config.shownAs(), missing.entryLine(), missing.entryLine())));
    }
    return new Checked(out, listing.temporaries(), listing.problems());
  }

  /**
   * A file equal to its render. The report keeps neither text: no renderer shows or patches an
   * up-to-date file, and a thousand apps' texts are most of what a run would hold to its end.
   */
  private static FileResult upToDate(Config config, RenderedFile render) {
    return new FileResult(
        render.path(),
        Status.OK,
        config.shownAs(),
        Optional.ofNullable(render.template()),
        Optional.ofNullable(render.cluster()).or(() -> clusterOf(config, render.path())),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        new FileResult.Location(render.path().value(), 1, 1),
        render.violations());
  }

  /**
   * Every manifest under the output folder is validated; a file equal to its render shares the
   * render's result. A file that could not be read says so: a required check must not pass, as
   * hand-written, a file it never looked at (one over 1 MiB may hold any number of objects). A link
   * is a warning: it may lead to another manifest of the repository, which kubectl follows.
   */
  private static List<Violation> violations(
      CommittedFile committed, RenderedFile render, ManifestValidator validator) {
    if (committed.text().isEmpty()) {
      return committed
          .unreadable()
          .map(
              why ->
                  List.of(
                      new Violation(
                          Violation.Rule.INVALID,
                          committed.link() ? Violation.Severity.WARNING : Violation.Severity.ERROR,
                          1,
                          0,
                          "",
                          "not validated: " + why)))
          .orElse(List.of());
    }
    String text = committed.text().get();
    return render != null && text.equals(render.content())
        ? render.violations()
        : validator.validate(text);
  }

  private FileResult classify(
      Config config,
      HandManaged handManaged,
      CommittedFile committed,
      Optional<RenderedFile> render) {
    ManifestPath path = committed.path();
    FileResult.Location top = new FileResult.Location(path.value(), 1, 1);
    if (handManaged.matchesGlob(path)) {
      return result(path, Status.HANDWRITTEN, config, Optional.empty(), Optional.empty(), top);
    }
    if (committed.text().isEmpty()) {
      // a link or a binary file: never read, so never shown; it is a finding all the same
      Status status = render.isPresent() ? Status.HAND_EDITED : Status.UNMANAGED;
      return result(path, status, config, render, Optional.empty(), top);
    }
    // a file equal to its render never comes here: checkConfig classifies it first
    String text = committed.text().get();
    boolean bom = text.startsWith("\uFEFF");
    Optional<Marker.Parsed> marker = Marker.parse(bom ? text.substring(1) : text);
    if (marker.isEmpty() && !Marker.looksGenerated(bom ? text.substring(1) : text)) {
      if (handManaged.annotatedManual(text)) {
        return result(path, Status.HANDWRITTEN, config, Optional.empty(), committed.text(), top);
      }
      if (render.isEmpty()) {
        return result(path, Status.UNMANAGED, config, Optional.empty(), committed.text(), top);
      }
      // the marker lines were removed by hand: the file is still ours, and edited
    }
    if (render.isEmpty()) {
      return result(path, Status.ORPHANED, config, Optional.empty(), committed.text(), top);
    }
    boolean intact = marker.isPresent() && marker.get().checksumIntact() && !bom;
    Status status =
        !intact
            ? Status.HAND_EDITED
            // the repository contributes the same as when it was generated: only kube-generate
            // changed
            : marker.get().inputs().filter(i -> sameInputs(i, render.get())).isPresent()
                ? Status.OUTDATED
                : Status.STALE;
    return result(path, status, config, render, committed.text(), top);
  }

  /**
   * Whether a marker's fingerprint is today's, or the one an earlier release wrote for the same
   * inputs (with the path from where it ran, SPEC §4): either way, the repository changed nothing.
   */
  private static boolean sameInputs(String marked, RenderedFile render) {
    return marked.equals(render.inputs()) || marked.equals(render.formerInputs().value());
  }

  private FileResult result(
      ManifestPath path,
      Status status,
      Config config,
      Optional<RenderedFile> render,
      Optional<String> committed,
      FileResult.Location fallback) {
    Optional<String> rendered = render.map(RenderedFile::content);
    Optional<String> diff = Optional.empty();
    List<LineRange> lines = List.of();
    FileResult.Location location = fallback;
    // an unmanaged file is not a difference from a render: what to do with it is the user's choice
    boolean regenerated = status == Status.STALE || status == Status.OUTDATED;
    boolean shown =
        regenerated
            || status == Status.HAND_EDITED
            || status == Status.MISSING
            || status == Status.ORPHANED;
    if (shown) {
      DiffResult d = TextDiff.compute(path, committed, rendered, SecretMask::mask);
      if (d.differs()) {
        diff = Optional.of(d.unified());
        lines = d.lines();
      }
      if ((regenerated || status == Status.HAND_EDITED) && !lines.isEmpty()) {
        // a stale file's checksum line always changes; the annotation belongs on the body's change
        LineRange first =
            lines.stream().filter(r -> r.start() > 2).findFirst().orElse(lines.get(0));
        location = new FileResult.Location(path.value(), first.start(), first.end());
      }
    }
    return new FileResult(
        path,
        status,
        config.shownAs(),
        render.map(RenderedFile::template).or(() -> committed.flatMap(Checker::templateOf)),
        render.map(RenderedFile::cluster).or(() -> clusterOf(config, path)),
        committed,
        rendered,
        diff,
        lines,
        location);
  }

  private static Optional<String> templateOf(String committed) {
    return Marker.parse(committed.startsWith("\uFEFF") ? committed.substring(1) : committed)
        .map(Marker.Parsed::template);
  }

  /** The cluster folder a file sits in: the first segment below the output folder. */
  private static Optional<String> clusterOf(Config config, ManifestPath path) {
    String rest = path.value().substring(config.outputDir().value().length() + 1);
    int slash = rest.indexOf('/');
    return slash < 0 ? Optional.empty() : Optional.of(rest.substring(0, slash));
  }
}

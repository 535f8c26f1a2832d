package dev.kubegenerate.objects;

import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.ObjectImpact;
import dev.kubegenerate.model.ObjectImpact.Change;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The impact of one part of a change (one config's files), computed while the part's texts are in
 * memory and joined with the other parts later exactly as {@link Impacts#of} would have compared
 * all of them at once. A part keeps its impacts, where each object first came, and a 64-bit digest
 * of every object it read; an object that several parts hold (moved from one config to another, or
 * written by two) is compared again, from the files read once more.
 */
public final class ImpactPart {

  private final List<ObjectImpact> impacts;
  // per impact: the digest of its object, and its place in the part's objects after the change
  // (before it, for a deleted object)
  private final long[] digests;
  private final int[] places;
  // the digests of the part's objects after and before the change, in file order
  private final long[] after;
  private final long[] before;

  private ImpactPart(
      List<ObjectImpact> impacts, long[] digests, int[] places, long[] after, long[] before) {
    this.impacts = List.copyOf(impacts);
    this.digests = digests;
    this.places = places;
    this.after = after;
    this.before = before;
  }

  /** The part of a change made of {@code files}, as {@link Impacts#of} takes them. */
  public static ImpactPart of(List<FileResult> files) {
    Read read = Read.of(files, d -> true);
    List<ObjectChange> changes =
        Comparison.compare(read.before, read.after, CompareOptions.exact());
    Map<ObjectId, Integer> firstAfter = firstPlaces(read.after);
    Map<ObjectId, Integer> firstBefore = firstPlaces(read.before);
    List<ObjectImpact> impacts = new ArrayList<>(changes.size());
    long[] digests = new long[changes.size()];
    int[] places = new int[changes.size()];
    for (int i = 0; i < changes.size(); i++) {
      ObjectChange c = changes.get(i);
      impacts.add(Impact.of(c));
      digests[i] = digest(c.id());
      places[i] = (c.change() == Change.DELETED ? firstBefore : firstAfter).get(c.id());
    }
    return new ImpactPart(impacts, digests, places, digests(read.after), digests(read.before));
  }

  /** The part's impacts as if it were the whole change. */
  public List<ObjectImpact> impacts() {
    return impacts;
  }

  /**
   * The impacts of the parts as one change: what {@link Impacts#of} gives for all their files
   * together, in the same order.
   *
   * @param reread the files of part {@code i} with their texts, read again; asked only for a part
   *     that holds an object another part holds too
   */
  public static List<ObjectImpact> join(
      List<ImpactPart> parts, IntFunction<List<FileResult>> reread) {
    long[] shared = shared(parts);
    List<Placed> changed = new ArrayList<>();
    List<Placed> deleted = new ArrayList<>();
    for (int p = 0; p < parts.size(); p++) {
      ImpactPart part = parts.get(p);
      for (int i = 0; i < part.impacts.size(); i++) {
        if (Arrays.binarySearch(shared, part.digests[i]) < 0) {
          ObjectImpact impact = part.impacts.get(i);
          (impact.change() == Change.DELETED ? deleted : changed)
              .add(new Placed(impact, p, part.places[i]));
        }
      }
    }
    if (shared.length > 0) {
      compareShared(parts, shared, reread, changed, deleted);
    }
    return Placed.inOrder(changed, deleted);
  }

  /** An impact and where its object first came: in which part, at which place. */
  record Placed(ObjectImpact impact, int part, int place) {

    private static final Comparator<Placed> ORDER =
        Comparator.comparingInt(Placed::part).thenComparingInt(Placed::place);

    /**
     * The impacts of a change in the order users read them: created and updated objects in the
     * order they come after it, then deleted ones in the order they came before it.
     */
    static List<ObjectImpact> inOrder(List<Placed> changed, List<Placed> deleted) {
      changed.sort(ORDER);
      deleted.sort(ORDER);
      List<ObjectImpact> out = new ArrayList<>(changed.size() + deleted.size());
      changed.forEach(p -> out.add(p.impact()));
      deleted.forEach(p -> out.add(p.impact()));
      return out;
    }
  }

  /** The digests found in more than one part, sorted. */
  private static long[] shared(List<ImpactPart> parts) {
    long[][] distinct = new long[parts.size()][];
    int total = 0;
    for (int p = 0; p < parts.size(); p++) {
      ImpactPart part = parts.get(p);
      long[] all = Arrays.copyOf(part.after, part.after.length + part.before.length);
      System.arraycopy(part.before, 0, all, part.after.length, part.before.length);
      distinct[p] = Arrays.stream(all).sorted().distinct().toArray();
      total += distinct[p].length;
    }
    long[] all = new long[total];
    int at = 0;
    for (long[] d : distinct) {
      System.arraycopy(d, 0, all, at, d.length);
      at += d.length;
    }
    Arrays.sort(all);
    return java.util.stream.IntStream.range(1, all.length)
        .filter(i -> all[i] == all[i - 1])
        .mapToLong(i -> all[i])
        .distinct()
        .toArray();
  }

  /**
   * Compares the objects several parts hold as {@link Impacts#of} would: the parts that hold one
   * are read again, and only those objects kept, each placed where it first came.
   */
  private static void compareShared(
      List<ImpactPart> parts,
      long[] shared,
      IntFunction<List<FileResult>> reread,
      List<Placed> changed,
      List<Placed> deleted) {
    List<ManifestObject> before = new ArrayList<>();
    List<ManifestObject> after = new ArrayList<>();
    Map<ObjectId, int[]> firstAfter = new HashMap<>();
    Map<ObjectId, int[]> firstBefore = new HashMap<>();
    for (int p = 0; p < parts.size(); p++) {
      if (!holdsAny(parts.get(p), shared)) {
        continue;
      }
      Read read = Read.of(reread.apply(p), d -> Arrays.binarySearch(shared, d) >= 0);
      keep(read.after, read.afterPlaces, p, after, firstAfter);
      keep(read.before, read.beforePlaces, p, before, firstBefore);
    }
    for (ObjectChange c : Comparison.compare(before, after, CompareOptions.exact())) {
      boolean gone = c.change() == Change.DELETED;
      int[] first = (gone ? firstBefore : firstAfter).get(c.id());
      (gone ? deleted : changed).add(new Placed(Impact.of(c), first[0], first[1]));
    }
  }

  private static void keep(
      List<ManifestObject> objects,
      List<Integer> places,
      int part,
      List<ManifestObject> into,
      Map<ObjectId, int[]> first) {
    for (int i = 0; i < objects.size(); i++) {
      into.add(objects.get(i));
      first.putIfAbsent(objects.get(i).id(), new int[] {part, places.get(i)});
    }
  }

  private static boolean holdsAny(ImpactPart part, long[] shared) {
    for (long d : part.after) {
      if (Arrays.binarySearch(shared, d) >= 0) {
        return true;
      }
    }
    for (long d : part.before) {
      if (Arrays.binarySearch(shared, d) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The objects of a part's files before and after the change, in file order, those whose digest
   * {@code keep} accepts, each with its place among all of the part's objects.
   */
  private record Read(
      List<ManifestObject> before,
      List<Integer> beforePlaces,
      List<ManifestObject> after,
      List<Integer> afterPlaces) {

    static Read of(List<FileResult> files, java.util.function.LongPredicate keep) {
      Read read =
          new Read(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      int[] placeBefore = {0};
      int[] placeAfter = {0};
      for (FileResult f : files) {
        String cluster = f.cluster().orElse("");
        String file = f.path().value();
        add(f.committed(), cluster, file, keep, read.before, read.beforePlaces, placeBefore);
        add(f.rendered(), cluster, file, keep, read.after, read.afterPlaces, placeAfter);
      }
      return read;
    }

    private static void add(
        Optional<String> text,
        String cluster,
        String file,
        java.util.function.LongPredicate keep,
        List<ManifestObject> into,
        List<Integer> places,
        int[] place) {
      if (text.isEmpty()) {
        return;
      }
      for (ManifestObject o : Manifests.read(text.get(), cluster, file).objects()) {
        if (keep.test(digest(o.id()))) {
          into.add(o);
          places.add(place[0]);
        }
        place[0]++;
      }
    }
  }

  private static Map<ObjectId, Integer> firstPlaces(List<ManifestObject> objects) {
    Map<ObjectId, Integer> first = new HashMap<>();
    for (int i = 0; i < objects.size(); i++) {
      first.putIfAbsent(objects.get(i).id(), i);
    }
    return first;
  }

  private static long[] digests(List<ManifestObject> objects) {
    return objects.stream().mapToLong(o -> digest(o.id())).toArray();
  }

  /**
   * FNV-1a over the identity's parts: two parts that hold the same object share its digest, and two
   * objects that share one only cost a comparison from the files.
   */
  static long digest(ObjectId id) {
    long h = 0xcbf29ce484222325L;
    for (String part :
        new String[] {id.cluster(), id.group(), id.kind(), id.namespace(), id.name()}) {
      for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
        h = (h ^ (b & 0xff)) * 0x100000001b3L;
      }
      // a separator no UTF-8 text holds, so ("ab", "c") and ("a", "bc") differ
      h = (h ^ 0xff) * 0x100000001b3L;
    }
    return h;
  }
}

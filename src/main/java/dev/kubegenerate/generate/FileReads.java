package dev.kubegenerate.generate;

import dev.kubegenerate.engine.Reads;
import dev.kubegenerate.template.TemplateSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The config keys the renders of one entry for one cluster read (SPEC §8.6): what each body looked
 * up, with every value the tool derives replaced by the keys it came from. A fragment (the shared
 * pod template) stands for the keys its render read, the ConfigMap hash for the ConfigMaps' reads,
 * {@code component} for {@code name}; {@code cluster} and {@code kubernetes} are in every
 * fingerprint anyway, and a name the config cannot give (a template's own setting, a name no
 * parameter declares) is no input of the repository's.
 */
final class FileReads {

  /**
   * Values the tool derives for an entry's cluster.
   *
   * @param configHash the hash of the ConfigMaps its pods read, or null
   * @param configHashReads the config keys that hash depends on
   * @param namespace the namespace its objects are in
   */
  record Derived(String configHash, ReadSet configHashReads, String namespace) {}

  private final Plans plans;
  private final Set<String> declared;
  private final Derived derived;
  // each fragment's variable and the keys its render read
  private final Map<String, ReadSet> fragments = new HashMap<>();

  FileReads(Plans plans, TemplateSpec template, Derived derived) {
    this.plans = plans;
    this.declared = plans.declared(template);
    this.derived = derived;
  }

  /** Notes what a fragment's render read: a body that reads its variable read those keys. */
  void fragment(TemplateSpec.Fragment fragment, Reads reads) {
    fragments.put(fragment.variable(), keys(fragment.body(), reads, fragment.settings().keySet()));
  }

  /** The config keys a body's render read. */
  ReadSet body(TemplateSpec.Body body, Reads reads) {
    return keys(body, reads, Set.of());
  }

  private ReadSet keys(TemplateSpec.Body body, Reads reads, Set<String> settings) {
    if (reads.whole() || reads.allNames()) {
      return everything(reads, settings);
    }
    // a render reused for another cluster or entry read the same, and so does another app's
    // render of the same body that looked up the same names: what it reads of the config
    // directly is worked out once, only the fragments and the ConfigMap hash it reads differ
    Plan plan =
        plans.plans.computeIfAbsent(
            reads,
            r -> {
              PlanKey key = new PlanKey(body, r.names(), r.tested());
              Plan known = PLANS.get(key);
              if (known == null) {
                known = plan(r, settings);
                if (PLANS.size() < MAX_PLANS) {
                  PLANS.putIfAbsent(key, known);
                }
              }
              return known;
            });
    if (plan.fragments().isEmpty() && !plan.configHash()) {
      return plan.own();
    }
    List<ReadSet> parts = new ArrayList<>(plan.fragments().size() + 2);
    parts.add(plan.own());
    for (String variable : plan.fragments()) {
      parts.add(fragments.get(variable));
    }
    if (plan.configHash()) {
      parts.add(derived.configHashReads());
    }
    return parts.size() == 2 && plan.own().size() == 0 ? parts.get(1) : union(parts);
  }

  /**
   * What one render read: the config keys it looked up itself, the fragments it read and whether it
   * read the ConfigMap hash.
   */
  private record Plan(ReadSet own, List<String> fragments, boolean configHash) {}

  private Plan plan(Reads reads, Set<String> settings) {
    Set<String> own = new HashSet<>();
    List<String> fragmentsRead = new ArrayList<>();
    boolean configHash = false;
    for (String name : reads.names()) {
      if (fragments.containsKey(name)) {
        fragmentsRead.add(name);
      } else if (settings.contains(name)) {
        continue; // the template's constant for the fragment
      } else if (name.equals("component")) {
        keep("name", own); // the entry's name, else the template's role
      } else if (name.equals("configHash")) {
        configHash = true;
      } else if (name.equals("app")) {
        own.add(name);
      } else {
        keep(name, own);
      }
    }
    reads.tested().forEach(name -> keep(name, own));
    return new Plan(ReadSet.of(own), List.copyOf(fragmentsRead), configHash);
  }

  /** A render that saw the context as a whole, or every null parameter: not planned. */
  private ReadSet everything(Reads reads, Set<String> settings) {
    Set<String> out = new HashSet<>(declared);
    if (reads.whole()) {
      // it may depend on anything the config gives the entry
      out.add("app");
      fragments.values().forEach(f -> out.addAll(f.names()));
      configHash(out);
    }
    Plan plan = plan(reads, settings);
    out.addAll(plan.own().names());
    plan.fragments().forEach(f -> out.addAll(fragments.get(f).names()));
    if (plan.configHash()) {
      configHash(out);
    }
    return ReadSet.of(out);
  }

  private void configHash(Set<String> out) {
    out.addAll(derived.configHashReads().names());
  }

  private void keep(String name, Set<String> out) {
    if (declared.contains(name)) {
      out.add(name);
    }
  }

  /**
   * Plans kept for the process, by body and the names its render looked up and tested: a body's
   * template, settings and the fragments before it are the same wherever it renders.
   */
  private static final Map<PlanKey, Plan> PLANS = new ConcurrentHashMap<>();

  private static final int MAX_PLANS = 16_384;

  /** A body by identity, and what a render of it read. */
  private static final class PlanKey {
    private final TemplateSpec.Body body;
    private final Set<String> names;
    private final Set<String> tested;
    private final int hash;

    PlanKey(TemplateSpec.Body body, Set<String> names, Set<String> tested) {
      this.body = body;
      this.names = names;
      this.tested = tested;
      this.hash = (System.identityHashCode(body) * 31 + names.hashCode()) * 31 + tested.hashCode();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof PlanKey k
          && k.body == body
          && k.hash == hash
          && k.names.equals(names)
          && k.tested.equals(tested);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** Unions of read sets, kept for the process: every app's Deployment reads the same union. */
  private static final Map<List<ReadSet>, ReadSet> UNIONS = new ConcurrentHashMap<>();

  private static ReadSet union(List<ReadSet> parts) {
    ReadSet kept = UNIONS.get(parts);
    if (kept != null) {
      return kept;
    }
    Set<String> all = new HashSet<>();
    parts.forEach(p -> all.addAll(p.names()));
    ReadSet made = ReadSet.of(all);
    if (UNIONS.size() < ReadSet.MAX_KEPT) {
      UNIONS.putIfAbsent(List.copyOf(parts), made);
    }
    return made;
  }

  /** What one config's renders share: each template's parameter names, each render's plan. */
  static final class Plans {
    private final Map<TemplateSpec, Set<String>> declared = new IdentityHashMap<>();
    private final Map<Reads, Plan> plans = new IdentityHashMap<>();

    Set<String> declared(TemplateSpec template) {
      return declared.computeIfAbsent(template, t -> Set.copyOf(t.parameterNames()));
    }
  }
}
